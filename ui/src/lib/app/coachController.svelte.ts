// The coach's wiring, as App had it: its report asked again after every change the core
// returns, and a finding's fix, dismissal, restoring and "show me" (its block selected, the
// flagged words selected in the inspector), which a readiness check's evidence shares. Its
// `coach` is what the coach panel shares.
import { tick } from "svelte";
import type { Finding, Fix, OpenedProject } from "../bindings";
import { coachBlock, coachReport } from "../backend";
import { CoachState, CoachView, type Coach } from "../coach.svelte";
import { adviceName, fixEdit, moveFinding, placedBlock, rangeIn, type Place } from "../coach";
import { blockName, locateBlock, zoneSectionId } from "../dnd";
import { afterPaint } from "../timing";
import type { ProjectListener, Session } from "./session.svelte";
import type { StoryboardController } from "./storyboardController.svelte";

export class CoachController implements ProjectListener {
  /** The coach's report, asked again after every change the core returns. */
  readonly state = new CoachState(coachReport);
  /** What the coach's components share (lib/coach.svelte.ts); App provides it. */
  readonly coach: Coach;

  readonly #session: Session;
  readonly #board: StoryboardController;

  constructor(session: Session, board: StoryboardController) {
    this.#session = session;
    this.#board = board;
    const state = this.state;
    this.coach = {
      state,
      view: new CoachView(),
      get readOnly() {
        return session.readOnly !== null;
      },
      lint: (block) => coachBlock(block),
      fix: (finding, fix) => this.fixFinding(finding, fix),
      dismiss: (finding) => this.dismissFinding(finding),
      restore: (finding) => this.restoreFinding(finding),
      reveal: (place) => void this.revealFinding(place),
      retry: () => {
        if (session.opened) void state.refresh(session.opened.project);
      },
    };
  }

  // ---- Told by the session ---------------------------------------------------------------

  shown(next: OpenedProject): void {
    // Never awaited: the report comes when it comes, and the latest one asked for wins. Asked
    // once the change is on screen, so neither the core's work on it nor its badges delay that.
    void this.state.refresh(next.project, afterPaint());
  }

  forget(): void {
    this.state.reset();
  }

  // ---- Acting on findings --------------------------------------------------------------------

  #blockTitle(id: number | null): string {
    const opened = this.#session.opened;
    const found = opened && placedBlock(opened.project, id);
    return found ? blockName(found.block) : "the block";
  }

  /** Applies one of a finding's fixes; the core refuses it if the text has changed since. */
  async fixFinding(finding: Finding, fix: Fix): Promise<boolean> {
    const session = this.#session;
    const edit = fixEdit(finding, fix);
    if (!edit || !session.opened) return false;
    const name = this.#blockTitle(edit.blockId);
    this.state.hide(finding);
    session.flushDrafts();
    if (!(await session.submit(edit, "Could not apply the suggestion"))) {
      this.state.unhide(finding);
      return false;
    }
    session.statusMessage = edit.replacement
      ? `Replaced “${edit.excerpt}” with “${edit.replacement}” in “${name}”. Undo puts it back (Ctrl+Z).`
      : `Removed “${edit.excerpt}” from “${name}”. Undo puts it back (Ctrl+Z).`;
    void session.announce(session.statusMessage);
    return true;
  }

  async dismissFinding(finding: Finding): Promise<boolean> {
    const session = this.#session;
    if (finding.blockId === null || !session.opened) return false;
    const name = this.#blockTitle(finding.blockId);
    this.state.hide(finding);
    session.flushDrafts();
    if (!(await session.submit({ op: "dismissFinding", blockId: finding.blockId, rule: finding.rule }, "Could not dismiss the advice"))) {
      this.state.unhide(finding);
      return false;
    }
    session.statusMessage = `Dismissed ${adviceName(finding, name)} for “${name}”. It waits under Dismissed in the Coach tab; Ctrl+Z brings it back.`;
    void session.announce(session.statusMessage);
    return true;
  }

  async restoreFinding(finding: Finding): Promise<boolean> {
    const session = this.#session;
    if (finding.blockId === null || !session.opened) return false;
    const name = this.#blockTitle(finding.blockId);
    this.state.hideDismissed(finding);
    session.flushDrafts();
    if (!(await session.submit({ op: "restoreFinding", blockId: finding.blockId, rule: finding.rule }, "Could not restore the advice"))) return false;
    session.statusMessage = `Restored ${adviceName(finding, name)} for “${name}”.`;
    void session.announce(session.statusMessage);
    return true;
  }

  /**
   * Shows a finding where it is: its block (or section) selected, in the inspector, the flagged
   * words selected. A check's evidence is shown the same way (lib/coach.ts `evidencePlace`).
   */
  async revealFinding(finding: Place): Promise<void> {
    const opened = this.#session.opened;
    const board = this.#board;
    if (!opened) return;
    const project = opened.project;
    const found = finding.blockId !== null ? locateBlock(project, finding.blockId) : null;
    if (!found) {
      // Section-wide advice: its index counts the sections of the project the report read.
      const id = finding.section !== null ? this.state.project?.sections[finding.section]?.id : undefined;
      if (id === undefined || !project.sections.some((s) => s.id === id)) return;
      board.selection = { type: "section", id };
      await board.focusInspector(false);
      return;
    }
    const sectionId = zoneSectionId(found.zone);
    if (sectionId !== null) board.collapsed.delete(sectionId);
    board.selection = { type: "block", id: found.block.id };
    board.sideTab = "inspector";
    await tick();
    document.querySelector(`[data-block-id="${found.block.id}"]`)?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
    const field = document.querySelector<HTMLTextAreaElement>(`[data-testid="inspector"] textarea[name="${finding.field ?? "title"}"]`);
    if (!field) return;
    field.focus();
    // The report may be a moment older than the text: its offsets follow the edits since.
    const reportTexts = this.state.textsOf(found.block.id);
    const titleField = document.querySelector<HTMLTextAreaElement>('[data-testid="inspector"] textarea[name="title"]');
    const bodyField = document.querySelector<HTMLTextAreaElement>('[data-testid="inspector"] textarea[name="body"]');
    const now = { title: titleField?.value ?? found.block.title, body: bodyField?.value ?? found.block.body };
    const moved = reportTexts && finding.field ? moveFinding(finding, reportTexts, now) : null;
    const range = moved && finding.field ? rangeIn(now[finding.field], moved) : null;
    if (!range) return;
    field.setSelectionRange(range.start, range.end);
    flashMark(field, range.start);
  }
}

/** Briefly brightens the underline the person was taken to. */
function flashMark(field: HTMLTextAreaElement, start: number) {
  const mark = field.parentElement?.querySelector<HTMLElement>(`mark[data-start="${start}"]`);
  if (!mark?.animate) return;
  const reduce = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
  mark.animate([{ backgroundColor: "color-mix(in srgb, var(--mark) 38%, transparent)" }, { backgroundColor: "color-mix(in srgb, var(--mark) 11%, transparent)" }], {
    duration: reduce ? 1 : 1400,
    easing: "ease-out",
  });
}
