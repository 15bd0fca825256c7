// Case studies dragged from the library pane's "Case studies" tab into the storyboard, in real
// Chromium over the real core (crates/test-server; its library the starter library of
// assets/cases/starter.json, fresh for each page): with the mouse to a place between two blocks,
// with the keyboard (Space, arrows and Tab, Space), cancelled with Escape, and dropped outside. A
// drop sends one use_library_case (never a MoveBlock), the case stays in the list, and Ctrl+Z
// undoes the whole addition. The tests compare the page with what the core answers and holds.
// Screenshots go to $UI_SHOTS (default /tmp/ui-shots).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { board, centre, coreProject, drag, edits, launch, openHarness, serveHarness, shot, startCore } from "./support.mjs";

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

// Starter cases near the top of the list for the sample project (assets/cases/starter.json).
/** Marked a peer in the library before each page opens. */
const PEER = "Fitters’ early questions cut late design changes by 14%";
const OTHER = "Line technicians cut repeat breakdowns by 18%";

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

/** The search the case list sends (lib/caseDnd.ts caseListQuery): by relevance to the project, the first 20. */
const listQuery = (text) => ({ text, industry: null, size: null, kind: null, year: null, evidence: null, relation: null, sort: "project", limit: 20 });
/** What the core answers the case list's search (asked by the test; the page does not see it). */
const coreList = (text) => core.invoke("search_cases", { query: listQuery(text) });

/** The library case titled `title`, as the core holds it. */
async function libraryCase(title) {
  const all = await core.invoke("search_cases", { query: { ...listQuery(""), sort: "relevance", limit: null } });
  const hit = all.hits.find((h) => h.case.title === title);
  assert.ok(hit, `the library holds “${title}”`);
  return hit.case;
}

/**
 * The case `study` as the core placed it in `project`: its story (the block linked to the project's
 * own copy of the case, which `caseId` names), that copy, and the metric blocks right after the
 * story (one per outcome with a number, each naming the outcome).
 */
function placed(project, study) {
  const copies = project.cases.filter((c) => c.case.title === study.title && c.case.organisation === study.organisation);
  assert.equal(copies.length, 1, "the project keeps one copy of the case");
  const [copy] = copies;
  for (const section of project.sections) {
    const at = section.blocks.findIndex((b) => b.kind === "story" && b.caseId === copy.case.id);
    if (at < 0) continue;
    const metrics = [];
    for (const block of section.blocks.slice(at + 1)) {
      if (block.kind !== "metric" || block.organisation !== study.organisation) break;
      metrics.push(block);
    }
    return { section, index: at, story: section.blocks[at], copy, metrics: metrics.map((m) => m.title) };
  }
  assert.fail(`no story in the project is linked to “${study.title}”`);
}

/** The metric titles name the case's outcomes with a number, in order. */
function assertMetricsOf(metrics, study) {
  const numbered = study.outcomes.filter((o) => o.number !== null);
  assert.equal(metrics.length, numbered.length, "a metric for each outcome with a number");
  numbered.forEach((o, i) => assert.ok(metrics[i].includes(o.description), `metric ${i + 1} names “${o.description}”`));
}

/** The harness with the library pane on its Case studies tab; PEER marked a peer in the library first. */
async function openCaseList(options) {
  const opened = await openHarness(browser, server.url, { core, ...options });
  await core.invoke("save_library_case", { case: { ...(await libraryCase(PEER)), relation: "peer" } });
  await opened.page.getByRole("tab", { name: "Case studies" }).click();
  await caseCards(opened.page).first().waitFor();
  return opened;
}

async function sectionId(page, name) {
  return Number(await zone(page, name).getAttribute("data-section-id"));
}

/** Waits until the page has sent `count` use_library_case calls and the toolbar says saved. */
async function added(page, count) {
  await page.waitForFunction((n) => window.harness.caseUses().length >= n, count);
  await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]')?.textContent.includes("All changes saved"));
}

/** Waits until no card moves (the drag library's and Svelte's animations have finished). */
const settledCards = (page) => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));

