// The editor as a person sees it in Chromium: layout, the inspector, menus, saving and the
// native menu's events, over the real core (crates/test-server). Screenshots go to $UI_SHOTS
// (default /tmp/ui-shots).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { board, edits, launch, openHarness, serveHarness, settled, shot, startCore } from "./support.mjs";

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

const open = (options = {}) => openHarness(browser, server.url, { core, ...options });

test("three areas: library left, storyboard centre, inspector right; the title names the file", async () => {
  const { page, errors } = await open();
  const width = (selector) => page.locator(selector).evaluate((el) => Math.round(el.getBoundingClientRect().width));
  assert.equal(await width(".library-pane"), 280);
  assert.equal(await width('[data-testid="side-panel"]'), 340);
  const storyboard = await page.locator('[data-testid="storyboard"]').boundingBox();
  assert.ok(storyboard.x >= 280 && storyboard.x + storyboard.width <= 1440 - 340 + 1, "the storyboard sits between the two panes");
  assert.equal(await page.title(), "Sample - Social collaboration.casewright — Casewright");
  assert.match(await page.locator('[data-testid="save-state"]').textContent(), /All changes saved/);
  // Only the app's error banner may be an alert (the drag library's live region is silenced).
  assert.equal(await page.locator('[role="alert"]').count(), 0);
  await shot(page, "editor-overview.png");
  assert.deepEqual(errors, []);
  await page.close();
});

test("editing a metric in the inspector updates its card after the pause", async () => {
  const { page, errors } = await open({ delay: 250 });
  const card = page.locator('[data-testid="section-blocks"] > [data-testid="block"][data-kind="metric"]').first();
  await card.click();
  const inspector = page.getByTestId("inspector");
  const value = inspector.getByLabel("Value");
  await value.fill("");
  await value.pressSequentially("61", { delay: 40 });
  await page.waitForTimeout(200);
  assert.deepEqual(await edits(page), [], "no edit per keystroke");
  await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]').textContent.includes("Saving…"));
  await shot(page, "inspector-metric-saving.png");
  await settled(page, 1);
  const [edit] = await edits(page);
  assert.equal(edit.op, "updateBlock");
  assert.equal(edit.block.number, 61);
  assert.equal(await card.getByTestId("block-figure").textContent(), "61%");
  // Focus and caret stayed in the field through the reply.
  assert.equal(await value.evaluate((el) => el === document.activeElement), true);
  assert.equal(await value.inputValue(), "61");
  await shot(page, "inspector-metric-saved.png");
  assert.deepEqual(errors, []);
  await page.close();
});

test("Move to… menu and section notes, as shown", async () => {
  const { page, errors } = await open();
  await page.getByRole("button", { name: "Proof", exact: true }).click();
  await page.getByTestId("inspector").getByLabel("Speaker notes").waitFor();
  const first = page.locator('[data-testid="section-blocks"] > [data-testid="block"]').first();
  await first.getByRole("button", { name: /^Move “/ }).click();
  await page.getByRole("menu").waitFor();
  await shot(page, "move-to-menu.png");
  await page.getByRole("menuitem", { name: /^Start small/ }).click();
  await settled(page, 1);
  const [edit] = await edits(page);
  const startSmall = (await board(page)).sections["Start small"];
  assert.equal(edit.op, "moveBlock");
  assert.equal(edit.to.index, startSmall.length - 1);
  const held = (await core.invoke("current_project")).project.sections.find((s) => s.title === "Start small");
  assert.equal(startSmall.at(-1), held.blocks.at(-1).title, "the core holds the block where the page shows it");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the native menu's Undo and Redo (menu-action events) run like the toolbar", async () => {
  const { page, errors } = await open();
  const before = await board(page);
  await page.locator('[data-testid="library"] > [data-testid="block"]').first().getByRole("button", { name: /^Move “/ }).click();
  await page.getByRole("menuitem", { name: /^Opportunity/ }).click();
  await settled(page, 1);
  assert.notDeepEqual(await board(page), before);

  await page.evaluate(() => window.harness.menu({ action: "undo" }));
  await page.waitForFunction(() => window.harness.core.calls.includes("undo"));
  await page.waitForFunction(() => document.querySelector("#redo") && !document.querySelector("#redo").disabled);
  assert.deepEqual(await board(page), before);

  await page.evaluate(() => window.harness.menu({ action: "redo" }));
  await page.waitForFunction(() => window.harness.core.calls.includes("redo"));
  await page.waitForFunction(() => document.querySelector("#redo")?.disabled);
  assert.notDeepEqual(await board(page), before);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a refused edit: error banner, 'Not saved', and the core's state shown again", async () => {
  const { page, errors } = await open();
  const before = await board(page);
  // A real cause: SQLite cannot make the save's rollback journal beside the file (a folder has its name).
  await mkdir(`${core.run.path}-journal`);
  await page.locator('[data-testid="library"] > [data-testid="block"]').first().getByRole("button", { name: /^Move “/ }).click();
  await page.getByRole("menuitem", { name: /^Proof/ }).click();
  const alert = page.getByRole("alert");
  await alert.waitFor();
  const [refusal] = await page.evaluate(() => window.harness.refusals());
  assert.equal(refusal.command, "apply_edit");
  const { message } = refusal.error;
  assert.ok(message.length > 0, "the core says why");
  assert.ok((await alert.textContent()).includes(`Could not save the change.`), "the banner says what failed");
  assert.ok((await alert.textContent()).includes(message), "and the core's reason");
  await page.waitForFunction((why) => document.querySelector('[data-testid="save-state"]').textContent.includes(`Not saved — ${why}`), message);
  assert.deepEqual(await board(page), before);
  await shot(page, "refused-edit.png");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a smaller window and a filtered, empty library stay usable", async () => {
  const { page, errors } = await open({ width: 1280, height: 760 });
  await page.getByRole("searchbox", { name: "Filter the library by text" }).fill("no such words");
  await page.getByText("No blocks in the library match this filter.").waitFor();
  await page.getByRole("button", { name: "Proof", exact: true }).click();
  await shot(page, "small-window-filtered.png");
  // The storyboard scrolls sideways to the last section and its Add section button.
  await page.locator("#add-section").scrollIntoViewIfNeeded();
  assert.equal(await page.locator("#add-section").isVisible(), true);
  assert.deepEqual(errors, []);
  await page.close();
});
