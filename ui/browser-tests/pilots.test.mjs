// The Pilots view in Chromium: planning a pilot, the core's refusals beside the form, results
// typed, pasted and imported, the report with its chart, and using a win in the storyboard.
// Over the real core (crates/test-server), which judges the pilots: these tests compare what the
// page shows with what the core returned, never with numbers of their own.
// Screenshots go to $UI_SHOTS (default /tmp/ui-shots).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { samplePilotReset } from "./fixtures.mjs";
import { board, coreProject, edits, launch, openHarness, serveHarness, settled, shot, shownBoard, startCore } from "./support.mjs";

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

/** Opens the Pilots view (the sample pilot selected) once its report shows. */
async function openPilots(options) {
  const { page, errors } = await openHarness(browser, server.url, { core, reset: samplePilotReset(), ...options });
  await page.getByRole("tab", { name: /^Pilots/ }).click();
  await page.getByTestId("pilot-editor").waitFor();
  await page.getByTestId("pilot-report").getByTestId("verdict").waitFor();
  return { page, errors, editor: page.getByTestId("pilot-editor"), report: page.getByTestId("pilot-report") };
}

/** The reports as the core judges the project now (asked by the test, not the page). */
const coreReports = () => core.invoke("pilot_reports");

/** Pastes text into an element as a spreadsheet's copy would arrive. */
function paste(locator, text) {
  return locator.evaluate((element, data) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData("text/plain", data);
    element.focus();
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData, bubbles: true, cancelable: true }));
  }, text);
}

/** Waits until the project in the core's last reply has pilots that satisfy `check` (run in the page). */
function coreHas(page, check, arg) {
  return page.waitForFunction(([source, value]) => new Function("pilots", "arg", `return (${source})(pilots, arg)`)(window.harness.project().pilots, value), [check.toString(), arg]);
}

const criterionGroup = (editor, index) => editor.getByTestId("criterion").nth(index);

