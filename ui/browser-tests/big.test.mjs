// A big storyboard (fixtures.mjs `bigProject`: 2,000 blocks in 12 sections, 167 or 166 in each,
// loaded into the real core in the JSON exchange format) renders a window of each list's cards
// (lib/window.ts) and shows more as needed, while drops, keyboard moves, the Move to… menu and the
// coach's "show it" still reach every block. Block ids are the core's, read from its project.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { bigReset } from "./fixtures.mjs";
import { centre, coreProject, drag, edits, launch, openHarness, serveHarness, settled, shot, startCore } from "./support.mjs";

const STEP = 8; // WINDOW_STEP in src/lib/window.ts

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

/** The page on the big project: 2,000 blocks in 12 sections unless said otherwise. */
const openBig = (blocks = 2000, sections = 12, options = {}) => openHarness(browser, server.url, { core, reset: bigReset(blocks, sections), ...options });
/** The ids of section `n`'s blocks, in the core's order. */
const idsIn = async (page, n) => (await coreProject(page)).sections[n].blocks.map((b) => b.id);

const sectionAt = (page, n) => page.locator('[data-testid="section"]').nth(n);
const zoneAt = (page, n) => sectionAt(page, n).locator('[data-testid="section-blocks"]');
const cards = (zone) => zone.locator(':scope > [data-testid="block"]');
const shownIds = (zone) => cards(zone).evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-block-id"))));

/** How many cards each section renders now. */
const renderedCounts = (page) =>
  page.locator('[data-testid="section-blocks"]').evaluateAll((zones) => zones.map((z) => z.querySelectorAll(':scope > [data-testid="block"]').length));

/** Scrolls the board across to its end a viewport at a time, so every column comes near and renders its cards; then back. */
async function visitAllColumns(page) {
  const board = page.getByTestId("storyboard");
  const width = await board.evaluate((el) => el.scrollWidth);
  for (let x = 0; x <= width; x += 600) {
    await board.evaluate((el, left) => el.scrollTo({ left, behavior: "instant" }), x);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('[data-testid="section-blocks"]')).every((z) => z.querySelector(':scope > [data-testid="block"]')),
  );
  await board.evaluate((el) => el.scrollTo({ left: 0, behavior: "instant" }));
}

test("first render: the sections in view show their first cards and say how many are shown; the others once scrolled near, the rest on scrolling or on request", { timeout: 60000 }, async () => {
  const { page, errors } = await openBig();
  const [firstIds, secondIds] = [await idsIn(page, 0), await idsIn(page, 1)];
  const counts = await renderedCounts(page);
  assert.equal(counts.length, 12);
  // The first sections (those in view and the next, within COLUMN_MARGIN) render a step each,
  // the ones far to the right none yet; nothing in between.
  const near = counts.findIndex((n) => n === 0);
  assert.ok(near >= 3 && near < 12, `the sections in view render cards, the far ones none: ${counts}`);
  assert.deepEqual(counts, [...Array(near).fill(STEP), ...Array(12 - near).fill(0)]);
  const far = sectionAt(page, 11).locator('[data-testid="show-more"]');
  assert.match(await far.textContent(), /0 of 166 blocks shown/);
  // Scrolled to, the last section shows its first step.
  await page.getByTestId("storyboard").evaluate((el) => el.scrollTo({ left: el.scrollWidth, behavior: "instant" }));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="section-blocks"]')[11].querySelectorAll(':scope > [data-testid="block"]').length === 8);
  await page.getByTestId("storyboard").evaluate((el) => el.scrollTo({ left: 0, behavior: "instant" }));
  const first = zoneAt(page, 0);
  assert.deepEqual(await shownIds(first), firstIds.slice(0, STEP), "the first cards, in order");
  const more = sectionAt(page, 0).locator('[data-testid="show-more"]');
  assert.match(await more.textContent(), new RegExp(`${STEP} of 167 blocks shown`));
  await shot(sectionAt(page, 0), "big-section-window.png");

  // Scrolled near its end, the section shows the next step.
  await first.evaluate((zone) => zone.scrollTo(0, zone.scrollHeight));
  await page.waitForFunction(() => document.querySelector('[data-testid="section-blocks"]').querySelectorAll(':scope > [data-testid="block"]').length > 8);
  const grown = (await shownIds(first)).length;
  assert.ok(grown > STEP && grown < 167, `scrolling shows more, not all at once (${grown})`);
  assert.deepEqual(await shownIds(first), firstIds.slice(0, grown));
  assert.match(await more.textContent(), new RegExp(`${grown} of 167 blocks shown`));
  await shot(sectionAt(page, 0), "big-section-scrolled.png");

  // "Show 8 more" and "Show all", by keyboard.
  const second = zoneAt(page, 1);
  await sectionAt(page, 1).getByRole("button", { name: new RegExp(`^Show ${STEP} more in`) }).focus();
  await page.keyboard.press("Enter");
  assert.deepEqual(await shownIds(second), secondIds.slice(0, 2 * STEP));
  await sectionAt(page, 1).getByRole("button", { name: "Show all 167 in Blocks in What we gain" }).click();
  assert.equal((await shownIds(second)).length, 167);
  assert.equal(await sectionAt(page, 1).locator('[data-testid="show-more"]').count(), 0, "nothing more to show");
  // Focus goes to the first card that button showed.
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-block-id")), String(secondIds[2 * STEP]));
  assert.deepEqual(errors, []);
  await page.close();
});

