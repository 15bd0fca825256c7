// The briefing preview in Chromium, against the harness's fake briefing (harness/briefing.ts):
// the Preview tab's pages at the panel's width, the paper's shape, the handout's extra pages,
// jumping from a thumbnail, the print choices reaching every Export PDF…, live updates after
// edits, warnings and failures. Screenshots go to $UI_SHOTS (default /tmp/ui-shots).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launch, openHarness, serveHarness, settled, shot } from "./support.mjs";

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

const lastPreview = (page) => page.evaluate(() => window.harness.previews().at(-1));

test("the Preview tab: pages at the panel's width, Letter's shape, the handout's extra pages, a thumbnail jumps", async () => {
  const { page, errors } = await openHarness(browser, server.url);
  assert.equal(await page.evaluate(() => window.harness.previews().length), 0, "nothing is laid out while the tab is hidden");
  await openPreview(page);
  await waitForPages(page, A4);
  assert.deepEqual(await lastPreview(page), { paper: "a4", handout: false });

  let pages = await laidOut(page);
  const count = pages.length;
  assert.equal(count, 8, "cover, summary, five sections, sources");
  assert.equal(await thumbs(page).count(), count);
  assert.equal(pages[0].alt, `Page 1 of ${count}`);
  assert.ok(pages[0].decoded, "the first page is drawn");
  const desk = await panel(page).getByRole("region", { name: "Briefing pages" }).boundingBox();
  assert.ok(Math.abs(pages[0].width - (desk.width - 40)) <= 1, `a page fills the panel's width (${pages[0].width} of ${desk.width})`);
  assert.match(pages[2].svg, /Opportunity/);
  assert.match(await panel(page).getByTestId("preview-summary").textContent(), /^8 pages · A4$/);
  await shot(page, "preview-a4.png");

  // US Letter: the same pages, shorter and wider.
  await panel(page).getByRole("radio", { name: "US Letter" }).check();
  await waitForPages(page, LETTER, count);
  assert.deepEqual(await lastPreview(page), { paper: "letter", handout: false });
  pages = await laidOut(page);
  assert.ok(Math.abs(pages[0].height / pages[0].width - LETTER) < 0.01);
  assert.match(pages[0].svg, /viewBox="0 0 612 792"/);

  // The handout: a page of speaker notes and note space after each section.
  await panel(page).getByRole("checkbox", { name: "Handout (speaker notes and note space)" }).check();
  await waitForPages(page, LETTER, count + 5);
  assert.deepEqual(await lastPreview(page), { paper: "letter", handout: true });
  assert.equal(await thumbs(page).count(), count + 5);
  assert.match((await laidOut(page))[3].svg, /speaker notes/i);
  assert.match(await panel(page).getByTestId("preview-summary").textContent(), /^13 pages · US Letter handout$/);
  await shot(page, "preview-letter-handout.png");

  // A thumbnail scrolls its page to the top of the pages.
  const deskTop = desk.y;
  await thumbs(page).nth(7).click();
  await page.waitForFunction((top) => {
    const img = document.querySelector('[data-testid="preview"] img[alt="Page 8 of 13"]');
    return img && Math.abs(img.getBoundingClientRect().top - (top + 16)) <= 2;
  }, deskTop);
  assert.equal(await thumbs(page).nth(7).getAttribute("aria-current"), "page");
  assert.equal(await thumbs(page).nth(0).getAttribute("aria-current"), null);
  assert.ok((await laidOut(page))[7].decoded, "the page scrolled to is drawn");
  await shot(page, "preview-jump.png");

  // Back to A4: the page being read stays at the top though every page changes size.
  await panel(page).getByRole("radio", { name: "A4" }).check();
  await waitForPages(page, A4, count + 5);
  const eighth = (await laidOut(page))[7];
  assert.ok(Math.abs(eighth.top - (deskTop + 16)) <= 3, `page 8 is still at the top (${eighth.top} vs ${deskTop + 16})`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("Export PDF… from the preview, the toolbar and the File menu prints as chosen; the choice is remembered", async () => {
  const { page, errors } = await openHarness(browser, server.url);
  await openPreview(page);
  await panel(page).getByRole("radio", { name: "US Letter" }).check();
  await panel(page).getByRole("checkbox", { name: /^Handout/ }).check();
  await waitForPages(page, LETTER, 13);

  await panel(page).getByRole("button", { name: "Export PDF…" }).click();
  await page.getByRole("status").getByText("Exported 13 pages to /tmp/harness-briefing.pdf").waitFor();
  await page.locator("#export-pdf").click();
  await page.waitForFunction(() => window.harness.exports().length === 2 && !document.querySelector("#export-pdf").disabled);
  await page.evaluate(() => window.harness.menu({ action: "export" }));
  await page.waitForFunction(() => window.harness.exports().length === 3);
  const handout = { paper: "letter", handout: true };
  assert.deepEqual(await page.evaluate(() => window.harness.exports()), [handout, handout, handout]);

  // Started again (a new fake core): Letter and the handout are still chosen.
  await page.reload();
  await page.waitForSelector('[data-testid="storyboard"] [data-testid="block"]');
  await openPreview(page);
  await waitForPages(page, LETTER, 13);
  assert.equal(await panel(page).getByRole("radio", { name: "US Letter" }).isChecked(), true);
  assert.deepEqual(await lastPreview(page), handout);
  assert.deepEqual(errors, []);
  await page.close();
});

test("live: a renamed section shows in the pages after the pause; the old pages stay while 'Updating…'", async () => {
  const { page, errors } = await openHarness(browser, server.url, { delay: 600 });
  await openPreview(page);
  await waitForPages(page, A4, 8);
  const asked = await page.evaluate(() => window.harness.previews().length);

  // Proof, the third section (its title becomes a text box while it is renamed).
  const proof = page.locator('[data-testid="section"]').nth(2);
  assert.equal((await proof.getByTestId("section-title").textContent()).trim(), "Proof");
  await proof.getByRole("button", { name: "Actions for section “Proof”" }).click();
  await page.getByRole("menuitem", { name: "Rename" }).click();
  const input = proof.getByRole("textbox", { name: /Section title/ });
  await input.fill("Evidence from our peers");
  await input.press("Enter");
  await panel(page).getByTestId("preview-updating").waitFor();
  assert.equal(await pageImages(page).count(), 8, "the pages stay while the new ones are made");
  // Past the indicator's fade-in, while the new pages are still being made.
  await page.waitForTimeout(350);
  await shot(page, "preview-updating.png");

  await settled(page, 1);
  await page.waitForFunction(() => {
    const img = document.querySelector('[data-testid="preview"] img[alt="Page 5 of 8"]');
    return img && decodeURIComponent(img.getAttribute("src")).includes("Evidence from our peers");
  });
  await panel(page).getByTestId("preview-updating").waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => window.harness.previews().length), asked + 1, "one new preview for the edit");
  assert.deepEqual(errors, []);
  await page.close();
});

test("warnings above the pages, and a preview that cannot be made says so and tries again", async () => {
  const { page, errors } = await openHarness(browser, server.url, { coach: "demo" });
  await openPreview(page);
  const warnings = panel(page).getByTestId("preview-warnings");
  await warnings.waitFor();
  assert.match(await warnings.getByRole("heading").textContent(), /Check these 2 things before you export/);
  assert.match(await warnings.textContent(), /U\+1F30D/);
  assert.match(await warnings.textContent(), /U\+1F680/);
  await shot(page, "preview-warnings.png");

  await page.evaluate(() => window.harness.failPreviewNext({ code: "io", message: "the project file could not be read" }));
  await panel(page).getByRole("radio", { name: "US Letter" }).check();
  const problem = panel(page).getByRole("alert");
  await problem.waitFor();
  assert.match(await problem.textContent(), /The preview could not be updated\.\s*the project file could not be read/);
  assert.equal(await pageImages(page).count(), 8, "the last pages stay, marked out of date");
  await shot(page, "preview-error.png");
  await problem.getByRole("button", { name: "Try again" }).click();
  await waitForPages(page, LETTER, 8);
  assert.equal(await panel(page).getByRole("alert").count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a smaller window: the options, the strip and the pages all fit", async () => {
  const { page, errors } = await openHarness(browser, server.url, { width: 1280, height: 760 });
  await openPreview(page);
  await waitForPages(page, A4, 8);
  const desk = await panel(page).getByRole("region", { name: "Briefing pages" }).boundingBox();
  assert.ok(desk.height > 300, `room for the pages (${desk.height}px)`);
  await shot(page, "preview-small-window.png");
  assert.deepEqual(errors, []);
  await page.close();
});

test("each tab fills the side panel; the hidden ones take no room", async () => {
  const { page, errors } = await openHarness(browser, server.url, { width: 1280, height: 760 });
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
