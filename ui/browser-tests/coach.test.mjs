// The live coaching UI in Chromium on the real core's coach (crates/test-server), over a first
// draft of the sample (fixtures.mjs `firstDraft`): the Coach tab, one-click fixes and undo,
// dismissing, the checklist's evidence, and underlines that sit exactly under the flagged words of
// the textarea. What the coach should say is read from the core's own report (`coach_report`,
// `coach_block`), never assumed. Screenshots go to $UI_SHOTS (default /tmp/ui-shots).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { firstDraftReset } from "./fixtures.mjs";
import { board, coreProject, edits, launch, openHarness, serveHarness, settled, shot, startCore } from "./support.mjs";

let server;
let browser;
let core;
/** The reset to the first draft. */
let draft;

before(async () => {
  server = await serveHarness();
  core = await startCore();
  draft = await firstDraftReset(core);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await core?.stop();
});

/** The page on the first draft (or on `reset`), and the core's report on it as the page opens. */
async function open(options = {}) {
  const opened = await openHarness(browser, server.url, { core, reset: draft, ...options });
  return { ...opened, report: await core.invoke("coach_report") };
}

const LEVELS = ["suggestion", "warning", "error"];
const worstOf = (findings) => findings.reduce((worst, f) => (LEVELS.indexOf(f.level) > LEVELS.indexOf(worst) ? f.level : worst), "suggestion");
const adviceCount = (n) => `${n} ${n === 1 ? "piece" : "pieces"} of advice`;
/** The core's finding of `rule` on the block `blockId` (the only one, or the one on `excerpt`). */
function findingOf(report, rule, blockId, excerpt = null) {
  const found = report.findings.filter((f) => f.rule === rule && f.blockId === blockId && (excerpt === null || f.excerpt === excerpt));
  assert.equal(found.length, 1, `the core has one ${rule} on block ${blockId}${excerpt ? ` on “${excerpt}”` : ""}: ${JSON.stringify(found)}`);
  return found[0];
}

const coachTab = (page) => page.getByRole("tab", { name: /^Coach/ });
const panel = (page) => page.getByTestId("coach");
const groupTitles = (page) => panel(page).getByTestId("group-title").allTextContents();
const openRows = (page, rule) => panel(page).locator(`[data-testid="finding-group"] [data-testid="finding"][data-rule="${rule}"]`);
const titleOf = (project, blockId) => project.sections.flatMap((s) => s.blocks).find((b) => b.id === blockId).title;
const cardOf = (page, title) => page.locator('[data-testid="block"]', { has: page.getByTestId("block-title").getByText(title, { exact: true }) });

async function openCoach(page) {
  await coachTab(page).click();
  await panel(page).getByTestId("finding").first().waitFor();
}

/**
 * Each underline of a field, checked against the textarea's own rendering: the character the
 * textarea has under the mark's first and last pixel (caretPositionFromPoint answers with the
 * textarea and an offset in its value), and where the same characters fall in a copy of the
 * textarea laid out from its computed style (Range.getBoundingClientRect), not the mirror's CSS.
 */
