// The live coaching UI in Chromium, against the harness's fake coach (harness/coach.ts) on a
// first draft of the sample (?coach=demo): the Coach tab, one-click fixes and undo, dismissing,
// and underlines that sit exactly under the flagged words of the textarea. Screenshots go to
// $UI_SHOTS (default /tmp/ui-shots).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { board, coreProject, edits, launch, openHarness, serveHarness, settled, shot } from "./support.mjs";

let server;
let browser;

before(async () => {
  server = await serveHarness();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const coachTab = (page) => page.getByRole("tab", { name: /^Coach/ });
const panel = (page) => page.getByTestId("coach");
const groupTitles = (page) => panel(page).getByTestId("group-title").allTextContents();
const openRows = (page, rule) => panel(page).locator(`[data-testid="finding-group"] [data-testid="finding"][data-rule="${rule}"]`);
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
  const { page, errors } = await openHarness(browser, server.url, { coach: "demo" });
  // A count on the tab, coloured by the worst advice (no ask: an error).
  assert.match(await coachTab(page).getByTestId("coach-count").textContent(), /^10/);
  assert.equal(await coachTab(page).getByTestId("coach-count").getAttribute("data-level"), "error");
  assert.equal(await cardOf(page, "A social learning platform for new products").getByTestId("advice-badge").textContent(), "3 pieces of advice");

  // Keyboard: the tab list is one tab stop; the arrow key moves to the Coach tab and shows it.
  await page.getByRole("tab", { name: "Inspector" }).focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await coachTab(page).getAttribute("aria-selected"), "true");
  assert.equal(await coachTab(page).evaluate((el) => el === document.activeElement), true);
  await panel(page).getByTestId("finding").first().waitFor();

  assert.equal((await panel(page).getByTestId("readiness-score").textContent()).trim(), "90");
  const titles = await groupTitles(page);
  assert.equal(titles[0], "Whole storyboard");
  const order = Object.keys((await board(page)).sections);
  assert.deepEqual(titles.slice(1), order.filter((name) => titles.includes(name)), "sections in storyboard order");
  assert.deepEqual(titles.slice(1), ["Opportunity", "What we gain", "Results and the ask"]);
  await shot(page, "coach-panel.png");

  await panel(page).getByRole("group", { name: "Show advice of one level" }).getByRole("button", { name: /^Warnings/ }).click();
  const levels = await panel(page).locator('[data-testid="finding-group"] [data-testid="finding"]').evaluateAll((rows) => rows.map((r) => r.dataset.level));
  assert.ok(levels.length > 0 && levels.every((level) => level === "warning"));
  assert.deepEqual(errors, []);
  await page.close();
});

