// Pictures in Chromium, over the real core (crates/test-server): the project's logo and accent
// colour (Project inspector, nothing selected) and a block's photo and caption (Block inspector,
// the card's indicator). Each picture is a real PNG file written by the test (fixtures.mjs) and
// chosen through the test server's dialog answer; the core checks, stores and draws it. Screenshots go to $UI_SHOTS (default
// /tmp/ui-shots).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { png, pngHeaderOnly } from "./fixtures.mjs";
import { coreProject, edits, launch, openHarness, serveHarness, settled, shot, startCore } from "./support.mjs";

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

/** Writes `bytes` as `name` in the run's folder and makes it the next file dialog's answer. */
async function choose(name, bytes) {
  await writeFile(join(core.run.dir, name), bytes);
  await core.dialog(name);
}

const inspector = (page) => page.getByTestId("inspector");
const branding = (page) => page.getByTestId("branding-group");
const photoGroup = (page) => page.getByTestId("photo-group");
const firstStory = (page) => page.locator('[data-testid="section-blocks"] > [data-testid="block"][data-kind="story"]').first();

/** Waits until the image has loaded and returns its drawn size and natural size. */
async function loaded(img) {
  await img.waitFor();
  await img.evaluate((el) => (el.complete ? null : new Promise((resolve) => el.addEventListener("load", resolve, { once: true }))));
  return img.evaluate((el) => ({ width: el.clientWidth, height: el.clientHeight, natural: el.naturalWidth }));
}

test("choosing a logo shows its thumbnail, and it survives undo and redo", async () => {
  const { page, errors } = await openHarness(browser, server.url, { core });
  await choose("logo.png", png(800, 200));
  await branding(page).getByText("No logo. A logo goes on the briefing's cover.").waitFor();
  await branding(page).getByRole("button", { name: "Choose logo…" }).click();
  await settled(page, 1);
  assert.deepEqual(await edits(page), [{ op: "setBranding", logo: { id: 1, width: 800, height: 200 }, accent: null }]);

  const logo = branding(page).getByRole("img", { name: "The organisation's logo" });
  const size = await loaded(logo);
  assert.ok(size.natural > 0, "the thumbnail drew");
  // Shown at the picture's own shape (4:1), no taller than the cover's logo box allows.
  assert.ok(Math.abs(size.width / size.height - 4) < 0.05, `4:1, got ${size.width}×${size.height}`);
  assert.ok(size.height <= 56);
  assert.equal(await branding(page).getByText("800 × 200 pixels").count(), 1);
  await shot(branding(page), "branding-group.png");

  await page.locator("#undo").click();
  await branding(page).getByText("No logo. A logo goes on the briefing's cover.").waitFor();
  assert.equal((await coreProject(page)).logo, null);
  assert.equal(await branding(page).getByRole("button", { name: "Remove" }).count(), 0);

  await page.locator("#redo").click();
  await loaded(logo);
  assert.deepEqual((await coreProject(page)).logo, { id: 1, width: 800, height: 200 });
  // The thumbnail was asked for once: the cache kept it through undo and redo.
  assert.deepEqual(await page.evaluate(() => window.harness.thumbnails()), [1]);
  assert.deepEqual(errors, []);
  await page.close();
});

