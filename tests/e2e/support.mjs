// Shared by the end-to-end tests: a session with the real app through tauri-driver (which
// run.sh starts on a free port it exports as WEBDRIVER_PORT), and the app's own CLI for making
// project files.
import { dirname, join } from "node:path";
import { remote } from "webdriverio";

/** The `casewright` CLI built beside the app. */
export const cli = join(dirname(process.env.APP_BIN), "casewright");

/** Starts the app with `args` (e.g. a project file to open). */
export function launchApp(args = []) {
  return remote({
    hostname: "127.0.0.1",
    port: Number(process.env.WEBDRIVER_PORT ?? 4444),
    logLevel: "warn",
    capabilities: { "tauri:options": { application: process.env.APP_BIN, args } },
  });
}

/** Starts the app on `projectFile` and waits until its storyboard shows. */
export async function openInApp(projectFile) {
  const browser = await launchApp([projectFile]);
  await browser.$('[data-testid="storyboard"] [data-testid="block"]').waitForDisplayed({ timeout: 20000 });
  return browser;
}

/** The centre of an element on screen, scrolled to the middle first. */
export async function centreOf(browser, chained) {
  const element = await chained;
  await element.scrollIntoView({ block: "center" });
  const rect = await browser.execute((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2, height: r.height };
  }, element);
  return { x: Math.round(rect.x), y: Math.round(rect.y), height: rect.height };
}

/** A real pointer drag: press, leave the start gently, move in steps, pause, release. */
export async function drag(browser, from, to) {
  const moves = [];
  const steps = 20;
  for (let i = 1; i <= steps; i++) {
    moves.push({ type: "pointerMove", duration: 20, x: Math.round(from.x + ((to.x - from.x) * i) / steps), y: Math.round(from.y + ((to.y - from.y) * i) / steps) });
  }
  await browser.performActions([
    {
      type: "pointer",
      id: "mouse",
      parameters: { pointerType: "mouse" },
      actions: [
        { type: "pointerMove", duration: 0, x: from.x, y: from.y },
        { type: "pointerDown", button: 0 },
        { type: "pointerMove", duration: 50, x: from.x + 5, y: from.y + 5 },
        ...moves,
        // svelte-dnd-action checks where the dragged card is every 200 ms; give it time.
        { type: "pause", duration: 700 },
        { type: "pointerMove", duration: 50, x: to.x + 1, y: to.y + 1 },
        { type: "pause", duration: 700 },
        { type: "pointerUp", button: 0 },
      ],
    },
  ]);
  await browser.releaseActions();
}
