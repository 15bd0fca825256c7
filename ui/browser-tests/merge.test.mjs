// Merge Changes From… and Import Blocks From… in Chromium on the real core (crates/test-server):
// a colleague's copy made as colleagues make one (a Share a Copy through the core, then edits in
// each copy: fixtures.mjs `bensCopy`), and other projects written by the core, chosen through the
// file dialog. The merge dialog (when the copies parted, their changes, each conflict's two
// versions side by side as text at any window size, every conflict decided before Merge, the
// keyboard, the choices sent, the merged storyboard and its one Undo, a stale plan reviewed again,
// nothing to merge, a different project, read-only) and the import dialog (groups, filter,
// destination, the uids and place sent, the blocks shown, a failure). What the dialogs should say
// is read from the core's own plan and source. Screenshots go to $UI_SHOTS (default /tmp/ui-shots).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { rename, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { BEN, bensCopy, bigProject, blockTitled, newBlock, predictiveMaintenance } from "./fixtures.mjs";
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

const HOSTILE = "<img src=x onerror=alert(1)>";
const ANA = { user: "Ana Pereira", host: "ana-laptop", pid: 4242, since: 1795000000 };
const SOURCE = "Predictive maintenance.casewright";
/** What the dialog calls each kind of conflict. */
const KIND = {
  deletedHereChangedThere: () => "You deleted it; they changed it",
  changedHereDeletedThere: () => "You changed it; they deleted it",
  changedBothWays: (c) => `Changed in both copies: ${c.field}`,
};

const statusText = (page) => page.locator('footer [role="status"]').textContent();
const mergeDialog = (page) => page.getByRole("dialog", { name: /^Merge changes from / });
const importDialog = (page) => page.getByRole("dialog", { name: /^Import blocks from / });
const activeLabel = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    const by = el?.getAttribute("aria-labelledby");
    if (by) return by.split(" ").map((id) => document.getElementById(id)?.textContent?.trim()).join(" ");
    return el?.getAttribute("aria-label") ?? el?.labels?.[0]?.textContent?.trim() ?? el?.textContent?.trim() ?? el?.tagName;
  });

/**
 * The harness on the sample, with Ben's copy (unless `prepare` says otherwise) and the project to
 * import from beside it; every page dialog (an alert() a payload might run) recorded and dismissed.
 */
async function open(options = {}) {
  const opened = await openHarness(browser, server.url, {
    core,
    prepare: async (c) => {
      await c.file(SOURCE, { exchange: predictiveMaintenance() });
      await bensCopy(c);
    },
    ...options,
  });
  const alerts = [];
  opened.page.on("dialog", (dialog) => {
    alerts.push(dialog.message());
    void dialog.dismiss();
  });
  return { ...opened, alerts };
}

/** Merge Changes From… with `file` chosen in its dialog; the dialog and the plan the core made. */
async function openMerge(page, file = BEN) {
  await core.dialog(file);
  await page.evaluate(() => window.harness.menu({ action: "mergeFrom" }));
  const dialog = mergeDialog(page);
  await dialog.waitFor();
  return { dialog, plan: await lastPlan(page) };
}

/** The plan the core answered last (merge_plan_dialog or merge_replan). */
const lastPlan = (page) =>
  page.evaluate(() => {
    const plans = window.harness.core.answers.filter((a) => a.command === "merge_plan_dialog" || a.command === "merge_replan");
    return plans.at(-1)?.value ?? null;
  });

/** Import Blocks From… with `file` chosen in its dialog; the dialog and the source the core read. */
async function openImport(page, file = SOURCE) {
  await core.dialog(file);
  await page.evaluate(() => window.harness.menu({ action: "importBlocks" }));
  const dialog = importDialog(page);
  await dialog.waitFor();
  return { dialog, source: (await page.evaluate(() => window.harness.answered("import_source_dialog"))).at(-1) };
}

/** The uids of the source's blocks with these titles, in the source's order (sections', then the library's). */
function uidsOf(source, titles) {
  const all = [...source.project.sections.flatMap((s) => s.blocks), ...source.project.library];
  return all.filter((b) => titles.includes(b.title)).map((b) => b.uid);
}

/** When a time in seconds falls, as the page's own locale and time zone write it. */
const shownTime = (page, seconds) =>
  page.evaluate((s) => new Date(s * 1000).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }), seconds);

/** Writes the lock file another Casewright keeps beside the project while `holder` has it open. */
const lockedBy = (holder) => writeFile(join(dirname(core.run.path), `.~lock.${basename(core.run.path)}#`), JSON.stringify(holder));

