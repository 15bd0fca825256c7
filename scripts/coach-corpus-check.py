#!/usr/bin/env python3
"""Checks coach-corpus files (tests/coach-corpus/GUIDELINE.md): the format, every span found in
its passage at its occurrence, no overlapping spans, unique ids. Prints a summary; exits 1 on the
first file with problems, naming each."""
import json
import sys

ELEMENTS = ["business-case", "quantified-outcome", "case-study", "peer-case", "pilot",
            "success-measure", "ask", "urgency"]
STATES = {"supplied", "advised", "absent"}
GENRES = {"vendor", "blog", "advice", "case-study", "news", "proposal", "forum", "report", "other"}
KINDS = {
    "flag": {"tool-argument", "buzzword"},
    "keep": {"means-of-result", "literal-channel", "name-or-title", "factual-narrative", "mention",
             "advice-topic", "ordinary"},
    "may": {"vague-claim", "hedge", "unbacked-proof", "usage-as-success"},
}


def span_range(text, span):
    start = -1
    for _ in range(span["occurrence"]):
        start = text.find(span["text"], start + 1)
        if start < 0:
            return None
    return start, start + len(span["text"])


def check(path, seen_ids):
    problems = []
    try:
        passages = json.load(open(path, encoding="utf-8"))
    except (OSError, ValueError) as e:
        return [f"{path}: cannot read: {e}"], 0, 0
    if not isinstance(passages, list):
        return [f"{path}: the file must hold a JSON list of passages"], 0, 0
    spans_total = 0
    for i, p in enumerate(passages):
        where = f"{path}: passage {i + 1} ({p.get('id', '?')})"
        for key in ["id", "source", "title", "genre", "text", "spans", "elements"]:
            if key not in p:
                problems.append(f"{where}: missing {key!r}")
        if any(k not in p for k in ["id", "text", "spans", "elements"]):
            continue
        if p["id"] in seen_ids:
            problems.append(f"{where}: id {p['id']} used twice")
        seen_ids.add(p["id"])
        if not str(p.get("source", "")).startswith("http"):
            problems.append(f"{where}: source must be the page's URL")
        if p.get("genre") not in GENRES:
            problems.append(f"{where}: genre {p.get('genre')!r} is not one of {sorted(GENRES)}")
        ranges = []
        for s in p["spans"]:
            label, kind = s.get("label"), s.get("kind")
            if label not in KINDS:
                problems.append(f"{where}: span {s.get('text')!r}: label {label!r}")
                continue
            if kind not in KINDS[label]:
                problems.append(f"{where}: span {s.get('text')!r}: kind {kind!r} is not one of {sorted(KINDS[label])}")
            if not isinstance(s.get("occurrence"), int) or s["occurrence"] < 1 or not s.get("text"):
                problems.append(f"{where}: span {s.get('text')!r}: needs text and occurrence >= 1")
                continue
            r = span_range(p["text"], s)
            if r is None:
                problems.append(f"{where}: span {s['text']!r} (occurrence {s['occurrence']}) is not in the text")
                continue
            for other in ranges:
                if r[0] < other[1] and other[0] < r[1]:
                    problems.append(f"{where}: span {s['text']!r} overlaps another span")
            ranges.append(r)
            spans_total += 1
        elements = p["elements"]
        for e in ELEMENTS:
            if elements.get(e) not in STATES:
                problems.append(f"{where}: element {e}: {elements.get(e)!r} is not one of {sorted(STATES)}")
        for e in elements:
            if e not in ELEMENTS:
                problems.append(f"{where}: unknown element {e!r}")
    return problems, len(passages), spans_total


def main():
    seen = set()
    bad = False
    for path in sys.argv[1:]:
        problems, n, spans = check(path, seen)
        for line in problems:
            print(line)
        bad |= bool(problems)
        print(f"{path}: {n} passages, {spans} spans{'' if not problems else f', {len(problems)} problems'}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
