// The Cases view in Chromium over the real core (crates/test-server), its library the real
// starter library (assets/cases/starter.json, a fresh one for each page): searching narrows and
// marks, a facet filters and its matches export alone, a case added to the storyboard and taken
// back with Ctrl+Z, an import of a real CSV with bad rows (each named by the file's own line, with
// its first cells) and then with a duplicate, hostile text shown as text, a case edited (and a new
// one added) with problems shown beside their fields, a refusal while another program holds the
// library, and Undo after saving, unsaved changes kept until discarded, the relation facet, and
// quotes with their marks once. The tests compare what the page shows with what the core answers
// (asked by the test, the page does not see it), never with numbers of their own.
// Screenshots go to $UI_SHOTS (default /tmp/ui-shots).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { board, coreProject, launch, openHarness, serveHarness, shot, startCore } from "./support.mjs";

let server;
let browser;
let core;

before(async () => {
  server = await serveHarness();
  core = await startCore();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await core?.stop();
});

// Starter cases the tests use (assets/cases/starter.json).
const BRANCH = "Branch staff hesitated to ask questions in the open";
const CALLS = "Call handlers transferred 22% fewer calls";
const FITTERS = "Fitters’ early questions cut late design changes by 14%";
const NURSES = "District nurses got specialist wound advice in a day, not a week";

async function openCases(options) {
  const { page, errors } = await openHarness(browser, server.url, { core, ...options });
  await page.getByRole("tab", { name: "Cases" }).click();
  await page.getByTestId("case-hit").first().waitFor();
  return { page, errors };
}

const titles = (page) => page.getByTestId("case-title").allTextContents();
const hitCount = (page, n) => page.waitForFunction((count) => document.querySelectorAll('[data-testid="case-hit"]').length === count, n);
const search = (page) => page.getByPlaceholder("Search case studies");

/** A search as the Cases view sends it: `text`, no filters but `extra`, best match first, no page limit. */
const query = (text, extra = {}) => ({ text, industry: null, size: null, kind: null, year: null, evidence: null, relation: null, sort: "relevance", limit: null, ...extra });
/** What the core answers that search (asked by the test; the page does not see it). */
const coreSearch = (text, extra) => core.invoke("search_cases", { query: query(text, extra) });
/** Every case in the library as the core holds it, by id. */
const library = async () => (await coreSearch("")).hits.map((h) => h.case).sort((a, b) => a.id - b.id);
const libraryCase = async (title) => {
  const found = (await library()).find((c) => c.title === title);
  assert.ok(found, `the library holds “${title}”`);
  return found;
};
/** A case saved into the library through the core, as save_library_case (id 0 adds); its id. */
const saveCase = (study) => core.invoke("save_library_case", { case: study });
/** The save_library_case calls the page sent. */
const savesSent = (page) => page.evaluate(() => window.harness.sent("save_library_case"));

test("typing narrows the results and marks the matched word", async () => {
  const { page, errors } = await openCases();
  const all = await titles(page);
  assert.deepEqual(all, (await coreSearch("")).hits.map((h) => h.case.title), "the whole library, as the core ranks it");
  await search(page).fill("ideas");
  const expected = (await coreSearch("ideas")).hits.map((h) => h.case.title);
  assert.ok(expected.length > 0 && expected.length < all.length);
  await hitCount(page, expected.length);
  assert.deepEqual(await titles(page), expected);
  assert.equal(await page.getByTestId("case-count").textContent(), `${expected.length} case ${expected.length === 1 ? "study" : "studies"}`);
  const marks = await page.locator('[data-testid="case-results"] mark').allTextContents();
  assert.ok(marks.length > 0);
  for (const m of marks) assert.equal(m.toLowerCase(), "ideas");
  await shot(page, "cases-view.png");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a facet filters the results and shows as a chip that removes it; the matches export alone", async () => {
  const { page, errors } = await openCases();
  const before = (await titles(page)).length;
  const facet = page.locator('[data-facet="industry"][data-value="manufacturing"]');
  const count = Number(await facet.locator(".facet-count").textContent());
  const counted = (await coreSearch("")).facets.industry.find((f) => f.value === "manufacturing").count;
  assert.equal(count, counted, "the facet shows the core's count");
  await facet.click();
  await hitCount(page, count);
  const expected = await coreSearch("", { industry: "manufacturing" });
  assert.deepEqual(await titles(page), expected.hits.map((h) => h.case.title));
  for (const hit of expected.hits) assert.equal(hit.case.industry, "manufacturing");
  // The filtered selection can be exported alone: every match, whatever the page shows.
  await core.dialog("selection.json");
  await core.dialog("library.json");
  await page.locator("#export-selection").click();
  await page.waitForFunction(() => window.harness.answered("export_cases_dialog").length === 1);
  await page.locator("#export-cases").click();
  await page.waitForFunction(() => window.harness.answered("export_cases_dialog").length === 2);
  const [selection, whole] = await page.evaluate(() => window.harness.casesExports());
  assert.equal(selection.industry, "manufacturing");
  assert.equal(selection.limit, null, "no page limit on an export");
  assert.equal(whole, null, "Export all… takes the whole library");
  const written = async (name) => JSON.parse(await readFile(join(core.run.dir, name), "utf8")).cases.map((c) => c.title).sort();
  assert.deepEqual(await written("selection.json"), expected.hits.map((h) => h.case.title).sort());
  assert.deepEqual(await written("library.json"), (await library()).map((c) => c.title).sort());
  await page.getByRole("button", { name: "Remove filter Industry: Manufacturing" }).click();
  await hitCount(page, before);
  assert.equal(await page.locator("#export-selection").count(), 0, "nothing to choose from without a search or filter");
  assert.deepEqual(errors, []);
  await page.close();
});

