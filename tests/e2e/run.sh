#!/usr/bin/env bash
# Runs the end-to-end tests against the built app. Needs a display: run it under
# `xvfb-run -a` (scripts/test.sh does). Exit status is the tests' result.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
export APP_BIN="${APP_BIN:-$TARGET_DIR/debug/casewright-app}"
export PATH="$HOME/.cargo/bin:$PATH"
[ -x "$APP_BIN" ] || { echo "build the app first: bash scripts/build-app.sh" >&2; exit 1; }

# Each run starts from a clean data directory, so the app's first start is exercised.
export CASEWRIGHT_HOME="$(mktemp -d)"
# ...and from a fresh webview profile: settings kept in localStorage must not leak between runs.
export XDG_DATA_HOME="$CASEWRIGHT_HOME/xdg-data" XDG_CACHE_HOME="$CASEWRIGHT_HOME/xdg-cache"
export E2E_OUT="${E2E_OUT:-$ROOT/target/e2e}"
mkdir -p "$E2E_OUT"
LOG="$E2E_OUT/tauri-driver.log"
# Free ports, asked of the system, so another driver or a bench running meanwhile is no clash.
free_port() { node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'; }
export WEBDRIVER_PORT="${WEBDRIVER_PORT:-$(free_port)}"
NATIVE_PORT="$(free_port)"
tauri-driver --port "$WEBDRIVER_PORT" --native-port "$NATIVE_PORT" >"$LOG" 2>&1 &
DRIVER=$!
# The data directory goes last. A document portal that D-Bus started for the single-instance
# session may still have its FUSE mount in it (GLib puts it under XDG_CACHE_HOME when there is
# no XDG_RUNTIME_DIR) for a moment after the session ends: wait for it, and never fail the run
# on a temporary directory.
cleanup() {
  kill "$DRIVER" 2>/dev/null || true
  wait "$DRIVER" 2>/dev/null || true
  for _ in $(seq 20); do
    rm -rf "$CASEWRIGHT_HOME" 2>/dev/null && return 0
    fusermount -u "$CASEWRIGHT_HOME/xdg-cache/doc" 2>/dev/null || sleep 0.5
  done
  echo "note: could not remove $CASEWRIGHT_HOME" >&2
}
trap cleanup EXIT
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$WEBDRIVER_PORT/status" >/dev/null && break
  sleep 0.2
done
curl -sf "http://127.0.0.1:$WEBDRIVER_PORT/status" >/dev/null ||
  { cat "$LOG" >&2; echo "tauri-driver did not start on port $WEBDRIVER_PORT (its log is above)" >&2; exit 1; }
cd "$ROOT/tests/e2e"
# E2E_TESTS names some test files (e.g. "coach.test.mjs") to run only those.
if [ -n "${E2E_TESTS:-}" ]; then
  # shellcheck disable=SC2086 # a list of file names on purpose
  node --test --test-concurrency=1 $E2E_TESTS
  exit
fi
node --test --test-concurrency=1 ./*.test.mjs
# With a session bus of its own, so no other test's app is a "running instance".
dbus-run-session -- bash "$ROOT/tests/e2e/single-instance.sh" 2>"$E2E_OUT/single-instance.log" ||
  { tail -n 40 "$E2E_OUT/single-instance.log" >&2; exit 1; }
