#!/usr/bin/env bash
# Crash torture (issue #8): a child process (crates/core/examples/crash_child.rs) edits a
# project as fast as it can and is killed with SIGKILL at a random moment, KILLS times.
# After each kill the project must pass SQLite's integrity check, open with the CLI, and
# hold every edit the child reported committed (tests/crash/verify.py).
#   bash scripts/crash-torture.sh [KILLS]     (default 500)
source "$(dirname "$0")/lib.sh"
KILLS="${1:-500}"
[[ "$KILLS" =~ ^[1-9][0-9]*$ ]] || die "KILLS must be a whole number, at least 1 (got '$KILLS')"
cd "$ROOT"
cargo build --quiet -p casewright
cargo build --quiet -p casewright-core --example crash_child
CHILD="$TARGET_DIR/debug/examples/crash_child"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
project="$work/tortured.casewright"
"$CLI_BIN" new "$project" --sample >/dev/null
echo '{"present": {}, "next": 1}' >"$work/ledger.json"

step "Killing an editing process $KILLS times"
committed=0
for ((kill = 1; kill <= KILLS; kill++)); do
  first="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["next"])' "$work/ledger.json")"
  "$CHILD" "$project" "$RANDOM$RANDOM" "$first" >"$work/log.txt" 2>"$work/child.err" &
  child=$!
  # Somewhere from the start-up (opening, checks) to well into the edits.
  sleep "0.$(printf '%03d' $((RANDOM % 250 + 5)))"
  kill -KILL "$child" 2>/dev/null || true
  wait "$child" 2>/dev/null || true
  if grep -q "panicked" "$work/child.err"; then
    cat "$work/child.err" >&2
    die "kill $kill: the child failed by itself before it was killed"
  fi
  "$CLI_BIN" show "$project" >/dev/null 2>"$work/show.err" ||
    die "kill $kill: the project no longer opens: $(cat "$work/show.err")"
  edits="$(python3 tests/crash/verify.py "$work/ledger.json" "$work/log.txt" "$project")" ||
    die "kill $kill: see above"
  committed=$((committed + edits))
  if ((kill % 50 == 0)); then
    printf '  %d kills survived, %d committed edits checked\n' "$kill" "$committed"
  fi
done
printf 'crash torture: %d kills survived; %d edits reported committed, all found; file %d KB\n' \
  "$KILLS" "$committed" "$(($(stat -c %s "$project") / 1024))"
