// Merge Changes From… and Import Blocks From… in Chromium against the fake core (harness/fake.ts,
// harness/merge.ts): the merge dialog (when the copies parted, their changes, each conflict's two
// versions side by side as text at any window size, every conflict decided before Merge, the
// keyboard, the choices sent, the merged storyboard and its one Undo, a stale plan reviewed
// again, nothing to merge, read-only) and the import dialog (groups, filter, destination, the
// uids and place sent, the blocks shown). Screenshots go to $UI_SHOTS (default /tmp/ui-shots).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { board, coreProject, launch, openHarness, serveHarness, shot } from "./support.mjs";

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

const HOSTILE = "<img src=x onerror=alert(1)>";
const ANA = { user: "Ana Pereira", host: "ana-laptop", pid: 4242, since: 1795000000 };
/** When the sample copies parted (harness/merge.ts). */
const SAMPLE_PARTED = 1794398400;
const BEN = "Social collaboration (Ben).casewright";

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

/** The harness, with every page dialog (an alert() a payload might run) recorded and dismissed. */
async function open(options = {}) {
  const opened = await openHarness(browser, server.url, options);
  const alerts = [];
  opened.page.on("dialog", (dialog) => {
    alerts.push(dialog.message());
    void dialog.dismiss();
  });
  return { ...opened, alerts };
}

async function openMerge(page) {
  await page.evaluate(() => window.harness.menu({ action: "mergeFrom" }));
  const dialog = mergeDialog(page);
  await dialog.waitFor();
  return dialog;
}

/** Whether a box lies inside another (1 px of rounding allowed). */
function inside(inner, outer) {
  return inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;
}

/** A plan full of the common payloads, with a long text of theirs, on the sample's first block. */
async function hostilePlan(page) {
  const project = await coreProject(page);
  const first = project.sections[0].blocks[0];
  const long = Array.from({ length: 40 }, (_, i) => `Line ${i + 1}: ${HOSTILE} <script>alert(2)</script>`).join("\n");
  return {
    fileName: `${HOSTILE}.casewright`,
    baseMadeAt: SAMPLE_PARTED,
    taken: [`Benefit “${HOSTILE}” in “Proof”: added in their copy`, "Section “<b>bold</b>”: added in their copy"],
    conflicts: [
      {
        id: 7,
        kind: "changedBothWays",
        subject: `Benefit “${first.title}” in “${HOSTILE}”`,
        field: "text",
        base: `<svg onload=alert(3)>`,
        ours: `${HOSTILE}\nours`,
        theirs: long,
      },
    ],
    pilotsDiffer: false,
    fingerprint: "hostile",
    takenEdits: [],
    theirEdits: { 7: [{ op: "updateBlock", block: { ...first, title: HOSTILE } }] },
  };
}

