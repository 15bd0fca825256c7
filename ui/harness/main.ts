// The editor in a plain browser: the real App, with Tauri's IPC answered by FakeCore.
// Tests drive it through the page and read `window.harness`.
import { mount } from "svelte";
import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import sampleText from "../../assets/sample/social-collaboration.json?raw";
import "../src/app.css";
import App from "../src/App.svelte";
import type {
  CaseQuery,
  CaseStudy,
  Edit,
  ExportProgress,
  LockHolder,
  MenuAction,
  Place,
  Project,
  Relation,
  Resolution,
} from "../src/lib/bindings";
import { FakeCore, type ImportAnswer, type MergeAnswer, type SlowExport } from "./fake";
import type { ImportFile } from "./cases";
import { firstDraft, projectFromSample, samplePilot } from "./fixture";
import { bigProject } from "./big";
import { startRealCore, type RealHarness } from "./real";

/** The fake core's harness (the test files not yet on the real core). */
type FakeHarness = {
      core: FakeCore;
      /** The edits sent so far. */
      edits(): Edit[];
      /** The project as the fake core has it. */
      project(): Project;
      /** Sends a native-menu action, as the shell does. */
      menu(action: MenuAction): Promise<void>;
      /** Exports from now on pause `stepMs` before each step (and count `pictures` if given); null: at once. */
      slowExport(slow: SlowExport | null): void;
      /** The export-progress events sent so far. */
      progress(): ExportProgress[];
      /** The briefings exports have written (a cancelled one writes none). */
      written(): string[];
      /** Adds a case to the fake library (as save_library_case with id 0); its id. */
      addCase(study: CaseStudy): number;
      /** The cases in the fake library. */
      cases(): CaseStudy[];
      /** What the next case import "reads" (its preview and its cases or refusal); null: cancelled. */
      importFile(file: ImportFile | null): void;
      /** Every use_library_case asked for (case id, relation, place, metrics), in order. */
      caseUses(): { id: number; relation: Relation | null; to: Place; metrics: boolean }[];
      /** The selection of every case export asked for (null: the whole library), in order. */
      casesExports(): (CaseQuery | null)[];
      /**
       * Opens the project again as another Casewright's `holder` has it open: read-only here, every
       * change refused (code "read_only"), as File › Open Recent of a locked file does.
       */
      openReadOnly(holder: LockHolder): Promise<void>;
      /**
       * What Merge Changes From… plans from now on: "sample" (the default: Ben's copy of the sample,
       * harness/merge.ts), a plan (with `takenEdits` and `theirEdits`: what its changes do here),
       * an error (e.g. { code: "different_project", … }), or null (the file dialog cancelled).
       */
      mergePlan(answer: MergeAnswer): void;
      /** The next merge is refused as stale (their copy changed); Review again then plans it anew. */
      staleNext(): void;
      /** Every merge asked for: the plan's fingerprint and the choices sent, in order. */
      merges(): { fingerprint: string; resolutions: Resolution[] }[];
      /** What Import Blocks From… reads from now on: "sample" (the default), a source, an error, or null (cancelled). */
      importSource(answer: ImportAnswer): void;
      /** Every import asked for: the uids and the place sent, in order. */
      imports(): { uids: string[]; to: Place }[];
};

declare global {
  interface Window {
    harness: FakeHarness | RealHarness;
  }
}

const params = new URLSearchParams(location.search);
// ?core=PORT: the real core, through the test server on that port (harness/real.ts).
const realPort = params.get("core");
if (realPort) window.harness = startRealCore(Number(realPort), Number(params.get("delay") ?? 0));
else startFake();

const target = document.getElementById("app");
if (!target) throw new Error("harness/index.html has no #app element");
mount(App, { target });

function startFake() {
const sample = projectFromSample(JSON.parse(sampleText));
// ?coach=demo: a first draft with advice for the coach to give.
// ?big=2000x12 (or 2000x12x60, with 60 more in the library): a generated big project (harness/big.ts).
const big = /^(\d+)x(\d+)(?:x(\d+))?$/.exec(params.get("big") ?? "");
const project = big ? bigProject(Number(big[1]), Number(big[2]), Number(big[3] ?? 0)) : params.get("coach") === "demo" ? firstDraft(sample) : sample;
// ?pilots=none: a project without pilots.
project.pilots = params.get("pilots") === "none" || big ? [] : [samplePilot()];
const core = new FakeCore(project, "/home/ana/Sample - Social collaboration.casewright");
core.delayMs = Number(params.get("delay") ?? 0);
core.emit = (event, payload) => emit(event, payload);

mockWindows("main");
mockIPC((command, args) => core.handle(command, args), { shouldMockEvents: true });

window.harness = {
  core,
  edits: () => JSON.parse(JSON.stringify(core.edits)),
  project: () => JSON.parse(JSON.stringify(core.project)),
  menu: (action) => emit("menu-action", action),
  slowExport: (slow) => {
    core.slowExport = slow ? { ...slow } : null;
  },
  progress: () => JSON.parse(JSON.stringify(core.progress)),
  written: () => [...core.written],
  addCase: (study) => core.library.save({ ...JSON.parse(JSON.stringify(study)), id: 0 }),
  cases: () => JSON.parse(JSON.stringify(core.library.cases)),
  importFile: (file) => {
    core.library.importFile = file === null ? null : JSON.parse(JSON.stringify(file));
  },
  caseUses: () => JSON.parse(JSON.stringify(core.caseUses)),
  casesExports: () => JSON.parse(JSON.stringify(core.casesExports)),
  openReadOnly: (holder) => {
    core.readOnly = JSON.parse(JSON.stringify(holder));
    return emit("menu-action", { action: "openRecent", path: core.path });
  },
  mergePlan: (answer) => {
    core.mergeAnswer = answer === null || answer === "sample" ? answer : JSON.parse(JSON.stringify(answer));
  },
  staleNext: () => {
    core.staleNext = true;
  },
  merges: () => JSON.parse(JSON.stringify(core.merges)),
  importSource: (answer) => {
    core.importAnswer = answer === null || answer === "sample" ? answer : JSON.parse(JSON.stringify(answer));
  },
  imports: () => JSON.parse(JSON.stringify(core.imports)),
};

}
