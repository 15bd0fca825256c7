// Shared by the end-to-end tests: a session with the real app through tauri-driver (which
// run.sh starts on port 4444), and the app's own CLI for making project files.
import { dirname, join } from "node:path";
import { remote } from "webdriverio";

/** The `casewright` CLI built beside the app. */
export const cli = join(dirname(process.env.APP_BIN), "casewright");

/** Starts the app with `args` (e.g. a project file to open). */
export function launchApp(args = []) {
  return remote({
    hostname: "127.0.0.1",
    port: 4444,
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
