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
import { centreOf, cli, drag, openInApp } from "./support.mjs";

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

// ---- A case dragged from the storyboard's library pane ----------------------------------------

/** Titles of the blocks in each section (by section title), as shown. */
function sections() {
  return browser.execute(() => {
    const titles = (zone) =>
      Array.from(zone.querySelectorAll(':scope > [data-testid="block"] [data-testid="block-title"]')).map((t) =>
        t.textContent.trim(),
      );
    const shown = {};
    for (const section of document.querySelectorAll('[data-testid="section"]')) {
      const name = section.querySelector('[data-testid="section-title"]').textContent.trim();
      shown[name] = titles(section.querySelector('[data-testid="section-blocks"]'));
    }
    return shown;
  });
}

/** The blocks of a section as the project file holds them (the CLI reads the file). */
function savedBlocks(sectionTitle) {
  const saved = JSON.parse(execFileSync(cli, ["show", projectFile, "--format", "json"], { encoding: "utf8" }));
  return saved.sections.find((s) => s.title === sectionTitle).blocks;
}

const saved = () =>
  browser.waitUntil(
    async () => (await browser.$('[data-testid="save-state"]').getProperty("textContent")).includes("All changes saved"),
    { timeout: 10000, timeoutMsg: "the toolbar never said the change was saved" },
  );

const announced = (pattern, what) =>
  browser.waitUntil(async () => pattern.test(await browser.$('[data-testid="announcer"]').getProperty("textContent")), {
    timeout: 10000,
    timeoutMsg: `the app never said ${what}`,
  });

const caseCardTitles = () =>
  browser.$$('[data-testid="case-list"] > [data-testid="case-card"] [data-testid="case-card-title"]').map((t) => t.getProperty("textContent"));

/** The storyboard with the library pane on its Case studies tab, searched for `words` (one hit). */
async function findInPane(words) {
  browser ??= await openInApp(projectFile);
  await browser.$("#view-storyboard").click();
  await browser.$('[data-testid="storyboard"] [data-testid="block"]').waitForDisplayed({ timeout: 10000 });
  await browser.$("#library-tab-cases").click();
  await browser.$('[data-testid="case-list"] > [data-testid="case-card"]').waitForExist({ timeout: 10000 });
  await browser.$('[data-testid="library-case-search"]').setValue(words);
  // One card whose title has the words (not the last search's card, still shown for a moment).
  const fits = (title) => words.split(" ").every((w) => title.toLowerCase().includes(w));
  await browser.waitUntil(async () => {
    const titles = await caseCardTitles();
    return titles.length === 1 && fits(titles[0]);
  }, {
    timeout: 10000,
    timeoutMsg: `the case list never narrowed to one case for “${words}”`,
  });
  const [title] = await caseCardTitles();
  return title.trim();
}