test("a card's Move to… menu shows whole over the board: the columns' containment does not clip it", { timeout: 60000 }, async () => {
  const { page, errors } = await openBig();
  // The last card shown in view of the second column: its menu reaches past the column's edges.
  const card = cards(zoneAt(page, 1)).nth(2);
  await card.locator('[data-testid="move-menu"]').click();
  const menu = page.getByRole("menu");
  await menu.waitFor();
  assert.equal(await menu.evaluate((el) => el.matches(":popover-open")), true, "the menu is in the top layer");
  // Every item the menu shows (it scrolls past its greatest height) is what a click at its centre reaches.
  const hits = await menu.evaluate((el) => {
    const shown = el.getBoundingClientRect();
    const hit = [];
    for (const item of el.querySelectorAll('[role="menuitem"]')) {
      const r = item.getBoundingClientRect();
      if (r.top >= shown.top && r.bottom <= shown.bottom) hit.push(item.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)));
    }
    return hit;
  });
  assert.ok(hits.length > 8 && hits.every(Boolean), `every item can be clicked where it shows: ${hits}`);
  // At its button, though the column (a containing block for fixed elements) is far from the window's corner.
  const box = await menu.boundingBox();
  const button = await card.locator('[data-testid="move-menu"]').boundingBox();
  assert.ok(Math.abs(box.x + box.width - (button.x + button.width)) <= 1, `the menu's right edge is its button's (${box.x + box.width} and ${button.x + button.width})`);
  assert.ok(Math.abs(box.y - (button.y + button.height + 4)) <= 1 || Math.abs(box.y + box.height - (button.y - 4)) <= 1, "the menu opens just below its button, or just above");
  await shot(page, "big-move-menu.png");
  await page.keyboard.press("Escape");
  await menu.waitFor({ state: "detached" });
  assert.deepEqual(errors, []);
  await page.close();
});

