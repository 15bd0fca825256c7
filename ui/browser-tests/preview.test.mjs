// The briefing preview in Chromium, over the real core's briefing (crates/test-server): the pages
// shown are the SVG pages the core lays out, compared with the core's own answer:
// the Preview tab's pages at the panel's width, the paper's shape, the handout's extra pages,
// jumping from a thumbnail, the print choices reaching every Export PDF…, live updates after
// edits, warnings and failures. Screenshots go to $UI_SHOTS (default /tmp/ui-shots).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { firstDraftReset, samplePilotReset } from "./fixtures.mjs";
import { join } from "node:path";
import { coreProject, launch, openHarness, serveHarness, settled, shot, startCore } from "./support.mjs";

let server;
let browser;
let core;
/** The reset to a first draft of the sample, with emoji the fonts lack (fixtures.mjs). */
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

const A4 = 841.89 / 595.28;
const LETTER = 792 / 612;

const panel = (page) => page.getByTestId("preview");
const pageImages = (page) => panel(page).getByRole("img", { name: /^Page \d+ of \d+$/ });
const thumbs = (page) => panel(page).getByRole("toolbar", { name: "Go to page" }).getByRole("button");

async function openPreview(page) {
  await page.getByRole("tab", { name: "Preview" }).click();
  await pageImages(page).first().waitFor();
}

/** Each page image as laid out: its box, whether it has been decoded, and the SVG it shows. */
function laidOut(page) {
  return panel(page)
    .locator("img[alt^='Page ']")
    .evaluateAll((images) =>
      images.map((img) => {
        const box = img.getBoundingClientRect();
        const src = img.getAttribute("src");
        return {
          alt: img.alt,
          width: box.width,
          height: box.height,
          top: box.top,
          decoded: img.complete && img.naturalWidth > 0,
          svg: decodeURIComponent(src.slice(src.indexOf(",") + 1)),
        };
      }),
    );
}

/** Waits until the pages have `count` images shaped like `ratio` (height / width). */
async function waitForPages(page, ratio, count = null) {
  await page.waitForFunction(
    ({ ratio, count }) => {
      const images = Array.from(document.querySelectorAll('[data-testid="preview"] img[alt^="Page "]'));
      if (images.length === 0 || (count !== null && images.length !== count)) return false;
      const box = images[0].getBoundingClientRect();
      return Math.abs(box.height / box.width - ratio) < 0.01 && !document.querySelector('[data-testid="preview-updating"]');
    },
    { ratio, count },
  );
}

/** The pages' SVG as the core lays them out now for `settings` (asked by the test, not the page). */
const corePages = async (settings) => (await core.invoke("briefing_preview", { settings })).pages;
/** The SVG of each page the page shows. */
const shownPages = async (page) => (await laidOut(page)).map((p) => p.svg);
/** The sample with its pilot, as the other tests start. */
const open = (options = {}) => openHarness(browser, server.url, { core, reset: samplePilotReset(), ...options });

const lastPreview = (page) => page.evaluate(() => window.harness.previews().at(-1));

