#!/usr/bin/env bash
# Crash torture (issue #8): a child process (crates/core/examples/crash_child.rs) edits a
# project as fast as it can and is killed with SIGKILL at a random moment, KILLS times.
# After each SIGKILL (the driver waits for the child first) the project must pass SQLite's
# integrity check, open as the CLI opens it, and hold every edit the child reported
# committed. The driver
# (crates/core/examples/crash_torture.rs) does the killing, waiting and checking in one
# process; it prints its seed first, and CRASH_SEED=S replays a run.
#   bash scripts/crash-torture.sh [KILLS]     (default 500)
source "$(dirname "$0")/lib.sh"
KILLS="${1:-500}"
[[ "$KILLS" =~ ^[1-9][0-9]*$ ]] || die "KILLS must be a whole number, at least 1 (got '$KILLS')"
cd "$ROOT"
cargo build --quiet -p casewright-core --example crash_child --example crash_torture
step "Killing an editing process $KILLS times"
"$TARGET_DIR/debug/examples/crash_torture" "$KILLS" ${CRASH_SEED:+--seed "$CRASH_SEED"}