test("Add to storyboard puts a story in Proof, and Ctrl+Z takes it back", async () => {
  const { page, errors } = await openCases();
  const study = await libraryCase(BRANCH);
  assert.equal(study.outcomes.filter((o) => o.number !== null).length, 1, "one outcome with a number: one metric");
  const before = await coreProject(page);
  await page.getByTestId("case-hit").filter({ hasText: BRANCH }).click();
  await page.getByLabel("A peer").check();
  await page.locator("#use-case").click();
  await page.getByTestId("use-note").waitFor();
  assert.match(await page.getByTestId("use-note").textContent(), /Added a story and a metric to “Proof”\. Ctrl\+Z takes them back\./);
  await page.getByRole("tab", { name: "Storyboard" }).click();
  const held = (await coreProject(page)).sections.find((s) => s.title === "Proof").blocks;
  const [story, metric] = held.slice(-2);
  assert.equal(story.kind, "story");
  assert.equal(story.title, BRANCH);
  assert.equal(story.relation, "peer");
  assert.equal(metric.kind, "metric");
  assert.equal(metric.number, study.outcomes.find((o) => o.number !== null).number);
  let proof = (await board(page)).sections["Proof"];
  assert.deepEqual(proof, held.map((b) => b.title), "the page shows Proof as the core holds it");
  await page.keyboard.press("Control+z");
  await page.waitForFunction((title) => !document.body.textContent.includes(title), BRANCH);
  proof = (await board(page)).sections["Proof"];
  const undone = (await coreProject(page)).sections.find((s) => s.title === "Proof").blocks.map((b) => b.title);
  assert.deepEqual(undone, before.sections.find((s) => s.title === "Proof").blocks.map((b) => b.title), "one undo takes the story and its metric away");
  assert.deepEqual(proof, undone);
  assert.deepEqual(errors, []);
  await page.close();
});

/** The 1-based line of the file's first line that starts with `start` (the header is line 1). */
const lineOf = (text, start) => text.split("\n").findIndex((line) => line.startsWith(start)) + 1;

