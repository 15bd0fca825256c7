#!/usr/bin/env bash
# The UI half of the storyboard benchmark (the issue's "open and render under 300 ms"): a
# generated project of 2,000 blocks in 12 sections (bench/storyboard/make-big-project.mjs),
# made into a file by the CLI, opened RUNS times in the real app window (WebKitGTK, under Xvfb
# unless DISPLAY is set) and timed by the app's own User Timing measures, read through
# tauri-driver by bench/storyboard/measure.mjs: open and render, and a move from a card's
# Move to… menu until it shows. The core half: cargo bench -p casewright-core --bench storyboard.
#   bash scripts/bench-storyboard.sh [RUNS]        (MOVES=N per run, default 3; 0 skips them)
# Uses the release app and CLI when both are built, else the debug ones; builds (debug, with
# scripts/build-app.sh) only when neither is there.
source "$(dirname "$0")/lib.sh"
RUNS="${1:-5}"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a whole number of runs, at least 1 (got '$RUNS')"

if [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null || bash "$ROOT/scripts/setup.sh" >/dev/null
  exec xvfb-run -a -s "-screen 0 1440x900x24" bash "$0" "$@"
fi

bash "$ROOT/scripts/setup.sh" >/dev/null # tauri-driver, WebKitWebDriver, Xvfb, the e2e tests' webdriverio

if [ -x "$TARGET_DIR/release/casewright-app" ] && [ -x "$TARGET_DIR/release/casewright" ]; then
  KIND=release
elif [ -x "$TARGET_DIR/debug/casewright-app" ] && [ -x "$TARGET_DIR/debug/casewright" ]; then
  KIND=debug
else
  step "No app built in $TARGET_DIR: building it (debug)"
  bash "$ROOT/scripts/build-app.sh"
  KIND=debug
fi
APP="$TARGET_DIR/$KIND/casewright-app"
CLI="$TARGET_DIR/$KIND/casewright"
# The UI is embedded in the app when it is built: a newer ui/src is not what gets measured.
if [ -n "$(find "$ROOT/ui/src" -type f -newer "$APP" -print -quit)" ]; then
  echo "note: ui/src has changed since $APP was built; rebuild it (scripts/build-app.sh) to measure the current UI"
fi

WORK="$(mktemp -d)"
# A clean data directory and webview profile, as the end-to-end tests use (tests/e2e/run.sh).
export CASEWRIGHT_HOME="$WORK/home"
export XDG_DATA_HOME="$CASEWRIGHT_HOME/xdg-data" XDG_CACHE_HOME="$CASEWRIGHT_HOME/xdg-cache"
mkdir -p "$CASEWRIGHT_HOME"
DRIVER=""
cleanup() {
  if [ -n "$DRIVER" ]; then
    kill "$DRIVER" 2>/dev/null || true
    wait "$DRIVER" 2>/dev/null || true
  fi
  # The app's web process may still be writing its cache for a moment after the session ends.
  for _ in $(seq 20); do
    rm -rf "$WORK" 2>/dev/null && return
    sleep 0.5
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

step "Making the project: 2,000 blocks in 12 sections ($KIND CLI)"
node "$ROOT/bench/storyboard/make-big-project.mjs" "$WORK/big.json" 2000 12
out="$("$CLI" new "$WORK/big.casewright" --from "$WORK/big.json" 2>&1)" || die "$out"
echo "big.casewright: $(du -k "$WORK/big.casewright" | cut -f1) KB"

# Ports of their own, so the end-to-end tests (on free ports of theirs) can run meanwhile.
export WEBDRIVER_PORT="${WEBDRIVER_PORT:-4454}"
tauri-driver --port "$WEBDRIVER_PORT" --native-port "$((WEBDRIVER_PORT + 1))" >"$WORK/tauri-driver.log" 2>&1 &
DRIVER=$!
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$WEBDRIVER_PORT/status" >/dev/null && break
  sleep 0.2
done
curl -sf "http://127.0.0.1:$WEBDRIVER_PORT/status" >/dev/null || { cat "$WORK/tauri-driver.log" >&2; die "tauri-driver did not start"; }

step "Opening it in the app ($KIND build), $RUNS runs"
node "$ROOT/bench/storyboard/measure.mjs" "$APP" "$WORK/big.casewright" "$RUNS" "$KIND"
