// The Cases view's state and handlers, shared by CasesView.svelte and its panes (CaseSearchBar,
// CaseFilterPane, CaseResultList, CaseDetailPane, CaseImportPane): the search and its latest answer (an answer to an older query than the
// latest is dropped), the case selected, the case being edited (CaseEditor, in place of its
// details; saving sends the whole case once, and Undo saves the version before it back, as
// Undo after Delete does), the import under way, and the library's export.
import { tick } from "svelte";
import type { AppError, CaseHit, CaseQuery, CaseStudy, ImportPreview, Relation, SearchResult } from "./bindings";
import { deleteLibraryCase, exportCasesDialog, importCases, previewCaseImport, saveLibraryCase, searchCases, toAppError } from "./backend";
import type { RowProblem } from "./errors";
import { activeChips, blankCaseForm, cleanMapping, emptyQuery, importProblems, importSummaryText, mappingProblem, sameCaseForm, toCaseForm, type CaseForm } from "./cases";

/** How long typing pauses before the core is asked. */
const DEBOUNCE_MS = 120;

export type CaseEditing = {
  /** The case's id; 0 for a new one. */
  id: number;
  /** The case as it was when editing began (null for a new one): what Undo puts back. */
  original: CaseStudy | null;
  form: CaseForm;
  /** The form as it opened, to tell whether anything changed. */
  initial: CaseForm;
};

export type ImportStep =
  | { step: "idle" }
  | { step: "mapping"; preview: ImportPreview; mapping: Record<string, number> }
  | { step: "duplicates"; preview: ImportPreview; mapping: Record<string, number>; message: string }
  | { step: "problems"; preview: ImportPreview; mapping: Record<string, number>; problems: RowProblem[] }
  | { step: "done"; text: string };

export interface CaseBrowserHost {
  /** Adds the case to the storyboard (one undoable edit); resolves to what was added, in words, or null. */
  use(id: number, relation: Relation | null, metrics: boolean): Promise<string | null>;
  say(message: string): void;
}

export class CaseBrowser {
  readonly #host: CaseBrowserHost;

  query = $state.raw<CaseQuery>(emptyQuery());
  result = $state.raw<SearchResult | null>(null);
  searchError = $state.raw<AppError | null>(null);
  selectedId = $state<number | null>(null);
  relationChoice = $state<"peer" | "competitor" | "neither">("neither");
  withMetrics = $state(true);
  useNote = $state<string | null>(null);
  working = $state(false);
  deleted = $state.raw<CaseStudy | null>(null);
  /** The last save, for its Undo: the case before (null: it was new) and as saved. */
  saved = $state.raw<{ before: CaseStudy | null; after: CaseStudy } | null>(null);
  /**
   * A case just saved or put back, shown as it now is until the search answers again: then the
   * hit takes over, or, when the search no longer finds it, it stays selected (`leftOut`).
   */
  outside = $state.raw<CaseStudy | null>(null);
  leftOut = $state(false);
  /** Industries the library has shown so far, suggested in the editor. */
  industries = $state.raw<string[]>([]);

  editing = $state<CaseEditing | null>(null);
  saving = $state(false);
  refusal = $state.raw<AppError | null>(null);
  /** Moving to another case (or a new one) waits for the person to discard their changes. */
  leaving = $state.raw<{ go: () => void } | null>(null);
  keepEditingButton = $state<HTMLButtonElement>();

  importing = $state.raw<ImportStep>({ step: "idle" });
  failure = $state.raw<{ heading: string; error: AppError } | null>(null);

  #asked = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  readonly found = $derived<CaseHit | null>(this.result?.hits.find((h) => h.case.id === this.selectedId) ?? null);
  readonly selected = $derived<CaseHit | null>(
    this.outside && this.outside.id === this.selectedId ? { case: this.outside, relation: this.found?.relation ?? null, snippet: [] } : this.found,
  );
  readonly dirty = $derived(this.editing !== null && !sameCaseForm(this.editing.form, this.editing.initial));
  readonly editingTitle = $derived(this.editing ? this.editing.form.title.trim() || this.editing.original?.title || "the new case" : "");
  /** A search or a filter is on: its matches can be exported alone. */
  readonly selecting = $derived(this.query.text.trim() !== "" || activeChips(this.query).length > 0);
  readonly problem = $derived(this.importing.step === "mapping" ? mappingProblem(this.importing.mapping) : null);

