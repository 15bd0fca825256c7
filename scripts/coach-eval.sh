#!/usr/bin/env bash
# The framing coach measured on annotated real writing, per set (tests/coach-corpus/GUIDELINE.md):
# tool-talk recall, false alarms on do-not-flag spans, findings on clean prose, checklist
# agreement per element, advice counted as supplied. Sets: the corpus's development part
# (tuned on), the older development and held-out sets (tuned on), the older blind set, and
# the corpus's blind set (frozen, never tuned on). Pass --verbose to list each error, --json
# for the figures as JSON; pass set files to measure only those. With --gate it measures the
# sets it is tuned on in a debug build and fails when a figure is worse than
# tests/coach-corpus/gate.json (scripts/test.sh runs this; the blind sets are not touched).
source "$(dirname "$0")/lib.sh"
if [ "${1:-}" = "--gate" ]; then
  cargo run --quiet --manifest-path "$ROOT/Cargo.toml" -p casewright-core --example coach_eval -- \
    "$ROOT/tests/coach-corpus/dev.json" "$ROOT/tests/coach-devset/passages.json" \
    "$ROOT/tests/coach-heldout/passages.json" --json | python3 "$ROOT/scripts/coach-gate.py"
  exit
fi
sets=()
flags=()
for arg in "$@"; do
  case "$arg" in --*) flags+=("$arg") ;; *) sets+=("$arg") ;; esac
done
if ((${#sets[@]} == 0)); then
  for f in tests/coach-corpus/dev.json tests/coach-devset/passages.json tests/coach-heldout/passages.json \
    tests/coach-testset/passages.json tests/coach-corpus/blind.json; do
    [ -f "$ROOT/$f" ] && sets+=("$ROOT/$f")
  done
fi
cargo run --quiet --release --manifest-path "$ROOT/Cargo.toml" -p casewright-core --example coach_eval -- "${sets[@]}" "${flags[@]}"
