// Two people, one file, in Chromium over the real core (crates/test-server): a project another
// Casewright has open (its lock file beside the project names them) shows read-only — the banner says who, where and
// since when, as text; nothing invites a change, while reading, searching, the preview and the
// PDF export still work — with Save a Copy… and Edit Anyway… (after a warning); and Share a
// Copy… (File menu): its modal dialog, the options it sends, what it reports, a cancel, an
// error kept in the dialog, the keyboard. Screenshots go to $UI_SHOTS (default /tmp/ui-shots).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { firstDraftReset, samplePilotReset } from "./fixtures.mjs";
import { board, centre, coreProject, drag, edits, launch, openHarness, serveHarness, settled, shot, startCore } from "./support.mjs";

let server;
let browser;
let core;
/** The reset to a first draft of the sample (advice with fixes), with its pilot. */
let draft;

before(async () => {
  server = await serveHarness();
  core = await startCore();
  draft = await firstDraftReset(core);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await core?.stop();
});

const HOSTILE = "<img src=x onerror=alert(1)>";
const ANA = { user: "Ana Pereira", host: "ana-laptop", pid: 4242, since: 1795000000 };

const banner = (page) => page.getByRole("region", { name: "Read-only", exact: true });
const statusText = (page) => page.locator('footer [role="status"]').textContent();
const shareDialog = (page) => page.getByRole("dialog", { name: "Share a copy" });
const activeLabel = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.labels?.[0]?.textContent?.trim() ?? el?.textContent?.trim() ?? el?.tagName;
  });

/** Writes the lock file another Casewright keeps beside the project while `holder` has it open. */
const lockedBy = (holder) => writeFile(join(dirname(core.run.path), `.~lock.${basename(core.run.path)}#`), JSON.stringify(holder));

/** The harness, with the project opened again (File › Open Recent) while `holder` has it open elsewhere. */
async function openReadOnly(holder = ANA, options = {}) {
  const opened = await openHarness(browser, server.url, { core, ...options });
  const alerts = [];
  opened.page.on("dialog", (dialog) => {
    alerts.push(dialog.message());
    void dialog.dismiss();
  });
  await lockedBy(holder);
  await opened.page.evaluate((path) => window.harness.menu({ action: "openRecent", path }), core.run.path);
  await banner(opened.page).waitFor();
  return { ...opened, alerts };
}

/** The banner's date as the page's own locale and time zone write it. */
const since = (page, seconds) =>
  page.evaluate((s) => new Date(s * 1000).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }), seconds);

test("a project someone else has open: the banner says who, where and since when, as text, at any window size", async () => {
  const { page, errors, alerts } = await openReadOnly({ ...ANA, user: HOSTILE });
  const when = await since(page, ANA.since);
  assert.equal(
    await banner(page).getByTestId("read-only-text").textContent(),
    `Read-only — ${HOSTILE} on ana-laptop has had this project open since ${when}. Changes can't be saved here.`,
  );
  // The name is text: no element made of it, no script run.
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  await page.waitForTimeout(200);
  assert.deepEqual(alerts, []);
  assert.equal(await page.title(), "Sample - Social collaboration.casewright (read-only) — Casewright");
  assert.equal((await page.getByTestId("save-state").textContent()).trim(), "Read-only");
  assert.equal(await page.locator("#undo").isDisabled(), true);
  // Under the toolbar, across the window.
  const toolbar = await page.locator("header.toolbar").boundingBox();
  const strip = await banner(page).boundingBox();
  assert.ok(Math.abs(strip.y - (toolbar.y + toolbar.height)) <= 1, "right under the toolbar");
  assert.equal(Math.round(strip.width), 1440);
  await shot(page, "read-only-window.png");
  await shot(banner(page), "read-only-banner.png");

  // The smallest window the app allows: the text wraps, the buttons stay whole and in view.
  await page.setViewportSize({ width: 800, height: 600 });
  const buttons = banner(page).getByRole("button");
  for (const button of await buttons.all()) {
    const box = await button.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 800, "each button fits in the window");
    assert.equal(await button.evaluate((el) => el.scrollWidth <= el.clientWidth), true, "its label is not cut");
  }
  assert.ok((await banner(page).boundingBox()).height < 110, "the banner stays a strip");
  await shot(page, "read-only-window-small.png");
  assert.deepEqual(errors, []);
  await page.close();
});