/** Whether a box lies inside another (1 px of rounding allowed). */
function inside(inner, outer) {
  return inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;
}

/**
 * A copy full of the common payloads: the section and the text both copies started from are
 * payloads, then their copy (its file name one too) gets a long text of payloads, a block and a
 * section named by payloads, and ours a text of its own: one conflict on the first block's text.
 */
async function hostileCopy(c) {
  const { project } = await c.invoke("current_project");
  const section = project.sections[0];
  const first = section.blocks[0];
  await c.edit([
    { op: "updateSection", id: section.id, text: { title: HOSTILE, notes: section.notes } },
    { op: "updateBlock", block: { ...first, body: "<svg onload=alert(3)>" } },
  ]);
  const name = `${HOSTILE}.casewright`;
  const { project: copy } = await c.file(name, { share: { stripNotes: false, stripDismissed: false } });
  const proof = copy.sections.find((s) => s.title === "Proof");
  const long = Array.from({ length: 40 }, (_, i) => `Line ${i + 1}: ${HOSTILE} <script>alert(2)</script>`).join("\n");
  await c.file(name, {
    edits: [
      { op: "updateBlock", block: { ...copy.sections[0].blocks[0], body: long } },
      { op: "addBlock", block: newBlock("benefit", HOSTILE), to: { in: "section", sectionId: proof.id, index: proof.blocks.length } },
      { op: "addSection", title: "<b>bold</b>", index: copy.sections.length },
    ],
  });
  const { project: ours } = await c.invoke("current_project");
  await c.edit([{ op: "updateBlock", block: { ...ours.sections[0].blocks[0], body: `${HOSTILE}\nours` } }]);
  return { name, long };
}

