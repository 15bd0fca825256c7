// The case library in the real app: on first use the core creates the personal library
// (in CASEWRIGHT_HOME, which run.sh points at a fresh folder) with its illustrative starter
// cases; a search as you type finds one with the matched word marked, and adding it puts a
// story linked to the case into the storyboard, saved in the file at once.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, openInApp } from "./support.mjs";

const dir = mkdtempSync(join(tmpdir(), "casewright-e2e-cases-"));
const projectFile = join(dir, "Cases.casewright");
execFileSync(cli, ["new", projectFile, "--sample"]);

let browser;

after(async () => {
  await browser?.deleteSession();
});

const titles = () => browser.$$('[data-testid="case-hit"] [data-testid="case-title"]').map((t) => t.getProperty("textContent"));

test("search as you type finds a starter case and marks the word", async () => {
  browser = await openInApp(projectFile);
  await browser.$("#view-cases").click();
  await browser.$('[data-testid="case-hit"]').waitForExist({ timeout: 15000 });
  const count = await browser.$('[data-testid="case-count"]').getProperty("textContent");
  assert.match(count, /^\d+ case studies$/);
  await browser.$('[data-testid="case-search"]').setValue("breakdo");
  await browser.waitUntil(async () => (await titles()).length === 1, {
    timeout: 10000,
    timeoutMsg: "the search never narrowed to one case",
  });
  const marked = await browser.$('[data-testid="case-hit"] mark').getProperty("textContent");
  assert.match(marked, /^breakdowns?$/i);
  await browser.saveScreenshot(join(process.env.E2E_OUT, "cases-view.png"));
});

test("adding the case puts its story in the storyboard, saved at once", async () => {
  const [title] = await titles();
  await browser.$('[data-testid="case-hit"]').click();
  await browser.$('[data-testid="case-detail"]').waitForExist({ timeout: 5000 });
  await browser.$("button=Add to storyboard").click();
  await browser.$('[data-testid="use-note"]').waitForExist({ timeout: 10000 });
  const saved = JSON.parse(execFileSync(cli, ["show", projectFile, "--format", "json"], { encoding: "utf8" }));
  assert.ok(
    saved.sections.flatMap((s) => s.blocks).some((b) => b.kind === "story" && b.title === title.trim()),
    "the story is in the file",
  );
});