test("read-only: nothing invites a change; reading, filtering, the coach, the preview and the PDF export still work", async () => {
  const { page, errors } = await openReadOnly(ANA, { reset: { ...draft, edits: samplePilotReset().edits } });
  for (const kind of ["benefit", "story", "metric"]) assert.equal(await page.locator(`#new-block-${kind}`).isDisabled(), true);
  assert.equal(await page.locator("#add-section").isDisabled(), true);
  assert.equal(await page.getByTestId("move-menu").count(), 0, "no Move to… on the cards");
  const before = await board(page);

  // A card dragged to another section stays where it was; nothing is sent.
  const sections = page.getByTestId("section");
  const card = sections.nth(0).locator('[data-testid="section-blocks"] > [data-testid="block"]').first();
  const target = sections.nth(2).locator('[data-testid="section-blocks"] > [data-testid="block"]').nth(1);
  assert.equal(await card.evaluate((el) => getComputedStyle(el).cursor), "default");
  await drag(page, await centre(card), await centre(target));
  await page.waitForTimeout(300);
  assert.deepEqual(await board(page), before);
  assert.equal(await page.locator("#dnd-action-dragged-el").count(), 0);

  // The card is selected: its fields can be read and selected, not changed; Delete does nothing.
  await card.click();
  const inspector = page.getByTestId("inspector");
  const headline = inspector.locator('textarea[name="title"]');
  const text = await headline.inputValue();
  await headline.click();
  await page.keyboard.press("End");
  await page.keyboard.type(" and more");
  assert.equal(await headline.inputValue(), text);
  assert.equal(await inspector.getByRole("button", { name: "Delete" }).isDisabled(), true);
  assert.equal(await inspector.getByRole("button", { name: "Duplicate" }).isDisabled(), true);
  await card.click();
  await page.keyboard.press("Delete");
  await page.keyboard.press("Control+d");
  await page.waitForTimeout(300);
  assert.deepEqual(await edits(page), []);
  assert.deepEqual(await board(page), before);
  // The coach's advice shows under the text; its fixes cannot be applied.
  const fixes = inspector.getByTestId("fix");
  await fixes.first().waitFor();
  for (const fix of await fixes.all()) assert.equal(await fix.isDisabled(), true);
  await shot(page, "read-only-inspector.png");

  // The section handles are gone; a section's menu offers only its notes.
  assert.equal(await page.locator('[data-section-handle]').first().isVisible(), false);
  await sections.nth(0).getByRole("button", { name: /^Actions for section/ }).click();
  const menu = page.getByRole("menu");
  await menu.waitFor();
  assert.equal(await menu.getByRole("menuitem", { name: "Rename" }).isDisabled(), true);
  assert.equal(await menu.getByRole("menuitem", { name: /^Remove section/ }).isDisabled(), true);
  await menu.getByRole("menuitem", { name: "Show speaker notes" }).click();
  assert.equal(await inspector.getByLabel("Speaker notes").getAttribute("readonly"), "");
  await shot(page, "read-only-section.png");

  // Reading goes on: the library filter, the coach panel, the preview, the export.
  await page.getByLabel("Filter the library by text").fill("onboarding");
  await page.getByText(/^Showing \d+ of \d+ blocks$/).waitFor();
  await page.getByRole("tab", { name: /^Coach/ }).click();
  const coach = page.getByTestId("coach");
  await coach.getByTestId("finding").first().waitFor();
  for (const fix of await coach.getByTestId("fix").all()) assert.equal(await fix.isDisabled(), true);
  await page.getByRole("tab", { name: "Preview" }).click();
  await page.getByTestId("preview").getByRole("img", { name: /^Page 1 of \d+$/ }).waitFor();
  await core.dialog("briefing.pdf");
  await page.locator("#export-pdf").click();
  await page.waitForFunction(() => /^Exported \d+ pages/.test(document.querySelector('footer [role="status"]')?.textContent ?? ""));
  assert.deepEqual(await page.evaluate(() => window.harness.written()), [join(core.run.dir, "briefing.pdf")]);

  // The Pilots view: read, not planned or used.
  await page.getByRole("tab", { name: /^Pilots/ }).click();
  const planner = page.getByTestId("pilot-editor");
  await planner.waitFor();
  assert.equal(await page.locator("#new-pilot").isDisabled(), true);
  assert.equal(await planner.getByLabel("Name").getAttribute("readonly"), "");
  assert.equal(await planner.getByRole("button", { name: "Delete pilot" }).isDisabled(), true);
  assert.equal(await page.locator("#add-criterion").isDisabled(), true);
  await page.getByTestId("leverage").waitFor();
  assert.equal(await page.getByTestId("leverage").isDisabled(), true);
  await shot(page, "read-only-pilots.png");

  assert.deepEqual(await edits(page), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("Edit Anyway… warns first (Escape or Cancel keep it read-only), then takes the project over: editable again", async () => {
  const { page, errors } = await openReadOnly();
  const editAnyway = banner(page).getByRole("button", { name: "Edit Anyway…" });
  await editAnyway.click();
  const dialog = page.getByRole("alertdialog", { name: "Edit this project anyway?" });
  await dialog.waitFor();
  assert.equal(
    await dialog.getByTestId("take-over-warning").textContent(),
    "If Ana Pereira saves too, one of you will lose changes. Continue only if you know they have closed it.",
  );
  assert.equal(await activeLabel(page), "Cancel", "the safe answer has focus");
  // Focus stays in the dialog; the window behind is inert.
  await page.keyboard.press("Tab");
  assert.equal(await activeLabel(page), "Edit Anyway");
  await page.keyboard.press("Tab");
  assert.equal(await activeLabel(page), "Cancel");
  await page.keyboard.press("Shift+Tab");
  assert.equal(await activeLabel(page), "Edit Anyway");
  assert.equal(await page.locator(".app").getAttribute("inert"), "");
  await shot(page, "take-over-confirm.png");
  await page.setViewportSize({ width: 800, height: 600 });
  await shot(page, "take-over-confirm-small.png");
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  assert.equal(await activeLabel(page), "Edit Anyway…", "focus is back on the button");
  assert.equal(await page.evaluate(() => window.harness.takeOvers()), 0);
  await banner(page).waitFor();

  await page.keyboard.press("Enter");
  await dialog.waitFor();
  await dialog.getByRole("button", { name: "Edit Anyway" }).click();
  await banner(page).waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => window.harness.takeOvers()), 1);
  assert.equal(await page.title(), "Sample - Social collaboration.casewright — Casewright");
  assert.match(await statusText(page), /^You are editing Sample - Social collaboration\.casewright now\./);
  // The keyboard goes to the storyboard (the banner it was in is gone).
  await page.waitForFunction(() => document.activeElement?.dataset.testid === "storyboard");

  // Editable: typing in the inspector is sent and saved.
  const card = page.locator('[data-testid="section-blocks"] > [data-testid="block"]').first();
  await card.click();
  const headline = page.getByTestId("inspector").locator('textarea[name="title"]');
  await headline.fill("Answers are already inside Northwind");
  await headline.blur();
  await settled(page, 1);
  assert.equal((await coreProject(page)).sections[0].blocks[0].title, "Answers are already inside Northwind");
  assert.deepEqual(errors, []);
  await page.close();
});

test("Save a Copy… saves one's own copy (Save As) and goes on editing it", async () => {
  const { page, errors } = await openReadOnly();
  const copy = join(core.run.dir, "Social collaboration (Ben).casewright");
  await core.dialog(copy);
  await banner(page).getByRole("button", { name: "Save a Copy…" }).click();
  await banner(page).waitFor({ state: "detached" });
  assert.equal(await statusText(page), `Saved a copy as ${copy}; you are editing the copy now`);
  assert.equal(await page.title(), "Social collaboration (Ben).casewright — Casewright");
  assert.match(await page.getByTestId("save-state").textContent(), /All changes saved/);
  await page.locator("#new-block-story").click();
  await settled(page, 1);
  assert.equal((await edits(page))[0].op, "addBlock");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a change the core refuses as read-only shows its message in the error banner; the window then shows read-only", async () => {
  const { page, errors } = await openHarness(browser, server.url, { core });
  // Behind this window's back, another Casewright took the file over and the core opened it again
  // (read-only now): the page still shows it editable.
  await lockedBy(ANA);
  await core.invoke("open_recent", { path: core.run.path });
  await page.locator("#new-block-metric").click();
  const alert = page.locator('[role="alert"][data-code="read_only"]');
  await alert.waitFor();
  assert.match(
    await alert.getByTestId("error-message").textContent(),
    /^Ana Pereira has this project open \(since 2026-11-18 \d\d:\d\d UTC\); it is open read-only here: save a copy to make changes, or take it over$/,
  );
  await banner(page).waitFor();
  assert.equal(await page.locator("#new-block-metric").isDisabled(), true);
  await shot(page, "read-only-refused.png");
  assert.deepEqual(errors, []);
  await page.close();
});

test("Share a Copy…: a modal dialog; the options chosen are sent, the copy's size reported, the choice remembered", async () => {
  const { page, errors } = await openHarness(browser, server.url, { core });
  await page.evaluate(() => window.harness.menu({ action: "shareCopy" }));
  const dialog = shareDialog(page);
  await dialog.waitFor();
  assert.equal(await dialog.getAttribute("aria-modal"), "true");
  assert.match(await dialog.textContent(), /The copy holds only what this project uses — no deleted text, no unused case studies — so it is small and clean to send\./);
  const notes = dialog.getByRole("checkbox", { name: "Leave out speaker notes" });
  const dismissed = dialog.getByRole("checkbox", { name: "Leave out dismissed coach advice" });
  assert.equal(await notes.isChecked(), false);
  assert.equal(await dismissed.isChecked(), false);
  assert.equal(await activeLabel(page), "Leave out speaker notes");
  assert.equal(await page.locator(".app").getAttribute("inert"), "");
  await shot(page, "share-dialog.png");
  await shot(dialog, "share-dialog-panel.png");

  // By keyboard: Space ticks, Tab goes round the dialog and never leaves it.
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  assert.equal(await activeLabel(page), "Leave out dismissed coach advice");
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  assert.equal(await activeLabel(page), "Cancel");
  await page.keyboard.press("Tab");
  assert.equal(await activeLabel(page), "Choose Where to Save…");
  await page.keyboard.press("Tab");
  assert.equal(await activeLabel(page), "Leave out speaker notes");
  await page.keyboard.press("Shift+Tab");
  assert.equal(await activeLabel(page), "Choose Where to Save…");
  // A click beside the dialog does not reach the window behind it, nor take the keyboard away.
  await page.mouse.click(60, 140);
  assert.equal(await activeLabel(page), "Choose Where to Save…");
  assert.equal(await page.getByRole("tab", { name: "Storyboard" }).getAttribute("aria-selected"), "true");

  await core.dialog("Sample (shared).casewright");
  await page.keyboard.press("Enter");
  await dialog.waitFor({ state: "detached" });
  const shares = await page.evaluate(() => window.harness.shares());
  assert.deepEqual(shares.at(-1), { stripNotes: true, stripDismissed: true });
  assert.match(await statusText(page), /^Shared copy saved \(\d+ KB\)\.$/);
  assert.equal(await page.locator(".app").getAttribute("inert"), null);
  await shot(page.locator("footer.statusbar"), "share-done-statusbar.png");

  // Remembered, and a copy that left a case study out says so: a library case used as a story, whose
  // story was then deleted (done through the core directly; the share does not read the page).
  const [hit] = (await core.invoke("search_cases", { query: { text: "", industry: null, size: null, kind: null, year: null, evidence: null, relation: null, sort: "relevance", limit: 1 } })).hits;
  const used = await core.invoke("use_library_case", { id: hit.case.id, relation: null, to: { in: "library", index: 0 }, metrics: false });
  await core.invoke("apply_edit", { edit: { op: "deleteBlock", id: used.project.library[0].id } });
  await core.dialog("Sample (shared again).casewright");
  await page.evaluate(() => window.harness.menu({ action: "shareCopy" }));
  await dialog.waitFor();
  assert.equal(await notes.isChecked(), true);
  assert.equal(await dismissed.isChecked(), true);
  await dismissed.uncheck();
  await dialog.getByRole("button", { name: "Choose Where to Save…" }).click();
  await dialog.waitFor({ state: "detached" });
  assert.deepEqual((await page.evaluate(() => window.harness.shares())).at(-1), { stripNotes: true, stripDismissed: false });
  assert.match(await statusText(page), /^Shared copy saved \(\d+ KB\), 1 unused case study left out\.$/);
  assert.deepEqual(await edits(page), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("Share a Copy…: a cancelled save dialog just closes; an error stays in the dialog; Escape closes it, focus back", async () => {
  const { page, errors } = await openHarness(browser, server.url, { core });
  const dialog = shareDialog(page);
  await core.dialog(null);
  await page.evaluate(() => window.harness.menu({ action: "shareCopy" }));
  await dialog.getByRole("button", { name: "Choose Where to Save…" }).click();
  await dialog.waitFor({ state: "detached" });
  assert.equal(await statusText(page), "");
  assert.equal(await page.locator('[role="alert"]').count(), 0);

  // A real cause: the folder chosen is not there (gone from a network drive, say).
  await core.dialog(join(core.run.dir, "no such folder", "Sample (shared).casewright"));
  await page.locator("#export-pdf").focus();
  await page.evaluate(() => window.harness.menu({ action: "shareCopy" }));
  await dialog.getByRole("button", { name: "Choose Where to Save…" }).click();
  const alert = dialog.getByRole("alert");
  await alert.waitFor();
  assert.match(await alert.textContent(), /Could not share a copy\./);
  const [refusal] = await page.evaluate(() => window.harness.refusals());
  assert.equal(refusal.command, "share_copy_dialog");
  assert.ok(refusal.error.message.includes("no such folder"), `the core names the place (${refusal.error.message})`);
  assert.equal(await dialog.getByTestId("share-error-message").textContent(), refusal.error.message);
  assert.equal(await page.locator('[role="alert"]').count(), 1, "said in the dialog, not in the window's banner");
  assert.equal(await dialog.isVisible(), true);
  assert.equal(await activeLabel(page), "Choose Where to Save…", "focus stays on the button");
  await shot(page, "share-dialog-error.png");
  await page.setViewportSize({ width: 800, height: 600 });
  const box = await dialog.boundingBox();
  assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= 800 && box.y + box.height <= 600, "the dialog fits a small window");
  await shot(page, "share-dialog-error-small.png");

  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => document.activeElement?.id), "export-pdf", "focus is back where it was");
  assert.equal(await statusText(page), "");
  assert.equal((await page.evaluate(() => window.harness.shares())).length, 2);
  assert.deepEqual(errors, []);
  await page.close();
});

test("Share a Copy… is offered while read-only (it only reads the project)", async () => {
  const { page, errors } = await openReadOnly(ANA, { width: 800, height: 600 });
  await core.dialog("Sample (shared).casewright");
  await page.evaluate(() => window.harness.menu({ action: "shareCopy" }));
  const dialog = shareDialog(page);
  await dialog.waitFor();
  await shot(page, "share-dialog-read-only-small.png");
  await dialog.getByRole("button", { name: "Choose Where to Save…" }).click();
  await dialog.waitFor({ state: "detached" });
  assert.match(await statusText(page), /^Shared copy saved \(\d+ KB\)\.$/);
  assert.deepEqual(await page.evaluate(() => window.harness.shares()), [{ stripNotes: false, stripDismissed: false }]);
  await banner(page).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
