// Case studies dragged from the library pane's "Case studies" tab into the storyboard, in real
// Chromium over the harness (the fake core's case library is a test double, harness/cases.ts):
// with the mouse to a place between two blocks, with the keyboard (Space, arrows and Tab, Space),
// cancelled with Escape, and dropped outside. A drop sends one use_library_case (never a
// MoveBlock), the case stays in the list, and Ctrl+Z undoes the whole addition.
// Screenshots go to $UI_SHOTS (default /tmp/ui-shots).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { board, centre, coreProject, drag, edits, launch, openHarness, serveHarness, shot } from "./support.mjs";

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

const BANK = "Branch staff answer each other";
const BANK_METRIC = "saved on support calls a year at Lakeside Bank";
const CLINIC = "Clinic huddles on one channel";
const CLINIC_METRIC = "fewer handover errors at Harbour Health";

const zone = (page, name) =>
  page
    .locator('[data-testid="section"]')
    .filter({ has: page.getByRole("heading", { name, exact: true }) })
    .locator('[data-testid="section-blocks"]');
const cards = (zoneLocator) => zoneLocator.locator(':scope > [data-testid="block"]');
const caseCards = (page) => page.getByTestId("case-list").locator(':scope > [data-testid="case-card"]');
const caseCard = (page, title) => caseCards(page).filter({ has: page.getByRole("heading", { name: title, exact: true }) });
const caseUses = (page) => page.evaluate(() => window.harness.caseUses());
const announcer = (page) => page.locator('[data-testid="announcer"]');
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function assertText(locator, pattern) {
  await locator.page().waitForFunction(
    ({ source, flags }) => new RegExp(source, flags).test(document.querySelector('[data-testid="announcer"]')?.textContent ?? ""),
    { source: pattern.source, flags: pattern.flags },
  );
}

/** The harness with the library pane on its Case studies tab; Lakeside Bank's case marked a peer. */
async function openCaseList(options) {
  const { page, errors } = await openHarness(browser, server.url, options);
  await page.evaluate(() => {
    const library = window.harness.core.library;
    const search = library.search.bind(library);
    library.search = (query) => {
      const result = search(query);
      for (const hit of result.hits) if (hit.case.organisation === "Lakeside Bank") hit.relation = "peer";
      return result;
    };
  });
  await page.getByRole("tab", { name: "Case studies" }).click();
  await caseCards(page).first().waitFor();
  return { page, errors };
}

async function caseId(page, title) {
  return page.evaluate((t) => window.harness.cases().find((c) => c.title === t).id, title);
}

async function sectionId(page, name) {
  return Number(await zone(page, name).getAttribute("data-section-id"));
}

/** Waits until the fake core has had `count` use_library_case calls and the toolbar says saved. */
async function added(page, count) {
  await page.waitForFunction((n) => window.harness.caseUses().length >= n, count);
  await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]')?.textContent.includes("All changes saved"));
}

test("a case card with a long title keeps its whole “Add to…” button beside the wrapped title", async () => {
  const { page, errors } = await openCaseList();
  const long = "Northwind Regional Health Authority: cross-site clinical huddles that halved repeat referrals";
  await page.evaluate((title) => {
    const library = window.harness.core.library;
    const search = library.search.bind(library);
    library.search = (query) => {
      const result = search(query);
      result.hits[0].case.title = title;
      return result;
    };
  }, long);
  await page.getByRole("searchbox").fill("a");
  await page.getByRole("searchbox").fill("");
  const card = caseCard(page, long);
  await card.waitFor();
  const fits = await card.evaluate((item) => {
    const button = item.querySelector('[data-testid="add-case-menu"]');
    const title = item.querySelector('[data-testid="case-card-title"]');
    const b = button.getBoundingClientRect();
    const c = item.querySelector(".card").getBoundingClientRect();
    return {
      clipped: button.scrollWidth > button.clientWidth,
      inside: b.right <= c.right && b.left >= title.getBoundingClientRect().right - 1,
      wraps: title.getBoundingClientRect().height > 40,
    };
  });
  assert.deepEqual(fits, { clipped: false, inside: true, wraps: true });
  await shot(card, "case-card-long-title.png");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the case list: search, organisation, industry and year, a peer marker, the metrics option", async () => {
  const { page, errors } = await openCaseList();
  const titles = await caseCards(page).locator('[data-testid="case-card-title"]').allTextContents();
  const expected = await page.evaluate(() =>
    window.harness.core.library.search({ text: "", industry: null, size: null, kind: null, year: null, evidence: null, relation: null, sort: "relevance", limit: 20 }).hits.map((h) => h.case.title),
  );
  assert.deepEqual(titles, expected);
  const bank = caseCard(page, BANK);
  assert.match(await bank.textContent(), /Lakeside Bank/);
  assert.match(await bank.textContent(), /Finance · 2022/);
  assert.equal(await bank.getByTestId("case-relation").textContent(), "Peer");
  assert.ok(await page.getByLabel("Outcome numbers as metric blocks").isChecked());
  await shot(page.locator("aside.library-pane"), "case-list-pane.png");

  await page.getByPlaceholder("Search case studies").fill("nurses");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="case-card"]').length === 1);
  assert.deepEqual(await caseCards(page).locator('[data-testid="case-card-title"]').allTextContents(), [CLINIC]);
  await page.getByPlaceholder("Search case studies").fill("zeppelin");
  await page.getByTestId("library-cases-empty").waitFor();
  assert.match(await page.getByTestId("library-cases-empty").textContent(), /No case studies match “zeppelin”/);
  await shot(page.locator("aside.library-pane"), "case-list-no-match.png");
  assert.deepEqual(errors, []);
  await page.close();
});

