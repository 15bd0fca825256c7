#!/usr/bin/env bash
# Builds the web UI, then the desktop app with the UI embedded (debug profile).
source "$(dirname "$0")/lib.sh"
step "Building the UI"
(cd "$ROOT/ui" && npm run build --silent)
step "Building the app and the CLI"
cargo build --manifest-path "$ROOT/Cargo.toml" -p casewright-app -p casewright --features casewright-app/custom-protocol
