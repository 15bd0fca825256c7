// The storyboard editor in the real app: drag a benefit from the library into a section with
// the mouse, undo and redo it, then close the app, start it again on the same file and find
// the block where it was dropped (every edit is committed to the file at once).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { centreOf, cli, drag, openInApp } from "./support.mjs";

const dir = mkdtempSync(join(tmpdir(), "casewright-e2e-edit-"));
const projectFile = join(dir, "Board case.casewright");
execFileSync(cli, ["new", projectFile, "--sample"]);

let browser;

async function startApp() {
  browser = await openInApp(projectFile);
}

after(async () => {
  await browser?.deleteSession();
});

/** Titles of the blocks in each section (by section title) and in the library, as shown. */
function board() {
  return browser.execute(() => {
    const titles = (zone) =>
      Array.from(zone.querySelectorAll(':scope > [data-testid="block"] [data-testid="block-title"]')).map((t) =>
        t.textContent.trim(),
      );
    const sections = {};
    for (const section of document.querySelectorAll('[data-testid="section"]')) {
      const name = section.querySelector('[data-testid="section-title"]').textContent.trim();
      sections[name] = titles(section.querySelector('[data-testid="section-blocks"]'));
    }
    return { sections, library: titles(document.querySelector('[data-testid="library"]')) };
  });
}

const saved = () =>
  browser.waitUntil(
    async () => (await browser.$('[data-testid="save-state"]').getProperty("textContent")).includes("All changes saved"),
    { timeout: 10000, timeoutMsg: "the toolbar never said the change was saved" },
  );

let moved;
let expected;

test("a benefit dragged from the library lands in the section where it was dropped", async () => {
  await startApp();
  const before = await board();
  const benefit = browser.$('[data-testid="library"] > [data-testid="block"][data-kind="benefit"]');
  moved = (await benefit.$('[data-testid="block-title"]').getProperty("textContent")).trim();
  const target = "Proof";
  assert.ok(before.sections[target].length >= 2, "the sample's Proof section has blocks to drop between");

  const proofCards = await browser.$$('[data-testid="section"]').filter(async (s) =>
    (await s.$('[data-testid="section-title"]').getProperty("textContent")).trim() === target,
  );
  const secondCard = proofCards[0].$(':scope [data-testid="section-blocks"] > [data-testid="block"]:nth-of-type(2)');
  // The drop is aimed at the second card's centre after both are in view: the library pane
  // and the board scroll separately, so both stay put while the pointer travels.
  const to = await centreOf(browser, secondCard);
  const from = await centreOf(browser, benefit);
  await drag(browser, from, to);
  // The drop settles after the dragged card glides into place; then the edit is saved.
  await browser.waitUntil(async () => (await board()).sections[target].includes(moved), {
    timeout: 10000,
    timeoutMsg: `“${moved}” never landed in ${target}`,
  });
  await saved();

  const after = await board();
  expected = after;
  assert.ok(after.sections[target].includes(moved), `“${moved}” is in ${target}: ${JSON.stringify(after)}`);
  assert.equal(after.sections[target].length, before.sections[target].length + 1);
  assert.ok(!after.library.includes(moved), "it left the library");
  assert.deepEqual(
    after.sections[target].filter((t) => t !== moved),
    before.sections[target],
    "the section's other blocks keep their order",
  );
  await browser.saveScreenshot(join(process.env.E2E_OUT, "edit-dropped.png"));
});

test("Ctrl+Z puts it back in the library; Ctrl+Shift+Z brings it back", async () => {
  // Undo acts on the storyboard, not on a text field: take focus out of any field first.
  await browser.execute(() => document.activeElement?.blur());
  await browser.keys(["Control", "z"]);
  await browser.waitUntil(async () => (await board()).library.includes(moved), { timeout: 10000, timeoutMsg: "undo did not return the block" });
  await saved();
  assert.ok(!Object.values((await board()).sections).some((blocks) => blocks.includes(moved)));

  await browser.keys(["Control", "Shift", "z"]);
  await browser.waitUntil(async () => !(await board()).library.includes(moved), { timeout: 10000, timeoutMsg: "redo did not move the block again" });
  await saved();
  assert.deepEqual(await board(), expected);
});

test("after closing and starting the app again, the block is still there", async () => {
  await browser.deleteSession();
  browser = undefined;
  await startApp();
  // Compared as deepEqual does: an object's keys can come back through WebDriver in another order.
  const same = async () => {
    try {
      assert.deepEqual(await board(), expected);
      return true;
    } catch {
      return false;
    }
  };
  await browser.waitUntil(same, { timeout: 10000 }).catch(() => {});
  assert.deepEqual(await board(), expected);
  await browser.saveScreenshot(join(process.env.E2E_OUT, "edit-reopened.png"));
});