test("an import with bad rows lists each by its line and first cells; duplicates ask Skip or Update", async () => {
  const { page, errors } = await openCases();
  const before = await library();
  // A real spreadsheet: a quoted cell over two lines and a blank line, so the file's lines are not
  // its records; line 4's year is not a year and line 9 has no title.
  const bad = [
    "Title,Company,Industry,Year,What they did",
    'Welders mentor apprentices,Forge & Co,Manufacturing,2021,"Senior welders each took two apprentices',
    'and showed their work in the open."',
    "Night crews share fixes,Quiet Mills,Textiles,soon,Night crews posted fixes for the day shift.",
    "",
    "Drivers swap route notes,Ferrow Haulage,Logistics,2020,Drivers left notes on awkward drops.",
    'Cooks swap recipes,Lark Kitchens,Hospitality,2022,"Cooks shared recipes',
    'across three kitchens."',
    ",Unnamed Works,Manufacturing,2019,Nobody gave it a title.",
    "",
  ].join("\n");
  const yearLine = lineOf(bad, "Night crews");
  const titleLine = lineOf(bad, ",Unnamed Works");
  assert.deepEqual([yearLine, titleLine], [4, 9]);
  await writeFile(join(core.run.dir, "peers.csv"), bad);
  await core.dialog("peers.csv");
  await page.locator("#import-cases").click();
  const panel = page.getByTestId("case-import");
  await panel.waitFor();
  assert.match(await panel.textContent(), /From peers\.csv/);
  // The columns named like fields are mapped ("Company" fills the organisation); the rest wait.
  assert.equal(await page.locator("#map-title").inputValue(), "0");
  assert.equal(await page.locator("#map-organisation").inputValue(), "1");
  assert.equal(await page.locator("#map-year").inputValue(), "3");
  assert.equal(await page.locator("#map-initiative").inputValue(), "-1");
  await page.locator("#map-initiative").selectOption({ label: "What they did" });
  await shot(page, "cases-import.png");
  await page.locator("#run-import").click();
  const problems = page.getByTestId("import-problems");
  await problems.waitFor();
  const items = problems.locator("li");
  assert.equal(await items.count(), 2);
  assert.match(await items.nth(0).textContent(), new RegExp(`^\\s*line ${yearLine}, column year: "soon" is not a year\\s`));
  assert.equal(await items.nth(0).getByTestId("problem-row").textContent(), "Row: Night crews share fixes · Quiet Mills · Textiles");
  assert.match(await items.nth(1).textContent(), new RegExp(`^\\s*line ${titleLine}: the title is empty\\s`));
  assert.equal(await items.nth(1).getByTestId("problem-row").textContent(), "Row: Unnamed Works · Manufacturing · 2019");
  // Import is at the foot of a long mapping; the problems, at the head of the pane, come into view.
  await page.waitForFunction(() => {
    const box = document.querySelector('[data-testid="import-problems"]').getBoundingClientRect();
    const pane = document.querySelector('[data-testid="case-import"]').closest("aside").getBoundingClientRect();
    return box.top >= pane.top - 1 && box.bottom <= pane.bottom + 1;
  });
  await shot(page, "cases-import-problems.png");
  assert.deepEqual(await library(), before, "nothing is imported from a file with a bad row");

  // The file fixed and Import pressed again (the core reads it again; the mapping stays): one
  // case new, one already in the library.
  const known = before.find((c) => c.title === CALLS);
  const fixed = [
    "Title,Company,Industry,Year,What they did",
    'Welders mentor apprentices,Forge & Co,Manufacturing,2021,"Senior welders each took two apprentices',
    'and showed their work in the open."',
    `${known.title},${known.organisation},Financial services,2016,Handlers asked in the open.`,
  ].join("\n");
  await writeFile(join(core.run.dir, "peers.csv"), fixed);
  assert.match(await problems.locator("p").textContent(), /press Import again/);
  assert.equal(await page.locator("#map-initiative").inputValue(), "4", "the chosen mapping stays");
  await page.locator("#run-import").click();
  await page.getByTestId("import-duplicates").waitFor();
  assert.match(await page.getByTestId("import-duplicates").textContent(), /1 of the 2 case studies/);
  await page.getByRole("button", { name: "Skip them" }).click();
  await page.getByTestId("import-summary").waitFor();
  assert.equal(await page.getByTestId("import-summary").textContent(), "Imported: 1 added, 1 skipped.");
  const now = await library();
  assert.equal(now.length, before.length + 1);
  assert.deepEqual(now.find((c) => c.id === known.id), known, "the duplicate is skipped, not changed");
  const welders = now.find((c) => c.title === "Welders mentor apprentices");
  assert.equal(welders.organisation, "Forge & Co");
  assert.equal(welders.industry, "manufacturing");
  assert.equal(welders.year, 2021);
  assert.equal(welders.initiative, "Senior welders each took two apprentices\nand showed their work in the open.");
  await search(page).fill("welders");
  await hitCount(page, 1);
  assert.deepEqual(await titles(page), ["Welders mentor apprentices"]);
  assert.deepEqual(errors, []);
  await page.close();
});

