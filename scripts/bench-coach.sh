#!/usr/bin/env bash
# The coach's speed: `cargo bench --bench coach` (50,000 words with the default pack and 300
# more rules read in context, re-coaching one block, compiling the rules), then the first
# coaching after start in fresh processes (rules and context patterns compiled, the
# 50,000-word storyboard coached once), RUNS times, with the median.
#   bash scripts/bench-coach.sh [RUNS]   (default 15)
source "$(dirname "$0")/lib.sh"
RUNS="${1:-15}"
cd "$ROOT"
cargo bench --quiet -p casewright-core --bench coach
cargo build --quiet --release -p casewright-core --example coach_first
step "First coaching after start, $RUNS fresh processes"
for _ in $(seq "$RUNS"); do "$TARGET_DIR/release/examples/coach_first"; done |
  awk '{print $1}' | sort -n | awk '{a[NR]=$1} END {printf "median %.1f ms, fastest %.1f ms, slowest %.1f ms\n", a[int((NR+1)/2)], a[1], a[NR]}'
