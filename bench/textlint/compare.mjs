// textlint's half of scripts/coach-vs-textlint.sh: lints DIR/storyboard.md with
// textlint-rule-prh and DIR/prh.yml, in one process (start-up and config loading are
// not counted), and prints the median time of the runs as JSON.
import { createLinter, loadTextlintrc } from "textlint";
import { join } from "node:path";
import { readFileSync } from "node:fs";

const [dir, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 10);
process.chdir(dir);
const descriptor = await loadTextlintrc({ configFilePath: join(dir, ".textlintrc.json") });
const linter = createLinter({ descriptor });
const file = join(dir, "storyboard.md");
const words = readFileSync(file, "utf8").split(/\s+/).filter(Boolean).length;

const times = [];
let findings = 0;
for (let i = 0; i < runs; i++) {
  const started = process.hrtime.bigint();
  const [result] = await linter.lintFiles([file]);
  times.push(Number(process.hrtime.bigint() - started) / 1e6);
  findings = result.messages.length;
}
times.sort((a, b) => a - b);
console.log(
  JSON.stringify({ tool: "textlint+prh", words, rules: 300, runs, median_ms: Number(times[Math.floor(runs / 2)].toFixed(3)), findings }),
);
