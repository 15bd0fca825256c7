#!/usr/bin/env bash
# Recomputes the framing coach's recall and false-alarm rate on the annotated development
# set of real pitch passages (tests/coach-devset). Pass --verbose to list each miss.
source "$(dirname "$0")/lib.sh"
cargo run --quiet --manifest-path "$ROOT/Cargo.toml" -p casewright-core --example coach_eval -- "$ROOT/tests/coach-devset/passages.json" "$@"
