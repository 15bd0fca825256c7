#!/usr/bin/env bash
# Command one: install what is missing, build, and launch Casewright on the sample project.
source "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/setup.sh"
bash "$ROOT/scripts/build-app.sh"
step "Launching Casewright (first start opens the bundled sample project)"
exec "$APP_BIN" "$@"
