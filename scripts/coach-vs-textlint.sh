#!/usr/bin/env bash
# Lints the same 50,000-word storyboard with the same 300-term substitution dictionary in
# the framing coach (release build) and in textlint + textlint-rule-prh, and reports the
# median times and their ratio. Installs textlint (pinned in bench/textlint) if missing.
#   bash scripts/coach-vs-textlint.sh [RUNS]
source "$(dirname "$0")/lib.sh"
RUNS="${1:-20}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

step "Installing textlint and textlint-rule-prh (bench/textlint)"
(cd "$ROOT/bench/textlint" && npm ci --silent --no-audit --no-fund)

step "The framing coach (release build)"
ours="$(cargo run --quiet --release --manifest-path "$ROOT/Cargo.toml" -p casewright-core \
  --example coach_vs_textlint -- "$OUT" "$RUNS")"
echo "$ours"

step "textlint + textlint-rule-prh"
theirs="$(node "$ROOT/bench/textlint/compare.mjs" "$OUT" "$RUNS")"
echo "$theirs"

node -e '
const [a, b] = process.argv.slice(1).map((s) => JSON.parse(s));
if (a.findings !== b.findings) console.log(`note: findings differ: casewright ${a.findings}, textlint ${b.findings}`);
console.log(`casewright ${a.median_ms} ms, textlint+prh ${b.median_ms} ms: casewright is ${(b.median_ms / a.median_ms).toFixed(1)} times faster`);
' "$ours" "$theirs"
