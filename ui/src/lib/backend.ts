// The only module that talks to the desktop shell. Everything else imports these functions,
// so tests can replace the whole backend with one vi.mock.
import { invoke, type InvokeArgs } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { getCurrentWindow } from "@tauri-apps/api/window";
import type {
  AppError,
  Block,
  CaseQuery,
  CaseStudy,
  ImportPreview,
  ImportSummary,
  Place,
  Relation,
  SearchResult,
  BriefingPreview,
  BriefingSettings,
  Design,
  Edit,
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
  Resolution,
  SharedCopy,
  ShareOptions,
} from "./bindings";

/** A4, no handout: what an export uses until the person chooses otherwise. */
export const DEFAULT_BRIEFING: BriefingSettings = { paper: "a4", handout: false };

function isAppError(value: unknown): value is AppError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as AppError).code === "string" &&
    typeof (value as AppError).message === "string"
  );
}

/** Whatever a failed call threw, as the AppError shape the UI shows. */
export function toAppError(e: unknown): AppError {
  if (isAppError(e)) return e.details === undefined ? { code: e.code, message: e.message } : { code: e.code, message: e.message, details: e.details };
  if (e instanceof Error) return { code: "unknown", message: e.message };
  if (typeof e === "string" && e !== "") return { code: "unknown", message: e };
  return { code: "unknown", message: "Something went wrong." };
}

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toAppError(e);
  }
}

/** The project the app has open (the sample project on first start). */
export function currentProject(): Promise<OpenedProject> {
  return call<OpenedProject>("current_project");
}

/** Why the file the app was started with could not be opened (it then shows the sample). */
export function takeStartupProblem(): Promise<AppError | null> {
  return call<AppError | null>("take_startup_problem");
}

/** Applies one edit to the storyboard; the core saves it at once and returns the project as it now is. */
export function applyEdit(edit: Edit): Promise<OpenedProject> {
  return call<OpenedProject>("apply_edit", { edit });
}

/** Undoes the last edit (saved at once); returns the project as it now is. */
export function undo(): Promise<OpenedProject> {
  return call<OpenedProject>("undo");
}

/** Redoes the last undone edit (saved at once); returns the project as it now is. */
export function redo(): Promise<OpenedProject> {
  return call<OpenedProject>("redo");
}

/** The framing coach's report on the open storyboard: findings, dismissed findings, checklist, score. */
export function coachReport(): Promise<Report> {
  return call<Report>("coach_report");
}

/**
 * The coach's findings on a draft of one block (matched by id), as the person types; nothing is
 * saved. A block that is not placed in a section gets none.
 */
export function coachBlock(block: Block): Promise<Finding[]> {
  return call<Finding[]>("coach_block", { block });
}

/** Asks where to create a project, creates it from the storyboard template and opens it; null when cancelled. */
export function newProjectDialog(): Promise<OpenedProject | null> {
  return call<OpenedProject | null>("new_project_dialog");
}

/** Asks for a new name, writes a copy there and goes on editing the copy; null when cancelled. */
export function saveAsDialog(): Promise<OpenedProject | null> {
  return call<OpenedProject | null>("save_as_dialog");
}

/**
 * Opens the project shown read-only (OpenedProject.readOnly: someone else has it open) for
 * editing here, taking its lock whoever holds it; returns the file as it now is, editable.
 */
export function takeOverProject(): Promise<OpenedProject> {
  return call<OpenedProject>("take_over_project");
}

/**
 * Asks where to save and writes a shared copy of the open project for a colleague (only what it
 * uses; speaker notes and dismissed advice left out when asked); null when the person cancels.
 * A read: it works while the project is open read-only too.
 */
export function shareCopyDialog(options: ShareOptions): Promise<SharedCopy | null> {
  return call<SharedCopy | null>("share_copy_dialog", { options });
}