test("a case card with a long title keeps its whole “Add to…” button beside the wrapped title", async () => {
  const { page, errors } = await openCaseList();
  const long = "Northwind Regional Health Authority: cross-site clinical huddles that halved repeat referrals";
  // The list's first case renamed in the library, as the Cases view's editor would.
  const [first] = (await coreList("")).hits;
  await core.invoke("save_library_case", { case: { ...first.case, title: long } });
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
  const expected = await coreList("");
  const titles = await caseCards(page).locator('[data-testid="case-card-title"]').allTextContents();
  assert.deepEqual(titles, expected.hits.map((h) => h.case.title));
  assert.match(await page.getByTestId("library-case-count").textContent(), new RegExp(`^The first ${expected.hits.length} of ${expected.total} case studies\\.`));
  const peer = expected.hits.find((h) => h.case.title === PEER);
  assert.equal(peer.relation, "peer", "the core answers the relation the library keeps");
  const card = caseCard(page, PEER);
  assert.match(await card.textContent(), new RegExp(escape(peer.case.organisation)));
  const industry = peer.case.industry[0].toUpperCase() + peer.case.industry.slice(1);
  assert.match(await card.textContent(), new RegExp(escape(`${industry} · ${peer.case.year}`)));
  assert.equal(await card.getByTestId("case-relation").textContent(), "Peer");
  assert.equal(await caseCard(page, OTHER).getByTestId("case-relation").count(), 0, "no marker without a relation");
  assert.ok(await page.getByLabel("Outcome numbers as metric blocks").isChecked());
  await shot(page.locator("aside.library-pane"), "case-list-pane.png");

  await page.getByPlaceholder("Search case studies").fill("nurses");
  const nurses = (await coreList("nurses")).hits.map((h) => h.case.title);
  assert.ok(nurses.length > 0 && nurses.length < titles.length);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="case-card"]').length === n, nurses.length);
  assert.deepEqual(await caseCards(page).locator('[data-testid="case-card-title"]').allTextContents(), nurses);
  await page.getByPlaceholder("Search case studies").fill("zeppelin");
  assert.equal((await coreList("zeppelin")).total, 0);
  await page.getByTestId("library-cases-empty").waitFor();
  assert.match(await page.getByTestId("library-cases-empty").textContent(), /No case studies match “zeppelin”/);
  await shot(page.locator("aside.library-pane"), "case-list-no-match.png");
  assert.deepEqual(errors, []);
  await page.close();
});

test("mouse: a case dropped between two blocks of Proof becomes a story there, its metrics after it; Ctrl+Z undoes them all", async () => {
  const { page, errors } = await openCaseList();
  const proof = zone(page, "Proof");
  await proof.scrollIntoViewIfNeeded();
  const before = await board(page);
  const listed = await caseCards(page).count();
  const proofId = await sectionId(page, "Proof");
  const study = await libraryCase(PEER);
  assert.ok(study.outcomes.some((o) => o.number !== null));

  const from = await centre(caseCard(page, PEER));
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
      assert.equal(await caseCard(page, PEER).count(), 1);
      await shot(page, "case-drag-in-progress.png");
    },
  });
  await added(page, 1);

  assert.deepEqual(await caseUses(page), [{ id: study.id, relation: "peer", to: { in: "section", sectionId: proofId, index: 1 }, metrics: true }]);
  assert.deepEqual(await edits(page), [], "no MoveBlock or other edit is sent");
  const held = await coreProject(page);
  const heldProof = held.sections.find((s) => s.id === proofId).blocks;
  const { story, copy, metrics, index } = placed(held, study);
  assert.equal(index, 1);
  assert.equal(story.title, PEER);
  assert.equal(story.relation, "peer");
  assert.equal(copy.relation, "peer");
  assertMetricsOf(metrics, study);
  const after = await board(page);
  const [first, ...rest] = before.sections.Proof;
  assert.deepEqual(after.sections.Proof, [first, PEER, ...metrics, ...rest]);
  assert.deepEqual(after.sections.Proof, heldProof.map((b) => b.title), "the page shows Proof as the core holds it");
  const total = before.sections.Proof.length + 1 + metrics.length;
  await assertText(announcer(page), new RegExp(`Added case “${escape(PEER)}” to Proof, position 2 of ${total}, with ${metrics.length} metric blocks?\\. Ctrl\\+Z takes them back\\.`));
  assert.equal(await caseCard(page, PEER).count(), 1, "the case is still in the list");
  assert.equal(await caseCards(page).count(), listed);
  assert.equal(await page.locator('[data-testid="drop-placeholder"], [data-testid="incoming-case"]').count(), 0);
  await shot(page, "case-drag-dropped.png");

  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press("Control+z");
  await page.waitForFunction((title) => !document.querySelector('[data-testid="storyboard"]').textContent.includes(title), PEER);
  assert.deepEqual((await board(page)).sections, before.sections, "one undo takes the story and its metrics away");
  assert.deepEqual(
    (await coreProject(page)).sections.find((s) => s.id === proofId).blocks.map((b) => b.title),
    before.sections.Proof,
    "in the core too",
  );
  assert.deepEqual(errors, []);
  await page.close();
});