test("hostile text in a case shows as text, and Delete offers Undo", async () => {
  const { page, errors } = await openCases();
  const hostile = { ...(await libraryCase(FITTERS)), id: 0 };
  hostile.title = '<img src=x onerror="window.pwned=1">Hostile';
  hostile.organisation = "<b>Evil</b> Corp";
  hostile.initiative = 'zebra <script>window.pwned=2</script><iframe src="javascript:alert(1)"></iframe>';
  hostile.quote = "<svg onload=alert(1)>";
  const id = await saveCase(hostile);
  await search(page).fill("zebra");
  await hitCount(page, 1);
  await page.getByTestId("case-hit").click();
  await page.getByTestId("case-detail").waitFor();
  assert.equal(await page.getByTestId("case-title").textContent(), hostile.title);
  assert.equal(await page.locator('[data-testid="cases-view"] img, [data-testid="cases-view"] script, [data-testid="cases-view"] iframe, [data-testid="cases-view"] svg[onload], [data-testid="cases-view"] b').count(), 0);
  assert.ok((await page.getByTestId("case-detail").textContent()).includes("<svg onload=alert(1)>"));
  assert.equal(await page.evaluate(() => window.pwned), undefined);

  await page.locator("#delete-case").click();
  await page.getByTestId("case-deleted").waitFor();
  await hitCount(page, 0);
  assert.equal((await library()).some((c) => c.id === id || c.title === hostile.title), false, "the core no longer has it");
  await page.getByTestId("case-deleted").getByRole("button", { name: "Undo" }).click();
  await hitCount(page, 1);
  const back = (await library()).find((c) => c.title === hostile.title);
  assert.deepEqual({ ...back, id: 0 }, hostile, "Undo puts the case back as it was");
  assert.deepEqual(errors, []);
  await page.close();
});

// ---- Editing a case ------------------------------------------------------------------------

const editor = (page) => page.getByTestId("case-editor");
/** The field named `name` in the case editor. */
const field = (page, name) => editor(page).locator(`[name="${name}"]`);
/** The problem shown beside a field (through its aria-describedby), or "" when none. */
const problem = (page, name) =>
  field(page, name).evaluate((el) => {
    const id = el.getAttribute("aria-describedby");
    const text = id ? document.getElementById(id) : null;
    return text?.classList.contains("error") ? text.textContent : "";
  });
const detailTitle = (page) => page.getByTestId("case-detail").locator("h2").textContent();

test("a case edited and saved is found by its new title; Undo puts the old one back", async () => {
  const { page, errors } = await openCases();
  const original = await libraryCase(NURSES);
  await page.getByTestId("case-hit").filter({ hasText: NURSES }).click();
  await page.locator("#edit-case").click();
  await editor(page).waitFor();
  // The editor opens on the title, holding the case as it is.
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("name")), "title");
  assert.equal(await field(page, "title").inputValue(), original.title);
  assert.equal(await field(page, "organisation").inputValue(), original.organisation);
  assert.equal(await field(page, "number-0").inputValue(), String(original.outcomes[0].number));
  const next = original.outcomes.length;
  await field(page, "title").fill("Ward huddles replace pagers");
  await field(page, "year").fill("2025");
  await field(page, "link").fill("https://example.org/huddles");
  await editor(page).getByRole("button", { name: "Add outcome" }).click();
  await field(page, `kind-${next}`).selectOption("speed");
  await field(page, `number-${next}`).fill("12");
  await field(page, `unit-${next}`).fill("minutes");
  await field(page, `description-${next}`).fill("saved at each handover");
  await shot(page, "case-editor-filled.png");
  await field(page, `description-${next}`).press("Control+Enter");

  await page.getByTestId("case-saved").waitFor();
  assert.equal((await page.getByTestId("case-saved").textContent()).replace(/\s+/g, " ").trim(), "Saved changes to “Ward huddles replace pagers”. Undo");
  assert.equal(await editor(page).count(), 0);
  assert.equal(await detailTitle(page), "Ward huddles replace pagers");
  assert.match(await page.getByTestId("case-detail").textContent(), /12 minutes\s*saved at each handover/);
  await shot(page, "case-saved.png");
  const stored = (await library()).find((c) => c.title === "Ward huddles replace pagers");
  assert.equal(stored.id, original.id, "the case itself is changed, not a copy added");
  assert.equal(stored.year, 2025);
  assert.equal(stored.source.link, "https://example.org/huddles");
  assert.deepEqual(stored.outcomes, [...original.outcomes, { kind: "speed", number: 12, unit: "minutes", description: "saved at each handover" }]);
  // The list shows it, still selected, and a search finds it by the new title.
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="case-title"]')].some((t) => t.textContent === "Ward huddles replace pagers"));
  assert.equal(await page.getByTestId("case-outside").count(), 0);
  await search(page).fill("pagers");
  await hitCount(page, 1);
  assert.deepEqual(await titles(page), ["Ward huddles replace pagers"]);
  assert.equal(await page.locator('[data-testid="case-hit"][aria-current="true"]').count(), 1);

  await page.getByTestId("case-saved").getByRole("button", { name: "Undo" }).click();
  await hitCount(page, 0);
  const back = (await library()).find((c) => c.id === original.id);
  assert.deepEqual(back, original, "Undo saves the case as it was");
  // The case put back stays in view though the search no longer finds it, and says so.
  assert.equal(await detailTitle(page), original.title);
  await page.getByTestId("case-outside").waitFor();
  await search(page).fill("wound");
  const found = (await coreSearch("wound")).hits.map((h) => h.case.title);
  assert.ok(found.includes(original.title));
  await hitCount(page, found.length);
  assert.deepEqual(await titles(page), found);
  assert.deepEqual(errors, []);
  await page.close();
});