test("mouse: a case dropped between two blocks of Proof becomes a story there, its metric after it; Ctrl+Z undoes both", async () => {
  const { page, errors } = await openCaseList();
  const proof = zone(page, "Proof");
  await proof.scrollIntoViewIfNeeded();
  const before = await board(page);
  const listed = await caseCards(page).count();
  const proofId = await sectionId(page, "Proof");
  const id = await caseId(page, BANK);

  const from = await centre(caseCard(page, BANK));
  const to = await centre(cards(proof).nth(1));
  await drag(page, from, to, {
    beforeDrop: async () => {
      // The same drop indicator as a block drag, where the case will land…
      const placeholder = proof.locator(':scope > [data-testid="drop-placeholder"]');
      assert.equal(await placeholder.count(), 1, "a drop placeholder is shown in Proof");
      assert.equal(await placeholder.evaluate((el) => Array.from(el.parentElement.children).indexOf(el)), 1);
      assert.equal(await placeholder.locator(".indicator").textContent(), "Drop here");
      // …and the case list keeps the card (a copy is dragged, not the card).
      assert.equal(await caseCards(page).count(), listed);
      assert.equal(await caseCard(page, BANK).count(), 1);
      await shot(page, "case-drag-in-progress.png");
    },
  });
  await added(page, 1);

  assert.deepEqual(await caseUses(page), [{ id, relation: "peer", to: { in: "section", sectionId: proofId, index: 1 }, metrics: true }]);
  assert.deepEqual(await edits(page), [], "no MoveBlock or other edit is sent");
  const after = await board(page);
  const [first, ...rest] = before.sections.Proof;
  assert.deepEqual(after.sections.Proof, [first, BANK, BANK_METRIC, ...rest]);
  const story = (await coreProject(page)).sections.find((s) => s.id === proofId).blocks[1];
  assert.equal(story.kind, "story");
  assert.equal(story.caseId, id);
  assert.equal(story.relation, "peer");
  await assertText(announcer(page), new RegExp(`Added case “${escape(BANK)}” to Proof, position 2 of ${before.sections.Proof.length + 2}, with 1 metric block`));
  assert.equal(await caseCard(page, BANK).count(), 1, "the case is still in the list");
  assert.equal(await caseCards(page).count(), listed);
  assert.equal(await page.locator('[data-testid="drop-placeholder"], [data-testid="incoming-case"]').count(), 0);
  await shot(page, "case-drag-dropped.png");

  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press("Control+z");
  await page.waitForFunction((title) => !document.querySelector('[data-testid="storyboard"]').textContent.includes(title), BANK);
  assert.deepEqual((await board(page)).sections, before.sections, "one undo takes the story and its metric away");
  assert.deepEqual(errors, []);
  await page.close();
});

test("mouse: without the metrics option only the story is added, at the top of a section; a drop outside adds nothing (slow core)", async () => {
  const { page, errors } = await openCaseList({ delay: 400 });
  await page.getByLabel("Outcome numbers as metric blocks").uncheck();
  const gain = zone(page, "What we gain");
  const before = await board(page);
  const gainId = await sectionId(page, "What we gain");
  const id = await caseId(page, CLINIC);

  // Outside any list: on the project's header above the board.
  let from = await centre(caseCard(page, CLINIC));
  const header = await page.locator("main h1").first().boundingBox();
  await drag(page, from, { x: header.x + header.width / 2, y: header.y + header.height / 2 });
  await page.waitForTimeout(400);
  assert.deepEqual(await caseUses(page), []);
  assert.deepEqual(await board(page), before);
  assert.equal(await caseCard(page, CLINIC).count(), 1);

  // Onto the top half of the first card: before it.
  from = await centre(caseCard(page, CLINIC));
  const to = await centre(cards(gain).first());
  await drag(page, from, { x: to.x, y: to.y - to.box.height * 0.3 });
  // While the core is still answering, the case shows where it was dropped (no flicker).
  await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]').textContent.includes("Saving…"));
  const incoming = gain.locator(':scope > [data-testid="incoming-case"]');
  assert.equal(await incoming.count(), 1);
  assert.equal(await incoming.evaluate((el) => Array.from(el.parentElement.children).indexOf(el)), 0);
  assert.equal((await incoming.getByTestId("block-title").textContent()).trim(), CLINIC);
  await added(page, 1);
  assert.equal(await incoming.count(), 0);
  assert.deepEqual(await caseUses(page), [{ id, relation: null, to: { in: "section", sectionId: gainId, index: 0 }, metrics: false }]);
  const after = await board(page);
  assert.deepEqual(after.sections["What we gain"], [CLINIC, ...before.sections["What we gain"]]);
  assert.ok(!Object.values(after.sections).flat().includes(CLINIC_METRIC));
  assert.deepEqual(errors, []);
  await page.close();
});

