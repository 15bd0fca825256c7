#!/usr/bin/env node
// The UI half of the storyboard benchmark, in the real app window (WebKitGTK), driven through
// tauri-driver (scripts/bench-storyboard.sh starts it, under Xvfb, on WEBDRIVER_PORT). Each run
// starts the app on a fresh copy of the project and reads the app's own User Timing measures
// (ui/src/lib/timing.ts):
//   casewright:open-and-render  from asking the core for the project to its storyboard laid out
//   casewright:edit             from a move chosen in a card's "Move to…" menu to the moved
//                               storyboard laid out (the edit saved by the core in between)
// so WebDriver's own latency is not in the numbers.
//   node bench/storyboard/measure.mjs APP_BIN PROJECT.casewright [RUNS] [KIND]
// Environment: WEBDRIVER_PORT (tauri-driver's, default 4444), BLOCKS (blocks the project places, default
// 2000), MOVES (per run, default 3; 0 skips them), TIMEOUT_S (per wait, default 120).
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [app, project, runArg = "5", kind = "unknown"] = process.argv.slice(2);
if (!app || !project) {
  console.error("usage: node measure.mjs APP_BIN PROJECT.casewright [RUNS] [KIND]");
  process.exit(2);
}
const RUNS = Number(runArg);
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error(`RUNS must be a whole number of runs, at least 1 (got ${runArg})`);
  process.exit(2);
}
const BLOCKS = Number(process.env.BLOCKS ?? 2000);
const MOVES = Number(process.env.MOVES ?? 3);
const TIMEOUT_MS = Number(process.env.TIMEOUT_S ?? 120) * 1000;
const PORT = Number(process.env.WEBDRIVER_PORT ?? 4444);
const REBUILD = "the app has no casewright:open-and-render mark; rebuild it with scripts/build-app.sh";

// The WebDriver client the end-to-end tests use (tests/e2e/package.json), from their install.
const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const wdio = join(root, "tests/e2e/node_modules/webdriverio");
const entry = JSON.parse(readFileSync(join(wdio, "package.json"), "utf8")).exports["."].import;
const { remote } = await import(pathToFileURL(join(wdio, entry)).href);

class Failure extends Error {}

// ---- In the page (these run in the app's webview: no closures over this file) ------------

/**
 * Settles with the latest measure named `name` that starts at or after `since` (performance.now()
 * in the page), with the cards and DOM elements then; or, once `readyCount` elements match
 * `readySelector` for `graceMs` without such a measure, with `missing`; or after `timeoutMs`,
 * with `timedOut`.
 */
function awaitMeasure(name, since, graceMs, timeoutMs, readySelector, readyCount) {
  const ready = () => document.querySelectorAll(readySelector).length >= readyCount;
  const cards = () => document.querySelectorAll('[data-testid="block"]').length;
  const latest = () => performance.getEntriesByName(name, "measure").filter((m) => m.startTime >= since).at(-1);
  return new Promise((resolve) => {
    const started = performance.now();
    let readySince = null;
    let timer = 0;
    const finish = (result) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve({ ...result, cards: cards(), nodes: document.getElementsByTagName("*").length });
    };
    const report = (m) => finish({ duration: m.duration, start: m.startTime, end: m.startTime + m.duration });
    const observer = new PerformanceObserver(() => {
      const m = latest();
      if (m) report(m);
    });
    observer.observe({ type: "measure" });
    // Only the slow path polls (once a second), so nothing runs in the page while it renders.
    const check = () => {
      const m = latest();
      if (m) return report(m);
      const now = performance.now();
      if (readySince === null && ready()) readySince = now;
      if (readySince !== null && now - readySince >= graceMs) return finish({ missing: true });
      if (now - started >= timeoutMs) return finish({ timedOut: true });
      timer = setTimeout(check, 1000);
    };
    const m = latest();
    if (m) report(m);
    else timer = setTimeout(check, 1000);
  });
}

// ---- Driving the app ----------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
// WebKit gives User Timing whole milliseconds.
const ms = (x) => `${Math.round(x)} ms`;

async function pageNow(browser) {
  return browser.execute(() => performance.now());
}

/**
 * Waits until the app's page has loaded (the session may start while the window still loads).
 * An app built without the custom-protocol feature (plain `cargo build`, not
 * scripts/build-app.sh) loads its UI from the dev server's address instead of embedding it.
 */
async function pageLoaded(browser) {
  const url = await browser.getUrl();
  const embedded = url.startsWith("tauri:") || url.startsWith("http://tauri.localhost");
  const loaded = async () => {
    try {
      return await browser.execute(() => location.href !== "about:blank" && document.readyState === "complete");
    } catch {
      return false;
    }
  };
  const limit = embedded ? TIMEOUT_MS : 20000;
  await browser.waitUntil(loaded, { timeout: limit, interval: 100 }).catch(() => {
    throw new Failure(
      embedded
        ? `the app's window did not load ${url} within ${limit / 1000} s`
        : `the app loads its UI from ${url} (built without the custom-protocol feature) and nothing serves it there; build it with scripts/build-app.sh`,
    );
  });
  return embedded ? null : url;
}