/**
 * Holds the case library locked as another program would (the sqlite3 shell in an exclusive
 * transaction, scripts/setup.sh installs it); `release()` commits and waits for it to exit.
 */
async function holdLibrary() {
  const file = join(dirname(core.run.dir), "home", "cases.casewright-library");
  const shell = spawn("sqlite3", [file], { stdio: ["pipe", "pipe", "inherit"] });
  const exited = new Promise((resolve) => {
    shell.once("exit", resolve);
    shell.once("error", (error) => resolve(error));
  });
  const held = new Promise((resolve, reject) => {
    createInterface({ input: shell.stdout }).once("line", resolve);
    exited.then((how) => reject(new Error(`sqlite3 ended before it held the library (${how}); scripts/setup.sh installs it`)));
  });
  shell.stdin.write("BEGIN EXCLUSIVE;\nSELECT 'held';\n");
  assert.equal(await held, "held");
  return {
    file,
    release: async () => {
      shell.stdin.end("COMMIT;\n");
      await exited;
    },
  };
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("a new case: problems show beside their fields, the core's refusal keeps the draft, then it is added", async () => {
  const { page, errors } = await openCases();
  const before = await library();
  await page.locator("#new-case").click();
  await editor(page).waitFor();
  await shot(page, "case-editor-empty.png");
  await editor(page).getByRole("button", { name: "Add case" }).click();
  assert.equal(await problem(page, "title"), "Enter a title: what happened, in a line.");
  assert.equal(await problem(page, "organisation"), "Enter the organisation that did it.");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("name")), "title");
  assert.deepEqual(await savesSent(page), [], "nothing is sent while the form has problems");

  await field(page, "title").fill("Welders mentor apprentices");
  await field(page, "organisation").fill("Forge & Co");
  await field(page, "industry").fill("Manufacturing");
  await field(page, "year").fill("1850");
  await field(page, "number-0").fill("about 20");
  await field(page, "link").fill("forge.example/welders");
  await field(page, "link").press("Control+s");
  assert.equal(await problem(page, "title"), "");
  assert.equal(await problem(page, "year"), "Enter a year from 1900 to 2100, such as 2023.");
  assert.equal(await problem(page, "number-0"), "Enter a number, e.g. 18 or -2.5.");
  assert.equal(await problem(page, "description-0"), "Say what the number measures, e.g. fewer repeat breakdowns.");
  assert.equal(await problem(page, "link"), "Enter a web address that starts with https:// or http://.");
  assert.equal(await page.getByTestId("case-problems").textContent(), "Not saved yet: 4 fields need a look.");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("name")), "year");
  assert.deepEqual(await savesSent(page), []);
  assert.deepEqual(await library(), before, "the library is as it was");
  await shot(page, "case-editor-errors.png");
  // The whole form at once, for a look at every problem beside its field.
  await page.setViewportSize({ width: 1440, height: 1800 });
  await shot(page, "case-editor-errors-whole.png");
  await page.setViewportSize({ width: 1440, height: 900 });

  await field(page, "year").fill("2021");
  await field(page, "number-0").fill("20");
  await field(page, "description-0").fill("more apprentices finished in time");
  await field(page, "link").fill("https://forge.example/welders");
  // Another program holds the library: the core refuses after waiting for it (SQLite's busy timeout).
  const holder = await holdLibrary();
  try {
    await editor(page).getByRole("button", { name: "Add case" }).click();
    await page.getByTestId("case-refusal").waitFor({ timeout: 20000 });
  } finally {
    await holder.release();
  }
  const [refused, ...more] = await page.evaluate(() => window.harness.refusals());
  assert.deepEqual(more, [], "one refusal");
  assert.equal(refused.command, "save_library_case");
  assert.equal(refused.error.code, "locked");
  assert.match(refused.error.message, /^Your case library is in use by another program/);
  assert.match((await page.getByTestId("case-refusal").textContent()).trim(), new RegExp(`Not saved: ${escape(refused.error.message)}\\. Your changes stay here`));
  assert.equal(await field(page, "title").inputValue(), "Welders mentor apprentices");
  assert.equal(await field(page, "description-0").inputValue(), "more apprentices finished in time");
  assert.deepEqual(await library(), before, "nothing was stored");
  await shot(page, "case-editor-refused.png");

  await editor(page).getByRole("button", { name: "Add case" }).click();
  await page.getByTestId("case-saved").waitFor();
  assert.equal(await detailTitle(page), "Welders mentor apprentices");
  const added = (await library()).find((c) => c.title === "Welders mentor apprentices");
  assert.equal(added.organisation, "Forge & Co");
  assert.equal(added.industry, "manufacturing");
  assert.equal(added.year, 2021);
  assert.equal(added.source.link, "https://forge.example/welders");
  assert.deepEqual(added.outcomes, [{ kind: "quality", number: 20, unit: null, description: "more apprentices finished in time" }]);
  await search(page).fill("apprentices");
  await hitCount(page, 1);
  // Undo after adding takes the new case out again.
  await page.getByTestId("case-saved").getByRole("button", { name: "Undo" }).click();
  await hitCount(page, 0);
  assert.deepEqual(await library(), before, "the library is as it was before the case was added");
  assert.deepEqual(errors, []);
  await page.close();
});