test("the merge dialog shows the plan: when the copies parted, their changes (eight, then all), each conflict side by side, nothing chosen", async () => {
  const sharedFrom = Math.floor(Date.now() / 1000) - 1;
  const { page, errors } = await open();
  const { dialog, plan } = await openMerge(page);
  assert.equal(await dialog.getAttribute("aria-modal"), "true");
  assert.equal(await page.locator(".app").getAttribute("inert"), "");
  assert.equal(plan.fileName, BEN);
  assert.equal(await dialog.getByRole("heading", { level: 2 }).textContent(), `Merge changes from ${BEN}`);
  // They parted when the copy was shared, moments ago.
  assert.ok(plan.baseMadeAt >= sharedFrom && plan.baseMadeAt <= Date.now() / 1000 + 1, `parted when shared (${plan.baseMadeAt})`);
  assert.equal(await dialog.getByTestId("merge-parted").textContent(), `Your copies parted on ${await shownTime(page, plan.baseMadeAt)}.`);
  // Ben ran a pilot in his copy.
  assert.equal(plan.pilotsDiffer, true);
  assert.equal(await dialog.getByTestId("merge-pilots").textContent(), "Their pilots differ from yours. Pilots are not merged; open their copy to compare.");

  // The keyboard starts at the top of the plan, which it scrolls.
  assert.equal(await activeLabel(page), "What the merge does");

  // More of their own changes than the dialog lists at first: eight, then all, in the core's words.
  const taken = dialog.getByTestId("merge-taken");
  const count = plan.taken.length;
  assert.ok(count > 8, `Ben made more than eight changes of his own (${count})`);
  assert.equal(await taken.getByRole("heading").textContent(), `Their changes (${count})`);
  assert.deepEqual(await taken.getByTestId("taken-change").allTextContents(), plan.taken.slice(0, 8));
  assert.ok(plan.taken.some((t) => t.startsWith("Metric “Fourteen thousand engineering hours")));
  await taken.getByRole("button", { name: `Show all ${count}` }).click();
  assert.deepEqual(await taken.getByTestId("taken-change").allTextContents(), plan.taken);
  await taken.getByRole("button", { name: "Show fewer" }).click();
  assert.equal(await taken.getByTestId("taken-change").count(), 8);

  // The four conflicts the copies were given, one of each kind and two changed both ways, in the core's order.
  const cards = dialog.getByTestId("conflict");
  assert.deepEqual(plan.conflicts.map((c) => `${c.kind}${c.field ? `:${c.field}` : ""}`).sort(), [
    "changedBothWays:text",
    "changedBothWays:title",
    "changedHereDeletedThere",
    "deletedHereChangedThere",
  ]);
  assert.equal(await cards.count(), 4);
  assert.deepEqual(await cards.getByTestId("conflict-kind").allTextContents(), plan.conflicts.map((c) => KIND[c.kind](c)));
  assert.deepEqual(await cards.getByTestId("conflict-subject").allTextContents(), plan.conflicts.map((c) => c.subject));
  for (const radio of await dialog.getByRole("radio").all()) assert.equal(await radio.isChecked(), false);
  assert.equal(await dialog.getByRole("button", { name: "Merge" }).isDisabled(), true);
  assert.equal(await dialog.getByTestId("merge-left").textContent(), "4 left to decide");

  // Side by side: Yours on the left, Theirs on the right, on one row; the dialog fits the window.
  const first = cards.first();
  const ours = await first.getByTestId("conflict-ours").boundingBox();
  const theirs = await first.getByTestId("conflict-theirs").boundingBox();
  assert.ok(Math.abs(ours.y - theirs.y) <= 1 && ours.x + ours.width < theirs.x, "the two versions side by side");
  assert.ok(inside(await dialog.boundingBox(), { x: 0, y: 0, width: 1440, height: 900 }));
  await shot(page, "merge-dialog.png");

  // The version both started from, behind a disclosure: the sample's title.
  assert.equal(plan.conflicts[0].base, "The answers we need are already inside Northwind");
  const base = first.getByTestId("conflict-base");
  assert.equal(await base.isVisible(), false);
  await first.getByText("Show the version you both started from").click();
  assert.equal(await base.textContent(), plan.conflicts[0].base);
  assert.equal(await base.isVisible(), true);
  await cards.nth(1).scrollIntoViewIfNeeded();
  await shot(page, "merge-dialog-conflicts.png");
  await shot(cards.nth(1), "merge-conflict-card.png");
  assert.deepEqual(await page.evaluate(() => window.harness.merges()), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a small window (800×600): the dialog fits, its buttons stay in view, and each conflict's versions stay readable", async () => {
  const { page, errors } = await open({ width: 800, height: 600 });
  const { dialog } = await openMerge(page);
  assert.ok(inside(await dialog.boundingBox(), { x: 0, y: 0, width: 800, height: 600 }), "the dialog fits the window");
  for (const name of ["Cancel", "Merge"]) {
    assert.ok(inside(await dialog.getByRole("button", { name, exact: true }).boundingBox(), { x: 0, y: 0, width: 800, height: 600 }), `${name} is in view`);
  }
  await shot(page, "merge-dialog-small.png");
  const cards = dialog.getByTestId("conflict");
  for (let i = 0; i < (await cards.count()); i++) {
    const card = cards.nth(i);
    await card.scrollIntoViewIfNeeded();
    for (const side of ["ours", "theirs"]) {
      const box = card.getByTestId(`conflict-${side}`);
      const rect = await box.boundingBox();
      assert.ok(rect.width >= 260, `conflict ${i}: ${side} is ${rect.width}px wide`);
      assert.ok(inside(rect, await card.boundingBox()), `conflict ${i}: ${side} inside its card`);
      // Text wraps inside the box: nothing runs out sideways.
      assert.equal(await box.evaluate((el) => el.scrollWidth <= el.clientWidth), true);
    }
  }
  await cards.nth(1).scrollIntoViewIfNeeded();
  await shot(page, "merge-dialog-small-conflict.png");
  // Narrower still (a window squeezed below the app's minimum): the versions stack, each full width.
  await page.setViewportSize({ width: 560, height: 600 });
  const ours = await cards.first().getByTestId("conflict-ours").boundingBox();
  const theirs = await cards.first().getByTestId("conflict-theirs").boundingBox();
  assert.ok(theirs.y > ours.y + ours.height - 1, "stacked: Theirs under Yours");
  await cards.first().scrollIntoViewIfNeeded();
  await shot(page, "merge-dialog-narrow.png");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a colleague's text stays text: payloads in the file name, their changes, the conflict and the shared version", async () => {
  let hostile;
  const { page, errors, alerts } = await open({ prepare: async (c) => (hostile = await hostileCopy(c)) });
  const { dialog, plan } = await openMerge(page, hostile.name);
  assert.equal(await dialog.getByRole("heading", { level: 2 }).textContent(), `Merge changes from ${HOSTILE}.casewright`);
  // Their changes as the core words them, their payloads in them as text.
  assert.equal(plan.taken.length, 2);
  assert.ok(plan.taken.some((t) => t.includes(`“${HOSTILE}”`)) && plan.taken.some((t) => t.includes("“<b>bold</b>”")), plan.taken.join(" | "));
  assert.deepEqual(await dialog.getByTestId("taken-change").allTextContents(), plan.taken);
  const card = dialog.getByTestId("conflict");
  assert.match(await card.getByTestId("conflict-subject").textContent(), /in “<img src=x onerror=alert\(1\)>”$/);
  assert.equal(await card.getByTestId("conflict-ours").textContent(), `${HOSTILE}\nours`);
  assert.equal(await card.getByTestId("conflict-theirs").textContent(), hostile.long);
  assert.match(await card.getByTestId("conflict-theirs").textContent(), /^Line 1: <img src=x onerror=alert\(1\)> <script>alert\(2\)<\/script>\nLine 2:/);
  await card.getByText("Show the version you both started from").click();
  assert.equal(await card.getByTestId("conflict-base").textContent(), "<svg onload=alert(3)>");
  assert.equal(await dialog.locator("img, script, svg, b").count(), 0, "no element made of their text");

  // A long version scrolls in its box (by keyboard too), and keeps its lines.
  const long = card.getByTestId("conflict-theirs");
  assert.equal(await long.evaluate((el) => el.scrollHeight > el.clientHeight + 100), true);
  assert.ok((await long.boundingBox()).height < 300);
  await long.focus();
  await page.keyboard.press("PageDown");
  await page.waitForFunction(() => document.querySelector('[data-testid="conflict-theirs"]').scrollTop > 0);
  await shot(page, "merge-dialog-hostile.png");

  await card.getByRole("radio", { name: "Take theirs" }).check();
  await dialog.getByRole("button", { name: "Merge" }).click();
  await dialog.waitFor({ state: "detached" });
  assert.deepEqual(await page.evaluate(() => window.harness.merges()), [{ fingerprint: plan.fingerprint, resolutions: [{ conflict: plan.conflicts[0].id, choice: "theirs" }] }]);
  const merged = await board(page);
  assert.ok(HOSTILE in merged.sections && "<b>bold</b>" in merged.sections, "the sections named as text");
  assert.equal(merged.sections["Proof"].at(-1), HOSTILE);
  assert.equal((await coreProject(page)).sections[0].blocks[0].body, hostile.long, "their text, taken");
  assert.equal(await statusText(page), `Merged ${HOSTILE}.casewright: 2 of their changes, 1 conflict decided. Undo with Ctrl+Z.`);
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  await page.waitForTimeout(200);
  assert.deepEqual(alerts, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("Merge waits for every decision; by keyboard, with Keep all mine and Take all theirs; the choices sent exactly; one Undo takes the merge back", async () => {
  const { page, errors } = await open();
  const before = await board(page);
  const { dialog, plan } = await openMerge(page);
  const [first, second] = plan.conflicts;
  const merge = dialog.getByRole("button", { name: "Merge" });
  const left = dialog.getByTestId("merge-left");

  // From the top of the plan: Page Down scrolls it; Tab reaches its buttons, then the first
  // conflict's versions and choices. Arrows choose within a conflict; Space chooses the one focused.
  assert.equal(await activeLabel(page), "What the merge does");
  await page.keyboard.press("PageDown");
  await page.waitForFunction(() => document.querySelector('[data-testid="merge-body"]').scrollTop > 0);
  for (const label of [`Show all ${plan.taken.length}`, "Keep all mine", "Take all theirs", `Yours: ${first.subject}`, "Keep yours"]) {
    await page.keyboard.press("Tab");
    assert.equal(await activeLabel(page), label);
  }
  await page.keyboard.press("Space");
  assert.equal(await left.textContent(), "3 left to decide");
  await page.keyboard.press("ArrowRight");
  assert.equal(await activeLabel(page), "Take theirs");
  const firstCard = dialog.getByTestId("conflict").first();
  assert.equal(await firstCard.getByRole("radio", { name: "Take theirs" }).isChecked(), true);
  assert.equal(await firstCard.getByRole("radio", { name: "Keep yours" }).isChecked(), false);
  assert.equal(await left.textContent(), "3 left to decide");
  assert.equal(await merge.isDisabled(), true);

  // Tab goes on to the version both started from, then the next conflict: each version's box
  // (it can be scrolled), and its choices in between.
  await page.keyboard.press("Tab");
  assert.equal(await activeLabel(page), "Show the version you both started from");
  await page.keyboard.press("Tab");
  assert.equal(await activeLabel(page), `Yours: ${second.subject}`);
  await page.keyboard.press("Tab");
  assert.equal(await activeLabel(page), "Keep yours");
  await page.keyboard.press("Tab");
  assert.equal(await activeLabel(page), `Theirs: ${second.subject}`);
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  assert.equal(await activeLabel(page), "Show the version you both started from");

  // Take all theirs, then one set back by hand: the counts follow, Merge is ready.
  await dialog.getByRole("button", { name: "Take all theirs" }).click();
  assert.equal(await left.textContent(), "All 4 decided");
  await dialog.getByRole("button", { name: "Keep all mine" }).click();
  for (const radio of await dialog.getByRole("radio", { name: "Keep yours" }).all()) assert.equal(await radio.isChecked(), true);
  await dialog.getByTestId("conflict").nth(0).getByRole("radio", { name: "Take theirs" }).check();
  await dialog.getByTestId("conflict").nth(3).getByRole("radio", { name: "Take theirs" }).check();
  assert.equal(await merge.isDisabled(), false);
  await shot(dialog, "merge-dialog-decided.png");

  await merge.focus();
  await page.keyboard.press("Enter");
  await dialog.waitFor({ state: "detached" });
  const chosen = ["theirs", "ours", "ours", "theirs"];
  assert.deepEqual(await page.evaluate(() => window.harness.merges()), [
    { fingerprint: plan.fingerprint, resolutions: plan.conflicts.map((c, i) => ({ conflict: c.id, choice: chosen[i] })) },
  ]);
  assert.equal(await statusText(page), `Merged ${BEN}: ${plan.taken.length} of their changes, 4 conflicts decided. Undo with Ctrl+Z.`);
  assert.equal(await page.title(), `${basename(core.run.path)} — Casewright`);
  // On the storyboard: their changes, and each conflict as it was decided.
  const merged = await board(page);
  assert.ok("Risks and how we contain them" in merged.sections);
  assert.ok(merged.sections["What we gain"].includes("Customers hear back within a week"));
  assert.ok(merged.sections["Results and the ask"].includes("The decision we need by 1 July"));
  const held = await coreProject(page);
  const decided = Object.fromEntries(plan.conflicts.map((c, i) => [`${c.kind}${c.field ? `:${c.field}` : ""}`, chosen[i]]));
  const titles = [...held.sections.flatMap((s) => s.blocks), ...held.library].map((b) => b.title);
  // A title changed both ways: theirs or ours, as chosen.
  assert.ok(
    titles.includes(decided["changedBothWays:title"] === "theirs" ? "Northwind already knows the answers; it just cannot find them" : "Answers are already inside Northwind"),
  );
  assert.match(blockTitled(held, "Our closest competitor is already winning with it").body, decided["changedBothWays:text"] === "theirs" ? /^Fieldline won two tenders against us last year\. In both/ : /on answer times\.$/);
  // The block we deleted and they changed: back only if theirs was taken.
  assert.equal(titles.includes("More problems solved, including the hard ones"), decided.deletedHereChangedThere === "theirs");
  // The block we changed and they deleted: gone only if theirs was taken.
  assert.equal(titles.includes("Answers come from across the company, not just the team"), decided.changedHereDeletedThere === "ours");
  assert.equal(await page.locator("#undo").isDisabled(), false);
  await shot(page, "merge-done.png");

  // One undoable edit: one Ctrl+Z and the storyboard is as it was.
  await page.locator('[data-testid="storyboard"]').focus();
  await page.keyboard.press("Control+z");
  await page.waitForFunction(() => !Array.from(document.querySelectorAll('[data-testid="section-title"]')).some((t) => t.textContent.includes("Risks")));
  assert.deepEqual(await board(page), before);
  assert.equal(await page.locator("#undo").isDisabled(), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a stale plan: the message, Review again plans anew with the choices cleared, and the merge then goes through", async () => {
  const { page, errors } = await open();
  const { dialog, plan } = await openMerge(page);
  await dialog.getByRole("button", { name: "Take all theirs" }).click();
  // Meanwhile Ben changes his copy again.
  const { project: copy } = await core.file(BEN);
  await core.file(BEN, { edits: [{ op: "updateBlock", block: { ...blockTitled(copy, "A clear rule for what happens next"), body: "Expand only when the targets are met." } }] });
  await dialog.getByRole("button", { name: "Merge" }).click();
  const alert = dialog.getByRole("alert");
  await alert.waitFor();
  const [refusal] = await page.evaluate(() => window.harness.refusals());
  assert.equal(refusal.command, "apply_merge");
  assert.equal(refusal.error.code, "merge_stale");
  assert.equal(await dialog.getByTestId("merge-error-message").textContent(), refusal.error.message);
  assert.equal(await dialog.getByRole("button", { name: "Merge" }).isDisabled(), true);
  assert.equal(await activeLabel(page), "Review again", "the keyboard is on the way on");
  assert.equal(await page.locator('[role="alert"]').count(), 1, "said in the dialog, not in the window's banner");
  await shot(page, "merge-stale.png");
  await page.setViewportSize({ width: 800, height: 600 });
  assert.ok(inside(await alert.boundingBox(), { x: 0, y: 0, width: 800, height: 600 }));
  await shot(page, "merge-stale-small.png");

  await page.keyboard.press("Enter");
  await alert.waitFor({ state: "detached" });
  const again = await lastPlan(page);
  assert.equal(again.taken.length, plan.taken.length + 1, "their new change is in the plan made anew");
  assert.deepEqual(await dialog.getByTestId("taken-change").allTextContents(), again.taken.slice(0, 8));
  for (const radio of await dialog.getByRole("radio").all()) assert.equal(await radio.isChecked(), false);
  assert.equal(await dialog.getByTestId("merge-left").textContent(), `${again.conflicts.length} left to decide`);
  assert.equal(await activeLabel(page), "What the merge does", "the keyboard is back at the top of the plan");
  await dialog.getByRole("button", { name: "Keep all mine" }).click();
  await dialog.getByRole("button", { name: "Merge" }).click();
  await dialog.waitFor({ state: "detached" });
  const merges = await page.evaluate(() => window.harness.merges());
  assert.notEqual(again.fingerprint, plan.fingerprint);
  assert.deepEqual(
    merges.map((m) => m.fingerprint),
    [plan.fingerprint, again.fingerprint],
  );
  assert.deepEqual(merges[1].resolutions, again.conflicts.map((c) => ({ conflict: c.id, choice: "ours" })));
  assert.equal(await statusText(page), `Merged ${BEN}: ${again.taken.length} of their changes, ${again.conflicts.length} conflicts decided. Undo with Ctrl+Z.`);
  assert.equal(blockTitled(await coreProject(page), "A clear rule for what happens next").body, "Expand only when the targets are met.");
  assert.deepEqual(errors, []);
  await page.close();
});

test("their copy with nothing of its own: says so, with a single Close; a different project is refused in the banner", async () => {
  const { page, errors } = await open({
    prepare: async (c) => {
      // A copy just shared, unchanged; and a project of its own.
      await c.file("Same.casewright", { share: { stripNotes: false, stripDismissed: false } });
      await c.file("Pitch.casewright", { exchange: predictiveMaintenance() });
    },
  });
  const { dialog, plan } = await openMerge(page, "Same.casewright");
  assert.deepEqual([plan.taken, plan.conflicts], [[], []]);
  assert.equal(await dialog.getByTestId("merge-nothing").textContent(), "Their copy has no changes of its own — nothing to merge.");
  assert.deepEqual(await dialog.getByRole("button").allTextContents(), ["Close"]);
  assert.equal(await activeLabel(page), "Close");
  await shot(page, "merge-nothing.png");
  await page.keyboard.press("Enter");
  await dialog.waitFor({ state: "detached" });
  assert.deepEqual(await page.evaluate(() => window.harness.merges()), []);

  await core.dialog("Pitch.casewright");
  await page.evaluate(() => window.harness.menu({ action: "mergeFrom" }));
  const alert = page.locator('[role="alert"][data-code="different_project"]');
  await alert.waitFor();
  const [refusal] = await page.evaluate(() => window.harness.refusals());
  assert.deepEqual([refusal.command, refusal.error.code], ["merge_plan_dialog", "different_project"]);
  assert.match(refusal.error.message, /Pitch\.casewright/);
  assert.equal(await alert.getByTestId("error-message").textContent(), refusal.error.message);
  assert.match(await alert.textContent(), /Could not merge their changes\./);
  assert.equal(await mergeDialog(page).count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test("read-only: the plan can be reviewed, not merged, and the dialog says why; Import Blocks From… says why first", async () => {
  const { page, errors } = await open();
  // Ana opens it in her Casewright (its lock file beside it), and it is opened again here (File › Open Recent).
  await lockedBy(ANA);
  await page.evaluate((path) => window.harness.menu({ action: "openRecent", path }), core.run.path);
  await page.getByRole("region", { name: "Read-only", exact: true }).waitFor();
  const { dialog } = await openMerge(page);
  assert.match(await dialog.getByTestId("merge-read-only").textContent(), /Ana Pereira has this project open, so their changes can't be merged into it here\./);
  await dialog.getByRole("button", { name: "Take all theirs" }).click();
  assert.equal(await dialog.getByRole("button", { name: "Merge" }).isDisabled(), true);
  assert.equal(await dialog.getByTestId("merge-left").textContent(), "Merging needs an editable project");
  await shot(page, "merge-read-only.png");
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  assert.deepEqual(await page.evaluate(() => window.harness.merges()), []);

  await page.evaluate(() => window.harness.menu({ action: "importBlocks" }));
  const notice = page.getByRole("dialog", { name: "Importing needs an editable project" });
  await notice.waitFor();
  assert.match(await notice.textContent(), /Ana Pereira has this project open, so blocks can't be imported into it here\./);
  assert.equal(await activeLabel(page), "Close");
  assert.equal(await page.evaluate(() => window.harness.core.calls.includes("import_source_dialog")), false);
  await shot(page, "import-read-only.png");
  await notice.getByRole("button", { name: "Close" }).click();
  await notice.waitFor({ state: "detached" });
  assert.deepEqual(await page.evaluate(() => window.harness.imports()), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("Import Blocks From…: the other project's blocks by section; groups, filter and destination; the uids and place sent; the blocks shown", async () => {
  const { page, errors, alerts } = await open();
  const { dialog, source } = await openImport(page);
  assert.equal(source.fileName, SOURCE);
  assert.equal(await dialog.getByRole("heading", { level: 2 }).textContent(), "Import blocks from Predictive maintenance.casewright");
  assert.deepEqual(await dialog.getByTestId("import-group-name").allTextContents(), ["Why now", "Proof from other plants", "Library"]);
  assert.equal(await dialog.getByTestId("import-block").count(), 7);
  assert.deepEqual(await dialog.getByTestId("import-block-figure").allTextContents(), ["310 hours a year", "78%", "64%"]);
  assert.equal(await activeLabel(page), "Filter the blocks by title or text");
  const button = dialog.getByTestId("import-apply");
  assert.equal(await button.textContent(), "Import 0 blocks");
  assert.equal(await button.isDisabled(), true);

  // A whole group, then one more by keyboard from the filtered list.
  await dialog.getByRole("checkbox", { name: "Select all in “Proof from other plants”" }).check();
  assert.equal(await button.textContent(), "Import 2 blocks");
  await dialog.getByRole("searchbox", { name: "Filter the blocks by title or text" }).fill("night shift");
  assert.equal(await dialog.getByTestId("import-block").count(), 1);
  assert.equal(await dialog.getByTestId("import-shown").textContent(), "Showing 1 of 7 blocks");
  assert.equal(await dialog.getByTestId("import-hidden").textContent(), "2 chosen blocks hidden by the filter");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  assert.equal(await activeLabel(page), "The night shift fixed it in a week");
  await page.keyboard.press("Space");
  assert.equal(await button.textContent(), "Import 3 blocks");
  await shot(page, "import-filtered.png");
  await dialog.getByRole("searchbox").fill("");
  assert.equal(await dialog.getByTestId("import-block").count(), 7);

  const destination = dialog.getByLabel("Import into");
  assert.deepEqual(await destination.locator("option").allTextContents(), [
    "Block library",
    "End of section “Opportunity”",
    "End of section “What we gain”",
    "End of section “Proof”",
    "End of section “Start small”",
    "End of section “Results and the ask”",
  ]);
  await destination.selectOption({ label: "End of section “Proof”" });
  await shot(page, "import-dialog.png");
  await page.setViewportSize({ width: 800, height: 600 });
  assert.ok(inside(await dialog.boundingBox(), { x: 0, y: 0, width: 800, height: 600 }));
  assert.ok(inside(await button.boundingBox(), { x: 0, y: 0, width: 800, height: 600 }), "the Import button is in view");
  await shot(page, "import-dialog-small.png");
  await page.setViewportSize({ width: 1440, height: 900 });

  const proof = (await coreProject(page)).sections.find((s) => s.title === "Proof");
  await button.click();
  await dialog.waitFor({ state: "detached" });
  const imports = await page.evaluate(() => window.harness.imports());
  const chosen = ["The night shift fixed it in a week", "Hamburg cut downtime by a third", "Faults found before they stop the line"];
  assert.deepEqual(imports, [{ uids: uidsOf(source, chosen), to: { in: "section", sectionId: proof.id, index: proof.blocks.length } }]);
  assert.deepEqual((await coreProject(page)).sections.find((s) => s.title === "Proof").blocks.slice(-3).map((b) => b.title), chosen);
  assert.equal(await statusText(page), "Imported 3 blocks from Predictive maintenance.casewright into “Proof”. Undo with Ctrl+Z.");
  assert.deepEqual((await board(page)).sections["Proof"].slice(-3), ["The night shift fixed it in a week", "Hamburg cut downtime by a third", "Faults found before they stop the line"]);
  await shot(page, "import-done.png");

  // One Ctrl+Z takes all three back.
  await page.locator('[data-testid="storyboard"]').focus();
  await page.keyboard.press("Control+z");
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="section"]')[2].querySelectorAll('[data-testid="block"]').length === n, proof.blocks.length);
  assert.deepEqual(alerts, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("Import Blocks From… a big project: rows render a step at a time, a group's checkbox still takes all of it, and all are sent", { timeout: 60000 }, async () => {
  // A generated project of 2,000 blocks in 12 sections as the other file.
  const { page, errors } = await open({ prepare: (c) => c.file("Big.casewright", { exchange: bigProject(2000, 12) }) });
  const libraryBefore = (await coreProject(page)).library.length;
  const { dialog, source } = await openImport(page, "Big.casewright");
  const rows = dialog.getByTestId("import-block");
  assert.equal(await rows.count(), 120, "the first step of rows");
  assert.deepEqual(await dialog.getByTestId("import-group-name").allTextContents(), ["Opportunity"]);
  const more = dialog.getByTestId("import-more");
  assert.match(await more.textContent(), /120 of 2000 blocks listed/);
  // The group's checkbox chooses all 167 of "Opportunity", the rows not rendered too.
  await dialog.getByRole("checkbox", { name: "Select all in “Opportunity”" }).check();
  assert.equal(await dialog.getByTestId("import-apply").textContent(), "Import 167 blocks");
  // Scrolled to the end of the rows shown: the next step.
  await dialog.locator(".body").evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="import-block"]').length >= 240);
  assert.deepEqual((await dialog.getByTestId("import-group-name").allTextContents()).slice(0, 2), ["Opportunity", "What we gain"]);
  // Every row of the group came in checked.
  assert.equal(await dialog.getByTestId("import-group").first().locator('input[type="checkbox"]:checked').count(), 168);
  await more.getByRole("button", { name: "Show all" }).click();
  assert.equal(await rows.count(), 2000);
  assert.equal(await more.count(), 0);
  await dialog.getByTestId("import-apply").click();
  await dialog.waitFor({ state: "detached" });
  const imports = await page.evaluate(() => window.harness.imports());
  assert.equal(imports.length, 1);
  assert.deepEqual(imports[0].uids, source.project.sections[0].blocks.map((b) => b.uid));
  assert.equal(imports[0].uids.length, 167);
  assert.equal((await coreProject(page)).library.length, libraryBefore + 167, "into the library");
  assert.deepEqual(errors, []);
  await page.close();
});

test("Import Blocks From…: into the library by default; a failure stays in the dialog; Escape closes it", async () => {
  const { page, errors } = await open();
  const libraryBefore = (await coreProject(page)).library.length;
  const { dialog, source } = await openImport(page);
  await dialog.getByRole("checkbox", { name: "Spare parts found on the first try" }).check();
  // The other file goes away before Import (moved elsewhere): the core cannot read it.
  const path = join(core.run.dir, SOURCE);
  await rename(path, `${path}.moved`);
  await dialog.getByTestId("import-apply").click();
  const alert = dialog.getByRole("alert");
  await alert.waitFor();
  const [refusal] = await page.evaluate(() => window.harness.refusals());
  assert.equal(refusal.command, "import_blocks");
  assert.equal(await dialog.getByTestId("import-error-message").textContent(), refusal.error.message);
  assert.equal(await dialog.isVisible(), true);
  await shot(page, "import-error.png");
  await rename(`${path}.moved`, path);
  await dialog.getByTestId("import-apply").click();
  await dialog.waitFor({ state: "detached" });
  const imports = await page.evaluate(() => window.harness.imports());
  assert.deepEqual(imports.at(-1), { uids: uidsOf(source, ["Spare parts found on the first try"]), to: { in: "library", index: libraryBefore } });
  assert.equal(await statusText(page), "Imported 1 block from Predictive maintenance.casewright into the block library. Undo with Ctrl+Z.");
  assert.equal((await board(page)).library.at(-1), "Spare parts found on the first try");

  // Escape: the keyboard goes back to where it was (Export PDF… was disabled while the file dialog was open).
  await page.locator("#export-pdf").focus();
  await openImport(page);
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => document.activeElement?.id), "export-pdf");
  assert.equal((await page.evaluate(() => window.harness.imports())).length, 2);
  assert.deepEqual(errors, []);
  await page.close();
});
