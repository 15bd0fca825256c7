// The Cases view in Chromium over the fake core's library (harness/cases.ts, a test double with a
// simple text match): searching narrows and marks, a facet filters, a case added to the storyboard
// and taken back with Ctrl+Z, an import with a bad line, hostile text shown as text, a case edited
// (and a new one added) with problems shown beside their fields and Undo after saving, unsaved
// changes kept until discarded, the relation facet, and quotes with their marks once.
// Screenshots go to $UI_SHOTS (default /tmp/ui-shots).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { board, launch, openHarness, serveHarness, shot } from "./support.mjs";

let server;
let browser;

before(async () => {
  server = await serveHarness();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openCases(options) {
  const { page, errors } = await openHarness(browser, server.url, options);
  await page.getByRole("tab", { name: "Cases" }).click();
  await page.getByTestId("case-hit").first().waitFor();
  return { page, errors };
}

const titles = (page) => page.getByTestId("case-title").allTextContents();
const coreSearch = (page, text) =>
  page.evaluate(
    (t) => window.harness.core.handle("search_cases", { query: { text: t, industry: null, size: null, kind: null, year: null, evidence: null, relation: null, sort: "relevance", limit: null } }),
    text,
  );

test("typing narrows the results and marks the matched word", async () => {
  const { page, errors } = await openCases();
  const all = await titles(page);
  assert.ok(all.length >= 5);
  await page.getByPlaceholder("Search case studies").fill("ideas");
  const expected = (await coreSearch(page, "ideas")).hits.map((h) => h.case.title);
  assert.ok(expected.length > 0 && expected.length < all.length);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="case-hit"]').length === n, expected.length);
  assert.deepEqual(await titles(page), expected);
  assert.equal(await page.getByTestId("case-count").textContent(), `${expected.length} case ${expected.length === 1 ? "study" : "studies"}`);
  const marks = await page.locator('[data-testid="case-results"] mark').allTextContents();
  assert.ok(marks.length > 0);
  for (const m of marks) assert.equal(m.toLowerCase(), "ideas");
  await shot(page, "cases-view.png");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a facet filters the results and shows as a chip that removes it", async () => {
  const { page, errors } = await openCases();
  const before = (await titles(page)).length;
  const facet = page.locator('[data-facet="industry"][data-value="manufacturing"]');
  const count = Number(await facet.locator(".facet-count").textContent());
  await facet.click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="case-hit"]').length === n, count);
  const cases = await page.evaluate(() => window.harness.cases());
  const shown = await titles(page);
  for (const title of shown) assert.equal(cases.find((c) => c.title === title).industry, "manufacturing");
  // The filtered selection can be exported alone: every match, whatever the page shows.
  await page.locator("#export-selection").click();
  await page.locator("#export-cases").click();
  await page.waitForFunction(() => window.harness.casesExports().length === 2);
  const [selection, whole] = await page.evaluate(() => window.harness.casesExports());
  assert.equal(selection.industry, "manufacturing");
  assert.equal(selection.limit, null, "no page limit on an export");
  assert.equal(whole, null, "Export all… takes the whole library");
  await page.getByRole("button", { name: "Remove filter Industry: Manufacturing" }).click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="case-hit"]').length === n, before);
  assert.equal(await page.locator("#export-selection").count(), 0, "nothing to choose from without a search or filter");
  assert.deepEqual(errors, []);
  await page.close();
});

test("Add to storyboard puts a story in Proof, and Ctrl+Z takes it back", async () => {
  const { page, errors } = await openCases();
  await page.getByTestId("case-hit").filter({ hasText: "Branch staff answer each other" }).click();
  await page.getByLabel("A peer").check();
  await page.locator("#use-case").click();
  await page.getByTestId("use-note").waitFor();
  assert.match(await page.getByTestId("use-note").textContent(), /Added a story and a metric to “Proof”\. Ctrl\+Z takes them back\./);
  await page.getByRole("tab", { name: "Storyboard" }).click();
  let proof = (await board(page)).sections["Proof"];
  assert.equal(proof.at(-2), "Branch staff answer each other");
  const story = (await page.evaluate(() => window.harness.project())).sections.find((s) => s.title === "Proof").blocks.at(-2);
  assert.equal(story.kind, "story");
  assert.equal(story.relation, "peer");
  await page.keyboard.press("Control+z");
  await page.waitForFunction(() => !document.body.textContent.includes("Branch staff answer each other"));
  proof = (await board(page)).sections["Proof"];
  assert.ok(!proof.includes("Branch staff answer each other"));
  assert.deepEqual(errors, []);
  await page.close();
});

