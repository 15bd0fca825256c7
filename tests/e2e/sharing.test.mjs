// Two people, one file, in the real app: a project whose lock file says a colleague (on
// another computer, with a hostile name) has it open opens read-only, says who as plain
// text, leaves the file untouched; Edit Anyway takes it over and edits are saved again.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, openInApp } from "./support.mjs";

const dir = mkdtempSync(join(tmpdir(), "casewright-shared-drive-"));
const file = join(dir, "board case.casewright");
const lockFile = join(dir, ".~lock.board case.casewright#");
execFileSync(cli, ["new", file, "--sample"]);
const HOSTILE_USER = `<img src=x onerror="window.__xss=1">`;
const colleague = { user: HOSTILE_USER, host: "alex-laptop", pid: 4242, since: 1795000000 };
writeFileSync(lockFile, JSON.stringify(colleague));
const before_bytes = readFileSync(file);

let browser;

before(async () => {
  browser = await openInApp(file);
});

after(async () => {
  await browser?.deleteSession();
});

test("a project a colleague has open opens read-only, naming them as plain text", async () => {
  const banner = browser.$('[data-testid="read-only-banner"]');
  await banner.waitForDisplayed({ timeout: 20000 });
  const text = await browser.$('[data-testid="read-only-text"]').getProperty("textContent");
  assert.ok(text.includes(`${HOSTILE_USER} on alex-laptop has had this project open since`), text);
  assert.equal(await browser.execute(() => window.__xss ?? null), null);
  assert.equal(await browser.execute(() => document.querySelectorAll('img[src="x"]').length), 0);
  assert.match(await browser.getTitle(), /\(read-only\)/);
  // Adding a block is not offered, and the file is as it was.
  const addBenefit = await browser.$("#new-block-benefit");
  assert.equal(await addBenefit.isEnabled(), false);
  assert.deepEqual(readFileSync(file), before_bytes);
  assert.deepEqual(JSON.parse(readFileSync(lockFile, "utf8")), colleague, "their lock is left alone");
  await browser.saveScreenshot(join(process.env.E2E_OUT, "read-only.png"));
});

test("Edit Anyway takes the project over: the lock is ours and edits are saved", async () => {
  await browser.$("#read-only-edit-anyway").click();
  await browser.$("button=Edit Anyway").click();
  await browser.$('[data-testid="read-only-banner"]').waitForExist({ reverse: true, timeout: 10000 });
  const lock = JSON.parse(readFileSync(lockFile, "utf8"));
  assert.notEqual(lock.user, HOSTILE_USER);
  assert.notEqual(lock.pid, colleague.pid);
  const addBenefit = await browser.$("#new-block-benefit");
  await addBenefit.waitForEnabled({ timeout: 5000 });
  await addBenefit.click();
  await browser.waitUntil(
    () => {
      const shown = execFileSync(cli, ["show", file, "--format", "json"], { encoding: "utf8" });
      return JSON.parse(shown).library.some((b) => b.title === "New benefit");
    },
    { timeout: 10000, timeoutMsg: "the new block was saved to the file" },
  );
  assert.ok(existsSync(lockFile));
});
