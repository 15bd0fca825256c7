// Shared by the browser tests: serves harness/dist on a free localhost port, starts the real
// core's test server (crates/test-server) and drives Debian's Chromium through playwright-core
// (no browser download).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { post, startServer } from "../src/test/server.mjs";
import { fileURLToPath } from "node:url";
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

// The test server `npm run test:browser` builds (cargo build -p casewright-test-server): the server's binary and how it is started and stopped: shared with the jsdom tests.
export { TEST_SERVER } from "../src/test/server.mjs";

const DIST = fileURLToPath(new URL("../harness/dist/", import.meta.url));
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".ttf": "font/ttf",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

export const SHOTS = process.env.UI_SHOTS ?? "/tmp/ui-shots";

/** Serves harness/dist on 127.0.0.1 at a port the system picks. */
export async function serveHarness() {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = normalize(join(DIST, path === "/" ? "index.html" : path));
    if (!file.startsWith(DIST)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      response.writeHead(404).end("not found");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * Starts the test server (the real core's Session) in a temporary folder and waits for the port
 * on its first line. `stop()` ends it, waits for it to exit, and only then removes the folder.
 * Each page opened with `{ core }` starts from `core.reset(...)`: a fresh session and project.
 */
export async function startCore() {
  const { port, stop } = await startServer("casewright-core-");
  const call = (route, body) => post(port, route, body);
  let run = null;
  return {
    port,
    /** A fresh session: the sample (or `project`, written as `fileName`), `edits` applied, no undo history. */
    reset: async (options = {}) => (run = await call("/test/reset", options)),
    /** The last reset's `{ path, dir }`: the project's path and the folder dialog answers are in. */
    get run() {
      return run;
    },
    /** What the next native file dialog answers: a path (relative: in `run.dir`), or null for Cancel. */
    dialog: (path) => call("/test/dialog", { path }),
    /** A command as the UI invokes it (for a test to read the core's state; the page does not see it). */
    invoke: (command, args) => call(`/invoke/${command}`, args),
    /** `{ path, dir, dialogsLeft, shell }`. */
    state: () => call("/test/state"),
    /** The next export is cancelled when its progress reaches `at` (e.g. { step: "layout" }). */
    cancelExportAt: (at) => call("/test/cancel-export-at", at),
    /** Each export from now on waits `stepMs` after each of its progress steps (0: no more). */
    paceExport: (stepMs) => call("/test/pace-export", { stepMs }),
    /** Edits applied to the open project and saved, with no undo history after them; the project then. */
    edit: (edits) => call("/test/edit", { edits }),
    /**
     * Another file in the run's folder, as a colleague made it: `{ share }` (ShareOptions) a Share a
     * Copy of the open project, `{ project }` or `{ exchange }` a new project, neither the file already
     * there; then `edits` applied to it by the colleague's own session. `{ path, project }`.
     */
    file: (fileName, options = {}) => call("/test/file", { fileName, ...options }),
    /** The next `command` answers `error` without reaching the core: only for a failure no real cause can make. */
    failNext: (command, error) => call("/test/fail-next", { command, error }),
    /** Ends the server, waits for it to exit, then removes its folder. */
    stop,
  };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}

/**
 * A fresh page on the harness over the real core (`core`, from `startCore()`), once the storyboard
 * shows: the core reset first with `reset` (see `core.reset`), then `prepare(core)` if given (files
 * and edits made through the core before the page opens).
 */
export async function openHarness(
  browser,
  url,
  { delay = 0, width = 1440, height = 900, reducedMotion = "no-preference", core, reset = {}, prepare = null } = {},
) {
  if (!core) throw new Error("openHarness needs the real core: { core } from startCore()");
  await core.reset(reset);
  if (prepare) await prepare(core);
  const page = await browser.newPage({ viewport: { width, height }, reducedMotion });
  page.setDefaultTimeout(8000);
  const errors = [];
  page.on("pageerror", (error) => errors.push(error));
  // The core's refusals are 422 answers, which Chromium logs as failed loads: those are replies, not errors.
  const refusal = `http://127.0.0.1:${core.port}/invoke/`;
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    if (message.location().url.startsWith(refusal) && /status of 422/.test(message.text())) return;
    errors.push(new Error(message.text()));
  });
  await page.goto(`${url}?delay=${delay}&core=${core.port}`);
  await page.waitForSelector('[data-testid="storyboard"] [data-testid="block"]');
  return { page, errors };
}

/** Saves a screenshot of the page, or of one element when given a locator. */
export function shot(pageOrLocator, name) {
  mkdirSync(SHOTS, { recursive: true });
  return pageOrLocator.screenshot({ path: join(SHOTS, name) });
}

/**
 * The block titles of each section (by title) and of the library, as the page shows them (the
 * library null while the library pane shows its Case studies tab).
 */
export function board(page) {
  return page.evaluate(() => {
    const titles = (zone) =>
      Array.from(zone.querySelectorAll(':scope > [data-testid="block"] [data-testid="block-title"]')).map((t) => t.textContent.trim());
    const sections = {};
    for (const section of document.querySelectorAll('[data-testid="section"]')) {
      const name = section.querySelector('[data-testid="section-title"]').textContent.trim();
      const zone = section.querySelector('[data-testid="section-blocks"]');
      sections[name] = zone ? titles(zone) : null;
    }
    const library = document.querySelector('[data-testid="library"]');
    return { sections, library: library ? titles(library) : null };
  });
}

/**
 * The board once the page shows every block the core's last reply holds: a tab just switched to may show
 * its sections a frame before their blocks, and a snapshot taken then would be empty.
 */
export async function shownBoard(page) {
  await page.waitForFunction(() => {
    const held = new Map(window.harness.project().sections.map((s) => [s.title, s.blocks.length]));
    const sections = Array.from(document.querySelectorAll('[data-testid="section"]'));
    return (
      sections.length === held.size &&
      sections.every((section) => {
        const zone = section.querySelector('[data-testid="section-blocks"]');
        const title = section.querySelector('[data-testid="section-title"]').textContent.trim();
        return !zone || zone.querySelectorAll(':scope > [data-testid="block"]').length === held.get(title);
      })
    );
  });
  return board(page);
}

export const edits = (page) => page.evaluate(() => window.harness.edits());
/** The project as the core holds it: asked of the test server itself (the page does not see that call). */
export async function coreProject(page) {
  const port = new URL(page.url()).searchParams.get("core");
  const response = await fetch(`http://127.0.0.1:${port}/invoke/current_project`, { method: "POST", body: "{}" });
  return (await response.json()).project;
}

/** Waits until the UI has sent `count` edits and the toolbar says they are saved. */
export async function settled(page, count) {
  await page.waitForFunction((n) => window.harness.edits().length >= n, count);
  await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]')?.textContent.includes("All changes saved"));
}

/** Centre of an element, in page coordinates. */
export async function centre(locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error("element is not visible");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}

/** Presses the mouse on `from` and moves it in small steps to `to`, pausing so the library sees it. */
export async function drag(page, from, to, { steps = 25, pause = 60, beforeDrop } = {}) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  // Leave the start point gently first: svelte-dnd-action starts a drag after a few pixels.
  await page.mouse.move(from.x + 4, from.y + 4, { steps: 2 });
  for (let i = 1; i <= steps; i++) {
    const x = from.x + ((to.x - from.x) * i) / steps;
    const y = from.y + ((to.y - from.y) * i) / steps;
    await page.mouse.move(x, y);
    await page.waitForTimeout(pause / 4);
  }
  // The library checks where the dragged card is every 200 ms; give it a few rounds.
  await page.waitForTimeout(600);
  await page.mouse.move(to.x + 1, to.y + 1);
  await page.waitForTimeout(600);
  if (beforeDrop) await beforeDrop();
  await page.mouse.up();
}
