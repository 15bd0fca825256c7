#!/usr/bin/env bash
# Fuzzes what Casewright reads from other people (issue #8): project files and case CSV
# files, with cargo-fuzz (libFuzzer) on the nightly toolchain. Not part of CI.
#   bash scripts/fuzz.sh TARGET SECONDS      TARGET: open_project | csv_import
# Seeds: the sample project and its hostile variants, the starter cases as CSV.
source "$(dirname "$0")/lib.sh"
TARGET="${1:?TARGET: open_project or csv_import}"
SECONDS_TO_RUN="${2:-600}"
cd "$ROOT"
rustup toolchain list | grep -q nightly || die "cargo fuzz needs the nightly toolchain (rustup toolchain install nightly)"
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
corpus="$ROOT/fuzz/corpus/$TARGET"
mkdir -p "$corpus"
if [ -z "$(ls -A "$corpus")" ]; then
  cargo build --quiet -p casewright
  case "$TARGET" in
    open_project)
      "$CLI_BIN" new "$corpus/sample.casewright" --sample >/dev/null
      ;;
    csv_import)
      CASEWRIGHT_HOME="$(mktemp -d)" "$CLI_BIN" cases export "$corpus/starter.csv" >/dev/null
      ;;
  esac
fi
# Its own target directory, outside the CI cache: sanitizer builds share nothing with the
# workspace's, and would only swell the cache.
CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-/var/cache/casewright/fuzz-target}" \
  cargo +nightly fuzz run --fuzz-dir fuzz "$TARGET" "$corpus" -- \
  -max_total_time="$SECONDS_TO_RUN" -max_len=262144 -timeout=20 -rss_limit_mb=4096 -print_final_stats=1
