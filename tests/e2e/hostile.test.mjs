// A colleague's file whose every text field holds one of the common XSS payloads, opened
// in the real app: each payload shows as the literal text it is, on the storyboard, in the
// inspector, the coach and the preview, and none of them runs or adds an element.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, openInApp } from "./support.mjs";

// Each one, if it ran, would set window.__xss to its number.
const PAYLOADS = [
  `<script>window.__xss=1</script>`,
  `<img src=x onerror="window.__xss=2">`,
  `<svg onload="window.__xss=3"></svg>`,
  `"><iframe src="javascript:window.__xss=4"></iframe>`,
  `<a href="javascript:window.__xss=5" id="xss-link">click me</a>`,
  `<details open ontoggle="window.__xss=6">`,
  `{{constructor.constructor('window.__xss=7')()}}`,
  `<style>body{display:none}</style><b onmouseover="window.__xss=8">bold</b>`,
];

const dir = mkdtempSync(join(tmpdir(), "casewright-hostile-"));
const file = join(dir, "from a colleague.casewright");
const sample = JSON.parse(readFileSync(new URL("../../assets/sample/social-collaboration.json", import.meta.url), "utf8"));
let n = 0;
const next = () => PAYLOADS[n++ % PAYLOADS.length];
sample.title = `Board case ${PAYLOADS[1]}`;
sample.author = PAYLOADS[0];
for (const section of sample.sections) {
  section.title = `${section.title} ${next()}`;
  section.notes = `Say this: ${next()}`;
  for (const block of section.blocks) {
    block.title = `${block.title} ${next()}`;
    block.body = `${block.body ?? ""} ${next()}`;
    if (block.kind === "story") block.organisation = next();
  }
}
writeFileSync(join(dir, "hostile.json"), JSON.stringify(sample));
execFileSync(cli, ["new", file, "--from", join(dir, "hostile.json")]);

let browser;

before(async () => {
  browser = await openInApp(file);
});

after(async () => {
  await browser?.deleteSession();
});

/** Nothing ran and nothing was injected: no flag, no element a payload would add. */
async function assertInert(where) {
  const found = await browser.execute(() => ({
    flag: window.__xss ?? null,
    injected: [
      ...document.querySelectorAll(
        'img[src="x"], iframe, svg[onload], [onerror], [onload], [ontoggle], [onmouseover], #xss-link, details[open]',
      ),
    ].map((el) => el.outerHTML.slice(0, 80)),
    hidden: getComputedStyle(document.body).display === "none",
  }));
  assert.deepEqual(found, { flag: null, injected: [], hidden: false }, where);
}

test("every payload is shown as literal text on the storyboard, and none runs", async () => {
  await assertInert("the storyboard");
  const text = await browser.execute(() => document.body.innerText);
  for (const payload of PAYLOADS) {
    assert.ok(text.includes(payload), `shown as text: ${payload}`);
  }
  const title = await browser.$('[data-testid="project-title"]').getProperty("textContent");
  assert.equal(title.trim(), `Board case ${PAYLOADS[1]}`);
  await browser.saveScreenshot(join(process.env.E2E_OUT, "hostile-storyboard.png"));
});

test("in the inspector, the coach and the preview they stay text too", async () => {
  await browser.$('[data-testid="storyboard"] [data-testid="block"] [data-testid="block-title"]').click();
  const fields = () =>
    browser.execute(() => [...document.querySelectorAll("input, textarea")].map((el) => el.value).join("\n"));
  await browser.waitUntil(async () => {
    const values = await fields();
    return PAYLOADS.some((p) => values.includes(p));
  }, {
    timeout: 10000,
    timeoutMsg: "the inspector's fields hold a payload as their value",
  });
  await assertInert("the inspector");
  // Each tab is checked once it shows what it is for: the coach its report (advice, or that
  // there is none), the preview its first page drawn. Checked before, nothing would be proved.
  const rendered = {
    coach: () =>
      browser.execute(() => {
        const panel = document.querySelector('[data-testid="coach-panel"]');
        return panel !== null && panel.querySelector('[data-testid="finding"], [data-testid="coach-empty"]') !== null;
      }),
    preview: () =>
      browser.execute(() => {
        const page = document.querySelector('[data-testid="preview-panel"] .pages .page img');
        return page instanceof HTMLImageElement && page.complete && page.naturalWidth > 0;
      }),
  };
  for (const tab of ["coach", "preview"]) {
    await browser.$(`#tab-${tab}`).click();
    await browser.waitUntil(rendered[tab], { timeout: 20000, timeoutMsg: `the ${tab} tab never showed its content` });
    await assertInert(`the ${tab} tab`);
  }
  await browser.saveScreenshot(join(process.env.E2E_OUT, "hostile-preview.png"));
});