test("the Pilots tab shows the list, the planner and the report; the storyboard is one click back", async () => {
  const { page, errors, editor, report } = await openPilots();
  assert.equal(await page.getByRole("tab", { name: /^Pilots/ }).getAttribute("aria-selected"), "true");
  assert.equal(await page.getByTestId("storyboard").count(), 0);
  assert.equal(await page.getByTestId("pilot-item").count(), 1);
  assert.equal(await editor.getByLabel("Name").inputValue(), "Ask-the-floor at Plant 2");
  const [judged] = await coreReports(page);
  assert.equal((await report.getByTestId("pilot-summary").textContent()).trim(), judged.summary);
  assert.equal(await report.getByTestId("verdict").getAttribute("data-verdict"), judged.verdict);
  await shot(page, "pilots-overview.png");

  // Arrow keys move between the views, as tabs do.
  await page.getByRole("tab", { name: /^Pilots/ }).focus();
  await page.keyboard.press("ArrowLeft");
  await page.getByTestId("storyboard").waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), "view-storyboard");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a new pilot with a success criterion is saved as typed, without an edit per keystroke", async () => {
  const { page, errors, editor } = await openPilots({ delay: 60 });
  await page.getByRole("button", { name: "New pilot" }).click();
  await settled(page, 1);
  const [add] = await edits(page);
  assert.equal(add.op, "addPilot");
  // The new pilot is selected, its name ready to type over.
  await page.waitForFunction(() => document.activeElement?.getAttribute("name") === "name");
  await page.keyboard.type("Night shift at Plant 3");
  // Leaving the name sends it; typing the team sends nothing until a pause.
  await editor.getByLabel("Team or unit").focus();
  await settled(page, 2);
  await editor.getByLabel("Team or unit").pressSequentially("Plant 3 night crews", { delay: 20 });
  await page.waitForTimeout(200);
  assert.equal((await edits(page)).length, 2, "no edit per keystroke");
  await editor.getByLabel("People taking part").fill("24");
  await editor.getByLabel("Starts").fill("2027-01-11");
  await editor.getByLabel("Ends").fill("2027-03-26");
  await editor.getByLabel("Why here").fill("The night crews asked for it, and their supervisor runs the ideas board.");

  await editor.getByRole("button", { name: "Add success criterion" }).click();
  await page.waitForFunction(() => document.activeElement?.getAttribute("name") === "metric");
  const criterion = criterionGroup(editor, 0);
  await page.keyboard.type("Ideas logged per week");
  await criterion.getByLabel("Unit").fill("ideas");
  await criterion.getByLabel("Baseline", { exact: true }).fill("2");
  await criterion.getByLabel("Target", { exact: true }).fill("5");
  await criterion.getByLabel("How it is measured").fill("Count on the ideas board, every Friday");
  await criterion.getByLabel("How it is measured").blur();

  await coreHas(page, (pilots) => pilots[1]?.criteria[0]?.measure === "Count on the ideas board, every Friday");
  await settled(page, (await edits(page)).length);
  const saved = (await coreProject(page)).pilots[1];
  assert.equal(saved.name, "Night shift at Plant 3");
  assert.equal(saved.team, "Plant 3 night crews");
  assert.equal(saved.headcount, 24);
  assert.deepEqual([saved.start, saved.end, saved.resultsUntil], ["2027-01-11", "2027-03-26", null]);
  assert.deepEqual(
    saved.criteria.map(({ metric, unit, direction, baseline, target, results }) => ({ metric, unit, direction, baseline, target, results })),
    [{ metric: "Ideas logged per week", unit: "ideas", direction: "higher", baseline: 2, target: 5, results: { design: "independent", pilot: [], comparison: [] } }],
  );
  assert.ok(saved.criteria[0].id > 0, "the core gave the criterion its id");
  // Each field is sent when it is left (or after a pause), never half-typed.
  const updates = (await edits(page)).filter((e) => e.op === "updatePilot");
  assert.deepEqual([...new Set(updates.map((e) => e.pilot.team))], ["", "Plant 3 night crews"]);
  assert.deepEqual([...new Set(updates.map((e) => e.pilot.criteria[0]?.metric).filter(Boolean))], ["Ideas logged per week"]);
  // The list shows it, and its report has nothing to judge yet.
  await page.getByTestId("pilot-item").filter({ hasText: "Night shift at Plant 3" }).waitFor();
  await page.getByTestId("pilot-report").getByText("Record the pilot's results first", { exact: false }).waitFor();
  assert.equal(await page.getByTestId("leverage").isDisabled(), true);
  await editor.evaluate((el) => el.closest(".planner").scrollTo(0, 0));
  await shot(page, "pilots-planner.png");

  // Undo takes the steps back, the whole pilot last.
  await page.getByRole("heading", { name: "Night shift at Plant 3" }).click();
  const count = (await coreProject(page)).pilots.length;
  for (let i = 0; i < (await edits(page)).length; i++) await page.keyboard.press("Control+z");
  await page.waitForFunction((n) => window.harness.project().pilots.length === n - 1, count);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="pilot-item"]').length === 1);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a target on the wrong side of the baseline shows the core's reason beside the form, and keeps what was typed", async () => {
  const { page, errors, editor } = await openPilots();
  const criterion = criterionGroup(editor, 0);
  const target = criterion.getByLabel("Target", { exact: true });
  await target.fill("25");
  await target.blur();
  const refusal = editor.getByTestId("pilot-refusal");
  await refusal.waitFor();
  const text = (await refusal.textContent()).replace(/\s+/g, " ");
  assert.match(text, /Not saved: success criterion “Days to resolve an escalated problem”: the target of 25 is not below the baseline of 19 although lower is better/);
  assert.equal(await target.inputValue(), "25", "the form keeps what was typed");
  assert.equal((await coreProject(page)).pilots[0].criteria[0].target, 12, "the core kept its plan");
  await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]').textContent.includes("Not saved"));
  // Shown where it happened, not in the banner as well.
  assert.equal(await page.locator('[role="alert"]').count(), 1);
  await refusal.scrollIntoViewIfNeeded();
  await shot(page, "pilots-refusal.png");

  // Leaving and coming back does not send the refused plan again.
  const sent = (await edits(page)).length;
  await target.focus();
  await target.blur();
  await page.waitForTimeout(700);
  assert.equal((await edits(page)).length, sent);

  await target.fill("10");
  await target.blur();
  await coreHas(page, (pilots) => pilots[0].criteria[0].target === 10);
  await refusal.waitFor({ state: "detached" });
  await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]').textContent.includes("All changes saved"));
  assert.deepEqual(errors, []);
  await page.close();
});

