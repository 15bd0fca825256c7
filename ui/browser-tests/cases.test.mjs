// The Cases view in Chromium over the fake core's library (harness/cases.ts, a test double with a
// simple text match): searching narrows and marks, a facet filters, a case added to the storyboard
// and taken back with Ctrl+Z, an import with a bad line, and hostile text shown as text.
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
  await page.getByRole("button", { name: "Remove filter Industry: Manufacturing" }).click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="case-hit"]').length === n, before);
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
  await page.evaluate((p) => window.harness.importFile({ preview: p, content: { code: "invalid_csv", message: 'line 4: the year "soon" is not a year\nline 9: no title' } }), preview);
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
  assert.deepEqual(await problems.locator("li").allTextContents(), ['line 4: the year "soon" is not a year', "line 9: no title"]);

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