test("keyboard: Space picks a case up, arrows and Tab carry it into a section and along, Space adds it there", async () => {
  const { page, errors } = await openCaseList();
  const before = await board(page);
  const gainId = await sectionId(page, "What we gain");
  const id = await caseId(page, BANK);
  const count = before.sections.Opportunity.length;

  await caseCard(page, BANK).focus();
  await page.keyboard.press("Space");
  await assertText(announcer(page), new RegExp(`Picked up case “${escape(BANK)}”`));
  // Into the first section (the drag library puts it at the end there, the list being below it).
  await page.keyboard.press("ArrowDown");
  await assertText(announcer(page), new RegExp(`“${escape(BANK)}”: Opportunity, position ${count + 1} of ${count + 1}`));
  await page.keyboard.press("ArrowUp");
  await assertText(announcer(page), new RegExp(`“${escape(BANK)}”: Opportunity, position ${count} of ${count + 1}`));
  await page.keyboard.press("Tab");
  const gainCount = before.sections["What we gain"].length;
  await assertText(announcer(page), new RegExp(`“${escape(BANK)}”: What we gain, position 1 of ${gainCount + 1}`));
  await page.keyboard.press("ArrowDown");
  await assertText(announcer(page), new RegExp(`What we gain, position 2 of ${gainCount + 1}`));
  // The case list still shows the case while its copy travels.
  assert.equal(await caseCard(page, BANK).count(), 1);
  await page.waitForTimeout(300); // let the cards finish sliding
  await shot(page, "case-drag-keyboard.png");
  assert.deepEqual(await caseUses(page), [], "nothing is sent before the drop");

  await page.keyboard.press("Space");
  await added(page, 1);
  assert.deepEqual(await caseUses(page), [{ id, relation: "peer", to: { in: "section", sectionId: gainId, index: 1 }, metrics: true }]);
  const after = await board(page);
  const gain = before.sections["What we gain"];
  assert.deepEqual(after.sections["What we gain"], [gain[0], BANK, BANK_METRIC, ...gain.slice(1)]);
  assert.deepEqual(after.sections.Opportunity, before.sections.Opportunity);
  await assertText(announcer(page), new RegExp(`Added case “${escape(BANK)}” to What we gain, position 2 of ${gainCount + 2}`));
  // Focus goes to the new story, so the person can go on from there.
  const storyId = (await coreProject(page)).sections.find((s) => s.id === gainId).blocks[1].id;
  await page.waitForFunction((blockId) => document.activeElement?.getAttribute("data-block-id") === String(blockId), storyId);
  assert.deepEqual(await edits(page), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("keyboard: Escape puts the case back and adds nothing; Add to… does the same as a drop at a section's end", async () => {
  const { page, errors } = await openCaseList();
  const before = await board(page);

  await caseCard(page, CLINIC).focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Tab");
  await assertText(announcer(page), /What we gain, position 1/);
  await page.keyboard.press("Escape");
  await assertText(announcer(page), new RegExp(`Cancelled. Case “${escape(CLINIC)}” was not added.`));
  await page.waitForTimeout(300);
  assert.deepEqual(await caseUses(page), []);
  assert.deepEqual(await board(page), before);
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid="case-card"]')?.textContent.includes("Clinic huddles"));
  // Nor did the keys reach any other command.
  const calls = await page.evaluate(() => window.harness.core.calls);
  assert.deepEqual(calls.filter((c) => ["apply_edit", "use_library_case", "undo", "redo"].includes(c)), []);

  // The menu: Tab to the card's Add to…, open it with Enter, choose Start small.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-label")), `Add “${CLINIC}” to…`);
  await page.keyboard.press("Enter");
  await page.getByRole("menu").waitFor();
  await shot(page, "case-add-menu.png");
  await page.getByRole("menuitem", { name: "Start small" }).click();
  await added(page, 1);
  const startId = await sectionId(page, "Start small");
  const [use] = await caseUses(page);
  assert.deepEqual(use.to, { in: "section", sectionId: startId, index: before.sections["Start small"].length });
  assert.deepEqual((await board(page)).sections["Start small"].slice(-2), [CLINIC, CLINIC_METRIC]);
  assert.deepEqual(errors, []);
  await page.close();
});