test("mouse: drops in a partly shown section land where the indicator shows (the middle, and after the last card shown)", { timeout: 60000 }, async () => {
  const { page, errors } = await openBig();
  const sectionId = Number(await zoneAt(page, 0).getAttribute("data-section-id"));
  const target = zoneAt(page, 0);
  // Into the middle of the window: the second section's first card onto the first section's
  // card in the middle of those shown (upper half).
  const middle = Math.floor(STEP / 2);
  const moving = cards(zoneAt(page, 1)).first();
  const id = Number(await moving.getAttribute("data-block-id"));
  await cards(target).nth(middle).scrollIntoViewIfNeeded();
  const to = await centre(cards(target).nth(middle));
  let at = -1;
  const indicator = () => target.locator(':scope > [data-testid="drop-placeholder"]').evaluate((el) => Array.from(el.parentElement.children).indexOf(el));
  await drag(page, await centre(moving), to, {
    beforeDrop: async () => {
      at = await indicator();
      assert.ok(Math.abs(at - middle) <= 1, `the indicator shows by card ${middle + 1} (${at})`);
      await shot(page, "big-drag-middle.png");
    },
  });
  await settled(page, 1);
  assert.deepEqual((await edits(page))[0], { op: "moveBlock", id, to: { in: "section", sectionId, index: at } });
  const held = await coreProject(page);
  assert.equal(held.sections[0].blocks[at].id, id, "where the indicator showed");
  assert.equal(held.sections[0].blocks.length, 168);

  // Towards the end of what shows (the window may grow on the way, as the column scrolls): it
  // lands right after the card the indicator follows, before any card not shown yet.
  const next = cards(zoneAt(page, 1)).first();
  const nextId = Number(await next.getAttribute("data-block-id"));
  const lastShown = cards(target).nth(STEP - 1);
  await lastShown.scrollIntoViewIfNeeded();
  const end = await centre(lastShown);
  let follows = null;
  let shownThen = 0;
  await drag(page, await centre(next), { x: end.x, y: end.y + end.box.height / 2 + 8 }, {
    beforeDrop: async () => {
      const state = await target.locator(':scope > [data-testid="drop-placeholder"]').evaluate((el) => ({
        before: Number(el.previousElementSibling?.getAttribute("data-block-id")),
        items: el.parentElement.children.length,
      }));
      follows = state.before;
      shownThen = state.items;
      await shot(page, "big-drag-end-of-window.png");
    },
  });
  assert.ok(shownThen < 168, `dropped while the section showed part of its cards (${shownThen})`);
  await settled(page, 2);
  const after = await coreProject(page);
  const blocks = after.sections[0].blocks.map((b) => b.id);
  assert.equal(blocks.indexOf(nextId), blocks.indexOf(follows) + 1, "right after the card the indicator followed");
  assert.deepEqual((await edits(page))[1], { op: "moveBlock", id: nextId, to: { in: "section", sectionId, index: blocks.indexOf(nextId) } });
  // The dropped card stays shown, in the core's order, and the cards after it follow once scrolled.
  const shown = await shownIds(target);
  assert.deepEqual(shown, blocks.slice(0, shown.length));
  assert.ok(shown.includes(nextId));
  assert.deepEqual(errors, []);
  await page.close();
});

test("keyboard: a block carried into a far column, whose cards are not rendered yet, lands where it is announced", { timeout: 120000 }, async () => {
  const { page, errors } = await openBig();
  const [firstId] = await idsIn(page, 0);
  const far = zoneAt(page, 11);
  assert.equal((await shownIds(far)).length, 0, "the last column renders no cards before it is near");
  const farId = Number(await far.getAttribute("data-section-id"));
  await cards(zoneAt(page, 0)).first().focus();
  await page.keyboard.press("Space");
  // Tab carries it to the next section's list, eleven times to the last one.
  for (let i = 0; i < 11; i++) await page.keyboard.press("Tab");
  await page.waitForFunction(() => /The ask/.test(document.querySelector('[data-testid="announcer"]').textContent));
  await page.keyboard.press("ArrowDown");
  await page.waitForTimeout(300);
  const announced = await page.locator('[data-testid="announcer"]').textContent();
  const at = Number(/position (\d+) of/.exec(announced)?.[1]);
  assert.ok(at >= 1, `the position is announced: ${announced}`);
  await shot(page, "big-keyboard-far-column.png");
  await page.keyboard.press("Space");
  await settled(page, 1);
  assert.match(await page.locator('[data-testid="announcer"]').textContent(), new RegExp(`Dropped “Block 1:.*” in The ask, position ${at} of 167`));
  assert.deepEqual(await edits(page), [{ op: "moveBlock", id: firstId, to: { in: "section", sectionId: farId, index: at - 1 } }]);
  assert.equal((await idsIn(page, 11)).indexOf(firstId), at - 1);
  await page.waitForFunction((id) => document.activeElement?.getAttribute("data-block-id") === String(id), firstId);
  assert.deepEqual(errors, []);
  await page.close();
});