/**
 * Merge Changes From…: asks for a colleague's copy of the open project and plans the merge: their
 * changes that go in without asking, and the conflicts the person decides; null when the person
 * cancels. The shell remembers the file for mergeReplan and applyMerge. Refused with
 * "different_project" (a copy of another project) or "no_common_state" (no shared state to
 * compare from). A read: it works while the project is open read-only, though applying does not.
 */
export function mergePlanDialog(): Promise<MergePlan | null> {
  return call<MergePlan | null>("merge_plan_dialog");
}

/** The merge of the copy chosen last planned again (after applyMerge was refused as "merge_stale"). */
export function mergeReplan(): Promise<MergePlan> {
  return call<MergePlan>("merge_replan");
}

/**
 * Merges the copy chosen last, with one choice per conflict of the plan whose `fingerprint` is
 * given, as one undoable edit; returns the project as it now is. Refused with "merge_stale" when
 * the project or their copy changed since the plan (review it again), "merge_undecided" when a
 * conflict has no choice, "read_only" while the project is open read-only.
 */
export function applyMerge(fingerprint: string, resolutions: Resolution[]): Promise<OpenedProject> {
  return call<OpenedProject>("apply_merge", { fingerprint, resolutions });
}

/** Import Blocks From…: asks for another project and reads it to choose blocks from; null when cancelled. */
export function importSourceDialog(): Promise<ImportSource | null> {
  return call<ImportSource | null>("import_source_dialog");
}

/**
 * Copies the blocks of the project chosen last whose uids are `uids` (in that project's order) to
 * `to`, consecutively from its index, as one undoable edit; returns the project as it now is.
 */
export function importBlocks(uids: string[], to: Place): Promise<OpenedProject> {
  return call<OpenedProject>("import_blocks", { uids, to });
}

/** Opens a project from the recent list (File › Open Recent). */
export function openRecent(path: string): Promise<OpenedProject> {
  return call<OpenedProject>("open_recent", { path });
}

/** Asks for a project file and opens it; null when the person cancels the dialog. */
export function openProjectDialog(): Promise<OpenedProject | null> {
  return call<OpenedProject | null>("open_project_dialog");
}

/**
 * Asks where to save and writes the briefing PDF, sending EXPORT_PROGRESS_EVENT as it goes;
 * null when the person cancels the dialog or the export (cancelExport).
 */
export function exportBriefingDialog(settings: BriefingSettings = DEFAULT_BRIEFING): Promise<ExportedBriefing | null> {
  return call<ExportedBriefing | null>("export_briefing_dialog", { settings });
}

/** Stops the export in progress at its next step; it then writes nothing and resolves to null. */
export function cancelExport(): Promise<void> {
  return call<void>("cancel_export");
}

/** Opens the briefing just exported in the system's PDF viewer. */
export function openLastExport(): Promise<void> {
  return call<void>("open_last_export");
}

/** Shows the briefing just exported in the system's file manager. */
export function revealLastExport(): Promise<void> {
  return call<void>("reveal_last_export");
}

/** The open project's briefing as SVG pages, drawn exactly as the PDF will be. */
export function briefingPreview(settings: BriefingSettings): Promise<BriefingPreview> {
  return call<BriefingPreview>("briefing_preview", { settings });
}

/**
 * Asks for a JPEG or PNG picture, checks it and stores it in the project file; null when the
 * person cancels. Adding a picture does not use it: a SetBranding or UpdateBlock edit does.
 */
export function addPictureDialog(): Promise<ImageRef | null> {
  return call<ImageRef | null>("add_picture_dialog");
}

/** A small copy (at most 480 px a side) of one of the open project's pictures, as a `data:` URL. */
export function pictureThumbnail(id: number): Promise<string> {
  return call<string>("picture_thumbnail", { id });
}

/** Each of the open project's pilots judged by the core: verdict, summary, each criterion's numbers and chart. */
export function pilotReports(): Promise<PilotReport[]> {
  return call<PilotReport[]>("pilot_reports");
}

