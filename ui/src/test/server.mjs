// The real core's test server (crates/test-server) for one jsdom test file (and, through browser-tests/support.mjs, the browser tests): started in a
// temporary folder, its port read from stdout's first line; stopped by killing it and waiting
// for it to exit before its folder is removed (as browser-tests/support.mjs startCore does).
import { spawn } from "node:child_process";
import { access, copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { createInterface } from "node:readline";

// Real PNG files for the core to check, store and draw: the browser tests' makers, shared.
export { png, pngHeaderOnly } from "../../browser-tests/fixtures.mjs";

// Vitest runs from ui/ (jsdom gives modules http: URLs, so import.meta.url names no file).
const ROOT = join(process.cwd(), "..");
/** The test server `npm test` builds (cargo build -p casewright-test-server); CASEWRIGHT_TEST_SERVER names another. */
export const TEST_SERVER =
  process.env.CASEWRIGHT_TEST_SERVER ?? join(process.env.CARGO_TARGET_DIR ?? join(ROOT, "target"), "debug", "casewright-test-server");

/** Starts the server in a new temporary folder named from `prefix`; `{ port, dir, stop }`. */
export async function startServer(prefix = "casewright-vitest-") {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  // Its stdin is a pipe held open by this process: should the test worker die, the server ends too.
  const child = spawn(TEST_SERVER, ["--dir", dir], { stdio: ["pipe", "pipe", "inherit"] });
  // Settles when the process has ended, or never started (a spawn error has no exit event).
  const exited = new Promise((resolve) => {
    child.once("exit", (code, signal) => resolve(code ?? signal));
    child.once("error", (error) => resolve(error.message));
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const port = await new Promise((resolve, reject) => {
      createInterface({ input: child.stdout }).once("line", (line) => resolve(Number(line)));
      child.once("error", reject);
      exited.then((how) => reject(new Error(`the test server ${TEST_SERVER} ended (${how}) before it listened; build it with cargo build -p casewright-test-server`)));
    });
    return { port, dir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Writes a file a test then names in a dialog answer: `name` in `dir` (the run's folder). */
export async function writeInto(dir, name, contents) {
  const path = join(dir, name);
  await writeFile(path, contents);
  return path;
}

/** Whether a file is there. */
export async function exists(path) {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Copies `from` to `name` in `dir` (made if need be); its path. */
export async function copyInto(from, dir, name) {
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  await copyFile(from, path);
  return path;
}

/** The lock file another Casewright keeps beside `project` while it has it open (project_file/lock.rs). */
export function lockPath(project) {
  return join(dirname(project), `.~lock.${basename(project)}#`);
}

/** Puts a folder where a file was (a file nothing can replace). */
export async function folderInstead(path) {
  await rm(path, { force: true });
  await mkdir(path);
}

/** Removes a file. */
export async function removeFile(path) {
  await rm(path);
}

/**
 * Posts `body` to `route` on the server at `port`: a test control or a command, as the test
 * sends it (the UI does not see it). Its answer; a refusal throws with the body attached.
 */
export async function post(port, route, body) {
  const response = await fetch(`http://127.0.0.1:${port}${route}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body ?? {}),
  });
  const text = await response.text();
  const value = text === "" ? null : JSON.parse(text);
  if (!response.ok) throw Object.assign(new Error(`${route}: ${text}`), { body: value });
  return value;
}
