// An export of the briefing as the status bar shows it. The shell's export_briefing_dialog
// first asks where to save (a native dialog, however long the person takes), then sends an
// export-progress event at each step: pictures one by one, layout, writing, saving. The
// indicator shows only once the export itself (from its first step) has run PROGRESS_DELAY_MS
// without finishing, so a quick export never flashes it; Cancel asks the shell to stop at the
// next step, and the export then resolves to null having written nothing.
import type { ExportProgress, ExportStep } from "./bindings";

/** How long an export runs before its progress shows. */
export const PROGRESS_DELAY_MS = 400;

/** What the status bar says after an export was cancelled. */
export const EXPORT_CANCELLED = "Export cancelled; nothing was written.";

export const STEP_NAMES: Record<ExportStep, string> = {
  pictures: "Preparing pictures",
  layout: "Laying out pages",
  writing: "Writing the PDF",
  saving: "Saving",
};

/** "Preparing pictures 3 of 20", "Laying out pages", "Writing the PDF", "Saving". */
export function progressText(progress: ExportProgress): string {
  const name = STEP_NAMES[progress.step] ?? "Exporting";
  if (progress.step === "pictures" && progress.total > 0) {
    return `${name} ${Math.min(Math.max(progress.done, 0), progress.total)} of ${progress.total}`;
  }
  return name;
}

/** How far the step has got, 0–1, while pictures are counted; null when it cannot be told (indeterminate). */
export function progressFraction(progress: ExportProgress): number | null {
  if (progress.step !== "pictures" || progress.total <= 0) return null;
  return Math.min(1, Math.max(0, progress.done / progress.total));
}

/**
 * One export at a time: begin() when it is asked for, report() with each progress event,
 * cancel() from the indicator, finish() when export_briefing_dialog has answered.
 */
export class ExportRun {
  /** The last step reported by the export under way (null before its first step). */
  progress = $state.raw<ExportProgress | null>(null);
  /** Whether the indicator is shown: the export has run PROGRESS_DELAY_MS and not finished. */
  shown = $state(false);
  /** Cancel was asked for; the export stops at its next step. */
  cancelling = $state(false);

  #cancel: () => Promise<void>;
  #delayMs: number;
  #active = false;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(cancel: () => Promise<void>, delayMs = PROGRESS_DELAY_MS) {
    this.#cancel = cancel;
    this.#delayMs = delayMs;
  }

  /** What the indicator says. */
  get text(): string {
    if (this.cancelling) return "Cancelling…";
    return this.progress ? progressText(this.progress) : "Exporting…";
  }

  /** 0–1 while pictures are counted, else null (an indeterminate bar). */
  get fraction(): number | null {
    return this.progress ? progressFraction(this.progress) : null;
  }

  /** An export was asked for; its save dialog is open. */
  begin(): void {
    this.#reset();
    this.#active = true;
  }

  /**
   * One export-progress event. Ignored outside an export (a late event after it answered);
   * true for the export's first step (the dialog has closed and the export has started).
   */
  report(progress: ExportProgress): boolean {
    if (!this.#active) return false;
    const first = this.progress === null;
    this.progress = progress;
    if (first) {
      this.#timer = setTimeout(() => {
        this.#timer = null;
        if (this.#active) this.shown = true;
      }, this.#delayMs);
    }
    return first;
  }

  /** Cancel (the button, Escape): asks the shell to stop; only while the indicator shows, and once. */
  cancel(): void {
    if (!this.#active || !this.shown || this.cancelling) return;
    this.cancelling = true;
    this.#cancel().catch(() => {
      // The shell did not take it (the export may be ending anyway): Cancel can be tried again.
      if (this.#active) this.cancelling = false;
    });
  }

  /** The export answered (a briefing, null or a failure); true when Cancel had been asked for. */
  finish(): boolean {
    const cancelled = this.#active && this.cancelling;
    this.#reset();
    return cancelled;
  }

  /** Stops the timer (the app is going away). */
  dispose(): void {
    this.#reset();
  }

  #reset() {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#active = false;
    this.progress = null;
    this.shown = false;
    this.cancelling = false;
  }
}