function underlines(page, field) {
  return page.evaluate((name) => {
    const textarea = document.querySelector(`[data-testid="inspector"] textarea[name="${name}"]`);
    const style = getComputedStyle(textarea);
    const box = textarea.getBoundingClientRect();
    const copy = document.createElement("div");
    for (const property of [
      "fontFamily", "fontSize", "fontWeight", "fontStyle", "fontKerning", "fontFeatureSettings", "lineHeight", "letterSpacing",
      "wordSpacing", "tabSize", "textIndent", "textTransform", "whiteSpace", "overflowWrap", "wordBreak", "boxSizing",
      "paddingTop", "paddingRight", "paddingBottom", "paddingLeft", "borderTopWidth", "borderRightWidth", "borderBottomWidth", "borderLeftWidth",
    ]) {
      copy.style[property] = style[property];
    }
    Object.assign(copy.style, {
      position: "fixed",
      left: `${box.left}px`,
      top: `${box.top - textarea.scrollTop}px`,
      // The textarea's width less its scrollbar: where its text wraps.
      width: `${textarea.clientWidth + parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth)}px`,
      borderStyle: "solid",
      borderColor: "transparent",
      color: "transparent",
      visibility: "hidden",
    });
    copy.textContent = textarea.value;
    document.body.append(copy);
    const caret = (x, y) => {
      const position = document.caretPositionFromPoint(x, y);
      return position?.offsetNode === textarea ? position.offset : null;
    };
    const mid = (rect) => (rect.top + rect.bottom) / 2;
    const result = Array.from(textarea.parentElement.querySelectorAll("mark")).map((mark) => {
      const start = Number(mark.dataset.start);
      const end = Number(mark.dataset.end);
      const rects = Array.from(mark.getClientRects());
      const [first, last] = [rects[0], rects[rects.length - 1]];
      const range = document.createRange();
      range.setStart(copy.firstChild, start);
      range.setEnd(copy.firstChild, end);
      const expected = Array.from(range.getClientRects());
      const visible = mid(first) > box.top && mid(last) < box.bottom;
      // Lines: a range gives a box per text run (a space at a line break is one), a mark one per line.
      const lines = (list) => new Set(list.filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      return {
        text: mark.textContent,
        value: textarea.value.slice(start, end),
        start,
        end,
        visible,
        caretAtStart: visible ? caret(first.left + 1, mid(first)) : null,
        caretAtEnd: visible ? caret(last.right - 1, mid(last)) : null,
        mark: { left: first.left, top: first.top, right: last.right, bottom: last.bottom, lines: lines(rects) },
        range: { left: expected[0].left, top: expected[0].top, right: expected.at(-1).right, bottom: expected.at(-1).bottom, lines: lines(expected) },
      };
    });
    copy.remove();
    return result;
  }, field);
}

function assertAligned(found) {
  for (const u of found) {
    assert.equal(u.text, u.value, `the mark reads “${u.value}”`);
    assert.equal(u.mark.lines, u.range.lines, `“${u.text}” wraps as the text does`);
    for (const side of ["left", "top", "right", "bottom"]) {
      assert.ok(Math.abs(u.mark[side] - u.range[side]) <= 1, `“${u.text}”: ${side} ${u.mark[side]} vs the text's ${u.range[side]}`);
    }
    if (u.visible) {
      assert.equal(u.caretAtStart, u.start, `the textarea has “${u.text}” starting under the mark's first pixel`);
      assert.equal(u.caretAtEnd, u.end, `the textarea has “${u.text}” ending under the mark's last pixel`);
    }
  }
}

test("the Coach tab: the score, its checklist and the advice, grouped in storyboard order", async () => {
  const { page, errors, report } = await open();
  const project = await coreProject(page);
  // A count on the tab, coloured by the worst advice (no ask: an error).
  assert.ok(report.findings.some((f) => f.rule === "outcomes.structure.ask" && f.level === "error"), "the core misses the ask");
  assert.match(await coachTab(page).getByTestId("coach-count").textContent(), new RegExp(`^${report.findings.length}`));
  assert.equal(await coachTab(page).getByTestId("coach-count").getAttribute("data-level"), worstOf(report.findings));
  // The card with the most advice says how much.
  const platform = project.sections[1].blocks[2];
  const onPlatform = report.findings.filter((f) => f.blockId === platform.id);
  assert.ok(onPlatform.length > 1, "the tool-first headline has several pieces of advice");
  assert.equal(await cardOf(page, platform.title).getByTestId("advice-badge").textContent(), adviceCount(onPlatform.length));
  assert.equal(await cardOf(page, platform.title).getByTestId("advice-badge").getAttribute("data-level"), worstOf(onPlatform));

  // Keyboard: the tab list is one tab stop; the arrow key moves to the Coach tab and shows it.
  await page.getByRole("tab", { name: "Inspector" }).focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await coachTab(page).getAttribute("aria-selected"), "true");
  assert.equal(await coachTab(page).evaluate((el) => el === document.activeElement), true);
  await panel(page).getByTestId("finding").first().waitFor();

  assert.equal((await panel(page).getByTestId("readiness-score").textContent()).trim(), String(report.score));
  const titles = await groupTitles(page);
  assert.equal(titles[0], "Whole storyboard");
  const order = Object.keys((await board(page)).sections);
  assert.deepEqual(titles.slice(1), order.filter((name) => titles.includes(name)), "sections in storyboard order");
  const advised = new Set(report.findings.filter((f) => f.section !== null).map((f) => project.sections[f.section].title));
  assert.deepEqual(titles.slice(1), order.filter((name) => advised.has(name)), "a group for each section the core has advice on");
  await shot(page, "coach-panel.png");

  await panel(page).getByRole("group", { name: "Show advice of one level" }).getByRole("button", { name: /^Warnings/ }).click();
  const levels = await panel(page).locator('[data-testid="finding-group"] [data-testid="finding"]').evaluateAll((rows) => rows.map((r) => r.dataset.level));
  assert.equal(levels.length, report.findings.filter((f) => f.level === "warning").length);
  assert.ok(levels.length > 0 && levels.every((level) => level === "warning"));
  assert.deepEqual(errors, []);
  await page.close();
});