  constructor(host: CaseBrowserHost) {
    this.#host = host;
  }

  // ---- Searching -----------------------------------------------------------------------------

  async #search(q: CaseQuery): Promise<void> {
    const mine = ++this.#asked;
    try {
      const answer = await searchCases(q);
      if (mine !== this.#asked) return;
      this.result = answer;
      this.searchError = null;
      const known = new Set([...this.industries, ...answer.facets.industry.map((f) => f.value)]);
      if (known.size !== this.industries.length) this.industries = [...known].sort();
      if (this.outside !== null) {
        const id = this.outside.id;
        if (answer.hits.some((h) => h.case.id === id)) this.outside = null;
        else this.leftOut = true;
      }
      const held = this.outside !== null && this.outside.id === this.selectedId;
      if (this.selectedId !== null && !held && !answer.hits.some((h) => h.case.id === this.selectedId)) this.selectedId = answer.hits[0]?.case.id ?? null;
      if (this.selectedId === null) this.selectedId = answer.hits[0]?.case.id ?? null;
    } catch (e) {
      if (mine === this.#asked) this.searchError = toAppError(e);
    }
  }

  /** Asks again now (filters, sort, after a change to the library). */
  refresh(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    void this.#search(this.query);
  }

  setQuery(next: CaseQuery, debounce = false): void {
    this.query = next;
    this.outside = null;
    if (!debounce) return this.refresh();
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#search(this.query);
    }, DEBOUNCE_MS);
  }

  /** The view is gone: no search waits, and an answer still on its way is dropped. */
  dispose(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#asked++;
  }

  // ---- The case selected ---------------------------------------------------------------------

  async use(): Promise<void> {
    const selected = this.selected;
    if (!selected || selected.case.id === undefined || this.working) return;
    this.working = true;
    try {
      const relation = this.relationChoice === "neither" ? null : this.relationChoice;
      this.useNote = await this.#host.use(selected.case.id, relation, this.withMetrics);
    } finally {
      this.working = false;
    }
  }

  async remove(): Promise<void> {
    const selected = this.selected;
    if (!selected || selected.case.id === undefined || this.working) return;
    this.working = true;
    try {
      const gone = await deleteLibraryCase(selected.case.id);
      this.deleted = gone;
      this.saved = null;
      if (this.outside?.id === gone.id) this.outside = null;
      this.#host.say(`Deleted “${gone.title}” from your library.`);
      this.refresh();
    } catch (e) {
      this.failure = { heading: "Could not delete the case", error: toAppError(e) };
    } finally {
      this.working = false;
    }
  }

  async undoDelete(): Promise<void> {
    const gone = this.deleted;
    if (!gone) return;
    try {
      const id = await saveLibraryCase({ ...gone, id: 0 });
      this.deleted = null;
      this.selectedId = id;
      this.#hold({ ...gone, id });
      this.#host.say(`“${gone.title}” is back in your library.`);
      this.refresh();
    } catch (e) {
      this.failure = { heading: "Could not restore the case", error: toAppError(e) };
    }
  }

  choose(id: number | null, focus = false): void {
    if (this.editing !== null && this.editing.id === id) return;
    this.leaveEditor(() => {
      this.selectedId = id;
      if (this.outside?.id !== id) this.outside = null;
      if (focus) document.querySelector<HTMLElement>(`[data-case-id="${id}"]`)?.focus();
    });
  }

  // ---- Editing a case ------------------------------------------------------------------------

  async #focusSoon(selector: string): Promise<void> {
    await tick();
    document.querySelector<HTMLElement>(selector)?.focus();
  }

  #hold(study: CaseStudy): void {
    this.outside = study;
    this.leftOut = false;
  }

  openEditor(original: CaseStudy | null): void {
    const form = original ? toCaseForm(original) : blankCaseForm();
    this.editing = { id: original?.id ?? 0, original, form, initial: $state.snapshot(form) as CaseForm };
    this.refusal = null;
    this.leaving = null;
    this.saved = null;
    void this.#focusSoon('[data-testid="case-editor"] [name="title"]');
  }

  /** Does `go` once the editor is closed: at once when nothing changed, else after the person discards. */
  leaveEditor(go: () => void): void {
    if (this.editing === null) return go();
    if (!this.dirty) {
      this.editing = null;
      return go();
    }
    this.leaving = { go };
    void tick().then(() => this.keepEditingButton?.focus());
  }

  discardAndGo(): void {
    const next = this.leaving;
    this.leaving = null;
    this.editing = null;
    this.refusal = null;
    next?.go();
  }

  cancelEdit(): void {
    const id = this.editing?.id ?? 0;
    this.editing = null;
    this.leaving = null;
    this.refusal = null;
    void this.#focusSoon(id !== 0 && this.selected ? "#edit-case" : "#new-case");
  }

  newCase(): void {
    this.leaveEditor(() => this.openEditor(null));
  }

  async saveEdit(study: CaseStudy): Promise<void> {
    const current = this.editing;
    if (!current || this.saving) return;
    this.saving = true;
    this.refusal = null;
    try {
      const id = await saveLibraryCase(study);
      const after = { ...study, id };
      this.saved = { before: current.original ? ($state.snapshot(current.original) as CaseStudy) : null, after };
      this.deleted = null;
      this.editing = null;
      this.leaving = null;
      this.selectedId = id;
      this.#hold(after);
      this.#host.say(current.original ? `Saved changes to “${after.title}”.` : `Added “${after.title}” to your library.`);
      this.refresh();
      void this.#focusSoon("#edit-case");
    } catch (e) {
      this.refusal = toAppError(e);
    } finally {
      this.saving = false;
    }
  }

  async undoSave(): Promise<void> {
    const last = this.saved;
    if (!last || this.working) return;
    this.working = true;
    try {
      if (last.before) {
        const id = await saveLibraryCase(last.before);
        this.selectedId = id;
        this.#hold({ ...last.before, id });
        this.#host.say(`“${last.before.title}” is back as it was.`);
      } else {
        await deleteLibraryCase(last.after.id ?? 0);
        if (this.outside?.id === last.after.id) this.outside = null;
        this.#host.say(`Took “${last.after.title}” out of your library again.`);
      }
      this.saved = null;
      this.refresh();
    } catch (e) {
      this.failure = { heading: "Could not undo the change", error: toAppError(e) };
    } finally {
      this.working = false;
    }
  }

  // ---- Import and export ---------------------------------------------------------------------

  async startImport(): Promise<void> {
    this.failure = null;
    try {
      const preview = await previewCaseImport();
      if (!preview) return;
      this.importing = { step: "mapping", preview, mapping: { ...preview.mapping } };
      if (preview.json) await this.runImport(null);
    } catch (e) {
      this.failure = { heading: "Could not read the file", error: toAppError(e) };
    }
  }

  setColumn(field: string, column: number): void {
    const importing = this.importing;
    if (importing.step !== "mapping" && importing.step !== "problems") return;
    this.importing = { step: "mapping", preview: importing.preview, mapping: { ...importing.mapping, [field]: column } };
  }

  async runImport(onDuplicate: "skip" | "update" | null): Promise<void> {
    const current = this.importing;
    if (current.step === "idle" || current.step === "done") return;
    this.working = true;
    try {
      const summary = await importCases(cleanMapping(current.mapping), onDuplicate);
      const text = importSummaryText(summary);
      this.importing = { step: "done", text };
      this.#host.say(text);
      this.refresh();
    } catch (e) {
      const error = toAppError(e);
      if (error.code === "duplicates") {
        this.importing = { step: "duplicates", preview: current.preview, mapping: current.mapping, message: error.message };
      } else if (error.code === "invalid_csv" || error.code === "invalid_json") {
        this.importing = { step: "problems", preview: current.preview, mapping: current.mapping, problems: importProblems(error) };
      } else {
        this.failure = { heading: "Could not import the cases", error };
      }
    } finally {
      this.working = false;
    }
  }

  closeImport(): void {
    this.importing = { step: "idle" };
  }

  async exportLibrary(selection: boolean): Promise<void> {
    try {
      const path = await exportCasesDialog(selection ? { ...this.query, limit: null } : null);
      if (path) this.#host.say(selection ? `Exported the matching case studies to ${path}.` : `Exported your case library to ${path}.`);
    } catch (e) {
      this.failure = { heading: "Could not export the library", error: toAppError(e) };
    }
  }
}