test("a fix in one click: the text changes and the advice goes; Ctrl+Z brings both back", async () => {
  const { page, errors } = await openHarness(browser, server.url, { coach: "demo" });
  await openCoach(page);
  const { id: blockId, body } = (await coreProject(page)).sections[0].blocks[0];
  const social = openRows(page, "tool-talk.social-media").filter({ hasText: "The answers we need" });
  await social.getByRole("button", { name: /^Use “Open conversations across teams”/ }).click();
  await settled(page, 1);

  // The core's offsets are characters: the 🌍 before the words is one, not two.
  const start = Array.from(body.slice(0, body.indexOf("Social media"))).length;
  assert.equal(start, body.indexOf("Social media") - 1);
  assert.deepEqual(await edits(page), [
    { op: "applyFix", blockId, field: "body", start, end: start + 12, excerpt: "Social media", replacement: "Open conversations across teams" },
  ]);
  const card = cardOf(page, "The answers we need are already inside Northwind");
  await card.getByText(/Open conversations across teams would let us/).waitFor();
  await social.waitFor({ state: "detached" });
  await page.getByTestId("announcer").getByText("Replaced “Social media” with “Open conversations across teams”").waitFor();
  assert.match(await coachTab(page).getByTestId("coach-count").textContent(), /^9/);
  await shot(page, "coach-fix-applied.png");

  // Focus stayed in the panel (on the advice below), so Ctrl+Z is the editor's undo.
  assert.equal(await panel(page).evaluate((el) => el.contains(document.activeElement)), true);
  await page.keyboard.press("Control+z");
  await page.waitForFunction(() => window.harness.core.calls.includes("undo"));
  await social.waitFor();
  await card.getByText(/Social media would let us/).waitFor();
  assert.match(await coachTab(page).getByTestId("coach-count").textContent(), /^10/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the checklist shows what supplied each check, or the advice that only recommended it; Show it selects that sentence", async () => {
  // Tall enough for the whole checklist to show in the side panel's screenshot.
  const { page, errors } = await openHarness(browser, server.url, { coach: "demo", height: 1500 });
  await openCoach(page);
  const checklist = panel(page).getByRole("list", { name: "Readiness checklist" });
  await checklist.waitFor();
  const check = (id) => checklist.locator(`[data-testid="check"][data-check="${id}"]`);
  const { body } = (await coreProject(page)).sections[0].blocks[0];
  // The first sentence with a number, an emoji in it (the core counts it as one character).
  const sentence = body.slice(0, body.indexOf(" Social media"));
  assert.match(sentence, /1,400 people at four sites 🌍, yet .* holds it\.$/u);

  // A passed check: the sentence quoted, shortened at a word, whole on hover and on request; where it is.
  const numbers = check("quantified-outcome");
  assert.equal(await numbers.getByTestId("check-evidence").getAttribute("data-state"), "supplied");
  const excerpt = numbers.getByTestId("check-excerpt");
  const short = await excerpt.textContent();
  assert.match(short, /^“The know-how to fix our hardest problems .*[a-z]…”$/u);
  assert.ok(sentence.startsWith(short.slice(1, -2)), "the start of the sentence, as written");
  assert.equal(await excerpt.getAttribute("title"), sentence);
  assert.match(await numbers.textContent(), /Outcomes carry numbers\.\s*Supplied by:\s*“The know-how/);
  assert.doesNotMatch(await numbers.locator(".reason").textContent(), /know-how/, "the reason does not repeat the excerpt");
  assert.match(await numbers.getByTestId("check-where").textContent(), /The answers we need are already inside Northwind.*Opportunity/);
  // As it first shows: long excerpts shortened.
  await shot(panel(page).getByRole("region", { name: /^Readiness/ }), "coach-checklist.png");
  const more = numbers.getByRole("button", { name: "Show all of the excerpt for ‘Outcomes in numbers’" });
  await more.click();
  await page.waitForFunction(
    (full) => document.querySelector('[data-check="quantified-outcome"] [data-testid="check-excerpt"]')?.textContent === `“${full}”`,
    sentence,
  );
  assert.equal(await numbers.getByRole("button", { name: "Show less of the excerpt for ‘Outcomes in numbers’" }).getAttribute("aria-expanded"), "true");

  // A block that supplied it by its structure: quoted by its title, with its section.
  assert.match(await check("peer-case").textContent(), /Supplied by the story\s*“A peer cut line stoppages by almost a quarter”\s*In the section\s*Proof/);

  // A headline that supplied it: quoted once, not again as the block's name.
  assert.match(await check("pilot").textContent(), /Supplied by:\s*“A 16-week pilot where a win is most likely”/);
  assert.equal((await check("pilot").getByTestId("check-where").textContent()).replace(/\s+/g, " ").trim(), "In the section Start small");

  // Not passed, advice only: said so, and its Show it names what it shows.
  const ask = check("ask");
  assert.equal(await ask.getByTestId("check-evidence").getAttribute("data-state"), "advised");
  assert.match(
    await ask.textContent(),
    /No explicit ask: say what you want decided, by whom and when\.\s*Only advised:\s*“Remember to end with a clear ask\.”\s*— a recommendation does not count; supply it\./,
  );
  assert.equal(await ask.getByRole("button", { name: "Show it: where ‘A clear ask’ is only advised" }).count(), 1);

  // Every check here has evidence (a check with none shows its reason alone: src/coach.test.ts).
  assert.equal(await checklist.getByTestId("check-evidence").count(), 8);

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
  const show = numbers.getByRole("button", { name: "Show it: where ‘Outcomes in numbers’ is supplied" });
  await show.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.matches('[data-testid="inspector"] textarea[name="body"]'));
  assert.equal(await page.getByRole("tab", { name: "Inspector" }).getAttribute("aria-selected"), "true");
  assert.equal(await cardOf(page, "The answers we need are already inside Northwind").getAttribute("aria-current"), "true");
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
  const { page, errors } = await openHarness(browser, server.url, { coach: "demo" });
  await openCoach(page);
  const web = openRows(page, "tool-talk.web-2");
  await web.getByRole("button", { name: /dated jargon/ }).click();
  assert.equal(await page.getByRole("tab", { name: "Inspector" }).getAttribute("aria-selected"), "true");
  const textarea = page.getByTestId("inspector").locator('textarea[name="body"]');
  await page.waitForFunction(() => document.activeElement?.matches('[data-testid="inspector"] textarea[name="body"]'));
  // The emoji and the accent before it: the selection is still exactly the words.
  assert.equal(await textarea.evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd)), "Web 2.0");
  assert.equal(await cardOf(page, "More voices, more valuable ideas").getAttribute("aria-current"), "true");
  await shot(page, "coach-reveal.png");
  assert.deepEqual(errors, []);
  await page.close();
});

