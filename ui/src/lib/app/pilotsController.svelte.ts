// The Pilots view's state and handlers: the pilot shown, the core's reports on them, why a
// plan was refused, and the actions that become edits (add, delete, save, leverage a win into
// the storyboard, read a results spreadsheet). Its `pilots` is what the view's components share.
import { tick } from "svelte";
import type { AppError, Design, OpenedProject, Pilot } from "../bindings";
import { applyEdit, leveragePilot, pilotReports, readResultsDialog, toAppError } from "../backend";
import { PilotReports, type ImportOutcome, type LeverageNote, type Pilots } from "../pilots.svelte";
import { addedBlocks, csvProblems, describeBlocks, type Added } from "../pilotReport";
import { newPilot } from "../pilotForms";
import type { ProjectListener, Session } from "./session.svelte";

export class PilotsController implements ProjectListener {
  /** The pilot the Pilots view shows. */
  selected = $state<number | null>(null);
  /** Why the core last refused a pilot's plan (shown beside its form), until a save of it succeeds. */
  refusal = $state.raw<{ id: number; message: string } | null>(null);
  leverageNote = $state.raw<(LeverageNote & { at: number }) | null>(null);
  /** The core's judgement of each pilot, asked again after every change while the Pilots view shows. */
  readonly reports = new PilotReports(pilotReports);
  /** What the Pilots view's components share (lib/pilots.svelte.ts); App provides it. */
  readonly pilots: Pilots;

  readonly #session: Session;

  constructor(session: Session, showBlock: (id: number) => void) {
    this.#session = session;
    const controller = this;
    this.pilots = {
      get project() {
        if (!session.opened) throw new Error("no project is open");
        return session.opened.project;
      },
      get readOnly() {
        return session.readOnly !== null;
      },
      reports: controller.reports,
      get selected() {
        return controller.selected;
      },
      select: (id) => {
        controller.selected = id;
      },
      add: () => controller.add(),
      remove: (id) => controller.remove(id),
      save: (pilot) => controller.save(pilot),
      refusal: (id) => (controller.refusal?.id === id ? controller.refusal.message : null),
      leverage: (id) => controller.leverage(id),
      get leverageNote() {
        const note = controller.leverageNote;
        return note && note.at === session.shown ? note : null;
      },
      showBlock,
      importResults: (design) => controller.importResults(design),
      get busy() {
        return session.task !== null;
      },
      say: (message) => session.say(message),
      registerDraft: (draft) => session.registerDraft(draft),
    };
  }

  // ---- Told by the session ---------------------------------------------------------------

  shown(next: OpenedProject): void {
    if (this.#session.view === "pilots") void this.reports.refresh();
    // A pilot that is gone (deleted, or an undone add) gives way to the first one.
    if (this.selected !== null && !next.project.pilots.some((p) => p.id === this.selected)) this.selected = next.project.pilots[0]?.id ?? null;
  }

  forget(): void {
    this.selected = null;
    this.refusal = null;
    this.leverageNote = null;
    this.reports.reset();
  }

  switched(next: OpenedProject): void {
    if (this.#session.view === "pilots") this.selected = next.project.pilots[0]?.id ?? null;
  }

  /** The Pilots view is being shown: its first pilot unless one is chosen, and fresh reports. */
  opening(): void {
    const opened = this.#session.opened;
    if (this.selected === null && opened) this.selected = opened.project.pilots[0]?.id ?? null;
    void this.reports.refresh();
  }

  // ---- Actions -----------------------------------------------------------------------------

  async add(): Promise<void> {
    const session = this.#session;
    const project = session.project;
    if (!project) return;
    session.flushDrafts();
    const index = project.pilots.length;
    if (!(await session.submit({ op: "addPilot", pilot: newPilot(), index }, "Could not add the pilot")) || !session.opened) return;
    const created = session.opened.project.pilots[index];
    if (!created) return;
    this.selected = created.id;
    void session.announce("Added a pilot. Name it, then say where it runs and why there.");
    await tick();
    const name = document.querySelector<HTMLInputElement>('[data-testid="pilot-editor"] [name="name"]');
    name?.focus();
    name?.select();
  }

  async remove(id: number): Promise<void> {
    const session = this.#session;
    const project = session.project;
    if (!project) return;
    session.flushDrafts();
    const at = project.pilots.findIndex((p) => p.id === id);
    if (at < 0) return;
    const name = project.pilots[at].name;
    if (!(await session.submit({ op: "deletePilot", id }, "Could not delete the pilot")) || !session.opened) return;
    if (this.selected === id || this.selected === null) {
      const left = session.opened.project.pilots;
      this.selected = (left[at] ?? left[at - 1])?.id ?? null;
    }
    session.say(`Deleted pilot “${name}”. Undo brings it back (Ctrl+Z).`);
    // Focus goes to the pilot now shown (its Delete button went with the one deleted), or to New pilot.
    await tick();
    document.querySelector<HTMLElement>(this.selected === null ? "#new-pilot" : `[data-pilot-id="${this.selected}"]`)?.focus();
  }

  /** One UpdatePilot from the planner; a refusal is shown beside the form, not in the banner. */
  async save(pilot: Pilot): Promise<boolean> {
    const saved = await this.#session.change(() => applyEdit({ op: "updatePilot", pilot }), "Could not save the pilot", {
      banner: false,
      refused: (error) => (this.refusal = { id: pilot.id, message: error.message }),
    });
    if (saved && this.refusal?.id === pilot.id) this.refusal = null;
    return saved;
  }

  async leverage(id: number): Promise<void> {
    const session = this.#session;
    if (!session.opened || session.task) return;
    session.task = "leverage";
    session.flushDrafts();
    const outcome: { added: Added | null; refusal: AppError | null } = { added: null, refusal: null };
    try {
      const call = async () => {
        // The project as the edits before this one left it.
        const before = session.opened?.project;
        const next = await leveragePilot(id);
        if (before) outcome.added = addedBlocks(before, next.project);
        return next;
      };
      // A refusal ("not a win yet") is an answer, not a failure to save: it shows beside the button.
      await session.change(call, "Could not use the pilot in the storyboard", { banner: false, unsaved: false, refused: (error) => (outcome.refusal = error) });
    } finally {
      session.task = null;
    }
    const { added, refusal } = outcome;
    if (refusal) {
      this.leverageNote = { pilot: id, kind: "refused", message: refusal.message, at: session.shown };
      void session.announce(refusal.message);
    } else if (added) {
      const where = added.section ? `“${added.section.title}”` : "the library";
      const text = `Added ${describeBlocks(added.blocks)} to ${where}. Ctrl+Z takes ${added.blocks.length === 1 ? "it" : "them"} back.`;
      this.leverageNote = { pilot: id, kind: "added", text, firstBlock: added.blocks[0]?.id ?? null, at: session.shown };
      session.say(text);
    }
  }

  /** Import CSV…: the dialog, after any edit on its way; a bad file's lines come back to list. */
  async importResults(design: Design): Promise<ImportOutcome> {
    const session = this.#session;
    if (!session.opened || session.task) return { kind: "cancelled" };
    session.task = "results";
    session.flushDrafts();
    try {
      const metrics = await session.queue.run(() => readResultsDialog(design));
      return metrics === null ? { kind: "cancelled" } : { kind: "read", metrics };
    } catch (e) {
      const error = toAppError(e);
      return { kind: "failed", error, problems: error.code === "invalid_csv" ? csvProblems(error) : [error.message] };
    } finally {
      session.task = null;
    }
  }
}
