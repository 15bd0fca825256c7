#!/usr/bin/env bash
# Takes docs/screenshot.png: the real app window on the sample project, under Xvfb.
# Usage: bash scripts/screenshot.sh [OUT.png]   (builds the app if needed)
source "$(dirname "$0")/lib.sh"
OUT="${1:-$ROOT/docs/screenshot.png}"
mkdir -p "$(dirname "$OUT")"
[ -x "$APP_BIN" ] || bash "$ROOT/scripts/build-app.sh"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
step "Starting the app under Xvfb and capturing the screen"
CASEWRIGHT_HOME="$home" xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  "$0" & app=$!
  # Wait until the storyboard has painted its cards (a patch left of the centre holds more
  # than the background: while "Loading project…" shows it is one colour), then a moment more.
  for _ in $(seq 120); do
    sleep 0.5
    colours=$(import -window root -crop 300x200+300+500 -format %k info: 2>/dev/null || echo 0)
    [ "${colours:-0}" -gt 8 ] && break
  done
  sleep 2
  import -window root "$1"
  kill $app
  wait $app 2>/dev/null || true
' "$APP_BIN" "$OUT"
echo "wrote $OUT"