test("an accent colour typed as hex applies after the pause; one that is not a colour says so and is not sent", async () => {
  const { page, errors } = await openHarness(browser, server.url, { core });
  const hex = branding(page).getByLabel("Accent colour", { exact: true });
  const picker = branding(page).getByLabel("Pick the accent colour");
  assert.equal(await picker.inputValue(), "#0b5c85", "the picker shows the theme's colour");

  await hex.click();
  await hex.pressSequentially("#7a1f5c", { delay: 30 });
  await page.waitForTimeout(200);
  assert.deepEqual(await edits(page), [], "no edit per keystroke");
  await settled(page, 1);
  assert.deepEqual(await edits(page), [{ op: "setBranding", logo: null, accent: "#7A1F5C" }]);
  assert.equal((await coreProject(page)).accent, "#7A1F5C");
  assert.equal(await picker.inputValue(), "#7a1f5c");
  assert.equal(await hex.inputValue(), "#7a1f5c", "the text stays as typed");
  assert.equal(await hex.evaluate((el) => el === document.activeElement), true);

  await hex.press("Backspace");
  const error = branding(page).getByText("Enter a colour as #RRGGBB, such as #0B5C85.");
  await error.waitFor();
  assert.equal(await hex.getAttribute("aria-invalid"), "true");
  await page.waitForTimeout(900);
  await hex.blur();
  await page.waitForTimeout(200);
  assert.equal((await edits(page)).length, 1, "an incomplete colour is never sent");
  assert.equal(await hex.inputValue(), "#7a1f5");
  // The picker keeps the last colour that was one.
  assert.equal(await picker.inputValue(), "#7a1f5c");
  await shot(branding(page), "branding-group-invalid.png");

  await branding(page).getByRole("button", { name: "Clear" }).click();
  await settled(page, 2);
  assert.deepEqual((await edits(page))[1], { op: "setBranding", logo: null, accent: null });
  await error.waitFor({ state: "detached" });
  assert.equal(await picker.inputValue(), "#0b5c85");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a block's photo: its thumbnail at its shape, the card's indicator, the caption saved, and removed", async () => {
  // Tall enough for the whole Photo group to show in the inspector's screenshot.
  const { page, errors } = await openHarness(browser, server.url, { core, height: 1250 });
  await choose("night-shift.png", png(480, 640, [47, 133, 90]));
  const card = firstStory(page);
  const id = Number(await card.getAttribute("data-block-id"));
  await card.click();
  await photoGroup(page).getByText("No photo. A photo prints with this block in the briefing.").waitFor();
  assert.equal(await card.getByTestId("photo-indicator").count(), 0);

  await photoGroup(page).getByRole("button", { name: "Choose photo…" }).click();
  await settled(page, 1);
  const [chosen] = await edits(page);
  assert.equal(chosen.op, "updateBlock");
  assert.equal(chosen.block.id, id);
  assert.deepEqual(chosen.block.photo, { image: { id: 1, width: 480, height: 640 }, caption: "" });

  const thumbnail = photoGroup(page).getByTestId("picture-thumbnail");
  const size = await loaded(thumbnail);
  assert.ok(size.natural > 0, "the thumbnail drew");
  assert.ok(Math.abs(size.height / size.width - 640 / 480) < 0.03, `3:4, got ${size.width}×${size.height}`);
  const indicator = card.getByRole("img", { name: "Has a photo" });
  await indicator.waitFor();
  assert.match(await card.getAttribute("aria-label"), /, has a photo/);
  const mark = await indicator.boundingBox();
  assert.ok(mark.width <= 16 && mark.height <= 16, "the indicator stays small");

  const caption = photoGroup(page).getByLabel("Caption and description");
  await caption.click();
  await caption.pressSequentially("Harbourline's night shift at the new line", { delay: 10 });
  await settled(page, 2);
  const [, captioned] = await edits(page);
  assert.deepEqual(captioned.block.photo, { image: { id: 1, width: 480, height: 640 }, caption: "Harbourline's night shift at the new line" });
  assert.equal(await photoGroup(page).getByRole("img", { name: "Harbourline's night shift at the new line" }).count(), 1);
  await shot(photoGroup(page), "photo-group.png");
  await shot(page, "photo-card-and-inspector.png");

  await photoGroup(page).getByRole("button", { name: "Remove" }).click();
  await settled(page, 3);
  assert.equal((await edits(page))[2].block.photo, null);
  await indicator.waitFor({ state: "detached" });
  await photoGroup(page).getByText("No photo. A photo prints with this block in the briefing.").waitFor();
  assert.equal(await photoGroup(page).getByLabel("Caption and description").count(), 0);
  const stored = (await coreProject(page)).sections.flatMap((s) => s.blocks).find((b) => b.id === id);
  assert.equal(stored.photo, null);
  assert.equal(await photoGroup(page).getByRole("button", { name: "Choose photo…" }).evaluate((el) => el === document.activeElement), true);

  // Undo brings the photo back with its caption.
  await page.locator("#undo").click();
  await indicator.waitFor();
  assert.equal(await photoGroup(page).getByLabel("Caption and description").inputValue(), "Harbourline's night shift at the new line");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a picture the shell refuses is shown in the error banner, and nothing changes", async () => {
  const { page, errors } = await openHarness(browser, server.url, { core });
  // A real cause: a scan far larger than the core takes (its size is read from the header, before decoding).
  await choose("scan.png", pngHeaderOnly(20000, 15000));
  await firstStory(page).click();
  await photoGroup(page).getByRole("button", { name: "Choose photo…" }).click();
  const alert = page.getByRole("alert");
  await alert.waitFor();
  const [refusal] = await page.evaluate(() => window.harness.refusals());
  assert.equal(refusal.error.code, "image_too_large");
  assert.match(refusal.error.message, /20000/, "the core names the size");
  assert.match(await alert.textContent(), /Could not add the picture\./);
  assert.ok((await alert.textContent()).includes(refusal.error.message), "with the core's reason");
  assert.equal(await alert.getAttribute("data-code"), "image_too_large");
  assert.deepEqual(await edits(page), []);
  assert.equal(await firstStory(page).getByTestId("photo-indicator").count(), 0);
  assert.equal(await photoGroup(page).getByRole("button", { name: "Choose photo…" }).isEnabled(), true);
  await shot(page, "picture-refused.png");

  // The next try works, and clears the banner.
  await choose("photo.png", png(640, 480));
  await photoGroup(page).getByRole("button", { name: "Choose photo…" }).click();
  await settled(page, 1);
  await alert.waitFor({ state: "detached" });
  await firstStory(page).getByRole("img", { name: "Has a photo" }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