/** What the window's error banner says, if it shows one (e.g. a file from a newer build). */
async function banner(browser) {
  const text = await browser.execute(() => document.querySelector('[role="alert"]')?.textContent ?? null);
  return text ? ` The window says: “${text.replace(/\s+/g, " ").replace(/ Dismiss$/, "").trim()}”` : "";
}

/**
 * How many blocks the status bar says the project places ("12 sections · 2000 blocks placed · …"):
 * each section renders only a window of its cards (ui/src/lib/window.ts), so the cards in the
 * DOM are fewer than the project's blocks.
 */
async function placed(browser) {
  const text = await browser.execute(() => document.body.textContent ?? "");
  const found = /(\d[\d,]*) blocks? placed/.exec(text);
  return found ? Number(found[1].replace(/,/g, "")) : null;
}

async function measureOpen(browser) {
  // Ready once the first cards show (each section renders a window of its cards, not all).
  const result = await browser.execute(awaitMeasure, "casewright:open-and-render", 0, 5000, TIMEOUT_MS, '[data-testid="block"]', 1);
  if (result.missing) throw new Failure(`${REBUILD} (its ${result.cards} cards showed, no measure followed)`);
  if (result.timedOut) {
    throw new Failure(`no casewright:open-and-render measure within ${TIMEOUT_MS / 1000} s (${result.cards} cards shown).${await banner(browser)}`);
  }
  // Where the time went: the core and the IPC until the reply arrived, the rendering after it.
  result.received = await browser.execute(
    (name) => performance.getEntriesByName(name, "mark").at(-1)?.startTime ?? null,
    "casewright:project-received",
  );
  const total = await placed(browser);
  if (total !== BLOCKS) throw new Failure(`expected ${BLOCKS} blocks placed once rendered, the status bar says ${total}.${await banner(browser)}`);
  if (result.cards < 1 || result.cards > BLOCKS) throw new Failure(`expected between 1 and ${BLOCKS} cards rendered, found ${result.cards}`);
  return result;
}

/** Whether the coach's report (asked for after every change) is still on its way. */
async function coachBusy(browser) {
  return browser.execute(() => {
    const panel = document.getElementById("panel-coach");
    return panel === null || panel.getAttribute("aria-busy") !== "false";
  });
}

