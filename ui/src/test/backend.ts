// Wires the mocked lib/backend (vi.mock in each test file) to FakeCore, the in-memory core
// the browser harness uses too, so the editor sees realistic replies to its edits.
import { vi } from "vitest";
import type * as Backend from "../lib/backend";
import type {
  BriefingPreview,
  ExportedBriefing,
  ExportProgress,
  Finding,
  ImageRef,
  ImportedResults,
  ImportSource,
  MenuAction,
  MergePlan,
  OpenedProject,
  PilotReport,
  Report,
  SearchResult,
  SharedCopy,
} from "../lib/bindings";
import { FakeCore } from "../../harness/fake";

type Mocked = { [K in keyof typeof Backend]: (typeof Backend)[K] };

/** The functions each test file's vi.mock("./lib/backend") replaces. */
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
  coachReport: vi.fn(async (): Promise<Report> => ({ findings: [], checks: [], score: 0, dismissed: [], setAside: [] })),
  coachBlock: vi.fn(async (): Promise<Finding[]> => []),
  addPictureDialog: vi.fn(),
  pictureThumbnail: vi.fn(),
  pilotReports: vi.fn(async () => []),
  leveragePilot: vi.fn(),
  readResultsDialog: vi.fn(),
  searchCases: vi.fn(),
  useLibraryCase: vi.fn(),
  takeOverProject: vi.fn(),
  shareCopyDialog: vi.fn(),
  mergePlanDialog: vi.fn(),
  mergeReplan: vi.fn(),
  applyMerge: vi.fn(),
  importSourceDialog: vi.fn(),
  importBlocks: vi.fn(),
};

/**
 * Answers currentProject, applyEdit, undo, redo, the coach, the briefing preview, the PDF
 * export (its progress events go to the handler App gave onExportProgress; cancelExport
 * reaches the core), the pictures (adding one, thumbnails), the pilots (reports, leverage,
 * the results dialog), the case library (search, use a case), taking the project over,
 * sharing a copy (its `readOnly`, `shareAnswer`), merging a copy (`mergeAnswer`, `staleNext`,
 * `merges`) and importing blocks (`importAnswer`, `imports`) from a FakeCore holding
 * `opened`'s project; returns the core (its `edits` are what the UI sent, its `previews` and
 * `exports` the print settings asked for, `slowExport` paces the export's steps).
 */
export function connect(backend: Mocked, opened: OpenedProject): FakeCore {
  const core = new FakeCore(opened.project, opened.path);
  core.readOnly = opened.readOnly;
  const answer = (command: string, args?: unknown) => core.handle(command, args) as Promise<OpenedProject>;
  vi.mocked(backend.currentProject).mockImplementation(() => answer("current_project"));
  vi.mocked(backend.applyEdit).mockImplementation((edit) => answer("apply_edit", { edit }));
  vi.mocked(backend.undo).mockImplementation(() => answer("undo"));
  vi.mocked(backend.redo).mockImplementation(() => answer("redo"));
  vi.mocked(backend.coachReport).mockImplementation(() => core.handle("coach_report", undefined) as Promise<Report>);
  vi.mocked(backend.coachBlock).mockImplementation((block) => core.handle("coach_block", { block }) as Promise<Finding[]>);
  vi.mocked(backend.briefingPreview).mockImplementation((settings) => core.handle("briefing_preview", { settings }) as Promise<BriefingPreview>);
  vi.mocked(backend.exportBriefingDialog).mockImplementation(
    (settings) => core.handle("export_briefing_dialog", { settings }) as Promise<ExportedBriefing | null>,
  );
  vi.mocked(backend.cancelExport).mockImplementation(async () => {
    await core.handle("cancel_export", undefined);
  });
  // The core's export-progress events reach the handler App registered, as the shell's would.
  core.emit = (event, payload) => {
    if (event !== "export-progress") return;
    vi.mocked(backend.onExportProgress).mock.calls.at(-1)?.[0](payload as ExportProgress);
  };
  vi.mocked(backend.addPictureDialog).mockImplementation(() => core.handle("add_picture_dialog", undefined) as Promise<ImageRef | null>);
  vi.mocked(backend.pictureThumbnail).mockImplementation((id) => core.handle("picture_thumbnail", { id }) as Promise<string>);
  vi.mocked(backend.pilotReports).mockImplementation(() => core.handle("pilot_reports", undefined) as Promise<PilotReport[]>);
  vi.mocked(backend.leveragePilot).mockImplementation((id) => answer("leverage_pilot", { id }));
  vi.mocked(backend.readResultsDialog).mockImplementation(
    (design) => core.handle("read_results_dialog", { design }) as Promise<ImportedResults[] | null>,
  );
  vi.mocked(backend.searchCases).mockImplementation((query) => core.handle("search_cases", { query }) as Promise<SearchResult>);
  vi.mocked(backend.useLibraryCase).mockImplementation((id, relation, to, metrics) => answer("use_library_case", { id, relation, to, metrics }));
  vi.mocked(backend.takeOverProject).mockImplementation(() => answer("take_over_project"));
  vi.mocked(backend.shareCopyDialog).mockImplementation((options) => core.handle("share_copy_dialog", { options }) as Promise<SharedCopy | null>);
  vi.mocked(backend.mergePlanDialog).mockImplementation(() => core.handle("merge_plan_dialog", undefined) as Promise<MergePlan | null>);
  vi.mocked(backend.mergeReplan).mockImplementation(() => core.handle("merge_replan", undefined) as Promise<MergePlan>);
  vi.mocked(backend.applyMerge).mockImplementation((fingerprint, resolutions) => answer("apply_merge", { fingerprint, resolutions }));
  vi.mocked(backend.importSourceDialog).mockImplementation(() => core.handle("import_source_dialog", undefined) as Promise<ImportSource | null>);
  vi.mocked(backend.importBlocks).mockImplementation((uids, to) => answer("import_blocks", { uids, to }));
  vi.mocked(backend.takeStartupProblem).mockResolvedValue(null);
  vi.mocked(backend.setWindowTitle).mockResolvedValue(undefined);
  vi.mocked(backend.onMenuAction).mockResolvedValue(() => {});
  vi.mocked(backend.onExportProgress).mockResolvedValue(() => {});
  return core;
}

export const EMPTY_REPORT: Report = { findings: [], checks: [], score: 0, dismissed: [], setAside: [] };

/** A coach with nothing to say, for tests about other things (connect() replaces it with FakeCore's). */
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