test("an import with a bad line lists it; duplicates ask Skip or Update", async () => {
  const { page, errors } = await openCases();
  const preview = {
    fileName: "peers.csv",
    json: false,
    headers: ["Case", "Company", "Sector", "Year", "What they did"],
    mapping: { title: 0, organisation: 1, industry: 2, year: 3 },
    fields: ["title", "organisation", "industry", "year", "initiative"],
  };
  await page.evaluate((p) => window.harness.importFile({ preview: p, content: { code: "invalid_csv", message: "not imported", details: { kind: "rows", problems: [{ line: 4, column: "year", message: '"soon" is not a year' }, { line: 9, column: null, message: "no title" }] } } }), preview);
  await page.locator("#import-cases").click();
  const panel = page.getByTestId("case-import");
  await panel.waitFor();
  assert.equal(await page.locator("#map-title").inputValue(), "0");
  assert.equal(await page.locator("#map-initiative").inputValue(), "-1");
  await page.locator("#map-initiative").selectOption({ label: "What they did" });
  await shot(page, "cases-import.png");
  await page.locator("#run-import").click();
  const problems = page.getByTestId("import-problems");
  await problems.waitFor();
  assert.deepEqual(await problems.locator("li").allTextContents(), ['line 4, column year: "soon" is not a year', "line 9: no title"]);

  // The file fixed: one case new, one already in the library.
  const cases = await page.evaluate(() => window.harness.cases());
  const fresh = { ...cases[0], title: "Welders mentor apprentices", organisation: "Forge & Co" };
  delete fresh.id;
  await page.evaluate((content) => window.harness.core.library.importFile.content = content, [fresh, cases[1]]);
  await page.locator("#run-import").click();
  await page.getByTestId("import-duplicates").waitFor();
  await page.getByRole("button", { name: "Skip them" }).click();
  assert.equal(await page.getByTestId("import-summary").textContent(), "Imported: 1 added, 1 skipped.");
  await page.getByPlaceholder("Search case studies").fill("welders");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="case-hit"]').length === 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test("hostile text in a case shows as text, and Delete offers Undo", async () => {
  const { page, errors } = await openCases();
  const hostile = await page.evaluate(() => {
    const c = window.harness.cases()[0];
    delete c.id;
    c.title = '<img src=x onerror="window.pwned=1">Hostile';
    c.organisation = "<b>Evil</b> Corp";
    c.initiative = 'zebra <script>window.pwned=2</script><iframe src="javascript:alert(1)"></iframe>';
    c.quote = "<svg onload=alert(1)>";
    window.harness.addCase(c);
    return c;
  });
  await page.getByPlaceholder("Search case studies").fill("zebra");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="case-hit"]').length === 1);
  await page.getByTestId("case-hit").click();
  await page.getByTestId("case-detail").waitFor();
  assert.equal(await page.getByTestId("case-title").textContent(), hostile.title);
  assert.equal(await page.locator('[data-testid="cases-view"] img, [data-testid="cases-view"] script, [data-testid="cases-view"] iframe, [data-testid="cases-view"] svg[onload], [data-testid="cases-view"] b').count(), 0);
  assert.ok((await page.getByTestId("case-detail").textContent()).includes("<svg onload=alert(1)>"));
  assert.equal(await page.evaluate(() => window.pwned), undefined);

  await page.locator("#delete-case").click();
  await page.getByTestId("case-deleted").waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="case-hit"]').length === 0);
  await page.getByTestId("case-deleted").getByRole("button", { name: "Undo" }).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="case-hit"]').length === 1);
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
  await page.getByTestId("case-hit").filter({ hasText: "Clinic huddles on one channel" }).click();
  await page.locator("#edit-case").click();
  await editor(page).waitFor();
  // The editor opens on the title, holding the case as it is.
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("name")), "title");
  assert.equal(await field(page, "organisation").inputValue(), "Harbour Health");
  assert.equal(await field(page, "number-0").inputValue(), "18");
  await field(page, "title").fill("Ward huddles replace pagers");
  await field(page, "year").fill("2025");
  await field(page, "link").fill("https://example.org/huddles");
  await editor(page).getByRole("button", { name: "Add outcome" }).click();
  await field(page, "kind-1").selectOption("speed");
  await field(page, "number-1").fill("12");
  await field(page, "unit-1").fill("minutes");
  await field(page, "description-1").fill("saved at each handover");
  await shot(page, "case-editor-filled.png");
  await field(page, "description-1").press("Control+Enter");

  await page.getByTestId("case-saved").waitFor();
  assert.equal((await page.getByTestId("case-saved").textContent()).replace(/\s+/g, " ").trim(), "Saved changes to “Ward huddles replace pagers”. Undo");
  assert.equal(await editor(page).count(), 0);
  assert.equal(await detailTitle(page), "Ward huddles replace pagers");
  assert.match(await page.getByTestId("case-detail").textContent(), /12 minutes\s*saved at each handover/);
  await shot(page, "case-saved.png");
  const stored = (await page.evaluate(() => window.harness.cases())).find((c) => c.title === "Ward huddles replace pagers");
  assert.equal(stored.year, 2025);
  assert.equal(stored.source.link, "https://example.org/huddles");
  assert.deepEqual(stored.outcomes.at(-1), { kind: "speed", number: 12, unit: "minutes", description: "saved at each handover" });
  // The list shows it, still selected, and a search finds it by the new title.
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="case-title"]')].some((t) => t.textContent === "Ward huddles replace pagers"));
  assert.equal(await page.getByTestId("case-outside").count(), 0);
  await page.getByPlaceholder("Search case studies").fill("pagers");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="case-hit"]').length === 1);
  assert.deepEqual(await titles(page), ["Ward huddles replace pagers"]);
  assert.equal(await page.locator('[data-testid="case-hit"][aria-current="true"]').count(), 1);

  await page.getByTestId("case-saved").getByRole("button", { name: "Undo" }).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="case-hit"]').length === 0);
  const back = (await page.evaluate(() => window.harness.cases())).find((c) => c.id === stored.id);
  assert.equal(back.title, "Clinic huddles on one channel");
  assert.equal(back.year, 2024);
  assert.equal(back.outcomes.length, 1);
  // The case put back stays in view though the search no longer finds it, and says so.
  assert.equal(await detailTitle(page), "Clinic huddles on one channel");
  await page.getByTestId("case-outside").waitFor();
  await page.getByPlaceholder("Search case studies").fill("huddle");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="case-hit"]').length === 1);
  assert.deepEqual(await titles(page), ["Clinic huddles on one channel"]);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a new case: problems show beside their fields, the core's refusal keeps the draft, then it is added", async () => {
  const { page, errors } = await openCases();
  await page.locator("#new-case").click();
  await editor(page).waitFor();
  await shot(page, "case-editor-empty.png");
  await editor(page).getByRole("button", { name: "Add case" }).click();
  assert.equal(await problem(page, "title"), "Enter a title: what happened, in a line.");
  assert.equal(await problem(page, "organisation"), "Enter the organisation that did it.");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("name")), "title");
  assert.equal((await page.evaluate(() => window.harness.core.library.saves)).length, 0);

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
  await shot(page, "case-editor-errors.png");
  // The whole form at once, for a look at every problem beside its field.
  await page.setViewportSize({ width: 1440, height: 1800 });
  await shot(page, "case-editor-errors-whole.png");
  await page.setViewportSize({ width: 1440, height: 900 });

  await field(page, "year").fill("2021");
  await field(page, "number-0").fill("20");
  await field(page, "description-0").fill("more apprentices finished in time");
  await field(page, "link").fill("https://forge.example/welders");
  await page.evaluate(() => (window.harness.core.library.failSaveNext = { code: "locked", message: "Another program is using your case library." }));
  await editor(page).getByRole("button", { name: "Add case" }).click();
  await page.getByTestId("case-refusal").waitFor();
  assert.match(await page.getByTestId("case-refusal").textContent(), /Not saved: Another program is using your case library\.$/);
  assert.equal(await field(page, "title").inputValue(), "Welders mentor apprentices");
  assert.equal(await field(page, "description-0").inputValue(), "more apprentices finished in time");
  await shot(page, "case-editor-refused.png");

  await editor(page).getByRole("button", { name: "Add case" }).click();
  await page.getByTestId("case-saved").waitFor();
  assert.equal(await detailTitle(page), "Welders mentor apprentices");
  const added = (await page.evaluate(() => window.harness.cases())).find((c) => c.title === "Welders mentor apprentices");
  assert.equal(added.industry, "manufacturing");
  assert.deepEqual(added.outcomes, [{ kind: "quality", number: 20, unit: null, description: "more apprentices finished in time" }]);
  await page.getByPlaceholder("Search case studies").fill("apprentices");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="case-hit"]').length === 1);
  // Undo after adding takes the new case out again.
  await page.getByTestId("case-saved").getByRole("button", { name: "Undo" }).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="case-hit"]').length === 0);
  assert.equal((await page.evaluate(() => window.harness.cases())).some((c) => c.title === "Welders mentor apprentices"), false);
  assert.deepEqual(errors, []);
  await page.close();
});