test("the merge dialog shows the plan: when the copies parted, their changes (eight, then all), each conflict side by side, nothing chosen", async () => {
  const { page, errors } = await open();
  const dialog = await openMerge(page);
  assert.equal(await dialog.getAttribute("aria-modal"), "true");
  assert.equal(await page.locator(".app").getAttribute("inert"), "");
  assert.equal(await dialog.getByRole("heading", { level: 2 }).textContent(), `Merge changes from ${BEN}`);
  const when = await page.evaluate((s) => new Date(s * 1000).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }), SAMPLE_PARTED);
  assert.equal(await dialog.getByTestId("merge-parted").textContent(), `Your copies parted on ${when}.`);
  assert.equal(await dialog.getByTestId("merge-pilots").textContent(), "Their pilots differ from yours. Pilots are not merged; open their copy to compare.");

  // The keyboard starts at the top of the plan, which it scrolls.
  assert.equal(await activeLabel(page), "What the merge does");

  const taken = dialog.getByTestId("merge-taken");
  assert.equal(await taken.getByRole("heading").textContent(), "Their changes (11)");
  assert.equal(await taken.getByTestId("taken-change").count(), 8);
  assert.equal(
    await taken.getByTestId("taken-change").first().textContent(),
    "Metric “Fourteen thousand engineering hours a year back” in “What we gain”: value from their copy",
  );
  await taken.getByRole("button", { name: "Show all 11" }).click();
  assert.equal(await taken.getByTestId("taken-change").count(), 11);
  await taken.getByRole("button", { name: "Show fewer" }).click();
  assert.equal(await taken.getByTestId("taken-change").count(), 8);

  const cards = dialog.getByTestId("conflict");
  assert.equal(await cards.count(), 4);
  assert.deepEqual(await cards.getByTestId("conflict-kind").allTextContents(), [
    "Changed in both copies: title",
    "Changed in both copies: text",
    "You deleted it; they changed it",
    "You changed it; they deleted it",
  ]);
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

  // The version both started from, behind a disclosure.
  const base = first.getByTestId("conflict-base");
  assert.equal(await base.isVisible(), false);
  await first.getByText("Show the version you both started from").click();
  assert.equal(await base.textContent(), "The answers are already inside Northwind");
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
  const dialog = await openMerge(page);
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
  const { page, errors, alerts } = await open();
  await page.evaluate((plan) => window.harness.mergePlan(plan), await hostilePlan(page));
  const dialog = await openMerge(page);
  assert.equal(await dialog.getByRole("heading", { level: 2 }).textContent(), `Merge changes from ${HOSTILE}.casewright`);
  assert.deepEqual(await dialog.getByTestId("taken-change").allTextContents(), [
    `Benefit “${HOSTILE}” in “Proof”: added in their copy`,
    "Section “<b>bold</b>”: added in their copy",
  ]);
  const card = dialog.getByTestId("conflict");
  assert.match(await card.getByTestId("conflict-subject").textContent(), /in “<img src=x onerror=alert\(1\)>”$/);
  assert.equal(await card.getByTestId("conflict-ours").textContent(), `${HOSTILE}\nours`);
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
  assert.deepEqual(await page.evaluate(() => window.harness.merges()), [{ fingerprint: "hostile", resolutions: [{ conflict: 7, choice: "theirs" }] }]);
  assert.equal((await board(page)).sections["Opportunity"][0], HOSTILE);
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
  const dialog = await openMerge(page);
  const merge = dialog.getByRole("button", { name: "Merge" });
  const left = dialog.getByTestId("merge-left");

  // From the top of the plan: Page Down scrolls it; Tab reaches its buttons, then the first
  // conflict's versions and choices. Arrows choose within a conflict; Space chooses the one focused.
  assert.equal(await activeLabel(page), "What the merge does");
  await page.keyboard.press("PageDown");
  await page.waitForFunction(() => document.querySelector('[data-testid="merge-body"]').scrollTop > 0);
  for (const label of ["Show all 11", "Keep all mine", "Take all theirs", "Yours: Benefit “The answers we need are already inside Northwind” in “Opportunity”", "Keep yours"]) {
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
  assert.match(await activeLabel(page), /^Yours: Story “Our closest competitor is already winning with it” in “Proof”$/);
  await page.keyboard.press("Tab");
  assert.equal(await activeLabel(page), "Keep yours");
  await page.keyboard.press("Tab");
  assert.match(await activeLabel(page), /^Theirs: Story “Our closest competitor/);
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
  assert.deepEqual(await page.evaluate(() => window.harness.merges()), [
    {
      fingerprint: "sample-plan",
      resolutions: [
        { conflict: 0, choice: "theirs" },
        { conflict: 1, choice: "ours" },
        { conflict: 2, choice: "ours" },
        { conflict: 3, choice: "theirs" },
      ],
    },
  ]);
  assert.equal(await statusText(page), `Merged ${BEN}: 11 of their changes, 4 conflicts decided. Undo with Ctrl+Z.`);
  assert.equal(await page.title(), "Sample - Social collaboration.casewright — Casewright");
  // On the storyboard: their title, their new section and block, the block they deleted gone.
  const merged = await board(page);
  assert.equal(merged.sections["Opportunity"][0], "Northwind already knows the answers; it just cannot find them");
  assert.ok("Risks and how we contain them" in merged.sections);
  assert.ok(merged.sections["What we gain"].includes("Customers hear back within a week"));
  assert.ok(!merged.sections["What we gain"].includes("Engineers spend the time on customers instead"), "kept deleted, as chosen");
  assert.ok(!merged.sections["Start small"].includes("Answers come from across the company, not just the team"));
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
  await page.evaluate(() => window.harness.staleNext());
  const dialog = await openMerge(page);
  await dialog.getByRole("button", { name: "Take all theirs" }).click();
  await dialog.getByRole("button", { name: "Merge" }).click();
  const alert = dialog.getByRole("alert");
  await alert.waitFor();
  assert.equal(await dialog.getByTestId("merge-error-message").textContent(), "the project or their copy changed since the merge was reviewed; review it again");
  assert.equal(await dialog.getByRole("button", { name: "Merge" }).isDisabled(), true);
  assert.equal(await activeLabel(page), "Review again", "the keyboard is on the way on");
  assert.equal(await page.locator('[role="alert"]').count(), 1, "said in the dialog, not in the window's banner");
  await shot(page, "merge-stale.png");
  await page.setViewportSize({ width: 800, height: 600 });
  assert.ok(inside(await alert.boundingBox(), { x: 0, y: 0, width: 800, height: 600 }));
  await shot(page, "merge-stale-small.png");

  await page.keyboard.press("Enter");
  await alert.waitFor({ state: "detached" });
  for (const radio of await dialog.getByRole("radio").all()) assert.equal(await radio.isChecked(), false);
  assert.equal(await dialog.getByTestId("merge-left").textContent(), "4 left to decide");
  assert.equal(await activeLabel(page), "What the merge does", "the keyboard is back at the top of the plan");
  await dialog.getByRole("button", { name: "Keep all mine" }).click();
  await dialog.getByRole("button", { name: "Merge" }).click();
  await dialog.waitFor({ state: "detached" });
  const merges = await page.evaluate(() => window.harness.merges());
  assert.deepEqual(
    merges.map((m) => m.fingerprint),
    ["sample-plan", "sample-plan~1"],
  );
  assert.deepEqual(merges[1].resolutions.map((r) => r.choice), ["ours", "ours", "ours", "ours"]);
  assert.equal(await statusText(page), `Merged ${BEN}: 11 of their changes, 4 conflicts decided. Undo with Ctrl+Z.`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("their copy with nothing of its own: says so, with a single Close; a different project is refused in the banner", async () => {
  const { page, errors } = await open();
  await page.evaluate(() =>
    window.harness.mergePlan({ fileName: "Same.casewright", baseMadeAt: 1794398400, taken: [], conflicts: [], pilotsDiffer: false, fingerprint: "same" }),
  );
  const dialog = await openMerge(page);
  assert.equal(await dialog.getByTestId("merge-nothing").textContent(), "Their copy has no changes of its own — nothing to merge.");
  assert.deepEqual(await dialog.getByRole("button").allTextContents(), ["Close"]);
  assert.equal(await activeLabel(page), "Close");
  await shot(page, "merge-nothing.png");
  await page.keyboard.press("Enter");
  await dialog.waitFor({ state: "detached" });
  assert.deepEqual(await page.evaluate(() => window.harness.merges()), []);

  await page.evaluate(() =>
    window.harness.mergePlan({ code: "different_project", message: "Pitch.casewright is a copy of a different project; only copies of this project can be merged" }),
  );
  await page.evaluate(() => window.harness.menu({ action: "mergeFrom" }));
  const alert = page.locator('[role="alert"][data-code="different_project"]');
  await alert.waitFor();
  assert.equal(await alert.getByTestId("error-message").textContent(), "Pitch.casewright is a copy of a different project; only copies of this project can be merged");
  assert.match(await alert.textContent(), /Could not merge their changes\./);
  assert.equal(await mergeDialog(page).count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test("read-only: the plan can be reviewed, not merged, and the dialog says why; Import Blocks From… says why first", async () => {
  const { page, errors } = await open();
  await page.evaluate((h) => window.harness.openReadOnly(h), ANA);
  await page.getByRole("region", { name: "Read-only", exact: true }).waitFor();
  const dialog = await openMerge(page);
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
  await page.evaluate(() => window.harness.menu({ action: "importBlocks" }));
  const dialog = importDialog(page);
  await dialog.waitFor();
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
  assert.deepEqual(imports, [{ uids: ["plant-9002", "plant-9003", "plant-9004"], to: { in: "section", sectionId: proof.id, index: proof.blocks.length } }]);
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
  const { page, errors } = await open({ big: "2000x12" });
  await page.evaluate(() => {
    // The generated project as another file: its blocks with the uids a saved file gives them.
    const project = JSON.parse(JSON.stringify(window.harness.core.project));
    for (const block of [...project.sections.flatMap((s) => s.blocks), ...project.library]) block.uid = `big-${block.id}`;
    window.harness.importSource({ fileName: "Big.casewright", project });
  });
  await page.evaluate(() => window.harness.menu({ action: "importBlocks" }));
  const dialog = importDialog(page);
  await dialog.waitFor();
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
  assert.equal(imports[0].uids.length, 167);
  assert.deepEqual(errors, []);
  await page.close();
});

test("Import Blocks From…: into the library by default; a failure stays in the dialog; Escape closes it", async () => {
  const { page, errors } = await open();
  const libraryBefore = (await coreProject(page)).library.length;
  await page.evaluate(() => window.harness.menu({ action: "importBlocks" }));
  const dialog = importDialog(page);
  await dialog.waitFor();
  await dialog.getByRole("checkbox", { name: "Spare parts found on the first try" }).check();
  await page.evaluate(() => (window.harness.core.readOnly = { user: "Ana Pereira", host: "ana-laptop", pid: 4242, since: 1795000000 }));
  await dialog.getByTestId("import-apply").click();
  const alert = dialog.getByRole("alert");
  await alert.waitFor();
  assert.match(await dialog.getByTestId("import-error-message").textContent(), /^Ana Pereira has this project open/);
  assert.equal(await dialog.isVisible(), true);
  await shot(page, "import-error.png");
  await page.evaluate(() => (window.harness.core.readOnly = null));
  await dialog.getByTestId("import-apply").click();
  await dialog.waitFor({ state: "detached" });
  const imports = await page.evaluate(() => window.harness.imports());
  assert.deepEqual(imports.at(-1), { uids: ["plant-9006"], to: { in: "library", index: libraryBefore } });
  assert.equal(await statusText(page), "Imported 1 block from Predictive maintenance.casewright into the block library. Undo with Ctrl+Z.");
  assert.equal((await board(page)).library.at(-1), "Spare parts found on the first try");

  await page.locator("#export-pdf").focus();
  await page.evaluate(() => window.harness.menu({ action: "importBlocks" }));
  await dialog.waitFor();
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => document.activeElement?.id), "export-pdf");
  assert.equal((await page.evaluate(() => window.harness.imports())).length, 2);
  assert.deepEqual(errors, []);
  await page.close();
});