/**
 * Adds a pilot's win to the storyboard's results section (a story, a metric per criterion won
 * and an ask) as one undoable edit. Refused with code "not_a_win" when the results are weak or
 * missing; the message says why.
 */
export function leveragePilot(id: number): Promise<OpenedProject> {
  return call<OpenedProject>("leverage_pilot", { id });
}

/**
 * Asks for a results spreadsheet (CSV) laid out for `design` and reads it: each metric found,
 * or an "invalid_csv" error listing every bad line (one a line); null when cancelled.
 */
export function readResultsDialog(design: Design): Promise<ImportedResults[] | null> {
  return call<ImportedResults[] | null>("read_results_dialog", { design });
}

/** The personal case-study library searched as the person types (prefix matching, facets, snippets). */
export function searchCases(query: CaseQuery): Promise<SearchResult> {
  return call<SearchResult>("search_cases", { query });
}

/**
 * Copies a library case into the open project as a story block (and a metric block per numbered
 * outcome when `metrics`) at `to`, as one undoable edit; returns the project as it now is.
 */
export function useLibraryCase(id: number, relation: Relation | null, to: Place, metrics: boolean): Promise<OpenedProject> {
  return call<OpenedProject>("use_library_case", { id, relation, to, metrics });
}

/** Asks for a CSV or JSON file of cases and reads its headers and default mapping; null when cancelled. */
export function previewCaseImport(): Promise<ImportPreview | null> {
  return call<ImportPreview | null>("preview_case_import");
}

/**
 * Imports the previewed file with this column mapping. Refused with "duplicates" (call again
 * with "skip" or "update"), or "invalid_csv"/"invalid_json" listing every bad line (nothing imported).
 */
export function importCases(mapping: Record<string, number>, onDuplicate: "skip" | "update" | null): Promise<ImportSummary> {
  return call<ImportSummary>("import_cases", { mapping, onDuplicate });
}

/**
 * Asks where to write the library as CSV or JSON and writes it: the cases `selection` matches
 * (all of them, not only the page shown), or the whole library; the path, or null when cancelled.
 */
export function exportCasesDialog(selection: CaseQuery | null = null): Promise<string | null> {
  return call<string | null>("export_cases_dialog", { selection });
}

/** Stores a case in the library (id 0 adds it); returns its id. */
export function saveLibraryCase(study: CaseStudy): Promise<number> {
  return call<number>("save_library_case", { case: study });
}

/** Deletes a case from the library; returns it, so it can be saved again (Undo). */
export function deleteLibraryCase(id: number): Promise<CaseStudy> {
  return call<CaseStudy>("delete_library_case", { id });
}

/** Sets the native window title; a failure (e.g. outside the shell) is not worth showing. */
export async function setWindowTitle(title: string): Promise<void> {
  document.title = title;
  try {
    await getCurrentWindow().setTitle(title);
  } catch {
    // Not in a Tauri window, or the permission is missing: the in-page UI still shows the name.
  }
}

/** The event the native menu sends (MENU_EVENT in crates/core/src/ipc.rs). */
export const MENU_EVENT = "menu-action";

/** Calls `handler` with each item chosen in the native menu; resolves to a function that stops listening. */
export async function onMenuAction(handler: (action: MenuAction) => void): Promise<() => void> {
  const stop = await listen<MenuAction>(MENU_EVENT, (event) => handler(event.payload));
  // Actions that came while the window was still loading (a project double-clicked then).
  for (const action of await call<MenuAction[]>("menu_listening")) handler(action);
  return stop;
}

/** The event an export sends at each step (EXPORT_PROGRESS_EVENT in crates/core/src/ipc.rs). */
export const EXPORT_PROGRESS_EVENT = "export-progress";

/** Calls `handler` with each step of an export as it happens; resolves to a function that stops listening. */
export async function onExportProgress(handler: (progress: ExportProgress) => void): Promise<() => void> {
  return listen<ExportProgress>(EXPORT_PROGRESS_EVENT, (event) => handler(event.payload));
}