test("a case dragged from the library pane between two blocks of Proof lands there with its metrics, saved; Ctrl+Z takes it all back", async () => {
  // “Turbine technicians shared fault fixes and spent 6% less on parts”: two numbered outcomes.
  const title = await findInPane("turbine");
  const organisation = "Fjellbrekke Vindkraft (illustrative)";
  const before = await sections();
  const proofBefore = before.Proof;
  assert.ok(proofBefore.length >= 2, "Proof has blocks to drop between");
  assert.ok(!proofBefore.includes(title));

  const proof = await browser.$$('[data-testid="section"]').filter(async (s) =>
    (await s.$('[data-testid="section-title"]').getProperty("textContent")).trim() === "Proof",
  );
  const secondCard = proof[0].$(':scope [data-testid="section-blocks"] > [data-testid="block"]:nth-of-type(2)');
  // As in editing.test.mjs: the board and the pane scroll separately, so both stay put while
  // the pointer travels from the case card to the second card of Proof.
  const to = await centreOf(browser, secondCard);
  const from = await centreOf(browser, browser.$('[data-testid="case-list"] > [data-testid="case-card"]'));
  await drag(browser, from, to);
  await browser.waitUntil(async () => (await sections()).Proof.includes(title), {
    timeout: 10000,
    timeoutMsg: `“${title}” never landed in Proof`,
  });
  await saved();

  const after = (await sections()).Proof;
  const metrics = after.filter((t) => t.startsWith(`${organisation}:`));
  assert.equal(metrics.length, 2, `a metric block per numbered outcome: ${JSON.stringify(after)}`);
  const expected = [proofBefore[0], title, ...metrics, ...proofBefore.slice(1)];
  // The board renders a window of each section's first cards (ui/src/lib/window.ts); the file has them all.
  assert.deepEqual(after, expected.slice(0, after.length), "the story lands where it was dropped, its metrics right after it");
  await announced(new RegExp(`Added case “.+” to Proof, position 2 of ${proofBefore.length + 3}, with 2 metric blocks`), "where the case went");
  // A copy: the case is still in the list.
  assert.deepEqual((await caseCardTitles()).map((t) => t.trim()), [title]);

  const file = savedBlocks("Proof");
  assert.equal(file[1].kind, "story");
  assert.equal(file[1].title, title);
  assert.equal(file[1].organisation, organisation);
  assert.deepEqual(file.slice(2, 4).map((b) => b.kind), ["metric", "metric"]);
  assert.deepEqual(file.map((b) => b.title), expected);
  await browser.saveScreenshot(join(process.env.E2E_OUT, "cases-dragged-in.png"));

  // One undo takes the story and its metrics away, in the file too.
  await browser.execute(() => document.activeElement?.blur());
  await browser.keys(["Control", "z"]);
  await browser.waitUntil(async () => !(await sections()).Proof.includes(title), { timeout: 10000, timeoutMsg: "undo did not take the case back" });
  await saved();
  assert.deepEqual((await sections()).Proof, proofBefore);
  assert.deepEqual(savedBlocks("Proof").map((b) => b.title), proofBefore);
});

test("with the keyboard: Space picks a case up, an arrow key takes it into the first section, Space adds it", async () => {
  // “Council teams closed repair complaints a week faster”, without its numbers as metrics.
  const title = await findInPane("council repair");
  const option = browser.$('[data-testid="case-metrics-option"]');
  if (await option.isSelected()) await option.click();
  const before = await sections();
  // Read from the page: the keys of an object returned through WebDriver lose their order.
  const first = (await browser.$('[data-testid="section"] [data-testid="section-title"]').getProperty("textContent")).trim();
  const count = before[first].length;

  await browser.execute(() => document.querySelector('[data-testid="case-list"] > [data-testid="case-card"]').focus());
  await browser.keys([" "]);
  await announced(/Picked up case/, "the case was picked up");
  await browser.keys(["ArrowDown"]);
  const where = new RegExp(`: ${first}, position (\\d+) of ${count + 1}\\.`);
  await announced(where, `the case was in ${first}`);
  // The drag library puts it at one end of the section (the end, the list being below it).
  const position = Number(where.exec(await browser.$('[data-testid="announcer"]').getProperty("textContent"))[1]);
  await browser.keys([" "]);
  await browser.waitUntil(async () => (await sections())[first].includes(title), {
    timeout: 10000,
    timeoutMsg: `“${title}” never landed in ${first}`,
  });
  await saved();
  const expected = [...before[first]];
  expected.splice(position - 1, 0, title);
  assert.deepEqual((await sections())[first], expected, "the story alone, where it was dropped");
  await announced(new RegExp(`Added case “.+” to ${first}, position ${position} of ${count + 1}\\.`), "where the case went");
  const file = savedBlocks(first);
  assert.deepEqual(file.map((b) => b.title), expected);
  assert.equal(file[position - 1].kind, "story");
  assert.equal(file.length, count + 1, "no metric blocks");
});
