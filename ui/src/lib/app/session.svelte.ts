// The open project as the core last returned it, and the one road every change takes to it:
// queued after the changes before it, shown when the core answers, a refusal shown and the
// core's state fetched again. The status line, the announcer and the view shown live here
// too, since every view's controller (lib/app/*Controller.svelte.ts) writes to them.
import { tick } from "svelte";
import type { AppError, Edit, OpenedProject } from "../bindings";
import { applyEdit, currentProject, redo, toAppError, undo } from "../backend";
import { countOf } from "../format";
import { SerialQueue } from "../queue";
import { shareUnchanged } from "../share";
import { EDIT, markShown, markStart } from "../timing";
import type { Flushable } from "../editor";
import type { SaveState, View } from "../../components/Toolbar.svelte";

/** The dialog-backed (or otherwise exclusive) action under way; one at a time. */
export type Task = "open" | "new" | "saveAs" | "export" | "picture" | "results" | "leverage" | "share" | "takeOver" | "merge" | "import";
export type Failure = { heading: string; error: AppError };
export type Draftish = { flush(): void; readonly dirty: boolean };

export type ChangeOptions = {
  /** Shows a refusal in the error banner (the default); false when the caller shows it where it happened. */
  banner?: boolean;
  /** Whether a refusal leaves something the person did unsaved (the toolbar then says so; the default). */
  unsaved?: boolean;
  /** Told the refusal. */
  refused?: (error: AppError) => void;
};

/** A view's controller, told when the project shown changes. */
export interface ProjectListener {
  /** A reply from the core is on screen (after an edit, an undo, a merge, an open…). */
  shown?(next: OpenedProject): void;
  /** Another project is about to replace this one: what belonged to this one is dropped. */
  forget?(): void;
  /** Another project has replaced the last one and is on screen. */
  switched?(next: OpenedProject): void;
}

export class Session {
  opened = $state.raw<OpenedProject | null>(null);
  loading = $state(true);
  task = $state<Task | null>(null);
  failure = $state<Failure | null>(null);
  statusMessage = $state<string | null>(null);
  announcement = $state("");
  /** Edits sent and not answered yet. */
  inFlight = $state(0);
  /** Why the last edit was refused, until one succeeds. */
  lastFailure = $state<string | null>(null);
  /** The main area: the storyboard (with the library and the side panel), the pilots or the cases. */
  view = $state<View>("storyboard");
  /** Projects shown so far: a note about the last leverage holds until the project changes again. */
  shown = $state(0);

  readonly queue = new SerialQueue();
  readonly #drafts = new Set<Draftish>();
  readonly #listeners: ProjectListener[] = [];

  readonly project = $derived(this.opened?.project ?? null);
  /** Who has the project open when it is open read-only here (the core then refuses every change). */
  readonly readOnly = $derived(this.opened?.readOnly ?? null);
  readonly summary = $derived(
    this.project &&
      `${countOf(this.project.sections.length, "section")} · ${countOf(
        this.project.sections.reduce((sum, section) => sum + section.blocks.length, 0),
        "block",
      )} placed · ${this.project.library.length} in the library`,
  );
  readonly saveState: SaveState = $derived(
    !this.opened
      ? { kind: "none" }
      : this.readOnly
        ? { kind: "readOnly" }
        : this.inFlight > 0
          ? { kind: "saving" }
          : this.lastFailure !== null
            ? { kind: "failed", reason: this.lastFailure }
            : { kind: "saved" },
  );

  /** Listeners are told in the order they were added. */
  listen(...listeners: ProjectListener[]): void {
    this.#listeners.push(...listeners);
  }

  // ---- Showing what the core returned -------------------------------------------------

