// The pilots as the Pilots view keeps them: the core's reports (asked again after every
// change while the view is shown; the answer to the latest question wins), and what the view's
// components share (App provides it): the selected pilot and the actions that become edits.
import { getContext, setContext } from "svelte";
import type { AppError, Design, ImportedResults, Pilot, PilotReport, Project } from "./bindings";
import { toAppError } from "./backend";
import type { Flushable } from "./editor";

export class PilotReports {
  reports = $state.raw<PilotReport[] | null>(null);
  /** Why the last reports could not be made. */
  error = $state.raw<AppError | null>(null);
  /** Whether reports have been asked for and not answered yet. */
  loading = $state(false);
  #asked = 0;
  #shown = 0;
  #fetch: () => Promise<PilotReport[]>;

  constructor(fetch: () => Promise<PilotReport[]>) {
    this.#fetch = fetch;
  }

  /** Asks for the reports on the project as the core has it now. */
  refresh(): Promise<void> {
    const asked = ++this.#asked;
    this.loading = true;
    return this.#fetch()
      .then(
        (reports) => {
          if (asked <= this.#shown) return;
          this.#shown = asked;
          this.reports = reports;
          this.error = null;
        },
        (e: unknown) => {
          if (asked <= this.#shown) return;
          this.#shown = asked;
          // Reports that could not be remade may be wrong now: none is shown rather than stale ones.
          this.reports = null;
          this.error = toAppError(e);
        },
      )
      .finally(() => {
        if (asked === this.#asked) this.loading = false;
      });
  }

  /** Forgets the reports (another project was opened); answers still on their way are dropped. */
  reset(): void {
    this.#shown = this.#asked;
    this.reports = null;
    this.error = null;
    this.loading = false;
  }

  of(pilot: number): PilotReport | null {
    return this.reports?.find((r) => r.pilot === pilot) ?? null;
  }
}

/** What reading a results spreadsheet came to. */
export type ImportOutcome =
  | { kind: "cancelled" }
  | { kind: "read"; metrics: ImportedResults[] }
  /** `problems`: the bad lines of an "invalid_csv" file, one each; else the one message. */
  | { kind: "failed"; error: AppError; problems: string[] };

/** What happened the last time a pilot was used in the storyboard. */
export type LeverageNote =
  | { pilot: number; kind: "added"; text: string; firstBlock: number | null }
  | { pilot: number; kind: "refused"; message: string };

export interface Pilots {
  readonly project: Project;
  /** Whether the project is open read-only here: pilots can be read and judged, not changed or used. */
  readonly readOnly: boolean;
  readonly reports: PilotReports;
  /** The pilot shown in the planner; null when there is none. */
  readonly selected: number | null;
  select(id: number | null): void;
  /** Adds a pilot at the end of the list and selects it. */
  add(): Promise<void>;
  /** Deletes a pilot (Ctrl+Z brings it back). */
  remove(id: number): Promise<void>;
  /** Saves a pilot's plan, criteria and results (one UpdatePilot); false when the core refused it. */
  save(pilot: Pilot): Promise<boolean>;
  /** Why the core last refused to save this pilot, until a save of it succeeds. */
  refusal(id: number): string | null;
  /** Adds a pilot's win to the storyboard (one undoable edit), or records why the core refused. */
  leverage(id: number): Promise<void>;
  readonly leverageNote: LeverageNote | null;
  /** Shows the storyboard with a block selected (after a leverage). */
  showBlock(id: number): void;
  /** Asks for a results spreadsheet laid out for `design`. */
  importResults(design: Design): Promise<ImportOutcome>;
  /** Whether a dialog or a leverage is under way (their buttons wait meanwhile). */
  readonly busy: boolean;
  /** Tells the person what just happened (the status bar; screen readers hear it). */
  say(message: string): void;
  /** Planner forms register so their typing is sent before any other edit. */
  registerDraft(draft: Flushable): () => void;
}

const KEY = Symbol("casewright-pilots");

export function setPilots(pilots: Pilots): void {
  setContext(KEY, pilots);
}

export function getPilots(): Pilots {
  const pilots = getContext<Pilots | undefined>(KEY);
  if (!pilots) throw new Error("getPilots() outside the Pilots view (App provides it)");
  return pilots;
}