test("a fix in one click: the text changes and the advice goes; Ctrl+Z brings both back", async () => {
  const { page, errors, report } = await open();
  await openCoach(page);
  const { id: blockId, title, body } = (await coreProject(page)).sections[0].blocks[0];
  const finding = findingOf(report, "outcomes.tool-talk.social-media", blockId);
  const [fix] = finding.fixes;
  assert.ok(fix, "the core offers a rewrite");
  const social = openRows(page, finding.rule).filter({ hasText: title });
  await social.getByRole("button", { name: new RegExp(`^Use “${fix.replacement}”`) }).click();
  await settled(page, 1);

  // The core's offsets are characters: the 🌍 before the words is one, not two.
  const start = Array.from(body.slice(0, body.indexOf("Social media"))).length;
  assert.equal(start, body.indexOf("Social media") - 1);
  assert.deepEqual([finding.start, finding.end, finding.excerpt], [start, start + 12, "Social media"]);
  assert.deepEqual(await edits(page), [
    { op: "applyFix", blockId, field: "body", start, end: start + 12, excerpt: "Social media", replacement: fix.replacement },
  ]);
  const card = cardOf(page, title);
  await card.getByText(new RegExp(`${fix.replacement} would let us`)).waitFor();
  await social.waitFor({ state: "detached" });
  await page.getByTestId("announcer").getByText(`Replaced “Social media” with “${fix.replacement}”`).waitFor();
  const fixed = await core.invoke("coach_report");
  assert.ok(!fixed.findings.some((f) => f.rule === finding.rule && f.blockId === blockId), "the core has no such advice on the block now");
  assert.match(await coachTab(page).getByTestId("coach-count").textContent(), new RegExp(`^${fixed.findings.length}(?!\\d)`));
  assert.ok(fixed.findings.length < report.findings.length);
  await shot(page, "coach-fix-applied.png");

  // Focus stayed in the panel (on the advice below), so Ctrl+Z is the editor's undo.
  assert.equal(await panel(page).evaluate((el) => el.contains(document.activeElement)), true);
  await page.keyboard.press("Control+z");
  await page.waitForFunction(() => window.harness.core.calls.includes("undo"));
  await social.waitFor();
  await card.getByText(/Social media would let us/).waitFor();
  assert.equal((await coreProject(page)).sections[0].blocks[0].body, body, "the core has the text back");
  assert.match(await coachTab(page).getByTestId("coach-count").textContent(), new RegExp(`^${report.findings.length}(?!\\d)`));
  assert.deepEqual(errors, []);
  await page.close();
});

