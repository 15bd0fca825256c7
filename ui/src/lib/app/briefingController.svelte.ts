// The briefing: how it prints (the Preview tab's choices, remembered), its preview pages, and
// Export PDF… with its progress, Cancel and the status line's "Open PDF" / "Show in folder".
// Its `briefing` is what the Preview tab shares.
import { tick } from "svelte";
import type { ExportedBriefing, ExportProgress } from "../bindings";
import { briefingPreview, cancelExport, exportBriefingDialog, openLastExport, revealLastExport, toAppError } from "../backend";
import { countOf } from "../format";
import { EXPORT_CANCELLED, ExportRun } from "../exporting.svelte";
import { browserStorage, PreviewState, PreviewView, PrintSettings, type Briefing } from "../preview.svelte";
import type { ProjectListener, Session } from "./session.svelte";

export class BriefingController implements ProjectListener {
  readonly #session: Session;
  /** How the briefing prints (the Preview tab's choices, used by Export PDF… too), remembered. */
  readonly printSettings = new PrintSettings(browserStorage());
  /** The briefing's pages, made while the Preview tab is shown. */
  readonly previewState = new PreviewState(briefingPreview);
  /** The export under way: its steps, whether its progress shows yet, Cancel. */
  readonly exportRun = new ExportRun(cancelExport);
  /** What the Preview tab's components share (lib/preview.svelte.ts); App provides it. */
  readonly briefing: Briefing;
  // The status line offers "Open PDF" and "Show in folder" while it still reports the export.
  exportMessage = $state<string | null>(null);

  readonly exportActions = $derived.by(() =>
    this.#session.statusMessage !== null && this.#session.statusMessage === this.exportMessage
      ? [
          { label: "Open PDF", run: () => void openLastExport().catch((e) => (this.#session.statusMessage = toAppError(e).message)) },
          { label: "Show in folder", run: () => void revealLastExport().catch((e) => (this.#session.statusMessage = toAppError(e).message)) },
        ]
      : [],
  );
  readonly exportProgress = $derived(
    this.exportRun.shown
      ? { text: this.exportRun.text, fraction: this.exportRun.fraction, cancelling: this.exportRun.cancelling, oncancel: () => this.exportRun.cancel() }
      : null,
  );
  /** The status line's tone: a cancelled export is no success. */
  readonly statusTone = $derived.by(() => (this.#session.statusMessage === EXPORT_CANCELLED ? "neutral" : "success"));

  constructor(session: Session) {
    this.#session = session;
    this.briefing = {
      state: this.previewState,
      settings: this.printSettings,
      view: new PreviewView(),
      export: () => this.exportBriefing(),
      get busy() {
        return session.task !== null;
      },
      get exporting() {
        return session.task === "export";
      },
    };
  }

  forget(): void {
    this.previewState.reset();
  }

  /**
   * Export PDF… (toolbar, File menu, Preview tab), printed as chosen in the Preview tab. A slow
   * export shows its steps in the status bar, with Cancel; a cancelled one resolves to null.
   */
  exportBriefing(): void {
    const session = this.#session;
    if (!session.opened) return;
    const settings = this.printSettings.value;
    const exportRun = this.exportRun;
    let refocus = false;
    const action = async () => {
      exportRun.begin();
      let briefing: ExportedBriefing | null = null;
      try {
        briefing = await exportBriefingDialog(settings);
        return briefing;
      } finally {
        // Cancel (which had focus) goes away with the indicator: focus goes back to Export PDF….
        refocus = !!document.activeElement?.closest("[data-export-progress]");
        if (exportRun.finish() && briefing === null) session.statusMessage = EXPORT_CANCELLED;
      }
    };
    void session
      .run("export", "Could not export the briefing", action, (briefing) => {
        const exported = `Exported ${countOf(briefing.pages, "page")} to ${briefing.path}`;
        // A character no bundled font can print is named, so it can be fixed before sending.
        session.statusMessage = briefing.warnings.length === 0 ? exported : `${exported}. Check: ${briefing.warnings.join("; ")}`;
        this.exportMessage = session.statusMessage;
      })
      .then(async () => {
        if (!refocus) return;
        await tick();
        document.querySelector<HTMLElement>("#export-pdf")?.focus();
      });
  }

  /** Each step of the export under way; its first means the dialog closed and writing began. */
  onExportStep(progress: ExportProgress): void {
    // The last export's "Open PDF" no longer has a file to open.
    if (this.exportRun.report(progress)) this.#session.statusMessage = null;
  }
}