test("mouse: without the metrics option only the story is added, at the top of a section; a drop outside adds nothing (slow core)", async () => {
  const { page, errors } = await openCaseList({ delay: 400 });
  await page.getByLabel("Outcome numbers as metric blocks").uncheck();
  const gain = zone(page, "What we gain");
  const before = await board(page);
  const held = await coreProject(page);
  const gainId = await sectionId(page, "What we gain");
  const study = await libraryCase(OTHER);

  // Outside any list: on the project's header above the board.
  let from = await centre(caseCard(page, OTHER));
  const header = await page.locator("main h1").first().boundingBox();
  await drag(page, from, { x: header.x + header.width / 2, y: header.y + header.height / 2 });
  // The drag library removes its dragged copy once the drop is handled.
  await page.waitForFunction(() => !document.getElementById("dnd-action-dragged-el"));
  await settledCards(page);
  assert.deepEqual(await caseUses(page), []);
  assert.deepEqual(await board(page), before);
  assert.deepEqual(await coreProject(page), held, "the core's project is as it was");
  assert.equal(await caseCard(page, OTHER).count(), 1);

  // Onto the top half of the first card: before it.
  from = await centre(caseCard(page, OTHER));
  const to = await centre(cards(gain).first());
  await drag(page, from, { x: to.x, y: to.y - to.box.height * 0.3 });
  // While the core is still answering, the case shows where it was dropped (no flicker).
  await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]').textContent.includes("Saving…"));
  const incoming = gain.locator(':scope > [data-testid="incoming-case"]');
  assert.equal(await incoming.count(), 1);
  assert.equal(await incoming.evaluate((el) => Array.from(el.parentElement.children).indexOf(el)), 0);
  assert.equal((await incoming.getByTestId("block-title").textContent()).trim(), OTHER);
  await added(page, 1);
  assert.equal(await incoming.count(), 0);
  assert.deepEqual(await caseUses(page), [{ id: study.id, relation: null, to: { in: "section", sectionId: gainId, index: 0 }, metrics: false }]);
  const after = await board(page);
  assert.deepEqual(after.sections["What we gain"], [OTHER, ...before.sections["What we gain"]]);
  const now = await coreProject(page);
  assert.deepEqual(now.sections.find((s) => s.id === gainId).blocks.map((b) => b.title), after.sections["What we gain"]);
  const { section, index, metrics } = placed(now, study);
  assert.deepEqual([section.id, index], [gainId, 0]);
  assert.deepEqual(metrics, [], "no metric blocks");
  assert.equal(now.sections.flatMap((s) => s.blocks).length, held.sections.flatMap((s) => s.blocks).length + 1, "only the story is added");
  assert.deepEqual(errors, []);
  await page.close();
});

