// The in-app dialogs over the window and what they do: Share a Copy…, Edit Anyway… (with the
// read-only banner's Save a Copy…), Merge Changes From… (plan, merge, review again) and Import
// Blocks From… (or why a read-only project cannot). One dialog at a time; the rest of the
// window is inert meanwhile, and a failure stays in the dialog that caused it.
import { tick } from "svelte";
import type { AppError, ImportSource, MergePlan, OpenedProject, Resolution, ShareOptions } from "../bindings";
import { applyMerge, importBlocks, importSourceDialog, mergePlanDialog, mergeReplan, shareCopyDialog, takeOverProject, toAppError } from "../backend";
import { isFiltering, matchesFilter, NO_FILTER } from "../library";
import { browserStorage } from "../preview.svelte";
import { addedBlocks } from "../pilotReport";
import { ShareChoices, sharedMessage } from "../sharing";
import { importedMessage, mergedMessage, type Destination } from "../merging";
import type { FileActions } from "./fileActions.svelte";
import type { ProjectListener, Session } from "./session.svelte";
import type { StoryboardController } from "./storyboardController.svelte";

/** The in-app dialog shown over the window (the rest of it is inert meanwhile). */
export type AppDialog = "share" | "takeOver" | "merge" | "import" | "importReadOnly";

export class DialogsController implements ProjectListener {
  readonly #session: Session;
  readonly #files: FileActions;
  readonly #board: StoryboardController;

  dialog = $state<AppDialog | null>(null);
  /** Why the last Share a Copy… failed (shown in its dialog, which stays open). */
  shareError = $state.raw<AppError | null>(null);
  /** The merge of a colleague's copy the merge dialog shows, as the core planned it. */
  mergePlan = $state.raw<MergePlan | null>(null);
  /** Why the last merge (or its review) failed (shown in its dialog, which stays open). */
  mergeError = $state.raw<AppError | null>(null);
  /** What the merge dialog waits for. */
  mergeBusy = $state<"merging" | "reviewing" | null>(null);
  /** The other project the import dialog offers blocks from. */
  importSource = $state.raw<ImportSource | null>(null);
  /** Why the last import failed (shown in its dialog, which stays open). */
  importError = $state.raw<AppError | null>(null);
  /** What the last copy shared left out, offered again (remembered like the print settings). */
  readonly shareChoices = new ShareChoices(browserStorage());

  constructor(session: Session, files: FileActions, board: StoryboardController) {
    this.#session = session;
    this.#files = files;
    this.#board = board;
  }

  shown(next: OpenedProject): void {
    // Edit Anyway… asks about a project read-only here; once it is not, there is nothing to ask.
    if (this.dialog === "takeOver" && !next.readOnly) this.dialog = null;
  }

  close(): void {
    this.dialog = null;
  }

  // ---- Read-only, taking over, sharing ------------------------------------------------

