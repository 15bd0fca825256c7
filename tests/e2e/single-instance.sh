#!/usr/bin/env bash
# A double-clicked project while the app runs: the second start hands its file to the
# running app and ends; the running app opens it. Run inside a D-Bus session and a display
# (run.sh: dbus-run-session under xvfb-run). Seen from outside through the lock file
# (.~lock.NAME#) that the app keeps beside each project it has open.
set -euo pipefail
: "${APP_BIN:?}" "${DISPLAY:?needs a display}" "${DBUS_SESSION_BUS_ADDRESS:?needs a D-Bus session}"
CLI="$(dirname "$APP_BIN")/casewright"
home="$(mktemp -d)"
first=""
# The app is waited for before its folder goes: a killed app may still be writing (its
# shader cache, its lock file) for a moment.
cleanup() {
  if [ -n "$first" ]; then
    kill "$first" 2>/dev/null || true
    wait "$first" 2>/dev/null || true
  fi
  rm -rf "$home"
}
trap cleanup EXIT
export CASEWRIGHT_HOME="$home/data" XDG_DATA_HOME="$home/xdg-data" XDG_CACHE_HOME="$home/xdg-cache"
mkdir -p "$home/projects"
"$CLI" new "$home/projects/first.casewright" --sample >/dev/null
"$CLI" new "$home/projects/second.casewright" --sample >/dev/null

wait_for() { # FILE SECONDS
  for _ in $(seq $(($2 * 10))); do [ -e "$1" ] && return 0; sleep 0.1; done
  return 1
}
wait_gone() { # FILE SECONDS
  for _ in $(seq $(($2 * 10))); do [ -e "$1" ] || return 0; sleep 0.1; done
  return 1
}
fail() { echo "not ok - $*" >&2; exit 1; }

"$APP_BIN" "$home/projects/first.casewright" >"$home/first.log" 2>&1 &
first=$!
wait_for "$home/projects/.~lock.first.casewright#" 60 || fail "the first instance never opened its project"
# The second start must find the first instance's single-instance service on the bus.
bus_has_app() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.ListNames 2>/dev/null |
    grep -q 'app\.casewright\.desktop\.SingleInstance'
}
for _ in $(seq 300); do bus_has_app && break; sleep 0.1; done
bus_has_app || fail "the first instance never registered its single-instance service on the bus"

start=$(date +%s)
(cd "$home/projects" && timeout 30 "$APP_BIN" second.casewright >"$home/second.log" 2>&1) ||
  fail "the second start did not end by itself ($(cat "$home/second.log"))"
echo "ok - the second start handed over and ended in $(($(date +%s) - start)) s"
kill -0 "$first" 2>/dev/null || fail "the first instance is gone"
wait_for "$home/projects/.~lock.second.casewright#" 30 || fail "the running app did not open the second project"
# The new project is locked before the old one is closed (so a failure to open leaves the
# old one open); its lock goes a moment later.
wait_gone "$home/projects/.~lock.first.casewright#" 30 || fail "the first project is still held after switching"
echo "ok - the running app opened the project the second start was given"
