// Pilots in the real app: a pilot with results (made with the CLI from the JSON exchange
// format) is judged by the real core in the Pilots view, its chart drawn from the core's
// model, and "Use this win" adds the story to the storyboard, saved in the file at once.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, openInApp } from "./support.mjs";

const dir = mkdtempSync(join(tmpdir(), "casewright-e2e-pilots-"));
const sample = JSON.parse(readFileSync(new URL("../../assets/sample/social-collaboration.json", import.meta.url), "utf8"));
sample.pilots = [
  {
    name: "Plant 2 problem board",
    team: "Plant 2 maintenance",
    start: "2026-09-01",
    end: "2026-12-18",
    resultsUntil: "2026-12-18",
    hypothesis: "Engineers who can ask the whole plant solve escalated problems faster.",
    criteria: [
      {
        metric: "Days to resolve an escalated problem",
        unit: "working days",
        direction: "lower",
        baseline: 19,
        target: 12,
        results: {
          design: "independent",
          pilot: [11, 9, 12, 10, 8, 11, 10, 9, 12, 10],
          comparison: [19, 18, 21, 17, 20, 19, 22, 18, 20, 19],
        },
      },
    ],
  },
];
writeFileSync(join(dir, "case.json"), JSON.stringify(sample));
const projectFile = join(dir, "Pilots.casewright");
execFileSync(cli, ["new", projectFile, "--from", join(dir, "case.json")]);

let browser;

after(async () => {
  await browser?.deleteSession();
});

const storyTitles = () =>
  JSON.parse(execFileSync(cli, ["show", projectFile, "--format", "json"], { encoding: "utf8" }))
    .sections.flatMap((s) => s.blocks)
    .map((b) => b.title);

test("the Pilots view shows the core's verdict and the pilot's chart", async () => {
  browser = await openInApp(projectFile);
  await browser.$("#view-pilots").click();
  const verdict = browser.$('[data-testid="pilot-report"] [data-testid="verdict"]');
  await verdict.waitForExist({ timeout: 10000 });
  assert.equal(await verdict.getAttribute("data-verdict"), "win");
  const summary = await browser.$('[data-testid="pilot-summary"]').getProperty("textContent");
  assert.match(summary, /^A win: 1 of 1/);
  const bars = await browser.$$('[data-testid="pilot-chart"] [data-testid="interval-bar"]');
  assert.equal(bars.length, 2);
  assert.ok(await browser.$('[data-testid="pilot-chart"] [data-testid="target-line"]').isExisting());
  await browser.saveScreenshot(join(process.env.E2E_OUT, "pilots-view.png"));
});

test("using the win adds the pilot's story to the storyboard, saved at once", async () => {
  await browser.$('[data-testid="leverage"]').click();
  await browser.$('[data-testid="leverage-note"]').waitForExist({ timeout: 10000 });
  assert.ok(storyTitles().includes("Our pilot: Plant 2 problem board"), "the story is in the file");
  await browser.$("#view-storyboard").click();
  await browser.waitUntil(
    async () =>
      browser.execute(() =>
        Array.from(document.querySelectorAll('[data-testid="storyboard"] [data-testid="block-title"]')).some(
          (t) => t.textContent.trim() === "Our pilot: Plant 2 problem board",
        ),
      ),
    { timeout: 10000, timeoutMsg: "the storyboard never showed the pilot's story" },
  );
});