/** Waits until the core is idle: its coach report on the project shown has arrived. */
async function settle(browser) {
  await browser.waitUntil(async () => !(await coachBusy(browser)), {
    timeout: TIMEOUT_MS,
    interval: 200,
    timeoutMsg: "the coach's report never arrived (or #panel-coach has no aria-busy: rebuild the app)",
  });
  // Its advice badges drawn.
  await browser.execute(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Chooses `label` from the "Move to…" menu of `card`, and settles with the casewright:edit
 * measure once an element matches `moved` (where the card shows after the move).
 */
async function timedMove(browser, card, label, moved) {
  await card.$('[data-testid="move-menu"]').click();
  await browser.$('[role="menu"]').waitForDisplayed({ timeout: 10000 });
  let item = null;
  const labels = [];
  for (const candidate of await browser.$$('[role="menu"] [role="menuitem"]')) {
    const text = (await candidate.$(".label").getProperty("textContent")).trim();
    labels.push(text);
    if (text === label) item = candidate;
  }
  if (!item) throw new Failure(`the Move to… menu offers no “${label}”: ${labels.join(", ")}`);
  const since = await pageNow(browser);
  await item.click();
  const result = await browser.execute(awaitMeasure, "casewright:edit", since, 5000, TIMEOUT_MS, moved, 1);
  if (result.missing) throw new Failure("the move showed but the app has no casewright:edit measure; rebuild it with scripts/build-app.sh");
  if (result.timedOut) throw new Failure(`the move to “${label}” never showed within ${TIMEOUT_MS / 1000} s`);
  return result;
}

/**
 * Moves the first card of the first section one place down, from its "Move to…" menu: the
 * everyday move, within the cards in view.
 */
async function measureMoveDown(browser) {
  const first = (await browser.$$('[data-testid="section"]'))[0];
  const card = first.$('[data-testid="block"]');
  const id = await card.getAttribute("data-block-id");
  const sectionId = await first.getAttribute("data-section-id");
  const moved = `[data-testid="section"][data-section-id="${sectionId}"] [data-testid="block"]:nth-child(2)[data-block-id="${id}"]`;
  return timedMove(browser, card, "Move down", moved);
}

/**
 * Moves the first card of the first section to the end of the last one, from its "Move to…"
 * menu: the worst case, since the moved card is shown and focused where it lands, so that
 * section renders every card up to it.
 */
async function measureMove(browser) {
  const sections = await browser.$$('[data-testid="section"]');
  const first = sections[0];
  const last = sections[sections.length - 1];
  // textContent: the last column may be scrolled out of view, where getText() sees nothing.
  const lastTitle = (await last.$('[data-testid="section-title"]').getProperty("textContent")).trim();
  const card = first.$('[data-testid="block"]');
  const id = await card.getAttribute("data-block-id");
  const lastId = await last.getAttribute("data-section-id");
  const moved = `[data-testid="section"][data-section-id="${lastId}"] [data-block-id="${id}"]`;
  const result = await timedMove(browser, card, lastTitle, moved);
  const landed = await browser.execute((selector) => document.querySelector(selector) !== null, moved);
  if (!landed) throw new Failure(`block ${id} is not in “${lastTitle}” after its measured move`);
  const total = await placed(browser);
  if (total !== BLOCKS) throw new Failure(`expected ${BLOCKS} blocks placed after the move, the status bar says ${total}`);
  return result;
}

async function run(index) {
  // A fresh copy each run: a move is saved to the file.
  const dir = mkdtempSync(join(tmpdir(), "casewright-bench-"));
  const file = join(dir, basename(project));
  copyFileSync(project, file);
  const browser = await remote({
    hostname: "127.0.0.1",
    port: PORT,
    logLevel: "silent",
    capabilities: { "tauri:options": { application: app, args: [file] } },
  });
  try {
    await browser.setTimeout({ script: TIMEOUT_MS + 30000 });
    const served = await pageLoaded(browser);
    if (served && index === 0) console.log(`note: this app loads its UI from ${served} (a development build), not the UI embedded by scripts/build-app.sh`);
    const open = await measureOpen(browser);
    const moves = [];
    const downs = [];
    for (let m = 0; m < MOVES; m++) {
      await settle(browser);
      downs.push((await measureMoveDown(browser)).duration);
      await settle(browser);
      moves.push((await measureMove(browser)).duration);
    }
    const movesText = moves.length ? `; moves down ${downs.map(ms).join(", ")}; to the end of the last section ${moves.map(ms).join(", ")}` : "";
    const split = open.received === null ? "" : ` = reply ${ms(open.received - open.start)} + render ${ms(open.end - open.received)}`;
    console.log(
      `run ${index + 1}: open and render ${ms(open.duration)}${split} (requested ${ms(open.start)} and laid out ${ms(open.end)} after the page began loading), ${open.cards} cards rendered, ${open.nodes} DOM elements${movesText}`,
    );
    return { open, moves, downs };
  } finally {
    await browser.deleteSession().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

try {
  console.log(`app: ${app} (${kind} build); project: ${basename(project)}, ${BLOCKS} blocks; ${RUNS} runs, ${MOVES} moves each`);
  const results = [];
  for (let i = 0; i < RUNS; i++) results.push(await run(i));
  const opens = results.map((r) => r.open.duration);
  const moves = results.flatMap((r) => r.moves);
  const worst = Math.max(...opens);
  console.log(`\nopen and render (casewright:open-and-render), ${kind} build, ${opens.length} runs: median ${ms(median(opens))}, max ${ms(worst)}; target 300 ms: ${median(opens) < 300 ? "met" : "not met"} (median)`);
  const split = results.filter((r) => r.open.received !== null).map((r) => r.open);
  if (split.length) {
    console.log(`  of which: the reply (core and IPC) median ${ms(median(split.map((o) => o.received - o.start)))}, rendering after it median ${ms(median(split.map((o) => o.end - o.received)))}`);
  }
  console.log(`  the storyboard's DOM: ${results[0].open.cards} of ${BLOCKS} cards rendered (a window of each section's), ${median(results.map((r) => r.open.nodes))} elements`);
  if (moves.length) {
    const downs = results.flatMap((r) => r.downs);
    console.log(`committed move from the Move to… menu (casewright:edit), until shown:`);
    console.log(`  one place down, ${downs.length} moves: median ${ms(median(downs))}, max ${ms(Math.max(...downs))}`);
    console.log(`  to the end of the last section (its cards rendered up to the moved one), ${moves.length} moves: median ${ms(median(moves))}, max ${ms(Math.max(...moves))}`);
  }
  if (kind === "debug") console.log("  (a debug build: the core is unoptimised, so its share is slower than a release build's)");
} catch (e) {
  console.error(`error: ${e instanceof Failure ? e.message : (e?.stack ?? e)}`);
  process.exit(1);
}
