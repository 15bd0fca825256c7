// Started with a file that is not a project (as when one is double-clicked), the app says
// why in the window and shows the sample instead of failing to start.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchApp } from "./support.mjs";

const dir = mkdtempSync(join(tmpdir(), "casewright-e2e-"));
const notAProject = join(dir, "minutes.casewright");
const original = "Minutes of the March board meeting.\n".repeat(40);
writeFileSync(notAProject, original);

let browser;

before(async () => {
  browser = await launchApp([notAProject]);
});

after(async () => {
  await browser?.deleteSession();
});

test("a file that is not a project is refused with a reason, untouched", async () => {
  const alert = browser.$('[role="alert"]');
  await alert.waitForDisplayed({ timeout: 20000 });
  const text = await alert.getText();
  assert.match(text, /Could not open the file you chose/);
  assert.match(text, /minutes\.casewright is not a Casewright project/);

  const title = await browser.$('[data-testid="project-title"]').getProperty("textContent");
  const sample = JSON.parse(
    readFileSync(new URL("../../assets/sample/social-collaboration.json", import.meta.url), "utf8"),
  );
  assert.equal(title.trim(), sample.title);
  assert.equal(readFileSync(notAProject, "utf8"), original);
  await browser.saveScreenshot(join(process.env.E2E_OUT, "startup-refused.png"));
});