  /** After the read-only banner went away with the keyboard in it: the storyboard (or the view's tab) takes it. */
  async #refocusAfterBanner(): Promise<void> {
    await tick();
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    // The storyboard; in the other views, the toolbar's tab of the view shown.
    const next = document.querySelector<HTMLElement>('[data-testid="storyboard"]') ?? document.querySelector<HTMLElement>('[role="tablist"][aria-label="Views"] [aria-selected="true"]');
    next?.focus();
  }

  /** The banner's Save a Copy…: Save As, whose copy is this window's own, so it can be edited. */
  saveCopy(): void {
    void this.#files.saveAs().then(() => this.#refocusAfterBanner());
  }

  /** The banner's Edit Anyway…: asks first (the other person may lose changes). */
  askTakeOver(): void {
    const session = this.#session;
    if (!session.readOnly || session.task || this.dialog) return;
    this.dialog = "takeOver";
  }

  /** Edit Anyway confirmed: the file is opened again for editing here, the lock taken whoever has it. */
  takeOver(): void {
    const session = this.#session;
    this.dialog = null;
    if (!session.readOnly) return;
    void session
      .run("takeOver", "Could not take the project over", takeOverProject, (next) =>
        session.switchTo(next, `You are editing ${next.fileName} now. Changes are saved as you make them.`),
      )
      .then(() => this.#refocusAfterBanner());
  }

  /** Share a Copy… (File menu): its dialog; a read, so it is offered while read-only too. */
  openShare(): void {
    const session = this.#session;
    if (!session.opened || session.task || this.dialog) return;
    session.flushDrafts();
    this.shareError = null;
    this.dialog = "share";
  }

  /** The share dialog's Choose Where to Save…: the save dialog, then the copy; a failure stays in the dialog. */
  async shareCopy(options: ShareOptions): Promise<void> {
    const session = this.#session;
    if (session.task) return;
    this.shareChoices.remember(options);
    session.task = "share";
    this.shareError = null;
    try {
      const copy = await session.queue.run(() => shareCopyDialog(options));
      this.dialog = null;
      if (copy) session.statusMessage = sharedMessage(copy);
    } catch (e) {
      this.shareError = toAppError(e);
    } finally {
      session.task = null;
    }
  }

  // ---- Merging a colleague's copy, importing blocks ------------------------------------

  /**
   * Merge Changes From… (File menu): the file dialog, then the plan in the merge dialog. Planning
   * only reads, so it is offered while read-only too (the dialog then says why it cannot merge).
   */
  startMerge(): void {
    const session = this.#session;
    if (!session.opened || session.task || this.dialog) return;
    void session.run("merge", "Could not merge their changes", mergePlanDialog, (plan) => {
      this.mergePlan = plan;
      this.mergeError = null;
      this.dialog = "merge";
    });
  }

  /** The merge dialog's Merge: the plan with the person's choices, one undoable edit; a failure stays in the dialog. */
  async mergeChosen(resolutions: Resolution[]): Promise<void> {
    const session = this.#session;
    const plan = this.mergePlan;
    if (!plan || session.task) return;
    session.task = "merge";
    this.mergeBusy = "merging";
    this.mergeError = null;
    session.inFlight++;
    try {
      await session.queue.run(async () => {
        try {
          session.show(await applyMerge(plan.fingerprint, resolutions));
          session.lastFailure = null;
          this.dialog = null;
          this.mergePlan = null;
          session.statusMessage = mergedMessage(plan, resolutions.length);
        } catch (e) {
          const error = toAppError(e);
          // The core's state again: a project that turned read-only meanwhile says so.
          await session.resync();
          // Shown with the dialog ready again, in one update.
          this.mergeError = error;
          this.mergeBusy = null;
          session.task = null;
        }
      });
    } finally {
      session.inFlight--;
      this.mergeBusy = null;
      session.task = null;
    }
  }

  /** Review again (after a stale plan): the same copy planned anew; the choices start over. */
  async reviewMerge(): Promise<void> {
    const session = this.#session;
    if (!this.mergePlan || session.task) return;
    session.task = "merge";
    this.mergeBusy = "reviewing";
    try {
      const plan = await session.queue.run(mergeReplan);
      this.mergePlan = plan;
      this.mergeError = null;
    } catch (e) {
      this.mergeError = toAppError(e);
      this.mergeBusy = null;
      session.task = null;
    } finally {
      this.mergeBusy = null;
      session.task = null;
    }
  }

  closeMerge(): void {
    this.dialog = null;
    this.mergePlan = null;
    this.mergeError = null;
  }

  /**
   * Import Blocks From… (File menu): the file dialog, then the other project's blocks to choose
   * from. Importing changes the project, so a project open read-only says why it cannot, first.
   */
  startImport(): void {
    const session = this.#session;
    if (!session.opened || session.task || this.dialog) return;
    session.flushDrafts();
    if (session.readOnly) {
      this.dialog = "importReadOnly";
      return;
    }
    void session.run("import", "Could not read the other project", importSourceDialog, (source) => {
      this.importSource = source;
      this.importError = null;
      this.dialog = "import";
    });
  }

  /** The import dialog's Import: the chosen blocks copied to the destination as one undoable edit, then shown. */
  async importChosen(uids: string[], destination: Destination): Promise<void> {
    const session = this.#session;
    const board = this.#board;
    const source = this.importSource;
    if (!source || session.task) return;
    session.task = "import";
    this.importError = null;
    session.inFlight++;
    const to = destination.place;
    let first: number | null = null;
    try {
      await session.queue.run(async () => {
        const before = session.opened?.project;
        try {
          const next = await importBlocks(uids, to);
          const added = before ? addedBlocks(before, next.project).blocks : [];
          session.show(next);
          session.lastFailure = null;
          this.dialog = null;
          this.importSource = null;
          session.statusMessage = importedMessage(added.length, source.fileName, destination.name);
          // Where they went is shown: the section opened, the library's block list unfiltered.
          if (to.in === "section") board.collapsed.delete(to.sectionId);
          else {
            board.paneTab = "blocks";
            if (isFiltering(board.libraryFilter) && added.some((block) => !matchesFilter(block, board.libraryFilter))) board.libraryFilter = NO_FILTER;
          }
          first = added[0]?.id ?? null;
        } catch (e) {
          const error = toAppError(e);
          await session.resync();
          // Shown with the dialog ready again, in one update.
          this.importError = error;
          session.task = null;
        }
      });
    } finally {
      session.inFlight--;
      session.task = null;
    }
    if (first === null) return;
    await board.scrollToBlock(first);
  }

  closeImport(): void {
    this.dialog = null;
    this.importSource = null;
    this.importError = null;
  }
}
