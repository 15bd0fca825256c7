// Export PDF…'s progress in Chromium, on the real core (crates/test-server): the core's export
// steps sent as export-progress events as the shell emits them, and Cancel reaching the export
// under way (the server answers each request on its own thread). The status bar shows a slow
// export's steps with Cancel; a quick one never shows them. A slow export is the real one over
// real photos, paced by the test server (`core.paceExport`: a wait after each step, in the
// export's own progress callback). Screenshots go to $UI_SHOTS (default /tmp/ui-shots).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { withPhotos } from "./fixtures.mjs";
import { launch, openHarness, serveHarness, shot, startCore } from "./support.mjs";

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

const progressbar = (page) => page.getByRole("progressbar", { name: "Exporting the briefing" });
const statusbar = (page) => page.locator("footer.statusbar");

/** Waits until the status line says `text` (a string or a RegExp source). */
function waitForStatus(page, pattern) {
  return page.waitForFunction((source) => new RegExp(source).test(document.querySelector('footer [role="status"]')?.textContent ?? ""), pattern.source);
}

/** Escapes `text` for a RegExp. */
const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("a slow export shows its steps with Cancel in the status bar, then the usual success", async () => {
  // Twelve blocks with a photo each: the export counts them as it prepares them.
  const { page, errors } = await openHarness(browser, server.url, { core, prepare: (c) => withPhotos(c, 12) });
  await core.paceExport(140);
  await core.dialog("briefing.pdf");
  const out = join(core.run.dir, "briefing.pdf");
  await page.locator("#export-pdf").click();

  await progressbar(page).waitFor();
  await waitForStatus(page, /^Preparing pictures ([4-9]|1[0-2]) of 12$/);
  // Read in one go: the export moves on every 140 ms, so two reads may see two steps.
  const [text, valueText] = await page.evaluate(() => [
    document.querySelector('footer [role="status"]')?.textContent,
    document.querySelector('[role="progressbar"][aria-label="Exporting the briefing"]')?.getAttribute("aria-valuetext"),
  ]);
  assert.match(text, /^Preparing pictures ([4-9]|1[0-2]) of 12$/);
  assert.equal(valueText, text);
  const percent = Number(await progressbar(page).getAttribute("aria-valuenow"));
  assert.ok(percent > 0 && percent <= 100, `a determinate bar while pictures are counted (${percent}%)`);
  const fill = await progressbar(page).locator(".fill").evaluate((el) => el.getBoundingClientRect().width / el.parentElement.getBoundingClientRect().width);
  assert.ok(fill > 0.2 && fill <= 1, `the bar is filled to its share (${fill})`);
  assert.equal(await page.getByRole("button", { name: "Cancel" }).isVisible(), true);
  assert.equal(await page.locator("#export-pdf").textContent(), "Exporting…");
  await shot(page, "export-progress-pictures.png");
  await shot(statusbar(page), "export-progress-pictures-statusbar.png");

  await waitForStatus(page, /^Laying out pages$/);
  assert.equal(await progressbar(page).getAttribute("aria-valuenow"), null, "an indeterminate bar after the pictures");
  await shot(statusbar(page), "export-progress-layout-statusbar.png");
  await waitForStatus(page, /^Writing the PDF$/);
  await waitForStatus(page, /^Saving$/);

  await waitForStatus(page, new RegExp(`^Exported \\d+ pages to ${literal(out)}$`));
  const [answer] = await page.evaluate(() => window.harness.answered("export_briefing_dialog"));
  assert.equal(await page.locator('footer [role="status"]').textContent(), `Exported ${answer.pages} pages to ${out}`, "the pages the core wrote");
  assert.ok(existsSync(out), "the core wrote the briefing");
  await progressbar(page).waitFor({ state: "detached" });
  assert.equal(await page.getByRole("button", { name: "Cancel" }).count(), 0);
  await page.getByRole("button", { name: "Open PDF" }).waitFor();
  await page.getByRole("button", { name: "Show in folder" }).waitFor();
  assert.deepEqual(await page.evaluate(() => window.harness.written()), [out]);
  const progress = await page.evaluate(() => window.harness.progress());
  assert.deepEqual([...new Set(progress.map((p) => p.step))], ["pictures", "layout", "writing", "saving"]);
  assert.deepEqual(
    progress.filter((p) => p.step === "pictures").map((p) => `${p.done}/${p.total}`),
    Array.from({ length: 13 }, (_, i) => `${i}/12`),
    "each picture counted as it was prepared",
  );
  await shot(statusbar(page), "export-done-statusbar.png");
  assert.deepEqual(errors, []);
  await page.close();
});