test("results pasted from a spreadsheet are saved and judged: the report's words and its chart come from the core", async () => {
  const { page, errors, editor, report } = await openPilots();
  const criterion = criterionGroup(editor, 2);
  await criterion.scrollIntoViewIfNeeded();
  const grid = criterion.getByTestId("results-grid");
  assert.deepEqual(await grid.locator("thead th").allTextContents().then((t) => t.map((s) => s.trim())), ["Row", "Before (0)", "After (0)", "Remove"]);
  // Two columns copied from a spreadsheet, pasted into the first cell.
  const before = [3.5, 4, 2.5, 5, 3, 4.5, 3.5, 4, 3, 5.5, 4, 3.5];
  const afterValues = [2, 2.5, 1.5, 3, 2, 2.5, 2, 1.5, 2, 3, 2.5, 2];
  await paste(grid.getByLabel("Before, row 1", { exact: true }), before.map((b, i) => `${b}\t${afterValues[i]}`).join("\r\n") + "\r\n");
  assert.equal(await grid.locator("tbody tr").count(), 12);
  assert.equal(await grid.getByLabel("After, row 12", { exact: true }).inputValue(), "2");
  // One more row typed, Enter moving down a row as in a spreadsheet.
  await grid.getByLabel("Before, row 12", { exact: true }).click();
  await page.keyboard.press("Enter");
  await page.keyboard.type("4");
  await page.keyboard.press("Tab");
  await page.keyboard.type("2.5");
  await grid.getByLabel("After, row 13", { exact: true }).blur();

  await coreHas(page, (pilots) => pilots[0].criteria[2].results.pairs.length === 13);
  assert.deepEqual((await coreProject(page)).pilots[0].criteria[2].results.pairs, [...before.map((b, i) => [b, afterValues[i]]), [4, 2.5]]);

  // The report of that criterion, as the core judged it.
  const judged = (await coreReports(page))[0].criteria.find((c) => c.criterion === 3);
  const section = report.locator('[data-testid="criterion-report"][data-criterion="3"]');
  await section.getByTestId("pilot-chart").waitFor();
  const words = (await section.getByTestId("criterion-words").locator("li").allTextContents()).map((t) => t.trim());
  assert.match(words[0], /^After [\d.]+ hours vs before [\d.]+ hours \(13 people or units measured twice\)$/);
  assert.ok(words.some((w) => w.startsWith("95% interval: −")), `the interval in words: ${words}`);
  assert.ok(words.some((w) => w.startsWith("Effect size: ") && w.includes("Cohen's dz")));
  assert.equal(words.at(-1), `Target 2 hours: ${judged.result.target_met ? "met" : "not met"}`);
  assert.equal(await section.getByTestId("criterion-won").textContent(), judged.won ? "Won" : "Not won");
  const warnings = await section.getByTestId("criterion-warnings").locator("li").evaluateAll((items) => items.map((li) => li.dataset.code));
  assert.deepEqual(warnings, judged.result.warnings.map((w) => w.code));

  // The chart is the core's model, drawn: bars from zero to each share, whiskers, target line.
  const drawn = await section.getByTestId("pilot-chart").locator("svg").evaluate((svg) => {
    const plot = { left: 6, width: 320 - 6 - 10 };
    const at = (x) => Math.round(((Number(x) - plot.left) / plot.width) * 1000) / 1000;
    return {
      bars: Array.from(svg.querySelectorAll('[data-testid="interval-bar"]')).map((g) => {
        const rect = g.querySelector("rect");
        const caps = Array.from(g.querySelectorAll('[data-testid="whisker"] line')).slice(1);
        return { label: g.dataset.label, start: at(rect.getAttribute("x")), end: at(Number(rect.getAttribute("x")) + Number(rect.getAttribute("width"))), whisker: caps.map((l) => at(l.getAttribute("x1"))) };
      }),
      target: at(svg.querySelector('[data-testid="target-line"] line').getAttribute("x1")),
      dashed: getComputedStyle(svg.querySelector('[data-testid="target-line"] line')).strokeDasharray,
      captions: Array.from(svg.querySelectorAll('[data-testid="bar-caption"]')).map((t) => t.textContent),
    };
  });
  const round = (v) => Math.round(v * 1000) / 1000;
  assert.deepEqual(
    drawn.bars,
    judged.chart.bars.map((bar) => ({ label: bar.label, start: 0, end: round(bar.share), whisker: [round(bar.lowShare), round(bar.highShare)] })),
  );
  assert.equal(drawn.target, round(judged.chart.targetShare));
  assert.notEqual(drawn.dashed, "none");
  assert.deepEqual(
    drawn.captions.map((c) => c.split(" ")[0]),
    judged.chart.bars.map((b) => b.label),
  );
  await criterion.getByTestId("criterion-results").scrollIntoViewIfNeeded();
  await shot(criterion.getByTestId("criterion-results"), "pilots-results-grid.png");
  await section.scrollIntoViewIfNeeded();
  await shot(report, "pilots-report-chart.png");
  await shot(page, "pilots-results.png");
  assert.deepEqual(errors, []);
  await page.close();
});

