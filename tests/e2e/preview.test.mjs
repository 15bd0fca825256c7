// The briefing preview in the real app window: the core's SVG pages render in WebKit under
// the app's content security policy, as many as the exported PDF has, and switching to US
// Letter changes their shape.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, openInApp } from "./support.mjs";

const dir = mkdtempSync(join(tmpdir(), "casewright-e2e-preview-"));
const projectFile = join(dir, "Preview.casewright");
execFileSync(cli, ["new", projectFile, "--sample"]);

/** Pages of the PDF the CLI exports with these options. */
function exportedPages(...options) {
  execFileSync(cli, ["export", projectFile, "--pdf", join(dir, "b.pdf"), ...options], { stdio: "ignore" });
  const info = execFileSync("pdfinfo", [join(dir, "b.pdf")], { encoding: "utf8" });
  return Number(info.match(/^Pages:\s+(\d+)/m)[1]);
}

let browser;

after(async () => {
  await browser?.deleteSession();
});

/** The rendered page images: how many, and each one's natural size once decoded. */
const pages = () =>
  browser.execute(() =>
    Array.from(document.querySelectorAll('[data-testid="preview-panel"] ol.pages img')).map((img) => ({
      width: img.naturalWidth,
      height: img.naturalHeight,
      complete: img.complete,
    })),
  );

test("the Preview tab shows every page of the briefing, drawn", async () => {
  browser = await openInApp(projectFile);
  await browser.$("#tab-preview").click();
  // Print choices are remembered by the webview across runs: start from A4, no handout.
  await browser.$('input[name="briefing-paper"][value="a4"]').click();
  for (const box of await browser.$$('[data-testid="preview-panel"] input[type="checkbox"]')) {
    if (await box.isSelected()) await box.click();
  }
  const expected = exportedPages();
  const isA4 = (page) => page?.width > 0 && Math.abs(page.width / page.height - 595.28 / 841.89) < 0.01;
  // Wait for the A4 render itself: a preview left on Letter by an earlier run may already
  // show the same number of pages before the A4 pages replace it.
  // The first pages decode (later ones load lazily as they scroll into view).
  await browser.waitUntil(
    async () => {
      const shown = await pages();
      return shown.length === expected && shown[0].complete && isA4(shown[0]);
    },
    { timeout: 20000, timeoutMsg: `the preview never showed ${expected} A4 pages` },
  );
  const shown = await pages();
  assert.equal(shown.length, expected);
  assert.ok(isA4(shown[0]), `A4 shape: ${JSON.stringify(shown[0])}`);
  await browser.saveScreenshot(join(process.env.E2E_OUT, "preview-a4.png"));
});

test("US Letter reshapes the pages", async () => {
  await browser.$('input[name="briefing-paper"][value="letter"]').click();
  await browser.waitUntil(
    async () => {
      const [cover] = await pages();
      return cover?.width > 0 && Math.abs(cover.width / cover.height - 612 / 792) < 0.01;
    },
    { timeout: 20000, timeoutMsg: "the pages never took the Letter shape" },
  );
  await browser.saveScreenshot(join(process.env.E2E_OUT, "preview-letter.png"));
});
