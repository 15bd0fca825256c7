// The framing coach in the real app: a block that talks about a tool gets advice in the
// Coach tab and an underline in the editor; one click applies the fix (saved to the file),
// and Ctrl+Z takes it back.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, openInApp } from "./support.mjs";

const dir = mkdtempSync(join(tmpdir(), "casewright-e2e-coach-"));
const sample = JSON.parse(
  readFileSync(new URL("../../assets/sample/social-collaboration.json", import.meta.url), "utf8"),
);
const TOOL_TALK = "Next year we will roll out social media to every plant.";
sample.sections[1].blocks[0].body = TOOL_TALK;
const title = sample.sections[1].blocks[0].title;
writeFileSync(join(dir, "case.json"), JSON.stringify(sample));
const projectFile = join(dir, "Coached.casewright");
execFileSync(cli, ["new", projectFile, "--from", join(dir, "case.json")]);

let browser;

after(async () => {
  await browser?.deleteSession();
});

/** The body text the storyboard card of our block shows, as saved in the file. */
const savedBody = () => JSON.parse(execFileSync(cli, ["show", projectFile, "--format", "json"], { encoding: "utf8" })).sections[1].blocks[0].body;

const cardBody = () =>
  browser.execute((blockTitle) => {
    const card = Array.from(document.querySelectorAll('[data-testid="storyboard"] [data-testid="block"]')).find(
      (c) => c.querySelector('[data-testid="block-title"]').textContent.trim() === blockTitle,
    );
    return card?.textContent ?? "";
  }, title);

test("the Coach tab flags tool-talk and one click applies the fix, saved at once", async () => {
  browser = await openInApp(projectFile);

  await browser.$("#tab-coach").click();
  const finding = browser.$('[data-testid="finding"][data-rule="outcomes.tool-talk.social-media"]');
  await finding.waitForExist({ timeout: 10000 });
  const context = await finding.$('[data-testid="finding-context"] mark').getProperty("textContent");
  assert.equal(context, "social media");
  await browser.saveScreenshot(join(process.env.E2E_OUT, "coach-tab.png"));

  const fix = finding.$('[data-testid="fix"]');
  const label = (await fix.getProperty("textContent")).trim();
  const replacement = label.match(/“(.+)”/)[1];
  await fix.click();
  const fixed = TOOL_TALK.replace("social media", replacement);
  await browser.waitUntil(async () => (await cardBody()).includes(replacement), {
    timeout: 10000,
    timeoutMsg: "the card never showed the fix",
  });
  assert.ok(!(await cardBody()).includes("social media"));
  assert.equal(savedBody(), fixed, "the fix is in the file at once");
});

test("Ctrl+Z takes the fix back, in the window and in the file", async () => {
  await browser.execute(() => document.activeElement?.blur());
  await browser.keys(["Control", "z"]);
  await browser.waitUntil(async () => (await cardBody()).includes("social media"), {
    timeout: 10000,
    timeoutMsg: "undo did not bring the words back",
  });
  await browser.waitUntil(() => savedBody() === TOOL_TALK, { timeout: 10000, timeoutMsg: "the file kept the fix" });
});

test("the editor underlines the flagged words", async () => {
  // Advice opens the block in the inspector, with the words marked in its field.
  await browser.$("#tab-coach").click();
  const finding = browser.$('[data-testid="finding"][data-rule="outcomes.tool-talk.social-media"]');
  await finding.waitForExist({ timeout: 10000 });
  await finding.$('[data-testid="finding-context"]').click();
  const mark = browser.$('[data-testid="inspector"] [data-testid="mirror"] mark[data-rules~="outcomes.tool-talk.social-media"]');
  await mark.waitForExist({ timeout: 10000 });
  assert.equal(await mark.getProperty("textContent"), "social media");
  await browser.saveScreenshot(join(process.env.E2E_OUT, "coach-underline.png"));
});