test("keyboard: a block carried down a long section reaches its end (the window grows ahead of it)", { timeout: 120000 }, async () => {
  // 4 sections of 50: 49 arrow presses.
  const { page, errors } = await openBig(200, 4);
  const ids = await idsIn(page, 0);
  const zone = zoneAt(page, 0);
  const sectionId = Number(await zone.getAttribute("data-section-id"));
  assert.equal((await shownIds(zone)).length, STEP);
  const card = cards(zone).first();
  await card.focus();
  await page.keyboard.press("Space");
  for (let i = 0; i < 49; i++) await page.keyboard.press("ArrowDown");
  const announcer = page.locator('[data-testid="announcer"]');
  await page.waitForFunction(() => /position 50 of 50/.test(document.querySelector('[data-testid="announcer"]').textContent));
  await page.waitForTimeout(300);
  await shot(page, "big-keyboard-end.png");
  await page.keyboard.press("Space");
  await settled(page, 1);
  assert.match(await announcer.textContent(), /Dropped “Block 1:.*” in Opportunity, position 50 of 50/);
  assert.deepEqual(await edits(page), [{ op: "moveBlock", id: ids[0], to: { in: "section", sectionId, index: 49 } }]);
  assert.deepEqual(await idsIn(page, 0), [...ids.slice(1), ids[0]]);
  await page.waitForFunction((id) => document.activeElement?.getAttribute("data-block-id") === String(id), ids[0]);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a far block is shown when it must be: moved to the end of a long section, or shown from the coach", { timeout: 60000 }, async () => {
  const { page, errors } = await openBig();
  const [firstId] = await idsIn(page, 0);
  // Move to… the end of the last section (its 167th place, far past its window).
  const last = zoneAt(page, 11);
  const card = cards(zoneAt(page, 0)).first();
  await card.locator('[data-testid="move-menu"]').click();
  await page.getByRole("menuitem", { name: "The ask", exact: true }).click();
  await settled(page, 1);
  await page.waitForFunction((id) => document.activeElement?.getAttribute("data-block-id") === String(id), firstId);
  const moved = last.locator(`:scope > [data-block-id="${firstId}"]`);
  assert.equal(await moved.count(), 1);
  await assertInView(last, moved);

  // The coach's advice on a block far down the first section (past its 100th card): shown, selected, in view.
  const report = await core.invoke("coach_report");
  const advice = report.findings.find((f) => f.section === 0 && f.block >= 100);
  assert.ok(advice, "the core has advice on a far block of the first section");
  const farBlock = (await coreProject(page)).sections[0].blocks[advice.block];
  await page.getByRole("tab", { name: /^Coach/ }).click();
  await page.waitForFunction(() => document.getElementById("panel-coach")?.getAttribute("aria-busy") === "false");
  const first = zoneAt(page, 0);
  assert.equal(await first.locator(`:scope > [data-block-id="${farBlock.id}"]`).count(), 0, "not shown before");
  const label = /^Block \d+:/.exec(farBlock.title)[0];
  await page.locator('[data-testid="finding"]').filter({ hasText: label }).first().locator(".reveal").click();
  const far = first.locator(`:scope > [data-block-id="${farBlock.id}"]`);
  await far.waitFor();
  assert.equal(await far.getAttribute("aria-current"), "true", "selected");
  await assertInView(first, far);
  await shot(page, "big-coach-reveal.png");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a move leaves the other cards' DOM alone: unmoved cards are the same elements, untouched sections see no change", { timeout: 60000 }, async () => {
  const { page, errors } = await openBig();
  await page.waitForFunction(() => document.getElementById("panel-coach")?.getAttribute("aria-busy") === "false");
  await visitAllColumns(page);
  await page.evaluate(() => {
    const zones = document.querySelectorAll('[data-testid="section-blocks"]');
    window.marked = [zones[0], zones[5], zones[11]].map((zone) => zone.querySelectorAll(':scope > [data-testid="block"]')[3]);
    window.mutations = 0;
    window.observer = new MutationObserver((records) => (window.mutations += records.length));
    window.observer.observe(zones[5], { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const card = cards(zoneAt(page, 0)).first();
  await card.locator('[data-testid="move-menu"]').click();
  await page.getByRole("menuitem", { name: "The ask", exact: true }).click();
  await settled(page, 1);
  await page.waitForFunction(() => document.getElementById("panel-coach")?.getAttribute("aria-busy") === "false");
  await page.waitForTimeout(200);
  const same = await page.evaluate(() => {
    const zones = document.querySelectorAll('[data-testid="section-blocks"]');
    return window.marked.map((el, i) => el === zones[[0, 5, 11][i]].querySelector(`:scope > [data-block-id="${el.getAttribute("data-block-id")}"]`) && el.isConnected);
  });
  assert.deepEqual(same, [true, true, true], "the cards that did not move are the same elements");
  assert.equal(await page.evaluate(() => window.mutations), 0, "a section the move did not touch is not changed at all");
  assert.deepEqual(errors, []);
  await page.close();
});

async function assertInView(zone, card) {
  const z = await zone.boundingBox();
  const c = await card.boundingBox();
  assert.ok(c && z && c.y >= z.y - 1 && c.y + Math.min(c.height, 40) <= z.y + z.height + 1, `the card is scrolled into view (${JSON.stringify({ z, c })})`);
}
