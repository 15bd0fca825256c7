#!/usr/bin/env bash
# Recomputes the framing coach's recall and false-alarm rate on real pitch passages:
# the development set the rules were tuned on (tests/coach-devset) and a held-out set
# annotated blind to the rules and since used for tuning too (tests/coach-heldout), and the
# final blind test set, never to be used for tuning (tests/coach-testset).
# Pass --verbose to list each miss.
source "$(dirname "$0")/lib.sh"
for set in coach-devset coach-heldout coach-testset; do
  step "$set"
  cargo run --quiet --manifest-path "$ROOT/Cargo.toml" -p casewright-core --example coach_eval -- "$ROOT/tests/$set/passages.json" "$@"
done