test("Cancel stops the export: nothing written, a short status and no success; Escape does the same", async () => {
  const { page, errors } = await openHarness(browser, server.url, { core, prepare: (c) => withPhotos(c, 6) });
  await core.paceExport(200);
  await core.dialog("briefing.pdf");
  const out = join(core.run.dir, "briefing.pdf");
  await page.locator("#export-pdf").click();
  const cancel = page.getByRole("button", { name: "Cancel" });
  await cancel.waitFor();
  await cancel.click();
  await waitForStatus(page, /^Export cancelled; nothing was written\.$/);
  await progressbar(page).waitFor({ state: "detached" });
  assert.equal(await page.getByRole("button", { name: "Open PDF" }).count(), 0);
  assert.equal(await page.locator('[role="alert"]').count(), 0);
  assert.deepEqual(await page.evaluate(() => window.harness.written()), []);
  assert.deepEqual(await page.evaluate(() => window.harness.answered("export_briefing_dialog")), [null], "the core's export answered: cancelled");
  assert.equal(existsSync(out), false, "nothing written");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "export-pdf", "focus goes back to Export PDF…");
  // The Cancel reached the export under way, which stopped at its next step: never saved.
  assert.equal(await page.evaluate(() => window.harness.core.calls.filter((c) => c === "cancel_export").length), 1);
  const steps = await page.evaluate(() => window.harness.progress().map((p) => p.step));
  assert.ok(!steps.includes("saving"), `stopped before saving (${steps.join(", ")})`);
  await shot(page, "export-cancelled.png");
  await shot(statusbar(page), "export-cancelled-statusbar.png");

  // Again, with Escape while the progress shows (focus on the storyboard).
  await page.locator('[data-testid="storyboard"] [data-testid="block"]').first().click();
  await core.dialog("briefing.pdf");
  await page.locator("#export-pdf").click();
  await progressbar(page).waitFor();
  await page.keyboard.press("Escape");
  await waitForStatus(page, /^Export cancelled; nothing was written\.$/);
  assert.deepEqual(await page.evaluate(() => window.harness.written()), []);
  assert.deepEqual(await page.evaluate(() => window.harness.answered("export_briefing_dialog")), [null, null]);
  assert.equal(existsSync(out), false, "nothing written");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a quick export never shows the progress", async () => {
  const { page, errors } = await openHarness(browser, server.url, { core });
  const pages = (await core.invoke("briefing_preview", { settings: { paper: "a4", handout: false } })).pages.length;
  await core.dialog("briefing.pdf");
  // Anything that ever shows a progress bar is noted, however briefly.
  await page.evaluate(() => {
    window.sawProgress = false;
    new MutationObserver(() => {
      if (document.querySelector('[role="progressbar"]')) window.sawProgress = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.locator("#export-pdf").click();
  await waitForStatus(page, new RegExp(`^Exported ${pages} pages to ${join(core.run.dir, "briefing.pdf").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
  await page.waitForTimeout(600);
  assert.equal(await page.evaluate(() => window.sawProgress), false);
  const steps = await page.evaluate(() => window.harness.progress().map((p) => p.step));
  assert.deepEqual([...new Set(steps)], ["pictures", "layout", "writing", "saving"], "the core's steps were sent");
  assert.deepEqual(await page.evaluate(() => window.harness.written()), [join(core.run.dir, "briefing.pdf")]);
  await page.getByRole("button", { name: "Open PDF" }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
