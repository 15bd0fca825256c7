// Pictures in the real app: a logo and a photo saved into the project with the CLI show as
// thumbnails drawn by the real core (through the picture_thumbnail command), and the
// briefing preview prints the photo.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, openInApp } from "./support.mjs";

const dir = mkdtempSync(join(tmpdir(), "casewright-e2e-pictures-"));
const projectFile = join(dir, "Pictures.casewright");
const story = "A peer cut line stoppages by almost a quarter";
execFileSync(cli, ["new", projectFile, "--sample"]);
// ImageMagick is installed by scripts/setup.sh.
execFileSync("convert", ["-size", "600x400", "gradient:#5a8cc8-#e0e8f0", join(dir, "team.jpg")]);
execFileSync("convert", ["-size", "300x100", "xc:#7a1f5c", join(dir, "logo.png")]);
execFileSync(cli, ["brand", projectFile, "--logo", join(dir, "logo.png"), "--accent", "#7a1f5c"]);
execFileSync(cli, ["photo", projectFile, "--block", story, "--image", join(dir, "team.jpg"), "--caption", "The crew at the board"]);

let browser;

after(async () => {
  await browser?.deleteSession();
});

/** The thumbnail in a picture field once it has loaded: its source type and natural size. */
async function thumbnail(variant) {
  const image = browser.$(`[data-testid="picture-${variant}"] [data-testid="picture-thumbnail"]`);
  await image.waitForExist({ timeout: 10000 });
  await browser.waitUntil(async () => (await image.getProperty("naturalWidth")) > 0, {
    timeout: 10000,
    timeoutMsg: `the ${variant} thumbnail never drew`,
  });
  return {
    kind: (await image.getAttribute("src")).split(";")[0],
    width: await image.getProperty("naturalWidth"),
    height: await image.getProperty("naturalHeight"),
  };
}

test("a block's photo shows in the inspector, drawn by the core", async () => {
  browser = await openInApp(projectFile);
  const card = await browser.$(`//*[@data-testid="storyboard"]//*[@data-testid="block"][.//*[@data-testid="block-title" and normalize-space()="${story}"]]`);
  // The Proof column may start off-screen in a small window.
  await card.scrollIntoView({ block: "center", inline: "center" });
  await card.click();
  const shown = await thumbnail("photo");
  assert.equal(shown.kind, "data:image/jpeg");
  assert.equal(shown.width / shown.height, 1.5, "the thumbnail keeps the photo's shape");
  assert.equal(await browser.$("textarea[name='caption']").getValue(), "The crew at the board");
  await browser.$('[data-testid="picture-photo"]').scrollIntoView({ block: "center" });
  // Let WebKit paint the scrolled panels before the picture is taken.
  await browser.executeAsync((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  await browser.saveScreenshot(join(process.env.E2E_OUT, "photo-inspector.png"));
});

test("the project's logo shows in its inspector", async () => {
  await browser.$("button=Edit details").click();
  const shown = await thumbnail("logo");
  assert.equal(shown.kind, "data:image/png");
  assert.equal(shown.width / shown.height, 3);
});

test("the preview prints the photo", async () => {
  await browser.$("#tab-preview").click();
  // Each page is an SVG data URL; the photo's page embeds the JPEG.
  await browser.waitUntil(
    async () =>
      browser.execute(() =>
        Array.from(document.querySelectorAll('[data-testid="preview-panel"] ol.pages img')).some((img) => {
          const src = img.getAttribute("src") ?? "";
          const svg = src.includes(";base64,") ? atob(src.split(",")[1]) : decodeURIComponent(src.split(",")[1] ?? "");
          return svg.includes("data:image/jpeg;base64,");
        }),
      ),
    { timeout: 20000, timeoutMsg: "no preview page carries the photo" },
  );
});