test("unsaved changes: switching to another view asks first, and keeps the edit or discards it", async () => {
  const { page, errors } = await openCases();
  const before = await library();
  await page.getByTestId("case-hit").filter({ hasText: BRANCH }).click();
  await page.locator("#edit-case").click();
  await field(page, "title").fill("Branch staff ask one another");
  await page.locator("#view-storyboard").click();
  const leave = page.getByTestId("case-leave");
  await leave.waitFor();
  assert.equal(await leave.locator("p").textContent(), "Your changes to “Branch staff ask one another” are not saved.");
  assert.equal(await page.locator("#view-cases").getAttribute("aria-selected"), "true", "still in the Cases view");
  await leave.getByRole("button", { name: "Keep editing" }).click();
  assert.equal(await field(page, "title").inputValue(), "Branch staff ask one another");

  await page.locator("#view-storyboard").click();
  await leave.getByRole("button", { name: "Discard changes" }).click();
  await page.getByTestId("storyboard").waitFor();
  assert.equal(await page.locator("#view-storyboard").getAttribute("aria-selected"), "true");
  assert.deepEqual(await savesSent(page), []);
  assert.deepEqual(await library(), before);
  // Nothing changed: the view switches at once.
  await page.locator("#view-cases").click();
  await page.getByTestId("case-hit").filter({ hasText: BRANCH }).click();
  await page.locator("#edit-case").click();
  await page.locator("#view-storyboard").click();
  await page.getByTestId("storyboard").waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("unsaved changes: choosing another case asks first; Escape and Cancel discard", async () => {
  const { page, errors } = await openCases();
  const before = await library();
  await page.getByTestId("case-hit").filter({ hasText: BRANCH }).click();
  await page.locator("#edit-case").click();
  await field(page, "title").fill("Branch staff ask one another");
  await page.getByTestId("case-hit").filter({ hasText: CALLS }).click();
  const leave = page.getByTestId("case-leave");
  await leave.waitFor();
  assert.equal(await leave.locator("p").textContent(), "Your changes to “Branch staff ask one another” are not saved.");
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Keep editing");
  await shot(page, "case-editor-leave.png");
  await leave.getByRole("button", { name: "Keep editing" }).click();
  assert.equal(await leave.count(), 0);
  assert.equal(await field(page, "title").inputValue(), "Branch staff ask one another");

  await page.getByTestId("case-hit").filter({ hasText: CALLS }).click();
  await leave.getByRole("button", { name: "Discard changes" }).click();
  assert.equal(await detailTitle(page), CALLS);
  assert.deepEqual(await savesSent(page), []);

  // Nothing changed: another case opens at once.
  await page.locator("#edit-case").click();
  await page.getByTestId("case-hit").filter({ hasText: FITTERS }).click();
  assert.equal(await detailTitle(page), FITTERS);

  await page.locator("#edit-case").click();
  await field(page, "title").fill("Something else");
  await field(page, "title").press("Escape");
  assert.equal(await editor(page).count(), 0);
  assert.equal(await detailTitle(page), FITTERS);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "edit-case");
  await page.locator("#edit-case").click();
  assert.equal(await field(page, "title").inputValue(), FITTERS);
  await editor(page).getByRole("button", { name: "Cancel" }).click();
  assert.equal(await editor(page).count(), 0);
  assert.deepEqual(await savesSent(page), []);
  assert.deepEqual(await library(), before);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the relation facet filters peers and competitors; a quote shows its marks once", async () => {
  const { page, errors } = await openCases();
  assert.equal(await page.locator('[data-facet="relation"]').count(), 0, "the starter library gives no case a relation");
  const competitor = await libraryCase(BRANCH);
  await saveCase({ ...competitor, relation: "competitor" });
  await saveCase({ ...(await libraryCase(CALLS)), relation: "peer" });
  const plain = { ...(await libraryCase(FITTERS)), id: 0, title: "Unquoted words", quote: "Head office stopped being the bottleneck." };
  await saveCase(plain);
  await saveCase({ ...plain, title: "Quoted already", quote: "“The board was ours.”" });
  await search(page).fill("a");
  const counted = (await coreSearch("a")).facets.relation;
  assert.deepEqual(counted.map((f) => f.value).sort(), ["competitor", "peer"]);
  await page.locator('[data-facet="relation"][data-value="competitor"]').waitFor();
  for (const { value, count } of counted) {
    assert.equal(Number(await page.locator(`[data-facet="relation"][data-value="${value}"] .facet-count`).textContent()), count);
  }
  await page.locator('[data-facet="relation"][data-value="competitor"]').click();
  const competitors = (await coreSearch("a", { relation: "competitor" })).hits.map((h) => h.case.title);
  assert.deepEqual(competitors, [BRANCH]);
  await hitCount(page, competitors.length);
  assert.deepEqual(await titles(page), competitors);
  assert.ok(await page.getByRole("button", { name: "Remove filter Relation: Competitor" }).isVisible());
  assert.equal((await page.evaluate(() => window.harness.sent("search_cases").at(-1))).query.relation, "competitor");
  // A starter quote opens with its own marks (‘…,’ said a manager.): it shows as written.
  assert.equal(await page.getByTestId("case-quote").textContent(), competitor.quote);
  await page.getByRole("button", { name: "Remove filter Relation: Competitor" }).click();
  // The unfiltered answer first: typed before it lands, the one competitor still shown would pass
  // for the one hit of the next search, and then the unfiltered list would replace it.
  await hitCount(page, (await coreSearch("a")).hits.length);
  // A quote without marks of its own: they are added.
  await search(page).fill("unquoted");
  await page.waitForFunction(() => {
    const hits = document.querySelectorAll('[data-testid="case-hit"]');
    return hits.length === 1 && hits[0].textContent.includes("Unquoted words");
  });
  await page.getByTestId("case-hit").click();
  await page.waitForFunction(() => document.querySelector('[data-testid="case-detail"] h2')?.textContent === "Unquoted words");
  assert.equal(await page.getByTestId("case-quote").textContent(), "“Head office stopped being the bottleneck.”");
  // A quote already in its marks: they show once.
  await search(page).fill("quoted already");
  await page.getByTestId("case-hit").filter({ hasText: "Quoted already" }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="case-detail"] h2')?.textContent === "Quoted already");
  assert.equal(await page.getByTestId("case-quote").textContent(), "“The board was ours.”");
  await shot(page, "case-quote.png");
  assert.deepEqual(errors, []);
  await page.close();
});
