#!/usr/bin/env bash
# Command two: install what is missing, then run every check and test: formatting, lints,
# Rust unit and integration tests, UI type check and unit tests, the PDF checked by qpdf,
# and end-to-end tests of the real app window under Xvfb.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
bash scripts/setup.sh
bash scripts/build-app.sh

step "Rust formatting and lints"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --features casewright-app/custom-protocol -- -D warnings

step "Rust tests (core, CLI and shell)"
cargo test -p casewright-core -p casewright -p casewright-app --features casewright-app/custom-protocol

step "UI type check and unit tests"
(cd ui && npm run check && npm test && npm run test:browser)

step "The coach on its annotated development sets, gated at the figures of the day"
bash scripts/coach-eval.sh --gate

step "Crash torture: a project killed mid-edit keeps every committed edit"
bash scripts/crash-torture.sh "${CRASH_KILLS:-300}"

step "Exported briefings checked by qpdf and pdffonts"
out="$(mktemp -d)"
"$CLI_BIN" new "$out/sample.casewright" --sample
for variant in "a4" "letter --handout"; do
  # shellcheck disable=SC2086 # the variant is two words on purpose
  SOURCE_DATE_EPOCH=1795737599 "$CLI_BIN" export "$out/sample.casewright" --pdf "$out/briefing.pdf" --paper $variant
  qpdf --check "$out/briefing.pdf"
  pdffonts "$out/briefing.pdf" | tee "$out/fonts.txt"
  # Every font embedded and subset (columns emb and sub say yes).
  if awk 'NR > 2 && ($(NF-4) != "yes" || $(NF-3) != "yes")' "$out/fonts.txt" | grep -q .; then
    die "a font in the briefing is not embedded and subset"
  fi
done
rm -rf "$out"

step "End-to-end tests of the real app (Xvfb + WebDriver)"
xvfb-run -a -s "-screen 0 1440x900x24" bash tests/e2e/run.sh