test("Import CSV… reads the spreadsheet for the criterion's design and picks the metric named like it", async () => {
  const { page, errors, editor } = await openPilots();
  // A paired spreadsheet of three metrics; one "after" cell left empty (a missing observation).
  const hours = "hours a week spent searching for answers";
  await writeFile(
    join(core.run.dir, "results.csv"),
    `metric,subject,before,after\nIdeas per engineer,a,1,2\nIdeas per engineer,b,0,1\n${hours},a,4,2\n${hours},b,3.5,2.5\n${hours},c,5,3\n${hours},d,6,\nEscalations,a,9,7\n`,
  );
  await core.dialog("results.csv");
  const metrics = [{}, { results: { design: "paired", pairs: [[4, 2], [3.5, 2.5], [5, 3]] } }];
  const criterion = criterionGroup(editor, 2);
  await criterion.getByRole("button", { name: "Import CSV…" }).click();
  const chooser = criterion.getByTestId("import-chooser");
  await chooser.waitFor();
  assert.deepEqual(await page.evaluate(() => window.harness.resultsDialogs()), ["paired"]);
  const select = chooser.getByRole("combobox");
  assert.equal(await select.evaluate((el) => el.selectedOptions[0].textContent), "hours a week spent searching for answers");
  assert.match(await chooser.textContent(), /3 before-and-after pairs \(1 empty cell left out\)/);
  await criterion.getByTestId("criterion-results").scrollIntoViewIfNeeded();
  await shot(criterion.getByTestId("criterion-results"), "pilots-import-chooser.png");
  await chooser.getByRole("button", { name: "Import", exact: true }).click();

  await coreHas(page, (pilots) => pilots[0].criteria[2].results.pairs.length === 3);
  assert.deepEqual((await coreProject(page)).pilots[0].criteria[2].results, metrics[1].results);
  const grid = criterion.getByTestId("results-grid");
  assert.equal(await grid.getByLabel("After, row 3", { exact: true }).inputValue(), "3");
  assert.match(await page.locator('footer [role="status"]').textContent(), /Imported 3 before-and-after pairs \(1 empty cell left out\) from “hours a week spent searching for answers”/);

  // Ctrl+Z puts the old results (none) back.
  await page.getByRole("heading", { name: "Ask-the-floor at Plant 2" }).click();
  await page.keyboard.press("Control+z");
  await coreHas(page, (pilots) => pilots[0].criteria[2].results.pairs.length === 0);
  await page.waitForFunction(() => !document.querySelectorAll('[data-testid="criterion"]')[2].querySelector('input[aria-label="After, row 3"]'));

  // A cancelled dialog changes nothing.
  const sent = (await edits(page)).length;
  await core.dialog(null);
  await criterion.getByRole("button", { name: "Import CSV…" }).click();
  await page.waitForFunction(() => window.harness.resultsDialogs().length === 2);
  await page.waitForTimeout(100);
  assert.equal((await edits(page)).length, sent);
  assert.equal(await criterion.getByTestId("import-chooser").count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a spreadsheet with bad lines is refused with every line listed, and nothing changes", async () => {
  const { page, errors, editor } = await openPilots();
  // Three bad lines (an empty cell is not one: it is a missing observation, left out).
  const m = "Days to resolve an escalated problem";
  await writeFile(
    join(core.run.dir, "bad.csv"),
    `metric,group,value\n${m},pilot,9\n${m},pilot,twelve\n${m},pilot,10\n${m},comparison,18\n${m},comparison,20\n${m},pliot,11\n${m},comparison,19\n${m},pilot,-\n`,
  );
  await core.dialog("bad.csv");
  // As the core words them (crates/core/src/pilot/table.rs).
  const problems = [
    'line 3, column value: "twelve" is not a number (write it like 12.5, without separators or units)',
    'line 7, column group: "pliot" is not a group; write pilot or comparison',
    'line 9, column value: "-" is not a number (write it like 12.5, without separators or units)',
  ];
  const before = await coreProject(page);
  const criterion = criterionGroup(editor, 0);
  await criterion.getByRole("button", { name: "Import CSV…" }).click();
  const alert = criterion.getByTestId("import-problems");
  await alert.waitFor();
  assert.deepEqual(await page.evaluate(() => window.harness.resultsDialogs()), ["independent"]);
  assert.deepEqual((await alert.locator("li").allTextContents()).map((t) => t.trim()), problems);
  assert.match(await alert.textContent(), /not imported; nothing changed/);
  assert.deepEqual(await edits(page), []);
  assert.deepEqual(await coreProject(page), before);
  await criterion.getByTestId("criterion-results").scrollIntoViewIfNeeded();
  await shot(criterion.getByTestId("criterion-results"), "pilots-csv-errors.png");
  await alert.getByRole("button", { name: "Dismiss" }).click();
  await alert.waitFor({ state: "detached" });
  assert.deepEqual(errors, []);
  await page.close();
});

test("a win used in the storyboard adds its blocks to the results section as one step; Ctrl+Z takes them back", async () => {
  const { page, errors, report } = await openPilots();
  await page.getByRole("tab", { name: "Storyboard" }).click();
  await page.getByTestId("storyboard").waitFor();
  const boardBefore = await shownBoard(page);
  const projectBefore = await coreProject(page);
  await page.getByRole("tab", { name: /^Pilots/ }).click();
  await report.getByTestId("verdict").waitFor();
  assert.equal(await report.getByTestId("verdict").getAttribute("data-verdict"), "win");

  await report.getByTestId("leverage").click();
  const note = report.getByTestId("leverage-note");
  await note.waitFor();
  const results = (await coreProject(page)).sections.find((s) => s.title === "Results and the ask");
  const added = results.blocks.slice(projectBefore.sections.find((s) => s.title === "Results and the ask").blocks.length);
  assert.deepEqual(
    added.map((b) => b.kind),
    ["story", "metric", "metric", "benefit"],
  );
  assert.equal((await note.locator("p").textContent()).trim(), "Added a story, 2 metrics and an ask to “Results and the ask”. Ctrl+Z takes them back.");
  assert.equal((await page.locator('footer [role="status"]').textContent()).trim(), "Added a story, 2 metrics and an ask to “Results and the ask”. Ctrl+Z takes them back.");
  await shot(report, "pilots-leverage-done.png");

  // "Show in the storyboard": the story, selected, in the results section.
  await note.getByRole("button", { name: "Show in the storyboard" }).click();
  await page.getByTestId("storyboard").waitFor();
  const shown = await shownBoard(page);
  assert.deepEqual(shown.sections["Results and the ask"], [...boardBefore.sections["Results and the ask"], ...added.map((b) => b.title)]);
  assert.equal(await page.getByTestId("inspector").getByLabel("Title").inputValue(), added[0].title);
  await shot(page, "pilots-leverage-storyboard.png");

  // One undo takes all of them back.
  await page.getByTestId("storyboard").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Control+z");
  await page.waitForFunction(() => window.harness.core.calls.includes("undo"));
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="block"]').length === n, Object.values(boardBefore.sections).flat().length + boardBefore.library.length);
  assert.deepEqual(await board(page), boardBefore);
  assert.deepEqual(await coreProject(page), projectBefore);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a weak pilot cannot be used as a win: the button is off with the reason, and the core's refusal is shown as given", async () => {
  // The core takes a moment to answer, as when the press comes before the report has caught up.
  const { page, errors, editor, report } = await openPilots({ delay: 150 });
  // Down to one criterion, still a win.
  await criterionGroup(editor, 1).getByRole("button", { name: /^Remove “/ }).click();
  await coreHas(page, (pilots) => pilots[0].criteria.length === 2);
  await page.waitForFunction(() => !document.querySelector('[data-testid="pilot-report"] [data-criterion="2"]'));
  assert.equal(await report.getByTestId("verdict").getAttribute("data-verdict"), "win");
  const blocks = (await coreProject(page)).sections.flatMap((s) => s.blocks).length;

  // The pilot's days, pasted over with the comparison's own spread: no difference any more.
  // "Use this win" is pressed before the pause that would save them: the press saves them
  // first, and the core, judging what was saved, refuses.
  const grid = criterionGroup(editor, 0).getByTestId("results-grid");
  await paste(grid.getByLabel("Pilot, row 1", { exact: true }), "18\n22\n17\n20\n19\n24\n16\n21\n18\n20\n23\n17\n19\n22");
  await report.getByTestId("leverage").click();
  const refusal = report.getByTestId("leverage-refusal");
  await refusal.waitFor();
  const text = (await refusal.textContent()).replace(/\s+/g, " ").trim();
  assert.match(text, /^The storyboard was not changed\. Not a win yet: the success criterion has not met its target with an interval that leaves no doubt\. Say so, and say what you learned\. The storyboard was left as it was\.$/);
  assert.equal((await coreProject(page)).sections.flatMap((s) => s.blocks).length, blocks);
  assert.deepEqual(
    (await edits(page)).map((e) => e.op),
    ["updatePilot", "updatePilot"],
  );
  // A refusal to leverage is an answer, not a failed save.
  await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]').textContent.includes("All changes saved"));

  // The report catches up: weak, and the button off with the reason.
  await page.waitForFunction(() => document.querySelector('[data-testid="pilot-report"] [data-testid="verdict"]')?.dataset.verdict === "weak");
  assert.equal(await report.getByTestId("leverage").isDisabled(), true);
  await report.evaluate((el) => el.scrollTo(0, 0));
  await shot(page, "pilots-weak-refusal.png");
  // Once the project changes again, the refusal gives way to the reason the button is off.
  const hypothesis = editor.getByLabel("Hypothesis");
  await hypothesis.fill("Questions put to the whole floor find the person who solved the problem before.");
  await hypothesis.blur();
  await refusal.waitFor({ state: "detached" });
  assert.match(await report.getByTestId("leverage-why").textContent(), /no win to build on/);
  assert.equal(await report.getByTestId("leverage").getAttribute("aria-describedby"), "leverage-why");
  const [judged] = await coreReports(page);
  assert.equal((await report.getByTestId("pilot-summary").textContent()).trim(), judged.summary);
  assert.equal(await page.getByTestId("pilot-item").getByTestId("verdict").getAttribute("data-verdict"), "weak");
  await shot(page, "pilots-weak.png");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a project without pilots says what a pilot is for, and plans one from there", async () => {
  // The bundled sample plans a pilot in its storyboard but has none in its Pilots view.
  const { page, errors } = await openHarness(browser, server.url, { core });
  await page.getByRole("tab", { name: "Pilots" }).click();
  await page.getByRole("heading", { name: "No pilots yet" }).waitFor();
  assert.equal(await page.getByTestId("pilot-count").count(), 0);
  await shot(page, "pilots-empty.png");
  await page.getByRole("button", { name: "Plan a pilot" }).click();
  await page.getByTestId("pilot-editor").waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute("name") === "name");
  assert.equal(await page.evaluate(() => window.getSelection()?.toString() || document.activeElement.value.slice(document.activeElement.selectionStart, document.activeElement.selectionEnd)), "New pilot");
  assert.deepEqual((await edits(page)).map((e) => e.op), ["addPilot"]);
  assert.equal(await page.getByTestId("pilot-count").textContent(), "1");
  assert.deepEqual(errors, []);
  await page.close();
});