test("the checklist shows what supplied each check, or the advice that only recommended it; Show it selects that sentence", async () => {
  // Tall enough for the whole checklist to show in the side panel's screenshot.
  const { page, errors, report } = await open({ height: 1500 });
  await openCoach(page);
  const checklist = panel(page).getByRole("list", { name: "Readiness checklist" });
  await checklist.waitFor();
  const check = (id) => checklist.locator(`[data-testid="check"][data-check="${id}"]`);
  const checkOf = (id) => report.checks.find((c) => c.id === id);
  const { title: firstTitle, body } = (await coreProject(page)).sections[0].blocks[0];
  // The first sentence says why now, an emoji in it (the core counts it as one character).
  const sentence = body.slice(0, body.indexOf(" Social media"));
  assert.match(sentence, /^Our competitors are already .* at four sites 🌍 .* holds it\.$/u);
  const urgency = checkOf("urgency");
  assert.deepEqual([urgency.passed, urgency.evidence.field, urgency.evidence.excerpt], [true, "body", sentence], "the core found why now in that sentence");

  // A passed check: the sentence quoted, shortened at a word, whole on hover and on request; where it is.
  const now = check("urgency");
  assert.equal(await now.getByTestId("check-evidence").getAttribute("data-state"), "supplied");
  const excerpt = now.getByTestId("check-excerpt");
  const short = await excerpt.textContent();
  assert.match(short, /^“Our competitors are already .*[a-z]…”$/u);
  assert.ok(sentence.startsWith(short.slice(1, -2)), "the start of the sentence, as written");
  assert.equal(await excerpt.getAttribute("title"), sentence);
  assert.match(await now.textContent(), /Supplied by:\s*“Our competitors are already/);
  assert.doesNotMatch(await now.locator(".reason").textContent(), /competitors/, "the reason does not repeat the excerpt");
  assert.match(await now.getByTestId("check-where").textContent(), new RegExp(`${firstTitle}.*Opportunity`));
  // As it first shows: long excerpts shortened.
  await shot(panel(page).getByRole("region", { name: /^Readiness/ }), "coach-checklist.png");
  const more = now.getByRole("button", { name: "Show all of the excerpt for ‘Why now’" });
  await more.click();
  await page.waitForFunction(
    (full) => document.querySelector('[data-check="urgency"] [data-testid="check-excerpt"]')?.textContent === `“${full}”`,
    sentence,
  );
  assert.equal(await now.getByRole("button", { name: "Show less of the excerpt for ‘Why now’" }).getAttribute("aria-expanded"), "true");

  // A block that supplied it by its structure: quoted by its title, with its section.
  const peer = checkOf("peer-case").evidence;
  assert.equal(peer.field, null, "by the story block itself");
  assert.match(await check("peer-case").textContent(), new RegExp(`Supplied by the story\\s*“${peer.excerpt}”\\s*In the section\\s*Proof`));

  // A headline that supplied it: quoted once, not again as the block's name.
  const pilot = checkOf("pilot").evidence;
  assert.deepEqual([pilot.field, pilot.excerpt], ["title", "A 16-week pilot where a win is most likely"]);
  assert.match(await check("pilot").textContent(), /Supplied by:\s*“A 16-week pilot where a win is most likely”/);
  assert.equal((await check("pilot").getByTestId("check-where").textContent()).replace(/\s+/g, " ").trim(), "In the section Start small");

  // Not passed, advice only: said so, and its Show it names what it shows.
  const ask = check("ask");
  assert.deepEqual([checkOf("ask").passed, checkOf("ask").evidence.excerpt], [false, "Remember to end with a clear ask."]);
  assert.equal(await ask.getByTestId("check-evidence").getAttribute("data-state"), "advised");
  assert.match(
    await ask.textContent(),
    /No explicit ask.*\s*Only advised:\s*“Remember to end with a clear ask\.”\s*— a recommendation does not count; supply it\./,
  );
  assert.doesNotMatch(await ask.locator(".reason").textContent(), /Remember/, "the reason does not repeat the advice");
  assert.equal(await ask.getByRole("button", { name: "Show it: where ‘A clear ask’ is only advised" }).count(), 1);

  // Every check the core gave evidence for shows it (a check with none shows its reason alone: src/coach.test.ts).
  assert.equal(await checklist.getByTestId("check-evidence").count(), report.checks.filter((c) => c.evidence).length);

  // It fits the side panel: nothing sticks out of a check, every Show it is whole and in the row.
  const overflow = await checklist.evaluate((list) =>
    Array.from(list.querySelectorAll('[data-testid="check"]')).flatMap((row) => {
      const box = row.getBoundingClientRect();
      return Array.from(row.querySelectorAll("*"))
        .filter((el) => !el.closest(".visually-hidden") && !el.matches(".visually-hidden"))
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5);
        })
        .map((el) => `${row.dataset.check}: ${el.className || el.tagName}`);
    }),
  );
  assert.deepEqual(overflow, []);
  for (const button of await checklist.getByTestId("check-reveal").all()) {
    assert.equal(await button.evaluate((el) => el.scrollWidth <= el.clientWidth), true, "Show it is not cut");
  }
  await shot(page, "coach-checklist-page.png");

  // From the keyboard: Show it selects the block and, in the inspector, exactly the sentence.
  const show = now.getByRole("button", { name: "Show it: where ‘Why now’ is supplied" });
  await show.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.matches('[data-testid="inspector"] textarea[name="body"]'));
  assert.equal(await page.getByRole("tab", { name: "Inspector" }).getAttribute("aria-selected"), "true");
  assert.equal(await cardOf(page, firstTitle).getAttribute("aria-current"), "true");
  const textarea = page.getByTestId("inspector").locator('textarea[name="body"]');
  assert.equal(await textarea.evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd)), sentence);
  await shot(page, "coach-checklist-reveal.png");

  // The advice that only recommended the ask: its block, its sentence.
  await coachTab(page).click();
  await check("ask").getByRole("button", { name: /^Show it/ }).click();
  await page.waitForFunction(() => document.activeElement?.matches('[data-testid="inspector"] textarea[name="body"]'));
  assert.equal(await cardOf(page, "The ask: $150,000 for a 16-week pilot").getAttribute("aria-current"), "true");
  assert.equal(await textarea.evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd)), "Remember to end with a clear ask.");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a piece of advice opens its block in the inspector with the flagged words selected", async () => {
  const { page, errors, report } = await open();
  await openCoach(page);
  const voices = (await coreProject(page)).sections[1].blocks[1];
  const finding = findingOf(report, "outcomes.tool-talk.web-2", voices.id);
  assert.match(finding.message, /dated jargon/);
  const web = openRows(page, finding.rule);
  await web.getByRole("button", { name: /dated jargon/ }).click();
  assert.equal(await page.getByRole("tab", { name: "Inspector" }).getAttribute("aria-selected"), "true");
  const textarea = page.getByTestId("inspector").locator('textarea[name="body"]');
  await page.waitForFunction(() => document.activeElement?.matches('[data-testid="inspector"] textarea[name="body"]'));
  // The emoji and the accent before it: the selection is still exactly the words.
  assert.equal(finding.excerpt, "Web 2.0");
  assert.equal(await textarea.evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd)), "Web 2.0");
  assert.equal(await cardOf(page, voices.title).getAttribute("aria-current"), "true");
  await shot(page, "coach-reveal.png");
  assert.deepEqual(errors, []);
  await page.close();
});

