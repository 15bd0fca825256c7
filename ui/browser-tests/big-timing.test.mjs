// Prints (never asserts) the harness's own User Timing measures (ui/src/lib/timing.ts) on a
// generated project of 2,000 blocks in 12 sections: open and render, and a move from a card's
// Move to… menu, with the DOM's size. For a report, and to compare a change before and after;
// the real app's numbers come from scripts/bench-storyboard.sh. Timing assertions do not
// belong in tests (a busy machine would fail them), so nothing here judges the numbers.
import { after, before, test } from "node:test";
import { launch, openHarness, serveHarness } from "./support.mjs";

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

const RUNS = Number(process.env.BIG_RUNS ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** The latest measure of that name, once there is one that started at or after `since`. */
function measure(page, name, since = 0) {
  return page
    .waitForFunction(
      ([n, s]) => performance.getEntriesByName(n, "measure").filter((m) => m.startTime >= s).at(-1)?.duration ?? null,
      [name, since],
      { timeout: 60000 },
    )
    .then((handle) => handle.jsonValue());
}

test("timing (printed only): open and render 2,000 blocks in 12 sections, and a move", { timeout: 600000 }, async () => {
  const opens = [];
  const moves = [];
  let dom = null;
  for (let run = 0; run < RUNS; run++) {
    const { page } = await openHarness(browser, server.url, { big: "2000x12" });
    page.setDefaultTimeout(60000);
    opens.push(await measure(page, "casewright:open-and-render"));
    dom = await page.evaluate(() => ({
      cards: document.querySelectorAll('[data-testid="block"]').length,
      elements: document.getElementsByTagName("*").length,
    }));
    // Let the coach's report arrive, then move the first card of the first section to the end of the last.
    await page.waitForFunction(() => document.getElementById("panel-coach")?.getAttribute("aria-busy") === "false", null, { timeout: 60000 }).catch(() => {});
    const card = page.locator('[data-testid="section"]').first().locator('[data-testid="block"]').first();
    await card.locator('[data-testid="move-menu"]').click();
    const lastTitle = (await page.locator('[data-testid="section-title"]').last().textContent()).trim();
    const since = await page.evaluate(() => performance.now());
    await page.getByRole("menuitem", { name: lastTitle, exact: true }).click();
    moves.push(await measure(page, "casewright:edit", since));
    await page.close();
  }
  const ms = (x) => `${Math.round(x)} ms`;
  console.log(
    `[harness timing] 2,000 blocks / 12 sections, Chromium: open-and-render ${opens.map(ms).join(", ")} (median ${ms(median(opens))}); ` +
      `move ${moves.map(ms).join(", ")} (median ${ms(median(moves))}); after opening ${dom.cards} cards, ${dom.elements} DOM elements`,
  );
});
