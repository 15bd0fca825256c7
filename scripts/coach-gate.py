#!/usr/bin/env python3
"""Checks the coach's figures (the JSON of coach_eval on stdin) against tests/coach-corpus/gate.json:
each named figure at least its `min` or at most its `max`; `checklist_agreement` applies to every
element. Exit status 1, with every regression named, when any figure is worse than the gate."""
import json
import os
import sys

GATE = os.path.join(os.path.dirname(__file__), "..", "tests", "coach-corpus", "gate.json")


def main():
    gate = json.load(open(GATE, encoding="utf-8"))
    figures = {s["set"]: s for s in json.load(sys.stdin)}
    worse = []
    for name, limits in gate.items():
        if name == "about":
            continue
        if name not in figures:
            worse.append(f"{name}: not measured")
            continue
        got = figures[name]
        for figure, limit in limits.items():
            values = got[figure]
            pairs = values.items() if isinstance(values, dict) else [(figure, values)]
            for label, value in pairs:
                if value is None:
                    continue
                if "min" in limit and value < limit["min"]:
                    worse.append(f"{name}: {label} {value} is below the gate's {limit['min']}")
                if "max" in limit and value > limit["max"]:
                    worse.append(f"{name}: {label} {value} is above the gate's {limit['max']}")
        print(f"{name}: tool-talk recall {got['tool_talk_recall']}, false alarms {got['false_alarms_on_keep']}, "
              f"findings on clean prose {got['findings_on_clean_prose']}")
    for line in worse:
        print(f"coach gate: {line}", file=sys.stderr)
    sys.exit(1 if worse else 0)


if __name__ == "__main__":
    main()