test("underlines sit exactly under the flagged words: emoji and accents, wrapping, live typing, long text scrolled", async () => {
  const { page, errors, report } = await open();
  const voices = (await coreProject(page)).sections[1].blocks[1];
  /** What the core flags in the body of that block when it reads `body` (the live coach's coach_block). */
  const flagged = async (body) =>
    (await core.invoke("coach_block", { block: { ...voices, body } })).filter((f) => f.field === "body").sort((a, b) => a.start - b.start).map((f) => f.excerpt);
  const bodyMarks = (n) =>
    page.waitForFunction((count) => document.querySelectorAll('[data-testid="inspector"] .marked:has(textarea[name="body"]) mark').length === count, n);
  await cardOf(page, voices.title).click();
  const inspector = page.getByTestId("inspector");
  const textarea = inspector.locator('textarea[name="body"]');
  const marks = () => inspector.locator('.marked:has(textarea[name="body"]) mark');
  // After the emoji and the accent, two of them.
  const saved = report.findings.filter((f) => f.blockId === voices.id && f.field === "body").sort((a, b) => a.start - b.start).map((f) => f.excerpt);
  assert.deepEqual(saved, ["Social media", "Web 2.0"]);
  await bodyMarks(saved.length);
  let found = await underlines(page, "body");
  assert.deepEqual(found.map((u) => u.text), saved);
  assertAligned(found);
  assertAligned(await underlines(page, "title"));

  // Typing: the live coach underlines a new word before anything is saved, and the others move with the text.
  await textarea.click();
  await page.keyboard.press("Control+Home");
  await page.keyboard.type("Real synergy, ", { delay: 20 });
  const typed = await flagged(`Real synergy, ${voices.body}`);
  assert.deepEqual(typed, ["synergy", ...saved], "the core flags the new word too");
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('[data-testid="inspector"] .marked:has(textarea[name="body"]) mark')).some((m) => m.textContent === "synergy"),
  );
  await bodyMarks(typed.length);
  found = await underlines(page, "body");
  assert.deepEqual(found.map((u) => u.text), typed);
  assertAligned(found);
  await shot(page, "coach-underlines.png");

  // A long text that wraps over many lines and scrolls: the underline at its end, scrolled into view.
  const long = `${"Engineers at every site solve faults faster when they can ask each other, and the answers stay where others find them. ".repeat(12)}Then we leverage social media.`;
  await textarea.fill(long);
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('[data-testid="inspector"] .marked:has(textarea[name="body"]) mark')).some((m) => m.textContent === "social media"),
  );
  await textarea.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="inspector"] textarea[name="body"]');
    return el.scrollTop > 0 && el.parentElement.querySelector("[data-testid=mirror]").style.transform.includes(`${-el.scrollTop}px`);
  });
  found = await underlines(page, "body");
  assert.deepEqual(found.map((u) => u.text), await flagged(long));
  assert.deepEqual(found.map((u) => u.text), ["leverage", "social media"]);
  assert.ok(found.every((u) => u.visible), "the underlines at the end are in view");
  assertAligned(found);
  assert.ok((await marks().count()) >= 2);
  await shot(page, "coach-underlines-long.png");
  assert.deepEqual(errors, []);
  await page.close();
});

