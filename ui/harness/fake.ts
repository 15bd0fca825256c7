// An in-memory stand-in for the Rust core, just enough to drive the editor in a browser: it
// applies Edits to a project the way crates/core/src/storyboard/edit.rs does (including
// "index counts the blocks after the moved one is taken out"), keeps undo/redo as snapshots,
// and records every apply_edit call for the tests to read. Its coach is harness/coach.ts, its
// briefing pages harness/briefing.ts. Its pictures are sizes only: add_picture_dialog "stores"
// one without asking anybody, and a thumbnail is a small SVG drawn for its id and shape. Its
// charts are harness/chart.ts. Its export "writes" nothing: it sends export-progress events
// through `emit` (at once, or spaced out in slow mode) and honours cancel_export as the shell does.
// Its pilots are checked, judged and leveraged by harness/pilots.ts (a test double of
// crates/core/src/pilot); its results dialog answers what a test set (`resultsAnswer`).
// Like the core, it can hold the project read-only (`readOnly`: who else has it open): then
// every change is refused with code "read_only", until take_over_project or a Save As. Its
// share_copy_dialog "writes" a copy sized from the project, or answers what a test set
// (`shareAnswer`: a result, an error, or null for a cancelled save dialog). Merge Changes From…
// plans what a test set (`mergeAnswer`: Ben's copy of the sample, harness/merge.ts, unless set)
// and applies it as one undoable step, recording the choices received (`merges`); `staleNext`
// makes the next merge stale, as an edit to either file would. Import Blocks From… reads what a
// test set (`importAnswer`) and copies the blocks asked for, recording each call (`imports`).
import type {
  AppError,
  ErrorCode,
  Block,
  BriefingSettings,
  CaseQuery,
  Design,
  Edit,
  ExportedBriefing,
  ExportProgress,
  ImageRef,
  ImportedResults,
  ImportSource,
  LockHolder,
  MergePlan,
  OpenedProject,
  Pilot,
  Place,
  Project,
  Relation,
  Resolution,
  SharedCopy,
  ShareOptions,
} from "../src/lib/bindings";
import { briefingPreview } from "./briefing";
import { projectCharts } from "./chart";
import { lintDraft, lintProject, replaceChars } from "./coach";
import { checkPilot, leverageEdit, reportPilot } from "./pilots";
import { caseBlocks, FakeLibrary } from "./cases";
import { planForUi, sampleMergePlan, sampleImportSource, type FakeMergePlan } from "./merge";

type Json = ReturnType<typeof JSON.parse>;

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function refuse(code: ErrorCode, message: string): AppError {
  return { code, message };
}