test("the Preview tab: pages at the panel's width, Letter's shape, the handout's extra pages, a thumbnail jumps", async () => {
  const { page, errors } = await open();
  assert.equal(await page.evaluate(() => window.harness.previews().length), 0, "nothing is laid out while the tab is hidden");
  await openPreview(page);
  await waitForPages(page, A4);
  assert.deepEqual(await lastPreview(page), { paper: "a4", handout: false });

  let pages = await laidOut(page);
  const count = pages.length;
  const a4 = await corePages({ paper: "a4", handout: false });
  assert.equal(count, a4.length, "every page the core laid out");
  assert.ok(count >= 8, "cover, summary, five sections, the pilot, sources");
  assert.equal(await thumbs(page).count(), count);
  assert.equal(pages[0].alt, `Page 1 of ${count}`);
  assert.ok(pages[0].decoded, "the first page is drawn");
  const desk = await panel(page).getByRole("region", { name: "Briefing pages" }).boundingBox();
  assert.ok(Math.abs(pages[0].width - (desk.width - 40)) <= 1, `a page fills the panel's width (${pages[0].width} of ${desk.width})`);
  assert.deepEqual(await shownPages(page), a4, "each page as the core drew it");
  assert.equal(await panel(page).getByTestId("preview-summary").textContent(), `${count} pages · A4`);
  await shot(page, "preview-a4.png");

  // US Letter: the same pages, shorter and wider.
  await panel(page).getByRole("radio", { name: "US Letter" }).check();
  await waitForPages(page, LETTER, count);
  assert.deepEqual(await lastPreview(page), { paper: "letter", handout: false });
  pages = await laidOut(page);
  assert.ok(Math.abs(pages[0].height / pages[0].width - LETTER) < 0.01);
  assert.match(pages[0].svg, /viewBox="0 0 612 792"/);

  // The handout: speaker notes and note space, on pages of their own.
  await panel(page).getByRole("checkbox", { name: "Handout (speaker notes and note space)" }).check();
  const handout = await corePages({ paper: "letter", handout: true });
  assert.ok(handout.length > count, "the handout has more pages");
  await waitForPages(page, LETTER, handout.length);
  assert.deepEqual(await lastPreview(page), { paper: "letter", handout: true });
  assert.equal(await thumbs(page).count(), handout.length);
  assert.deepEqual(await shownPages(page), handout);
  assert.equal(await panel(page).getByTestId("preview-summary").textContent(), `${handout.length} pages · US Letter handout`);
  await shot(page, "preview-letter-handout.png");

  // A thumbnail scrolls its page to the top of the pages.
  const deskTop = desk.y;
  await thumbs(page).nth(7).click();
  await page.waitForFunction(({ top, total }) => {
    const img = document.querySelector(`[data-testid="preview"] img[alt="Page 8 of ${total}"]`);
    return img && Math.abs(img.getBoundingClientRect().top - (top + 16)) <= 2;
  }, { top: deskTop, total: handout.length });
  assert.equal(await thumbs(page).nth(7).getAttribute("aria-current"), "page");
  assert.equal(await thumbs(page).nth(0).getAttribute("aria-current"), null);
  assert.ok((await laidOut(page))[7].decoded, "the page scrolled to is drawn");
  await shot(page, "preview-jump.png");

  // Back to A4: the page being read stays at the top though every page changes size.
  await panel(page).getByRole("radio", { name: "A4" }).check();
  await waitForPages(page, A4, (await corePages({ paper: "a4", handout: true })).length);
  const eighth = (await laidOut(page))[7];
  assert.ok(Math.abs(eighth.top - (deskTop + 16)) <= 3, `page 8 is still at the top (${eighth.top} vs ${deskTop + 16})`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("Export PDF… from the preview, the toolbar and the File menu prints as chosen; the choice is remembered", async () => {
  const { page, errors } = await open();
  await openPreview(page);
  await panel(page).getByRole("radio", { name: "US Letter" }).check();
  await panel(page).getByRole("checkbox", { name: /^Handout/ }).check();
  const pages = (await corePages({ paper: "letter", handout: true })).length;
  await waitForPages(page, LETTER, pages);
  // Each Export PDF… asks where, and is told the same file.
  for (let i = 0; i < 3; i++) await core.dialog("briefing.pdf");

  await panel(page).getByRole("button", { name: "Export PDF…" }).click();
  await page.getByRole("status").getByText(`Exported ${pages} pages to ${join(core.run.dir, "briefing.pdf")}`).waitFor();
  await page.locator("#export-pdf").click();
  await page.waitForFunction(() => window.harness.exports().length === 2 && !document.querySelector("#export-pdf").disabled);
  await page.evaluate(() => window.harness.menu({ action: "export" }));
  await page.waitForFunction(() => window.harness.exports().length === 3);
  const handout = { paper: "letter", handout: true };
  assert.deepEqual(await page.evaluate(() => window.harness.exports()), [handout, handout, handout]);

  // Started again (the page reloaded): Letter and the handout are still chosen.
  await page.reload();
  await page.waitForSelector('[data-testid="storyboard"] [data-testid="block"]');
  await openPreview(page);
  await waitForPages(page, LETTER, pages);
  assert.equal(await panel(page).getByRole("radio", { name: "US Letter" }).isChecked(), true);
  assert.deepEqual(await lastPreview(page), handout);
  assert.deepEqual(errors, []);
  await page.close();
});

test("live: a renamed section shows in the pages after the pause; the old pages stay while 'Updating…'", async () => {
  const { page, errors } = await open({ delay: 600 });
  await openPreview(page);
  const count = (await corePages({ paper: "a4", handout: false })).length;
  await waitForPages(page, A4, count);
  const asked = await page.evaluate(() => window.harness.previews().length);
  const before = await shownPages(page);

  // Proof, the third section (its title becomes a text box while it is renamed).
  const proof = page.locator('[data-testid="section"]').nth(2);
  assert.equal((await proof.getByTestId("section-title").textContent()).trim(), "Proof");
  await proof.getByRole("button", { name: "Actions for section “Proof”" }).click();
  await page.getByRole("menuitem", { name: "Rename" }).click();
  const input = proof.getByRole("textbox", { name: /Section title/ });
  await input.fill("Evidence from our peers");
  await input.press("Enter");
  await panel(page).getByTestId("preview-updating").waitFor();
  assert.equal(await pageImages(page).count(), count, "the pages stay while the new ones are made");
  // Past the indicator's fade-in, while the new pages are still being made.
  await page.waitForTimeout(350);
  await shot(page, "preview-updating.png");

  await settled(page, 1);
  await panel(page).getByTestId("preview-updating").waitFor({ state: "detached" });
  // The pages shown are the core's pages of the renamed storyboard (its SVG draws glyphs, not text).
  assert.equal((await coreProject(page)).sections[2].title, "Evidence from our peers");
  const renamed = await corePages({ paper: "a4", handout: false });
  assert.notDeepEqual(renamed, before, "the rename changed the pages");
  assert.deepEqual(await shownPages(page), renamed);
  assert.equal(await page.evaluate(() => window.harness.previews().length), asked + 1, "one new preview for the edit");
  assert.deepEqual(errors, []);
  await page.close();
});

test("warnings above the pages, and a preview that cannot be made says so and tries again", async () => {
  const { page, errors } = await open({ reset: draft });
  await openPreview(page);
  const warnings = panel(page).getByTestId("preview-warnings");
  await warnings.waitFor();
  assert.match(await warnings.getByRole("heading").textContent(), /Check these 2 things before you export/);
  assert.match(await warnings.textContent(), /U\+1F30D/);
  assert.match(await warnings.textContent(), /U\+1F680/);
  await shot(page, "preview-warnings.png");

  // No real cause fails a preview from outside the core: the test server plants this one refusal.
  const count = (await corePages({ paper: "a4", handout: false })).length;
  await core.failNext("briefing_preview", { code: "io", message: "the project file could not be read" });
  await panel(page).getByRole("radio", { name: "US Letter" }).check();
  const problem = panel(page).getByRole("alert");
  await problem.waitFor();
  assert.match(await problem.textContent(), /The preview could not be updated\.\s*the project file could not be read/);
  assert.equal(await pageImages(page).count(), count, "the last pages stay, marked out of date");
  await shot(page, "preview-error.png");
  await problem.getByRole("button", { name: "Try again" }).click();
  await waitForPages(page, LETTER, (await corePages({ paper: "letter", handout: false })).length);
  assert.equal(await panel(page).getByRole("alert").count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a smaller window: the options, the strip and the pages all fit", async () => {
  const { page, errors } = await open({ width: 1280, height: 760 });
  await openPreview(page);
  await waitForPages(page, A4, (await corePages({ paper: "a4", handout: false })).length);
  const desk = await panel(page).getByRole("region", { name: "Briefing pages" }).boundingBox();
  assert.ok(desk.height > 300, `room for the pages (${desk.height}px)`);
  await shot(page, "preview-small-window.png");
  assert.deepEqual(errors, []);
  await page.close();
});

test("each tab fills the side panel; the hidden ones take no room", async () => {
  const { page, errors } = await open({ width: 1280, height: 760 });
  for (const tab of ["Inspector", "Coach", "Preview", "Inspector"]) {
    await page.getByRole("tab", { name: tab }).click();
    const panels = await page.getByTestId("side-panel").evaluate((aside) => {
      const list = aside.querySelector('[role="tablist"]').getBoundingClientRect();
      return {
        room: aside.getBoundingClientRect().bottom - list.bottom,
        panels: Array.from(aside.querySelectorAll('[role="tabpanel"]')).map((panel) => ({
          id: panel.id,
          shown: !panel.hidden,
          display: getComputedStyle(panel).display,
          height: panel.getBoundingClientRect().height,
        })),
      };
    });
    for (const panel of panels.panels) {
      if (panel.shown) {
        assert.ok(Math.abs(panel.height - panels.room) < 2, `${tab}: ${panel.id} fills the panel (${panel.height} of ${panels.room}px)`);
      } else {
        assert.equal(panel.display, "none", `${tab}: ${panel.id} is hidden`);
      }
    }
  }
  assert.deepEqual(errors, []);
  await page.close();
});
