// Wires the mocked lib/backend (vi.mock in each test file) to the REAL core: the test server
// (crates/test-server, the core's Session) started for the test file by useRealCore(), reached
// through the browser harness's transport (harness/real.ts: Tauri's invoke mocked to POST
// /invoke/<command>, the shell's events forwarded). Each backend function stays a vi.fn, so a
// test can still count calls or hold one reply back, but by default it is the real function and
// the answer is the core's.
import { afterAll, beforeAll, vi } from "vitest";
import type * as Backend from "../lib/backend";
import type { Block, Edit, Finding, LockHolder, MenuAction, OpenedProject, Project, Report } from "../lib/bindings";
import { startRealCore, type RealHarness } from "../../harness/real";
import { copyInto, exists, folderInstead, lockPath, post, removeFile, startServer, writeInto } from "./server.mjs";
export { png, pngHeaderOnly } from "./server.mjs";

type Mocked = { [K in keyof typeof Backend]: (typeof Backend)[K] };
type Fn = (...args: never[]) => unknown;

const actual = await vi.importActual<typeof Backend>("../lib/backend");

/**
 * The functions each test file's vi.mock("./lib/backend") replaces. Until connect() makes them the
 * real ones, they answer as a quiet backend would (a test that renders without connecting
 * stubs what it needs).
 */
export const mockedFunctions = {
  currentProject: vi.fn(),
  takeStartupProblem: vi.fn(async () => null),
  applyEdit: vi.fn(),
  undo: vi.fn(),
  redo: vi.fn(),
  openProjectDialog: vi.fn(),
  newProjectDialog: vi.fn(),
  saveAsDialog: vi.fn(),
  openRecent: vi.fn(),
  openLastExport: vi.fn(async () => undefined),
  revealLastExport: vi.fn(async () => undefined),
  exportBriefingDialog: vi.fn(),
  cancelExport: vi.fn(async () => undefined),
  onExportProgress: vi.fn(async () => () => {}),
  briefingPreview: vi.fn(),
  setWindowTitle: vi.fn(async () => {}),
  onMenuAction: vi.fn(async () => () => {}),
  coachReport: vi.fn(async (): Promise<Report> => EMPTY_REPORT),
  coachBlock: vi.fn(async (): Promise<Finding[]> => []),
  addPictureDialog: vi.fn(),
  pictureThumbnail: vi.fn(),
  pilotReports: vi.fn(async () => []),
  leveragePilot: vi.fn(),
  readResultsDialog: vi.fn(),
  searchCases: vi.fn(),
  useLibraryCase: vi.fn(),
  previewCaseImport: vi.fn(),
  importCases: vi.fn(),
  exportCasesDialog: vi.fn(),
  saveLibraryCase: vi.fn(),
  deleteLibraryCase: vi.fn(),
  takeOverProject: vi.fn(),
  shareCopyDialog: vi.fn(),
  mergePlanDialog: vi.fn(),
  mergeReplan: vi.fn(),
  applyMerge: vi.fn(),
  importSourceDialog: vi.fn(),
  importBlocks: vi.fn(),
} satisfies Partial<Record<keyof typeof Backend, Fn>>;

const IPC_FUNCTIONS = Object.keys(mockedFunctions) as (keyof typeof mockedFunctions)[];

/** The real backend functions (through the transport to the test server), for a test that holds a reply back. */
export const real: typeof Backend = actual;

let server: { port: number; dir: string; stop(): Promise<void> } | null = null;
/** The transport, made once per test file (Tauri's invoke and its events mocked once); its log is emptied for each test. */
let transport: RealHarness | null = null;

// Timers as they are before a test fakes them: waiting for the real core takes real time.
const realSetTimeout = globalThis.setTimeout;
const realSleep = (ms: number) => new Promise((resolve) => realSetTimeout(resolve, ms));

/**
 * Waits, in real time even while a test fakes the timers, until `done()` holds (at most 10 s):
 * for a reply of the real core to arrive while the UI's own timers stand still.
 */
export async function untilReal(done: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !done(); i++) await realSleep(10);
  if (!done()) throw new Error("the real core did not answer in 10 s");
}

/** Whether every call the UI made through `harness` has been answered. */
const settled = (harness: RealHarness) => harness.core.pending === 0;