  show(reply: OpenedProject): void {
    // What the reply did not change keeps its objects, so its cards are left alone (lib/share.ts).
    const next = shareUnchanged(this.opened, reply);
    this.opened = next;
    this.shown++;
    for (const listener of this.#listeners) listener.shown?.(next);
  }

  /** Another project in place of this one: everything that belonged to the last one forgotten. */
  switchTo(next: OpenedProject, message: string | null): void {
    for (const listener of this.#listeners) listener.forget?.();
    this.lastFailure = null;
    this.show(next);
    for (const listener of this.#listeners) listener.switched?.(next);
    this.statusMessage = message;
  }

  /** After a refused edit: the core's state again, so nothing shows a change it does not have. */
  async resync(): Promise<void> {
    try {
      this.show(await currentProject());
    } catch {
      if (this.opened) this.opened = { ...this.opened };
    }
  }

  // ---- Changing the project -------------------------------------------------------------

  /** Runs one state-changing call after those before it; shows its result, or the failure. */
  async change(call: () => Promise<OpenedProject>, heading: string, options: ChangeOptions = {}): Promise<boolean> {
    // Timed (lib/timing.ts), the wait in the queue included: what the person waits for.
    const sent = markStart(EDIT);
    this.inFlight++;
    try {
      return await this.queue.run(async () => {
        try {
          this.show(await call());
          this.lastFailure = null;
          void markShown(EDIT, sent);
          return true;
        } catch (e) {
          const error = toAppError(e);
          // A project open read-only refuses every change: that always shows in the banner, not
          // beside the form or button that tried (the core's message says who has it and why).
          const readOnlyRefusal = error.code === "read_only";
          if ((options.banner ?? true) || readOnlyRefusal) this.failure = { heading, error };
          if (options.unsaved ?? true) this.lastFailure = error.message;
          await this.resync();
          if (!readOnlyRefusal) options.refused?.(error);
          return false;
        }
      });
    } finally {
      this.inFlight--;
    }
  }

  /**
   * Sends one edit, after any on its way. Given as a function, the edit is made when it is sent,
   * from the project as the replies before it left it (a form's fields over the block as it then is).
   */
  submit(edit: Edit | (() => Edit), heading = "Could not save the change"): Promise<boolean> {
    return this.change(() => applyEdit(typeof edit === "function" ? edit() : edit), heading);
  }

  /** Inspector and planner forms register so their typing is sent before any other edit. */
  registerDraft(draft: Flushable): () => void {
    this.#drafts.add(draft as Draftish);
    return () => this.#drafts.delete(draft as Draftish);
  }

  /** Sends what the forms hold first, so edits reach the core in the order they were made. */
  flushDrafts(): boolean {
    let sent = false;
    for (const draft of this.#drafts) {
      sent ||= draft.dirty;
      draft.flush();
    }
    return sent;
  }

  undoLast(): void {
    if (!this.opened || this.task || this.readOnly) return;
    const flushed = this.flushDrafts();
    if (!this.opened.canUndo && !flushed && this.inFlight === 0) return;
    void this.change(undo, "Could not undo");
  }

  redoLast(): void {
    if (!this.opened || this.task || this.readOnly) return;
    this.flushDrafts();
    if (!this.opened.canRedo && this.inFlight === 0) return;
    void this.change(redo, "Could not redo");
  }

  /** Runs one dialog-backed action at a time, after any edit on its way; a cancelled dialog (null) changes nothing. */
  async run<T>(kind: Task, heading: string, action: () => Promise<T | null>, done: (result: T) => void): Promise<void> {
    if (this.task) return;
    this.task = kind;
    this.flushDrafts();
    try {
      const result = await this.queue.run(action);
      if (result !== null) {
        this.failure = null;
        done(result);
      }
    } catch (e) {
      this.failure = { heading, error: toAppError(e) };
      this.statusMessage = null;
    } finally {
      this.task = null;
    }
  }

  // ---- Saying what happened -------------------------------------------------------------

  /** Spoken by the announcer (moves, adds and deletions, with block titles and section names). */
  async announce(message: string): Promise<void> {
    this.announcement = "";
    await tick();
    this.announcement = message;
  }

  /** Shown in the status line and spoken. */
  say(message: string): void {
    this.statusMessage = message;
    void this.announce(message);
  }
}
