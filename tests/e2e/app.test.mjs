// The real app, built binary under Xvfb, driven through tauri-driver + WebKitWebDriver.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launchApp } from "./support.mjs";

const sample = JSON.parse(
  readFileSync(new URL("../../assets/sample/social-collaboration.json", import.meta.url), "utf8"),
);

let browser;

before(async () => {
  browser = await launchApp();
});

after(async () => {
  await browser?.deleteSession();
});

test("first start shows the bundled sample storyboard", async () => {
  const board = browser.$('[data-testid="storyboard"]');
  await board.waitForDisplayed({ timeout: 20000 });

  const title = await browser.$('[data-testid="project-title"]').getProperty("textContent");
  assert.equal(title.trim(), sample.title);

  const sectionTitles = await browser.$$('[data-testid="section-title"]').map((el) => el.getProperty("textContent"));
  assert.deepEqual(
    sectionTitles.map((t) => t.trim()),
    sample.sections.map((s) => s.title),
  );

  // A column renders its cards once it is in or near view (ui/src/components/Storyboard.svelte):
  // those just beyond the visible part come in the frame after the first paint.
  const expected = sample.sections.flatMap((s) => s.blocks.map((b) => b.title));
  const shownTitles = () =>
    browser.execute(() =>
      Array.from(document.querySelectorAll('[data-testid="storyboard"] [data-testid="block-title"]')).map((el) => el.textContent.trim()),
    );
  await browser.waitUntil(async () => (await shownTitles()).length >= expected.length, {
    timeout: 10000,
    timeoutMsg: "the sample's columns did not all render their cards",
  });
  assert.deepEqual(await shownTitles(), expected);

  const kinds = await browser.$$('[data-testid="storyboard"] [data-testid="block"]').map((el) => el.getAttribute("data-kind"));
  assert.deepEqual(kinds, sample.sections.flatMap((s) => s.blocks.map((b) => b.kind)));

  await browser.saveScreenshot(join(process.env.E2E_OUT, "sample-storyboard.png"));
});

test("the window title names the open file", async () => {
  await browser.waitUntil(async () => (await browser.getTitle()).includes(".casewright"), {
    timeout: 10000,
    timeoutMsg: `window title stayed ${await browser.getTitle()}`,
  });
  assert.match(await browser.getTitle(), /Sample - Social collaboration\.casewright — Casewright/);
});