/** A stand-in thumbnail: a landscape in colours chosen by the id, at the picture's shape. */
export function thumbnailSvg(picture: ImageRef): string {
  const skies = ["#cfe3f1", "#f3dfc8", "#dcd6f0", "#d3ecd9"];
  const hills = ["#2f855a", "#b06a10", "#5b4bc4", "#0b5c85"];
  const sky = skies[picture.id % skies.length];
  const hill = hills[picture.id % hills.length];
  const w = picture.width;
  const h = picture.height;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<rect width="${w}" height="${h}" fill="${sky}"/>` +
    `<circle cx="${w * 0.75}" cy="${h * 0.28}" r="${Math.min(w, h) * 0.1}" fill="#f6c945"/>` +
    `<path d="M0 ${h * 0.78} L${w * 0.3} ${h * 0.5} L${w * 0.55} ${h * 0.72} L${w * 0.72} ${h * 0.6} L${w} ${h * 0.8} L${w} ${h} L0 ${h} Z" fill="${hill}"/>` +
    `</svg>`
  );
}

/** How a slow export paces itself (harness.slowExport). */
export type SlowExport = {
  /** The pause before each progress event, in ms. */
  stepMs: number;
  /** Pretend the project has this many pictures to prepare (else its logo and photos count). */
  pictures?: number;
};

/** The largest caption the core takes (MAX_TITLE in storyboard/edit.rs), in characters. */
const MAX_CAPTION = 1000;

/**
 * What the next read_results_dialog answers: the metrics "read" from the spreadsheet, an error
 * (e.g. code "invalid_csv", its message a bad line per line), or null for a cancelled dialog.
 */
export type ResultsAnswer = ImportedResults[] | AppError | null;

/**
 * What the next share_copy_dialog answers: "write" (a copy sized from the project, unused cases
 * counted), a SharedCopy as given, an error, or null for a cancelled save dialog.
 */
export type ShareAnswer = "write" | SharedCopy | AppError | null;

/**
 * What the next merge_plan_dialog (and merge_replan) answers: "sample" (Ben's copy of the sample,
 * planned against the project as it is then), a plan as given (with what its changes do here),
 * an error (e.g. code "different_project"), or null for a cancelled file dialog.
 */
export type MergeAnswer = "sample" | FakeMergePlan | AppError | null;

/** What the next import_source_dialog answers: "sample" (another project), a source as given, an error, or null (cancelled). */
export type ImportAnswer = "sample" | ImportSource | AppError | null;

function isError(value: object): value is AppError {
  return "code" in value && "message" in value;
}

/** The core's refusal of a change to a project open read-only (ProjectFileError::ReadOnly). */
export function readOnlyRefusal(holder: LockHolder): AppError {
  const since = new Date(holder.since * 1000).toISOString().replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}).*$/, "$1 $2 UTC");
  return refuse("read_only", `${holder.user} has this project open (since ${since}); it is open read-only here: save a copy to make changes, or take it over`);
}

export class FakeCore {
  project: Project;
  path: string;
  /** Every edit the UI sent, in order, as received (refused ones too). */
  edits: Edit[] = [];
  /** Every command the UI invoked, in order. */
  calls: string[] = [];
  /** The next apply_edit is refused with this error. */
  failNext: AppError | null = null;
  /** The next coach_report fails with this error. */
  failCoachNext: AppError | null = null;
  /** The next briefing_preview fails with this error. */
  failPreviewNext: AppError | null = null;
  /** The settings of each briefing_preview asked for, in order. */
  previews: BriefingSettings[] = [];
  /** The settings of each export_briefing_dialog, in order. */
  exports: BriefingSettings[] = [];
  /** How long each command takes to answer, in ms (to see "Saving…"). */
  delayMs = 0;
  /** The next add_picture_dialog fails with this error (as the shell's checks refuse a file). */
  failPictureNext: AppError | null = null;
  /** The next add_picture_dialog is cancelled (answers null). */
  cancelPictureNext = false;
  /** The pixel size of the pictures add_picture_dialog adds. */
  pictureSize = { width: 640, height: 480 };
  /** Every picture_thumbnail asked for, by id, in order. */
  thumbnails: number[] = [];
  /** The pictures stored in the "file", by id; adding one is not an edit (nothing to undo). */
  pictures = new Map<number, ImageRef>();
  /** Sends a Tauri event to the UI (the harness wires it to the mocked event plugin). */
  emit: (event: string, payload: unknown) => void | Promise<void> = () => {};
  /** Exports pace their steps like this; null: each step at once. */
  slowExport: SlowExport | null = null;
  /** Every export-progress event sent, in order. */
  progress: ExportProgress[] = [];
  /** The path of each briefing "written"; a cancelled export adds none. */
  written: string[] = [];
  /** What read_results_dialog answers (each time, until changed); null: the dialog is cancelled. */
  resultsAnswer: ResultsAnswer = null;
  /** The design of each read_results_dialog asked for, in order. */
  resultsDialogs: Design[] = [];
  /** The personal case-study library (harness/cases.ts, a test double with a simple text match). */
  library = new FakeLibrary();
  /** Every use_library_case asked for, in order, as received (refused ones too). */
  caseUses: { id: number; relation: Relation | null; to: Place; metrics: boolean }[] = [];
  /** Where export_cases_dialog "writes"; null: the dialog is cancelled. */
  casesExportPath: string | null = "/home/ana/cases.json";
  /** The selection of every export_cases_dialog asked for (null: the whole library), in order. */
  casesExports: (CaseQuery | null)[] = [];
  /** Who else has the project open (it is read-only here); null: it is editable. */
  readOnly: LockHolder | null = null;
  /** How many times take_over_project was called. */
  takeOvers = 0;
  /** Where save_as_dialog "writes" the copy it goes on editing; null: the dialog is cancelled. */
  saveAsPath: string | null = null;
  /** What share_copy_dialog answers (each time, until changed). */
  shareAnswer: ShareAnswer = "write";
  /** The options of every share_copy_dialog asked for, in order (cancelled ones too). */
  shares: ShareOptions[] = [];
  /** What merge_plan_dialog and merge_replan answer (each time, until changed). */
  mergeAnswer: MergeAnswer = "sample";
  /** The next apply_merge is refused as stale (their copy "changed"): the plans made from then on differ. */
  staleNext = false;
  /** Every apply_merge asked for, in order, as received (refused ones too). */
  merges: { fingerprint: string; resolutions: Resolution[] }[] = [];
  /** What import_source_dialog answers (each time, until changed). */
  importAnswer: ImportAnswer = "sample";
  /** Every import_blocks asked for, in order, as received (refused ones too). */
  imports: { uids: string[]; to: Place }[] = [];
  /** The plan last made (the file merge_plan_dialog chose); merge_replan and apply_merge use it. */
  #plan: FakeMergePlan | null = null;
  /** How many times their copy "changed" (each stale merge): part of each plan's fingerprint. */
  #staleness = 0;
  /** The project import_source_dialog read last. */
  #source: ImportSource | null = null;
  #cancelExport = false;
  #undo: Project[] = [];
  #redo: Project[] = [];
  #nextId: number;
  #nextPicture = 1;
  #nextPilot: number;
  #nextCriterion: number;

  constructor(project: Project, path: string) {
    this.project = clone(project);
    this.path = path;
    const ids = [
      ...this.project.library.map((b) => b.id),
      ...this.project.sections.flatMap((s) => [s.id, ...s.blocks.map((b) => b.id)]),
    ];
    this.#nextId = Math.max(0, ...ids) + 1;
    this.project.pilots ??= [];
    this.#nextPilot = Math.max(0, ...this.project.pilots.map((p) => p.id)) + 1;
    this.#nextCriterion = Math.max(0, ...this.project.pilots.flatMap((p) => p.criteria.map((c) => c.id))) + 1;
    const blocks = [...this.project.library, ...this.project.sections.flatMap((s) => s.blocks)];
    for (const picture of [this.project.logo, ...blocks.map((b) => b.photo?.image ?? null)]) {
      if (picture) this.pictures.set(picture.id, clone(picture));
    }
    this.#nextPicture = Math.max(0, ...this.pictures.keys()) + 1;
  }

  opened(): OpenedProject {
    return {
      path: this.path,
      fileName: this.path.split("/").pop() ?? this.path,
      project: clone(this.project),
      canUndo: this.#undo.length > 0,
      canRedo: this.#redo.length > 0,
      charts: projectCharts([...this.project.library, ...this.project.sections.flatMap((s) => s.blocks)]),
      readOnly: this.readOnly ? clone(this.readOnly) : null,
    };
  }

  /** Refuses any change while the project is read-only here, as the core does. */
  #writable() {
    if (this.readOnly) throw readOnlyRefusal(this.readOnly);
  }

  /** Opens the file again (open_recent of the open path): a fresh start, no undo history, as the core reads it. */
  reopen(): OpenedProject {
    this.#undo = [];
    this.#redo = [];
    return this.opened();
  }

  async handle(command: string, args: Json): Promise<unknown> {
    this.calls.push(command);
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    switch (command) {
      case "current_project":
        return this.opened();
      case "take_startup_problem":
        return null;
      case "menu_listening":
        return [];
      case "apply_edit":
        return this.#apply(args.edit as Edit);
      case "coach_report": {
        if (this.failCoachNext) {
          const error = this.failCoachNext;
          this.failCoachNext = null;
          throw error;
        }
        return lintProject(this.project);
      }
      case "coach_block":
        return lintDraft(this.project, args.block as Block);
      case "undo":
        this.#writable();
        return this.#step(this.#undo, this.#redo);
      case "redo":
        this.#writable();
        return this.#step(this.#redo, this.#undo);
      case "open_project_dialog":
      case "new_project_dialog":
        return null;
      case "open_recent": {
        if (args.path !== this.path) throw refuse("not_found", `${args.path} could not be found`);
        return this.reopen();
      }
      case "save_as_dialog": {
        // The copy is this instance's own: editable whoever has the original open.
        if (this.saveAsPath === null) return null;
        this.path = this.saveAsPath;
        this.readOnly = null;
        return this.opened();
      }
      case "take_over_project":
        this.takeOvers++;
        this.readOnly = null;
        return this.reopen();
      case "share_copy_dialog":
        return this.#share(args.options as ShareOptions);
      case "merge_plan_dialog":
        return this.#planMerge(true);
      case "merge_replan":
        return this.#planMerge(false);
      case "apply_merge":
        return this.#merge(args.fingerprint as string, args.resolutions as Resolution[]);
      case "import_source_dialog": {
        const answer = this.importAnswer;
        if (answer === null) return null;
        if (answer !== "sample" && isError(answer)) throw clone(answer);
        this.#source = answer === "sample" ? sampleImportSource() : clone(answer);
        return clone(this.#source);
      }
      case "import_blocks":
        return this.#import(args.uids as string[], args.to as Place);
      case "briefing_preview": {
        const settings = args.settings as BriefingSettings;
        this.previews.push({ ...settings });
        if (this.failPreviewNext) {
          const error = this.failPreviewNext;
          this.failPreviewNext = null;
          throw error;
        }
        return briefingPreview(this.project, settings);
      }
      case "export_briefing_dialog":
        return this.#export(args.settings as BriefingSettings);
      case "cancel_export":
        this.#cancelExport = true;
        return null;
      case "add_picture_dialog": {
        this.#writable();
        if (this.failPictureNext) {
          const error = this.failPictureNext;
          this.failPictureNext = null;
          throw error;
        }
        if (this.cancelPictureNext) {
          this.cancelPictureNext = false;
          return null;
        }
        const picture: ImageRef = { id: this.#nextPicture++, ...this.pictureSize };
        this.pictures.set(picture.id, picture);
        return clone(picture);
      }
      case "picture_thumbnail": {
        const id = args.id as number;
        this.thumbnails.push(id);
        const picture = this.pictures.get(id);
        if (!picture) throw refuse("not_found", `There is no picture ${id} in this project.`);
        return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(thumbnailSvg(picture))}`;
      }
      case "pilot_reports":
        return this.project.pilots.map(reportPilot);
      case "leverage_pilot":
        return this.#leverage(args.id as number);
      case "read_results_dialog": {
        this.resultsDialogs.push(args.design as Design);
        const answer = this.resultsAnswer;
        if (answer === null) return null;
        if (!Array.isArray(answer)) throw clone(answer);
        return clone(answer);
      }
      case "search_cases":
        return this.library.search(args.query);
      case "use_library_case": {
        // As the core's UseCase: the story at `to`, its metric blocks right after it, one undo step.
        this.caseUses.push(clone({ id: args.id, relation: args.relation ?? null, to: args.to, metrics: Boolean(args.metrics) }));
        this.#writable();
        const study = this.library.get(args.id as number);
        const to = args.to as Place;
        const blocks = caseBlocks(study, args.relation ?? null, Boolean(args.metrics));
        return this.#commit({ op: "batch", edits: blocks.map((block, i) => ({ op: "addBlock", block, to: { ...to, index: to.index + i } })) });
      }
      case "preview_case_import":
        return this.library.preview();
      case "import_cases":
        return this.library.import(args.mapping, args.onDuplicate ?? null);
      case "export_cases_dialog":
        this.casesExports.push(clone(args.selection ?? null));
        return this.casesExportPath;
      case "save_library_case":
        return this.library.save(args.case);
      case "delete_library_case":
        return this.library.remove(args.id as number);
      case "plugin:window|set_title":
        return null;
      default:
        throw refuse("unknown", `the harness has no command ${command}`);
    }
  }

  /**
   * The export as jobs::export_briefing_reporting runs it: pictures (0 of n, then one by one),
   * layout, writing, saving (0, then 1 once written); at each step until the file is written,
   * a cancel_export since the export began stops it, and the command answers null.
   */
  async #export(settings: BriefingSettings): Promise<ExportedBriefing | null> {
    this.exports.push({ ...settings });
    this.#cancelExport = false;
    const slow = this.slowExport;
    const blocks = this.project.sections.flatMap((s) => s.blocks);
    const total = slow?.pictures ?? blocks.filter((b) => b.photo).length + (this.project.logo ? 1 : 0);
    const step = async (progress: ExportProgress): Promise<boolean> => {
      if (slow) await new Promise((resolve) => setTimeout(resolve, slow.stepMs));
      this.progress.push(progress);
      await this.emit("export-progress", progress);
      return !this.#cancelExport;
    };
    for (let done = 0; done <= total; done++) {
      if (!(await step({ step: "pictures", done, total }))) return null;
    }
    const preview = briefingPreview(this.project, settings);
    for (const name of ["layout", "writing", "saving"] as const) {
      if (!(await step({ step: name, done: 0, total: 1 }))) return null;
    }
    const path = "/tmp/harness-briefing.pdf";
    this.written.push(path);
    await step({ step: "saving", done: 1, total: 1 });
    return { path, pages: preview.pages.length, bytes: 48000, warnings: preview.warnings };
  }

  /**
   * Share a Copy…: the copy holds what the project uses (its size here: the project's JSON, as a
   * stand-in), without the case studies no block uses; notes and dismissals left out as asked.
   */
  #share(options: ShareOptions): SharedCopy | null {
    this.shares.push({ stripNotes: options.stripNotes, stripDismissed: options.stripDismissed });
    const answer = this.shareAnswer;
    if (answer === null) return null;
    if (answer !== "write") {
      if ("code" in answer) throw clone(answer);
      return clone(answer);
    }
    const copy = clone(this.project);
    const blocks = [...copy.library, ...copy.sections.flatMap((s) => s.blocks)];
    if (options.stripNotes) for (const section of copy.sections) section.notes = "";
    if (options.stripDismissed) for (const block of blocks) block.dismissed = [];
    const used = new Set(blocks.map((b) => b.caseId));
    const kept = copy.cases.filter((c) => used.has(c.case.id ?? -1));
    const unusedCasesLeftOut = copy.cases.length - kept.length;
    copy.cases = kept;
    return { bytes: 24576 + 2 * JSON.stringify(copy).length, unusedCasesLeftOut, foreignObjectsLeftOut: 0 };
  }

  /**
   * merge_plan_dialog (`ask`: a file dialog first) or merge_replan: the plan of `mergeAnswer`
   * against the project as it is now, its fingerprint naming how often their copy changed.
   */
  #planMerge(ask: boolean): MergePlan | null {
    if (!ask && !this.#plan) throw refuse("no_project_chosen", "Choose the other project first.");
    const answer = this.mergeAnswer;
    if (answer === null) {
      if (ask) return null;
      throw refuse("not_found", "their copy could not be found");
    }
    if (answer !== "sample" && isError(answer)) throw clone(answer);
    const plan = answer === "sample" ? sampleMergePlan(this.project) : clone(answer);
    if (this.#staleness > 0) plan.fingerprint = `${plan.fingerprint}~${this.#staleness}`;
    this.#plan = plan;
    return planForUi(plan);
  }

  /** apply_merge: the plan's changes, and their side of each conflict decided so, as one undoable step. */
  #merge(fingerprint: string, resolutions: Resolution[]): OpenedProject {
    this.merges.push(clone({ fingerprint, resolutions }));
    const plan = this.#plan;
    if (!plan) throw refuse("no_project_chosen", "Choose the other project first.");
    this.#writable();
    if (this.staleNext) {
      this.staleNext = false;
      this.#staleness++;
    }
    const current = this.#staleness > 0 ? `${plan.fingerprint.replace(/~\d+$/, "")}~${this.#staleness}` : plan.fingerprint;
    if (fingerprint !== current) throw refuse("merge_stale", "the project or their copy changed since the merge was reviewed; review it again");
    const edits: Edit[] = [...(plan.takenEdits ?? [])];
    for (const conflict of plan.conflicts) {
      const resolution = resolutions.find((r) => r.conflict === conflict.id);
      if (!resolution) throw refuse("merge_undecided", `conflict ${conflict.id} has no choice`);
      if (resolution.choice === "theirs") edits.push(...(plan.theirEdits?.[conflict.id] ?? []));
    }
    return this.#commit({ op: "batch", edits });
  }

  /** import_blocks: copies of the chosen blocks (in the other project's order) at `to`, one after another, one undoable step. */
  #import(uids: string[], to: Place): OpenedProject {
    this.imports.push(clone({ uids, to }));
    const source = this.#source;
    if (!source) throw refuse("no_project_chosen", "Choose the other project first.");
    this.#writable();
    const blocks = [...source.project.sections.flatMap((s) => s.blocks), ...source.project.library].filter((b) => uids.includes(b.uid));
    const edits: Edit[] = blocks.map((block, i) => ({
      op: "addBlock",
      // New blocks here: a uid of their own; pictures and case studies are the real core's to bring.
      block: { ...clone(block), id: 0, uid: `imported-${this.#nextId + i}`, photo: null, caseId: null },
      to: { ...to, index: to.index + i },
    }));
    return this.#commit({ op: "batch", edits });
  }

  #step(from: Project[], to: Project[]): OpenedProject {
    const previous = from.pop();
    if (previous) {
      to.push(clone(this.project));
      this.project = previous;
    }
    return this.opened();
  }

  /** leverage_pilot: the pilot's win as one undoable batch of blocks, or the core's refusal. */
  #leverage(id: number): OpenedProject {
    this.#writable();
    const pilot = this.project.pilots.find((p) => p.id === id);
    if (!pilot) throw refuse("not_found", "That pilot is no longer in the project.");
    const edit = leverageEdit(this.project, pilot);
    if (typeof edit === "string") throw refuse("not_a_win", edit);
    return this.#commit(edit);
  }

  #apply(edit: Edit): OpenedProject {
    this.edits.push(clone(edit));
    this.#writable();
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = null;
      throw error;
    }
    return this.#commit(edit);
  }

  /** Applies an edit as one transaction with one undo step, or leaves everything as it was. */
  #commit(edit: Edit): OpenedProject {
    const before = clone(this.project);
    try {
      this.#change(edit);
    } catch (e) {
      this.project = before;
      throw e;
    }
    this.#undo.push(before);
    this.#redo = [];
    return this.opened();
  }

  #container(place: Place | { in: "library" } | { in: "section"; sectionId: number }): Block[] {
    if (place.in === "library") return this.project.library;
    const section = this.project.sections.find((s) => s.id === place.sectionId);
    if (!section) throw refuse("not_found", `there is no section with id ${place.sectionId} (it may have been deleted)`);
    return section.blocks;
  }

  #insert(place: Place, block: Block) {
    const list = this.#container(place);
    if (place.index > list.length) {
      throw refuse("bad_position", `position ${place.index} is past the end of the list, which holds ${list.length}`);
    }
    list.splice(place.index, 0, block);
  }

  #take(id: number): Block {
    for (const list of [this.project.library, ...this.project.sections.map((s) => s.blocks)]) {
      const index = list.findIndex((b) => b.id === id);
      if (index >= 0) return list.splice(index, 1)[0];
    }
    throw refuse("not_found", `there is no block with id ${id} (it may have been deleted)`);
  }

  #find(id: number): { list: Block[]; index: number } {
    for (const list of [this.project.library, ...this.project.sections.map((s) => s.blocks)]) {
      const index = list.findIndex((b) => b.id === id);
      if (index >= 0) return { list, index };
    }
    throw refuse("not_found", `there is no block with id ${id} (it may have been deleted)`);
  }

  #section(id: number) {
    const index = this.project.sections.findIndex((s) => s.id === id);
    if (index < 0) throw refuse("not_found", `there is no section with id ${id} (it may have been deleted)`);
    return { index, section: this.project.sections[index] };
  }

  #change(edit: Edit) {
    switch (edit.op) {
      case "addBlock":
        this.#insert(edit.to, { ...clone(edit.block), id: this.#nextId++ });
        return;
      case "updateBlock": {
        const { list, index } = this.#find(edit.block.id);
        if (edit.block.photo) {
          this.#checkPicture(edit.block.photo.image, "photo");
          if (Array.from(edit.block.photo.caption).length > MAX_CAPTION) {
            throw refuse("invalid_edit", `the photo caption is longer than ${MAX_CAPTION} characters`);
          }
        }
        list[index] = { ...clone(edit.block), kind: list[index].kind };
        return;
      }
      case "duplicateBlock": {
        const { list, index } = this.#find(edit.id);
        list.splice(index + 1, 0, { ...clone(list[index]), id: this.#nextId++ });
        return;
      }
      case "deleteBlock":
        this.#take(edit.id);
        return;
      case "moveBlock": {
        const block = this.#take(edit.id);
        this.#insert(edit.to, block);
        return;
      }
      case "addSection":
        if (edit.index > this.project.sections.length) throw refuse("bad_position", `position ${edit.index} is past the end`);
        this.project.sections.splice(edit.index, 0, { id: this.#nextId, uid: `section-${this.#nextId++}`, title: edit.title, notes: "", blocks: [] });
        return;
      case "updateSection": {
        const { section } = this.#section(edit.id);
        section.title = edit.text.title;
        section.notes = edit.text.notes;
        return;
      }
      case "moveSection": {
        const { index, section } = this.#section(edit.id);
        this.project.sections.splice(index, 1);
        if (edit.index > this.project.sections.length) throw refuse("bad_position", `position ${edit.index} is past the end`);
        this.project.sections.splice(edit.index, 0, section);
        return;
      }
      case "removeSection": {
        const { index, section } = this.#section(edit.id);
        this.project.sections.splice(index, 1);
        this.project.library.push(...section.blocks);
        return;
      }
      case "applyFix": {
        const { list, index } = this.#find(edit.blockId);
        const block = list[index];
        const text = replaceChars(block[edit.field], edit.start, edit.end, edit.excerpt, edit.replacement);
        if (text === null) {
          throw refuse("invalid_edit", `the advice no longer fits the text: “${edit.excerpt}” is not at characters ${edit.start}–${edit.end} any more`);
        }
        block[edit.field] = text;
        return;
      }
      case "dismissFinding": {
        const { list, index } = this.#find(edit.blockId);
        if (!list[index].dismissed.includes(edit.rule)) list[index].dismissed.push(edit.rule);
        return;
      }
      case "restoreFinding": {
        const { list, index } = this.#find(edit.blockId);
        list[index].dismissed = list[index].dismissed.filter((rule) => rule !== edit.rule);
        return;
      }
      case "setProjectDetails":
        this.project.title = edit.title;
        this.project.author = edit.author;
        this.project.audience = edit.audience;
        return;
      case "setBranding":
        if (edit.accent !== null && !/^#?[0-9a-f]{6}$/i.test(edit.accent.trim())) {
          throw refuse("invalid_edit", `the accent colour "${edit.accent}" is not a colour; write it as #RRGGBB`);
        }
        if (edit.logo) this.#checkPicture(edit.logo, "logo");
        this.project.logo = clone(edit.logo);
        this.project.accent = edit.accent;
        return;
      case "addPilot": {
        const pilot = this.#checked(edit.pilot);
        if (edit.index > this.project.pilots.length) throw refuse("bad_position", `position ${edit.index} is past the end of the pilots`);
        pilot.id = this.#nextPilot++;
        for (const criterion of pilot.criteria) criterion.id = this.#nextCriterion++;
        this.project.pilots.splice(edit.index, 0, pilot);
        return;
      }
      case "updatePilot": {
        const pilot = this.#checked(edit.pilot);
        const index = this.#pilotIndex(pilot.id);
        // Criteria keep their ids; new ones (id 0) get fresh ones.
        for (const criterion of pilot.criteria) if (criterion.id <= 0) criterion.id = this.#nextCriterion++;
        this.project.pilots[index] = pilot;
        return;
      }
      case "deletePilot":
        this.project.pilots.splice(this.#pilotIndex(edit.id), 1);
        return;
      case "restorePilot": {
        const pilot = this.#checked(edit.pilot);
        this.project.pilots.splice(Math.min(edit.index, this.project.pilots.length), 0, pilot);
        return;
      }
      case "batch":
        for (const inner of edit.edits) this.#change(inner);
        return;
      default:
        throw refuse("invalid_edit", `the harness does not apply ${(edit as Edit).op}`);
    }
  }

  /** A copy of the pilot, or the core's refusal naming the field (Pilot::check). */
  #checked(pilot: Pilot): Pilot {
    const why = checkPilot(pilot);
    if (why) throw refuse("invalid_edit", why);
    return clone(pilot);
  }

  #pilotIndex(id: number): number {
    const index = this.project.pilots.findIndex((p) => p.id === id);
    if (index < 0) throw refuse("not_found", `there is no pilot with id ${id} (it may have been deleted)`);
    return index;
  }

  /** Refuses a picture that is not one of this file's (check_image in storyboard/edit.rs). */
  #checkPicture(picture: ImageRef, what: string) {
    const stored = this.pictures.get(picture.id);
    if (!stored) throw refuse("invalid_edit", `the ${what} is picture ${picture.id}, which is not in this project`);
    if (stored.width !== picture.width || stored.height !== picture.height) {
      throw refuse("invalid_edit", `the ${what} says picture ${picture.id} is ${picture.width}×${picture.height}; it is ${stored.width}×${stored.height}`);
    }
  }
}