test("underlines sit exactly under the flagged words: emoji and accents, wrapping, live typing, long text scrolled", async () => {
  const { page, errors } = await openHarness(browser, server.url, { coach: "demo" });
  await cardOf(page, "More voices, more valuable ideas").click();
  const inspector = page.getByTestId("inspector");
  const textarea = inspector.locator('textarea[name="body"]');
  const marks = () => inspector.locator('.marked:has(textarea[name="body"]) mark');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="inspector"] .marked:has(textarea[name="body"]) mark').length === 2);
  let found = await underlines(page, "body");
  assert.deepEqual(found.map((u) => u.text), ["social media", "Web 2.0"]);
  assertAligned(found);
  assertAligned(await underlines(page, "title"));

  // Typing: the live coach underlines a new word before anything is saved, and the others move with the text.
  await textarea.click();
  await page.keyboard.press("Control+Home");
  await page.keyboard.type("Real synergy, ", { delay: 20 });
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('[data-testid="inspector"] .marked:has(textarea[name="body"]) mark')).some((m) => m.textContent === "synergy"),
  );
  found = await underlines(page, "body");
  assert.deepEqual(found.map((u) => u.text), ["synergy", "social media", "Web 2.0"]);
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
  assert.deepEqual(found.map((u) => u.text), ["leverage", "social media"]);
  assert.ok(found.every((u) => u.visible), "the underlines at the end are in view");
  assertAligned(found);
  assert.ok((await marks().count()) >= 2);
  await shot(page, "coach-underlines-long.png");
  assert.deepEqual(errors, []);
  await page.close();
});

test("dismissing advice for one block, and restoring it; both are announced", async () => {
  const { page, errors } = await openHarness(browser, server.url, { coach: "demo" });
  await openCoach(page);
  const blockId = (await coreProject(page)).sections[0].blocks[0].id;
  const leverage = openRows(page, "concept.leverage");
  await leverage.getByRole("button", { name: "Dismiss for this block" }).click();
  await settled(page, 1);
  assert.deepEqual(await edits(page), [{ op: "dismissFinding", blockId, rule: "concept.leverage" }]);
  await leverage.waitFor({ state: "detached" });
  await page.getByTestId("announcer").getByText("Dismissed the advice on “leverage” for “The answers we need are already inside Northwind”.").waitFor();

  // The demo had one dismissed already (a hedge in Start small).
  const toggle = panel(page).getByRole("button", { name: "Dismissed (2)" });
  await toggle.click();
  const dismissed = panel(page).getByRole("region", { name: "Dismissed advice" });
  await dismissed.getByText("“leverage” is jargon").scrollIntoViewIfNeeded();
  await shot(page, "coach-dismissed.png");
  await dismissed.getByTestId("finding").filter({ hasText: "“leverage” is jargon" }).getByRole("button", { name: "Restore" }).click();
  await settled(page, 2);
  assert.deepEqual((await edits(page))[1], { op: "restoreFinding", blockId, rule: "concept.leverage" });
  await leverage.waitFor();
  await page.getByTestId("announcer").getByText("Restored the advice on “leverage”").waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("no advice left: the coach says so, with the score", async () => {
  const { page, errors } = await openHarness(browser, server.url);
  await openCoach(page);
  const first = panel(page).locator('[data-testid="finding-group"] [data-testid="finding"]').first();
  for (let sent = 1; (await panel(page).locator('[data-testid="finding-group"] [data-testid="finding"]').count()) > 0; sent++) {
    await first.getByRole("button", { name: "Dismiss for this block" }).click();
    await settled(page, sent);
  }
  const empty = panel(page).getByTestId("coach-empty");
  await empty.waitFor();
  assert.match(await empty.textContent(), /No advice right now.*Readiness is 100 out of 100\./s);
  assert.equal(await coachTab(page).getByTestId("coach-count").count(), 0);
  await shot(page, "coach-empty.png");
  assert.deepEqual(errors, []);
  await page.close();
});