/**
 * Starts the test server for this test file (before its first test) and stops it after its
 * last: killed, waited for, its temporary folder removed.
 */
export function useRealCore(): void {
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    if (transport) {
      const last = transport;
      await untilReal(() => settled(last));
    }
    transport = null;
    await server?.stop();
    server = null;
  });
}

function port(): number {
  if (!server) throw new Error("call useRealCore() in the test file first");
  return server.port;
}

/** A test control or a command sent to the server directly (the UI does not see it). */
export async function control<T = unknown>(route: string, body?: unknown): Promise<T> {
  return (await post(port(), route, body)) as T;
}

export type Reset = {
  /** A project (as the IPC carries it) written to `fileName` and opened; else the bundled sample. */
  project?: Project;
  fileName?: string;
  /** Edits applied before the test starts (no undo history). */
  edits?: Edit[];
};

/** The real core as a test sees it: the transport's log of what the UI sent and the core answered, and the test controls. */
export type RealCore = RealHarness & {
  /** The project's path and the folder relative dialog answers are in (`/test/reset`'s answer). */
  run: { path: string; dir: string };
  /** The project as the core held it when the test started. */
  initial: OpenedProject;
  /** The block titled `title` as the core held it when the test started (ids are the core's). */
  block(title: string): Block;
  /** The id the core gave the section titled `title` at the start. */
  sectionId(title: string): number;
  /** What the next native file dialog answers: a path (relative: in `run.dir`), or null for Cancel. */
  dialog(path: string | null): Promise<void>;
  /** A command as the UI invokes it, sent to the server directly (the UI does not see it). */
  invoke<T = unknown>(command: string, args?: Record<string, unknown>): Promise<T>;
  /** The project as the core holds it now, asked of the server directly. */
  current(): Promise<OpenedProject>;
  /** `{ path, dir, dialogsLeft, shell }`. */
  state(): Promise<{ path: string | null; dir: string; dialogsLeft: number; shell: { how: string; path: string }[] }>;
  /** The next export is cancelled (by the core's own cancel) when its progress reaches `at`. */
  cancelExportAt(at: Record<string, unknown>): Promise<void>;
  /** The next `command` answers `error` without reaching the core: only for a failure no real cause can make. */
  failNext(command: string, error: unknown): Promise<void>;
  /** Sends a native-menu action, as the shell does. */
  menu(action: MenuAction): Promise<void>;
  /** Writes a file into the run's folder (for a dialog to answer with its name); its path. */
  write(name: string, contents: string | Uint8Array): Promise<string>;
  /** Whether a file is there. */
  exists(path: string): Promise<boolean>;
  /** Removes a file. */
  remove(path: string): Promise<void>;
  /** Waits in real time (even under fake timers) until every call the UI made has been answered. */
  settled(): Promise<void>;
  /** Copies a file (e.g. the project's) into the run's folder as `name`; its path. */
  copy(from: string, name: string): Promise<string>;
  /** Writes `contents` as `name` in the run's folder and makes it the next file dialog's answer. */
  choose(name: string, contents: string | Uint8Array): Promise<void>;
  /**
   * Another Casewright's `holder` has the project open now: its lock file is written beside the
   * project and the core opens the file again (as File › Open Recent would), read-only.
   */
  lockedBy(holder: LockHolder): Promise<OpenedProject>;
  /** The lock file beside the project becomes a folder: taking the project over then fails for a real reason. */
  lockUnreplaceable(): Promise<void>;
  /** Applies `edits` behind the UI's back and opens the file again, so the test starts with them saved and no undo history. */
  prepare(edits: Edit[]): Promise<OpenedProject>;
};

/**
 * Writes `opened`'s project as a file of its own (through a reset of the core, then copied out of
 * the run's folder) for a test to open later by a dialog answer; its absolute path. Call it
 * before connect(): the reset replaces the session.
 */
export async function projectFile(opened: OpenedProject, folder = "kept"): Promise<string> {
  if (!server) throw new Error("call useRealCore() in the test file first");
  const run = await control<{ path: string; dir: string }>("/test/reset", { project: opened.project, fileName: opened.fileName });
  return copyInto(run.path, `${server.dir}/${folder}`, opened.fileName);
}

function allBlocks(project: Project): Block[] {
  return [...project.sections.flatMap((s) => s.blocks), ...project.library];
}

