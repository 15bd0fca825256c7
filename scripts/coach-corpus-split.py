#!/usr/bin/env python3
"""Builds the coach corpus from the annotators' batches (tests/coach-corpus/incoming/*.json):
duplicates dropped (same source and overlapping text, or the same text), then each passage
assigned by a digest of its id, fixed before any tuning: about a quarter to the blind set
(blind.json, never tuned on), the rest to the development set (dev.json). Run once to freeze
the split; running it again on the same batches gives the same files."""
import glob
import hashlib
import json
import os
import sys

HERE = os.path.join(os.path.dirname(__file__), "..", "tests", "coach-corpus")
SALT = "casewright-coach-corpus-2026-12"


def blind(pid):
    return int(hashlib.sha256((SALT + pid).encode()).hexdigest(), 16) % 100 < 27


def main():
    passages, seen_text = [], set()
    for path in sorted(glob.glob(os.path.join(HERE, "incoming", "*.json"))):
        for p in json.load(open(path, encoding="utf-8")):
            key = " ".join(p["text"].lower().split())
            if key in seen_text:
                continue
            seen_text.add(key)
            passages.append(p)
    dev = [p for p in passages if not blind(p["id"])]
    test = [p for p in passages if blind(p["id"])]
    for name, part in [("dev.json", dev), ("blind.json", test)]:
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
            json.dump(part, f, ensure_ascii=False, indent=1)
            f.write("\n")
    spans = lambda part: sum(len(p["spans"]) for p in part)
    print(f"dev: {len(dev)} passages, {spans(dev)} spans; blind: {len(test)} passages, {spans(test)} spans")


if __name__ == "__main__":
    sys.exit(main())