test("unsaved changes: switching to another view asks first, and keeps the edit or discards it", async () => {
  const { page, errors } = await openCases();
  await page.getByTestId("case-hit").filter({ hasText: "Branch staff answer each other" }).click();
  await page.locator("#edit-case").click();
  await field(page, "title").fill("Branch staff answer one another");
  await page.locator("#view-storyboard").click();
  const leave = page.getByTestId("case-leave");
  await leave.waitFor();
  assert.equal(await leave.locator("p").textContent(), "Your changes to “Branch staff answer one another” are not saved.");
  assert.equal(await page.locator("#view-cases").getAttribute("aria-selected"), "true", "still in the Cases view");
  await leave.getByRole("button", { name: "Keep editing" }).click();
  assert.equal(await field(page, "title").inputValue(), "Branch staff answer one another");

  await page.locator("#view-storyboard").click();
  await leave.getByRole("button", { name: "Discard changes" }).click();
  await page.getByTestId("storyboard").waitFor();
  assert.equal(await page.locator("#view-storyboard").getAttribute("aria-selected"), "true");
  assert.equal((await page.evaluate(() => window.harness.core.library.saves)).length, 0);
  // Nothing changed: the view switches at once.
  await page.locator("#view-cases").click();
  await page.getByTestId("case-hit").filter({ hasText: "Branch staff answer each other" }).click();
  await page.locator("#edit-case").click();
  await page.locator("#view-storyboard").click();
  await page.getByTestId("storyboard").waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("unsaved changes: choosing another case asks first; Escape and Cancel discard", async () => {
  const { page, errors } = await openCases();
  await page.getByTestId("case-hit").filter({ hasText: "Branch staff answer each other" }).click();
  await page.locator("#edit-case").click();
  await field(page, "title").fill("Branch staff answer one another");
  await page.getByTestId("case-hit").filter({ hasText: "Store managers swap what works" }).click();
  const leave = page.getByTestId("case-leave");
  await leave.waitFor();
  assert.equal(await leave.locator("p").textContent(), "Your changes to “Branch staff answer one another” are not saved.");
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Keep editing");
  await shot(page, "case-editor-leave.png");
  await leave.getByRole("button", { name: "Keep editing" }).click();
  assert.equal(await leave.count(), 0);
  assert.equal(await field(page, "title").inputValue(), "Branch staff answer one another");

  await page.getByTestId("case-hit").filter({ hasText: "Store managers swap what works" }).click();
  await leave.getByRole("button", { name: "Discard changes" }).click();
  assert.equal(await detailTitle(page), "Store managers swap what works");
  assert.equal((await page.evaluate(() => window.harness.core.library.saves)).length, 0);

  // Nothing changed: another case opens at once.
  await page.locator("#edit-case").click();
  await page.getByTestId("case-hit").filter({ hasText: "Engineers share designs early" }).click();
  assert.equal(await detailTitle(page), "Engineers share designs early");

  await page.locator("#edit-case").click();
  await field(page, "title").fill("Something else");
  await field(page, "title").press("Escape");
  assert.equal(await editor(page).count(), 0);
  assert.equal(await detailTitle(page), "Engineers share designs early");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "edit-case");
  await page.locator("#edit-case").click();
  assert.equal(await field(page, "title").inputValue(), "Engineers share designs early");
  await editor(page).getByRole("button", { name: "Cancel" }).click();
  assert.equal(await editor(page).count(), 0);
  assert.equal((await page.evaluate(() => window.harness.core.library.saves)).length, 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the relation facet filters peers and competitors; a quote shows its marks once", async () => {
  const { page, errors } = await openCases();
  assert.equal(await page.locator('[data-facet="relation"]').count(), 0);
  await page.evaluate(() => {
    const cases = window.harness.cases();
    const id = (title) => cases.find((c) => c.title === title).id;
    window.harness.core.library.relations.set(id("Branch staff answer each other"), "competitor");
    window.harness.core.library.relations.set(id("Store managers swap what works"), "peer");
    const quoted = { ...cases[0], title: "Quoted already", quote: "“The board was ours.”" };
    delete quoted.id;
    window.harness.addCase(quoted);
  });
  await page.getByPlaceholder("Search case studies").fill("a");
  await page.locator('[data-facet="relation"][data-value="competitor"]').waitFor();
  await page.locator('[data-facet="relation"][data-value="competitor"]').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="case-hit"]').length === 1);
  assert.deepEqual(await titles(page), ["Branch staff answer each other"]);
  assert.ok(await page.getByRole("button", { name: "Remove filter Relation: Competitor" }).isVisible());
  assert.equal((await page.evaluate(() => window.harness.core.library.queries.at(-1))).relation, "competitor");
  // Its quote has no marks of its own: they are added.
  assert.equal(await page.getByTestId("case-quote").textContent(), "“Head office stopped being the bottleneck.”");
  await page.getByRole("button", { name: "Remove filter Relation: Competitor" }).click();
  await page.getByPlaceholder("Search case studies").fill("quoted already");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="case-hit"]').length === 1);
  await page.getByTestId("case-hit").click();
  assert.equal(await page.getByTestId("case-quote").textContent(), "“The board was ours.”");
  await shot(page, "case-quote.png");
  assert.deepEqual(errors, []);
  await page.close();
});
