#!/usr/bin/env bash
# The export benchmark of issue #3: a 44-page stress briefing (20 sections, 20 photos of
# about 300 KB, 20 baseline/target charts, a sources appendix) exported by Casewright's
# CLI (release build), by Typst (the `typst` package from PyPI, compiling the same
# content as Typst source: bench/briefing/stress.typ) and by Chromium's headless
# print-to-PDF (the same content as HTML). Reports median time, peak memory, PDF size and
# pages, and whether the targets are met; also the in-process re-layout time the live
# preview pays on each edit. Installs what it needs (python3-venv, GNU time, typst).
#   bash scripts/bench-briefing.sh [RUNS]
source "$(dirname "$0")/lib.sh"
RUNS="${1:-5}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

bash "$ROOT/scripts/setup.sh" >/dev/null # chromium, poppler-utils
missing=()
[ -x /usr/bin/time ] || missing+=(time)
python3 -c 'import ensurepip' 2>/dev/null || missing+=(python3-venv)
if ((${#missing[@]})); then
  step "Installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
VENV="$TARGET_DIR/bench-venv"
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import typst' 2>/dev/null; then
  step "Installing Typst (PyPI) into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet 'typst==0.15.2'
fi

step "Building the CLI and the stress briefing (release)"
cargo build --quiet --release --manifest-path "$ROOT/Cargo.toml" -p casewright
relayout="$(cargo run --quiet --release --manifest-path "$ROOT/Cargo.toml" -p casewright-core \
  --example stress_briefing -- "$WORK")"
cp "$ROOT/bench/briefing/stress.typ" "$WORK/"

step "Exporting, $RUNS runs each"
python3 "$ROOT/bench/briefing/run.py" "$WORK" "$TARGET_DIR/release/casewright" "$VENV/bin/python" \
  "$(command -v chromium)" "$ROOT/assets/fonts" "$RUNS"
echo "re-layout of the whole briefing (summary included), in process: $relayout"
if [ -n "${KEEP:-}" ]; then
  mkdir -p "$KEEP" && cp "$WORK"/*.pdf "$WORK"/results.json "$KEEP"/
  echo "PDFs kept in $KEEP"
fi
