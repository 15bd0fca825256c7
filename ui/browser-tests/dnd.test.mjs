// Drag and drop in real Chromium, with the mouse and with the keyboard, against the harness
// (the real App over the real core, crates/test-server; the harness records the edits sent).
// Run with `npm run test:browser` (it builds harness/dist first).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { board, centre, coreProject, drag, edits, launch, openHarness, serveHarness, settled, shot, startCore } from "./support.mjs";

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

const zone = (page, name) =>
  page
    .locator('[data-testid="section"]')
    .filter({ has: page.getByRole("heading", { name, exact: true }) })
    .locator('[data-testid="section-blocks"]');
const cards = (zoneLocator) => zoneLocator.locator(':scope > [data-testid="block"]');
const library = (page) => page.locator('[data-testid="library"]');

async function sectionId(page, name) {
  return Number(await zone(page, name).getAttribute("data-section-id"));
}

async function blockId(locator) {
  return Number(await locator.getAttribute("data-block-id"));
}

async function titleOf(locator) {
  return (await locator.locator('[data-testid="block-title"]').textContent()).trim();
}

test("mouse: a library block dropped in the middle of a section goes to that index", async () => {
  const { page, errors } = await openHarness(browser, server.url, { core });
  const proof = zone(page, "Proof");
  await proof.scrollIntoViewIfNeeded();
  const before = await board(page);
  const moving = cards(library(page)).first();
  const title = await titleOf(moving);
  const id = await blockId(moving);
  const proofId = await sectionId(page, "Proof");

  const from = await centre(moving);
  const to = await centre(cards(proof).nth(1));
  await drag(page, from, to, {
    beforeDrop: async () => {
      // While dragging, a placeholder shows where the block will land.
      const placeholder = proof.locator(':scope > [data-testid="drop-placeholder"]');
      assert.equal(await placeholder.count(), 1, "a drop placeholder is shown in the target section");
      assert.equal(await placeholder.evaluate((el) => Array.from(el.parentElement.children).indexOf(el)), 1);
      await shot(page, "drag-mouse-placeholder.png");
    },
  });
  await settled(page, 1);

  assert.deepEqual(await edits(page), [{ op: "moveBlock", id, to: { in: "section", sectionId: proofId, index: 1 } }]);
  const after = await board(page);
  assert.deepEqual(after.sections.Proof, [before.sections.Proof[0], title, ...before.sections.Proof.slice(1)]);
  assert.deepEqual(after.library, before.library.slice(1));
  // The page shows exactly what the core now has.
  const held = await coreProject(page);
  assert.deepEqual(
    held.sections.find((s) => s.id === proofId).blocks.map((b) => b.title),
    after.sections.Proof,
  );
  assert.equal(await page.locator('[data-testid="drop-placeholder"]').count(), 0);
  await shot(page, "drag-mouse-dropped.png");
  assert.deepEqual(errors, []);
  await page.close();
});

test("mouse: reordering within a section sends the block's final index (slow core: no flicker)", async () => {
  const { page, errors } = await openHarness(browser, server.url, { core, delay: 400 });
  const opportunity = zone(page, "Opportunity");
  const before = await board(page);
  const first = cards(opportunity).first();
  const id = await blockId(first);
  const opportunityId = await sectionId(page, "Opportunity");

  const from = await centre(first);
  const to = await centre(cards(opportunity).nth(2));
  // Past the middle of the third card: the block goes after it.
  await drag(page, from, { x: to.x, y: to.y + to.box.height * 0.25 });
  const [a, b, c, ...rest] = before.sections.Opportunity;
  // While the core is still answering, the drop already shows where the block went.
  await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]').textContent.includes("Saving…"));
  assert.deepEqual((await board(page)).sections.Opportunity, [b, c, a, ...rest]);
  await settled(page, 1);

  assert.deepEqual(await edits(page), [{ op: "moveBlock", id, to: { in: "section", sectionId: opportunityId, index: 2 } }]);
  assert.deepEqual((await board(page)).sections.Opportunity, [b, c, a, ...rest]);
  assert.deepEqual(errors, []);
  await page.close();
});

test("mouse: a block dragged from a section back to the library", async () => {
  // A tall window, so the library has empty room below its cards to drop into.
  const { page, errors } = await openHarness(browser, server.url, { core, height: 1400 });
  const gain = zone(page, "What we gain");
  const before = await board(page);
  const moving = cards(gain).first();
  const id = await blockId(moving);
  const title = await titleOf(moving);

  const from = await centre(moving);
  const room = await library(page).boundingBox();
  await drag(page, from, { x: room.x + room.width / 2, y: room.y + room.height - 60 });
  await settled(page, 1);

  assert.deepEqual(await edits(page), [{ op: "moveBlock", id, to: { in: "library", index: before.library.length } }]);
  const after = await board(page);
  assert.deepEqual(after.library, [...before.library, title]);
  assert.deepEqual(after.sections["What we gain"], before.sections["What we gain"].slice(1));
  assert.deepEqual(errors, []);
  await page.close();
});

