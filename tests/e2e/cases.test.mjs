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

test("a starter case edited in the app keeps its new title, and search finds it", async () => {
  const renamed = "Kingfisher crews share fault photos across shifts";
  browser ??= await openInApp(projectFile);
  await browser.$("#view-cases").click();
  const search = browser.$('[data-testid="case-search"]');
  await search.waitForExist({ timeout: 15000 });
  await search.setValue("breakdo");
  await browser.waitUntil(async () => (await titles()).length === 1, {
    timeout: 10000,
    timeoutMsg: "the search never narrowed to one case",
  });
  const [before] = await titles();
  await browser.$('[data-testid="case-hit"]').click();
  await browser.$("#edit-case").waitForClickable({ timeout: 5000 });
  await browser.$("#edit-case").click();
  const title = browser.$('[data-testid="case-editor"] input[name="title"]');
  await title.waitForExist({ timeout: 5000 });
  assert.equal(await title.getValue(), before.trim());
  await title.setValue(renamed);
  await browser.waitUntil(async () => (await title.getValue()) === renamed, { timeout: 5000, timeoutMsg: "the title field never held the new title" });
  await browser.$("#save-case").click();
  await browser.$('[data-testid="case-saved"]').waitForExist({ timeout: 10000 });
  assert.equal(await browser.$('[data-testid="case-detail"] h2').getProperty("textContent"), renamed);

  await search.setValue("kingfish");
  await browser.waitUntil(
    async () => {
      const found = await titles();
      return found.length === 1 && found[0].trim() === renamed;
    },
    { timeout: 10000, timeoutMsg: "the search never found the case by its new title" },
  );
  await browser.saveScreenshot(join(process.env.E2E_OUT, "cases-edited.png"));
  // The library file holds the new title (the CLI reads the same library, in CASEWRIGHT_HOME).
  const stored = JSON.parse(execFileSync(cli, ["cases", "search", "kingfisher", "--format", "json"], { encoding: "utf8" }));
  assert.deepEqual(
    stored.hits.map((h) => h.case.title),
    [renamed],
  );
});