test("keyboard: Space picks a case up, arrows and Tab carry it into a section and along, Space adds it there", async () => {
  const { page, errors } = await openCaseList();
  const before = await board(page);
  const gainId = await sectionId(page, "What we gain");
  const study = await libraryCase(PEER);
  const count = before.sections.Opportunity.length;

  await caseCard(page, PEER).focus();
  await page.keyboard.press("Space");
  await assertText(announcer(page), new RegExp(`Picked up case “${escape(PEER)}”`));
  // Into the first section (the drag library puts it at the end there, the list being below it).
  await page.keyboard.press("ArrowDown");
  await assertText(announcer(page), new RegExp(`“${escape(PEER)}”: Opportunity, position ${count + 1} of ${count + 1}`));
  await page.keyboard.press("ArrowUp");
  await assertText(announcer(page), new RegExp(`“${escape(PEER)}”: Opportunity, position ${count} of ${count + 1}`));
  await page.keyboard.press("Tab");
  const gainCount = before.sections["What we gain"].length;
  await assertText(announcer(page), new RegExp(`“${escape(PEER)}”: What we gain, position 1 of ${gainCount + 1}`));
  await page.keyboard.press("ArrowDown");
  await assertText(announcer(page), new RegExp(`What we gain, position 2 of ${gainCount + 1}`));
  // The case list still shows the case while its copy travels.
  assert.equal(await caseCard(page, PEER).count(), 1);
  await settledCards(page);
  await shot(page, "case-drag-keyboard.png");
  assert.deepEqual(await caseUses(page), [], "nothing is sent before the drop");

  await page.keyboard.press("Space");
  await added(page, 1);
  assert.deepEqual(await caseUses(page), [{ id: study.id, relation: "peer", to: { in: "section", sectionId: gainId, index: 1 }, metrics: true }]);
  const held = await coreProject(page);
  const { metrics, story, index } = placed(held, study);
  assert.equal(index, 1);
  assertMetricsOf(metrics, study);
  const after = await board(page);
  const gain = before.sections["What we gain"];
  assert.deepEqual(after.sections["What we gain"], [gain[0], PEER, ...metrics, ...gain.slice(1)]);
  assert.deepEqual(after.sections["What we gain"], held.sections.find((s) => s.id === gainId).blocks.map((b) => b.title));
  assert.deepEqual(after.sections.Opportunity, before.sections.Opportunity);
  await assertText(announcer(page), new RegExp(`Added case “${escape(PEER)}” to What we gain, position 2 of ${gainCount + 1 + metrics.length}`));
  // Focus goes to the new story, so the person can go on from there.
  await page.waitForFunction((blockId) => document.activeElement?.getAttribute("data-block-id") === String(blockId), story.id);
  assert.deepEqual(await edits(page), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("keyboard: Escape puts the case back and adds nothing; Add to… does the same as a drop at a section's end", async () => {
  const { page, errors } = await openCaseList();
  const before = await board(page);
  const held = await coreProject(page);
  const study = await libraryCase(OTHER);

  await caseCard(page, OTHER).focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Tab");
  await assertText(announcer(page), /What we gain, position 1/);
  await page.keyboard.press("Escape");
  await assertText(announcer(page), new RegExp(`Cancelled. Case “${escape(OTHER)}” was not added.`));
  // Focus is back on the case's card once the drag has ended.
  await page.waitForFunction((title) => document.activeElement?.closest('[data-testid="case-card"]')?.textContent.includes(title), OTHER);
  await settledCards(page);
  assert.deepEqual(await caseUses(page), []);
  assert.deepEqual(await board(page), before);
  assert.deepEqual(await coreProject(page), held, "the core's project is as it was");
  // Nor did the keys reach any other command.
  const calls = await page.evaluate(() => window.harness.core.calls);
  assert.deepEqual(calls.filter((c) => ["apply_edit", "use_library_case", "undo", "redo"].includes(c)), []);

  // The menu: Tab to the card's Add to…, open it with Enter, choose Start small.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("aria-label")), `Add “${OTHER}” to…`);
  await page.keyboard.press("Enter");
  await page.getByRole("menu").waitFor();
  await shot(page, "case-add-menu.png");
  await page.getByRole("menuitem", { name: "Start small" }).click();
  await added(page, 1);
  const startId = await sectionId(page, "Start small");
  const [use] = await caseUses(page);
  assert.deepEqual(use, { id: study.id, relation: null, to: { in: "section", sectionId: startId, index: before.sections["Start small"].length }, metrics: true });
  const now = await coreProject(page);
  const { metrics } = placed(now, study);
  assertMetricsOf(metrics, study);
  assert.deepEqual((await board(page)).sections["Start small"], [...before.sections["Start small"], OTHER, ...metrics]);
  assert.deepEqual((await board(page)).sections["Start small"], now.sections.find((s) => s.id === startId).blocks.map((b) => b.title));
  assert.deepEqual(errors, []);
  await page.close();
});