test("dismissing advice for one block, and restoring it; both are announced", async () => {
  const { page, errors, report } = await open();
  await openCoach(page);
  const { id: blockId, title } = (await coreProject(page)).sections[0].blocks[0];
  const finding = findingOf(report, "outcomes.concept.leverage", blockId);
  const leverage = openRows(page, finding.rule);
  await leverage.getByRole("button", { name: "Dismiss for this block" }).click();
  await settled(page, 1);
  assert.deepEqual(await edits(page), [{ op: "dismissFinding", blockId, rule: finding.rule }]);
  await leverage.waitFor({ state: "detached" });
  await page.getByTestId("announcer").getByText(`Dismissed the advice on “leverage” for “${title}”.`).waitFor();
  assert.deepEqual((await coreProject(page)).sections[0].blocks[0].dismissed, [finding.rule], "the core keeps it with the block");

  // The draft had one dismissed already (a hedge in Start small).
  assert.equal(report.dismissed.length, 1);
  const toggle = panel(page).getByRole("button", { name: `Dismissed (${report.dismissed.length + 1})` });
  await toggle.click();
  const dismissed = panel(page).getByRole("region", { name: "Dismissed advice" });
  await dismissed.getByText("“leverage” is jargon").scrollIntoViewIfNeeded();
  await shot(page, "coach-dismissed.png");
  await dismissed.getByTestId("finding").filter({ hasText: "“leverage” is jargon" }).getByRole("button", { name: "Restore" }).click();
  await settled(page, 2);
  assert.deepEqual((await edits(page))[1], { op: "restoreFinding", blockId, rule: finding.rule });
  await leverage.waitFor();
  await page.getByTestId("announcer").getByText("Restored the advice on “leverage”").waitFor();
  assert.deepEqual((await coreProject(page)).sections[0].blocks[0].dismissed, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("“Not tool-talk here” on tool-talk: the advice goes for that block, is remembered when the project opens again", async () => {
  const { page, errors, report } = await open();
  await openCoach(page);
  const voices = (await coreProject(page)).sections[1].blocks[1];
  const finding = findingOf(report, "outcomes.tool-talk.social-media", voices.id);
  const row = openRows(page, finding.rule).filter({ hasText: voices.title });
  assert.equal(await row.getByRole("button", { name: "Dismiss for this block" }).count(), 0, "tool-talk is not dismissed as any advice");
  await row.getByRole("button", { name: "Not tool-talk here" }).click();
  await settled(page, 1);
  assert.deepEqual(await edits(page), [{ op: "dismissFinding", blockId: voices.id, rule: finding.rule }]);
  await row.waitFor({ state: "detached" });
  await page.getByTestId("announcer").getByText(`Dismissed the advice on “Social media” for “${voices.title}”.`).waitFor();
  // The same words in another block are still advised there.
  assert.equal(await openRows(page, finding.rule).count(), report.findings.filter((f) => f.rule === finding.rule).length - 1);
  await panel(page).getByRole("button", { name: `Dismissed (${report.dismissed.length + 1})` }).waitFor();

  // Remembered in the file: the project opened again (File › Open Recent) still has it dismissed.
  await page.evaluate((path) => window.harness.menu({ action: "openRecent", path }), core.run.path);
  await page.waitForFunction(() => window.harness.answered("open_recent").length === 1);
  // Opened again: a new undo history, and the coach's report on the file as it opened.
  await page.waitForFunction(() => document.querySelector("#undo")?.disabled === true);
  await page.waitForFunction(() => {
    const commands = window.harness.core.answers.map((a) => a.command);
    return commands.lastIndexOf("coach_report") > commands.indexOf("open_recent");
  });
  await page.waitForFunction(() => document.getElementById("panel-coach")?.getAttribute("aria-busy") === "false");
  const reopened = await core.invoke("coach_report");
  assert.ok(reopened.dismissed.some((f) => f.rule === finding.rule && f.blockId === voices.id), "the core still has it dismissed");
  await panel(page).getByRole("button", { name: `Dismissed (${report.dismissed.length + 1})` }).waitFor();
  assert.equal(await row.count(), 0);
  assert.deepEqual((await page.evaluate(() => window.harness.answered("coach_report"))).at(-1).dismissed, reopened.dismissed, "the page shows the report on the file opened again");
  assert.deepEqual(errors, []);
  await page.close();
});

test("“Not tool-talk here” is undone by Ctrl+Z: the advice is back for that block", async () => {
  const { page, errors, report } = await open();
  await openCoach(page);
  const voices = (await coreProject(page)).sections[1].blocks[1];
  const finding = findingOf(report, "outcomes.tool-talk.web-2", voices.id);
  const row = openRows(page, finding.rule);
  await row.getByRole("button", { name: "Not tool-talk here" }).click();
  await settled(page, 1);
  await row.waitFor({ state: "detached" });
  assert.deepEqual(dismissedOn(await coreProject(page), voices.id), [finding.rule]);
  await page.keyboard.press("Control+z");
  await page.waitForFunction(() => window.harness.core.calls.includes("undo"));
  await row.waitFor();
  assert.deepEqual(dismissedOn(await coreProject(page), voices.id), [], "undone in the core");
  assert.match(await coachTab(page).getByTestId("coach-count").textContent(), new RegExp(`^${report.findings.length}(?!\\d)`));
  assert.deepEqual(errors, []);
  await page.close();
});

/** What the block `id` has dismissed, as the core holds it. */
function dismissedOn(project, id) {
  return project.sections.flatMap((s) => s.blocks).find((b) => b.id === id).dismissed;
}

test("no advice left: the coach says so, with the score", async () => {
  // The sample itself: the core's advice on it is all on blocks, so each can be dismissed.
  const { page, errors, report } = await open({ reset: {} });
  assert.ok(report.findings.length > 0 && report.findings.every((f) => f.blockId !== null));
  await openCoach(page);
  // One after another, as fast as they show: a report the core made before a dismissal reached it
  // never brings that advice back to be dismissed again.
  const first = panel(page).locator('[data-testid="finding-group"] [data-testid="finding"]').first();
  for (let sent = 1; (await panel(page).locator('[data-testid="finding-group"] [data-testid="finding"]').count()) > 0; sent++) {
    await first.getByRole("button", { name: /^(Dismiss for this block|Not tool-talk here)$/ }).click();
    await settled(page, sent);
  }
  assert.equal((await edits(page)).length, report.findings.length, "one dismissal for each piece of advice");
  const empty = panel(page).getByTestId("coach-empty");
  await empty.waitFor();
  const after = await core.invoke("coach_report");
  assert.deepEqual(after.findings, []);
  assert.match(await empty.textContent(), new RegExp(`No advice right now.*Readiness is ${after.score} out of 100\\.`, "s"));
  assert.equal(await coachTab(page).getByTestId("coach-count").count(), 0);
  await shot(page, "coach-empty.png");
  assert.deepEqual(errors, []);
  await page.close();
});