/**
 * A fresh session on the real core holding `opened`'s project (written as its file name), or
 * `reset` as given; every mocked backend function is the real one again; Tauri's invoke goes to
 * the server through harness/real.ts. Returns the core as the test sees it.
 */
export async function connect(backend: Mocked, opened: OpenedProject | null, reset: Reset = {}): Promise<RealCore> {
  // A call the last test's App made as it went away (a draft flushed on unmount) lands before the reset, not after it.
  if (transport) {
    const last = transport;
    await untilReal(() => settled(last));
  }
  const body: Reset = opened ? { project: opened.project, fileName: opened.fileName, ...reset } : reset;
  const run = await control<{ path: string; dir: string }>("/test/reset", body);
  const initial = await control<OpenedProject>("/invoke/current_project");
  for (const name of IPC_FUNCTIONS) {
    const fn = vi.mocked(backend[name] as Fn);
    fn.mockReset();
    fn.mockImplementation(actual[name] as Fn);
  }
  transport ??= startRealCore(port(), 0);
  const harness = transport;
  const log = harness.core;
  for (const list of [log.calls, log.sent, log.refusals, log.answers, log.events]) list.length = 0;
  log.last = null;
  harness.beforeEvent(null);
  const find = <T extends { title: string }>(items: T[], title: string, what: string): T => {
    const found = items.find((item) => item.title === title);
    if (!found) throw new Error(`the core holds no ${what} titled ${title}`);
    return structuredClone(found);
  };
  return {
    ...harness,
    run,
    initial,
    block: (title) => find(allBlocks(initial.project), title, "block"),
    sectionId: (title) => find(initial.project.sections, title, "section").id,
    dialog: (path) => control("/test/dialog", { path }),
    invoke: (command, args) => control(`/invoke/${command}`, args),
    current: () => control<OpenedProject>("/invoke/current_project"),
    state: () => control("/test/state"),
    cancelExportAt: (at) => control("/test/cancel-export-at", at),
    failNext: (command, error) => control("/test/fail-next", { command, error }),
    write: (name, contents) => writeInto(run.dir, name, contents),
    exists,
    remove: removeFile,
    copy: (from, name) => copyInto(from, run.dir, name),
    settled: () => untilReal(() => settled(harness)),
    choose: async (name, contents) => {
      await writeInto(run.dir, name, contents);
      await control("/test/dialog", { path: name });
    },
    lockedBy: async (holder) => {
      await writeInto(run.dir, lockPath(run.path).split("/").pop()!, JSON.stringify(holder));
      return control<OpenedProject>("/invoke/open_recent", { path: run.path });
    },
    lockUnreplaceable: () => folderInstead(lockPath(run.path)),
    prepare: async (edits) => {
      for (const edit of edits) await control("/invoke/apply_edit", { edit });
      const reopened = await control<OpenedProject>("/invoke/open_recent", { path: run.path });
      Object.assign(initial, reopened);
      return reopened;
    },
  };
}

export const EMPTY_REPORT: Report = { findings: [], checks: [], score: 0, dismissed: [], setAside: [] };

/** A coach with nothing to say, for tests about other things that do not connect to the core. */
export function quietCoach(backend: Mocked): void {
  vi.mocked(backend.coachReport).mockResolvedValue(EMPTY_REPORT);
  vi.mocked(backend.coachBlock).mockResolvedValue([]);
}

/** The handler App registered for native-menu actions. */
export function menuHandler(backend: Mocked): (action: MenuAction) => void {
  const calls = vi.mocked(backend.onMenuAction).mock.calls;
  if (calls.length === 0) throw new Error("App did not listen for menu actions");
  return calls[calls.length - 1][0];
}

export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * One reply held back: the real call is made at once (the core answers as things stand when the
 * UI asks), and its answer reaches the UI only once `release()` is called; `delivered` settles
 * with the answer once it has been handed over.
 */
export function heldBack<A extends unknown[], T>(call: (...args: A) => Promise<T>) {
  const gate = deferred<void>();
  const handed = deferred<T>();
  const fn = async (...args: A): Promise<T> => {
    const answer = await call(...args);
    await gate.promise;
    handed.resolve(answer);
    return answer;
  };
  return { fn, release: () => gate.resolve(), delivered: handed.promise };
}