test("keyboard: Space picks up, arrows and Tab move, Space drops: one MoveBlock", async () => {
  const { page, errors } = await openHarness(browser, server.url, { core });
  const before = await board(page);
  const card = cards(zone(page, "Opportunity")).first();
  const id = await blockId(card);
  const title = await titleOf(card);
  const gainId = await sectionId(page, "What we gain");
  const announcer = page.locator('[data-testid="announcer"]');

  await card.focus();
  await page.keyboard.press("Space");
  await assertText(announcer, new RegExp(`Picked up “${escape(title)}” in Opportunity, position 1 of 4`));
  await page.keyboard.press("ArrowDown");
  await assertText(announcer, new RegExp(`“${escape(title)}”: Opportunity, position 2 of 4`));
  await page.keyboard.press("Tab");
  await assertText(announcer, new RegExp(`“${escape(title)}”: What we gain, position 1 of 5`));
  await page.keyboard.press("ArrowDown");
  await assertText(announcer, /What we gain, position 2 of 5/);
  await page.waitForTimeout(300); // let the cards finish sliding
  await shot(page, "drag-keyboard-moving.png");
  assert.deepEqual(await edits(page), [], "nothing is sent before the drop");
  await page.keyboard.press("Space");
  await settled(page, 1);
  await assertText(announcer, new RegExp(`Dropped “${escape(title)}” in What we gain, position 2 of 5`));

  assert.deepEqual(await edits(page), [{ op: "moveBlock", id, to: { in: "section", sectionId: gainId, index: 1 } }]);
  const after = await board(page);
  assert.deepEqual(after.sections.Opportunity, before.sections.Opportunity.slice(1));
  const gain = before.sections["What we gain"];
  assert.deepEqual(after.sections["What we gain"], [gain[0], title, ...gain.slice(1)]);
  // Focus stays on the moved card, so the person can go on.
  await page.waitForFunction((blockId) => document.activeElement?.getAttribute("data-block-id") === String(blockId), id);
  assert.deepEqual(errors, []);
  await page.close();
});

test("keyboard: Escape cancels the move and sends nothing", async () => {
  const { page, errors } = await openHarness(browser, server.url, { core });
  const before = await board(page);
  const card = cards(zone(page, "Proof")).nth(1);
  const id = await blockId(card);
  const title = await titleOf(card);
  const announcer = page.locator('[data-testid="announcer"]');

  await card.focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Tab");
  await assertText(announcer, /Start small/);
  await page.keyboard.press("Escape");
  await assertText(announcer, new RegExp(`Move cancelled. “${escape(title)}” stays in Proof, position 2`));
  await page.waitForTimeout(300);

  assert.deepEqual(await edits(page), []);
  assert.deepEqual(await board(page), before);
  await page.waitForFunction((blockId) => document.activeElement?.getAttribute("data-block-id") === String(blockId), id);
  // Nor did the Escape or the keys before it reach any other command (undo, redo…).
  const calls = await page.evaluate(() => window.harness.core.calls);
  assert.deepEqual(calls.filter((c) => ["apply_edit", "undo", "redo"].includes(c)), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("sections: dragging a section's handle reorders the sections", async () => {
  const { page, errors } = await openHarness(browser, server.url, { core });
  const titles = () => page.locator('[data-testid="section-title"]').allTextContents();
  const before = (await titles()).map((t) => t.trim());
  const firstId = await sectionId(page, before[0]);

  const handle = page.locator(`[data-section-handle="${firstId}"]`);
  const from = await centre(handle);
  const second = await centre(page.locator('[data-testid="section"]').nth(1).locator("header"));
  await drag(page, from, { x: second.box.x + second.box.width * 0.75, y: from.y });
  await settled(page, 1);

  assert.deepEqual(await edits(page), [{ op: "moveSection", id: firstId, index: 1 }]);
  assert.deepEqual((await titles()).map((t) => t.trim()), [before[1], before[0], ...before.slice(2)]);
  assert.deepEqual(errors, []);
  await page.close();
});

test("sections: keyboard reorder with the handle (Space, arrow, Space)", async () => {
  const { page, errors } = await openHarness(browser, server.url, { core });
  const titles = () => page.locator('[data-testid="section-title"]').allTextContents();
  const before = (await titles()).map((t) => t.trim());
  const id = await sectionId(page, before[1]);

  await page.locator(`[data-section-handle="${id}"]`).focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Space");
  await settled(page, 1);

  assert.deepEqual(await edits(page), [{ op: "moveSection", id, index: 3 }]);
  assert.deepEqual((await titles()).map((t) => t.trim()), [before[0], before[2], before[3], before[1], before[4]]);
  assert.deepEqual(errors, []);
  await page.close();
});

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function assertText(locator, pattern) {
  const deadline = Date.now() + 3000;
  let text = "";
  while (Date.now() < deadline) {
    text = (await locator.textContent()) ?? "";
    if (pattern.test(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.match(text, pattern);
}
