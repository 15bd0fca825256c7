// Metric charts in Chromium, over the real core (crates/test-server): its chart model
// (briefing/chart.rs) drawn in a metric's card and, labelled, in its inspector; both follow an
// edit once it is saved. Screenshots go to $UI_SHOTS (default /tmp/ui-shots).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launch, openHarness, serveHarness, settled, shot, startCore } from "./support.mjs";

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

const TITLE = "Resolve escalated problems in 12 days, not 19";

/** Each bar of a chart: its role, its text, and its length against its track. */
function bars(chart) {
  return chart.locator('[data-testid="chart-bar"]').evaluateAll((rows) =>
    rows.map((row) => {
      const bar = row.querySelector(".bar").getBoundingClientRect();
      const track = row.querySelector(".track").getBoundingClientRect();
      return { role: row.dataset.role, text: row.textContent.replace(/\s+/g, " ").trim(), share: Math.round((bar.width / track.width) * 100) / 100, left: Math.round(track.left), right: Math.round(track.right) };
    }),
  );
}

test("editing a metric's target in the inspector updates its card's chart once saved", async () => {
  const { page, errors } = await openHarness(browser, server.url, { core, delay: 150 });
  const card = page.locator('[data-testid="block"]', { has: page.getByTestId("block-title").getByText(TITLE, { exact: true }) });
  const cardChart = card.getByRole("img", { name: /^Chart: / });
  // Its unit, "working days (target median)", is longer than a chart label takes (24 characters).
  assert.equal(await cardChart.getAttribute("aria-label"), "Chart: Baseline 19, Target 12. Lower is better");
  let before = await bars(cardChart);
  assert.deepEqual(
    before.map(({ role, text, share }) => ({ role, text, share })),
    [
      { role: "baseline", text: "Baseline 19", share: 1 },
      { role: "target", text: "Target 12", share: 0.63 },
    ],
  );
  assert.equal(new Set(before.map((b) => `${b.left}-${b.right}`)).size, 1, "the bars share one scale");
  assert.equal(await card.getByTestId("block-range").count(), 0, "the chart says what the from → to line would");

  // A card with its chart stays compact.
  const height = (await card.boundingBox()).height;
  assert.ok(height < 330, `the card stays a reasonable height (${height}px)`);
  await card.scrollIntoViewIfNeeded();
  await shot(card, "chart-card.png");

  await card.click();
  const inspector = page.getByTestId("inspector");
  const group = inspector.getByRole("group", { name: "Chart in the briefing" });
  await group.waitFor();
  assert.deepEqual((await group.getByRole("listitem").allTextContents()).map((t) => t.trim()), ["Baseline 19", "Target 12"]);
  assert.equal((await group.getByTestId("chart-note").textContent()).trim(), "▼ Lower is better");

  const target = inspector.getByLabel("Target (optional)");
  await target.fill("9");
  await target.press("Tab");
  await settled(page, 1);
  await page.waitForFunction(
    (title) => {
      const cards = Array.from(document.querySelectorAll('[data-testid="block"]'));
      const found = cards.find((c) => c.querySelector('[data-testid="block-title"]')?.textContent.trim() === title);
      return found?.querySelectorAll('[data-testid="chart-bar"]').length === 3;
    },
    TITLE,
  );
  const after = await bars(cardChart);
  assert.deepEqual(
    after.map(({ role, text, share }) => ({ role, text, share })),
    [
      { role: "baseline", text: "Baseline 19", share: 1 },
      { role: "now", text: "Now 12", share: 0.63 },
      { role: "target", text: "Target 9", share: 0.47 },
    ],
  );
  assert.deepEqual((await group.getByRole("listitem").allTextContents()).map((t) => t.trim()), ["Baseline 19", "Now 12", "Target 9"]);
  const [edit] = await page.evaluate(() => window.harness.edits());
  assert.equal(edit.block.target, 9);
  await shot(card, "chart-card-after-edit.png");
  await shot(group, "chart-inspector.png");
  await shot(page, "chart-overview.png");
  assert.deepEqual(errors, []);
  await page.close();
});
