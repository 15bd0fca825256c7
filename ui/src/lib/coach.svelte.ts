// The framing coach's advice as the editor keeps it: the core's report on the storyboard,
// asked again after every change, and the live advice on the block being typed. Neither ever
// waits in the edit queue: a report is read-only, so typing and edits never wait for it. The
// answer to the latest question wins; an older answer that arrives after it is dropped.
import { getContext, setContext } from "svelte";
import type { AppError, Block, Finding, Fix, Level, Project, Report } from "./bindings";
import { toAppError } from "./backend";
import { countLevels, findingKey, placedBlock, textsOf, worstLevel, type Place, type Texts } from "./coach";

/** The pause in typing before the live coach reads the block again. */
export const LIVE_DELAY_MS = 150;

const SKIPPED = Symbol("overtaken before it was asked");

/** The storyboard's report, refreshed after each change; the latest request's answer wins. */
export class CoachState {
  report = $state.raw<Report | null>(null);
  /** The project the report was made on (its section titles, the block texts its offsets count in). */
  project = $state.raw<Project | null>(null);
  /** Why the last report could not be made. */
  error = $state.raw<AppError | null>(null);
  /** Whether a report has been asked for and not answered yet. */
  loading = $state(false);
  /**
   * Findings acted on (fixed, dismissed, restored), hidden until a report asked after that: each
   * with the number of the last report asked when it was hidden, as that one may have been made
   * before the change reached the core.
   */
  #hidden = $state.raw<ReadonlyMap<string, number>>(new Map());
  #asked = 0;
  #shown = 0;
  #latest: Promise<void> = Promise.resolve();
  #fetch: () => Promise<Report>;

  constructor(fetch: () => Promise<Report>) {
    this.#fetch = fetch;
  }

  /**
   * Asks for a new report on `project` (the state the core has just returned); with `after`,
   * once that has settled (e.g. the project is on screen), though it counts as asked, and
   * loading, from now.
   */
  refresh(project: Project, after?: Promise<unknown>): Promise<void> {
    const asked = ++this.#asked;
    this.loading = true;
    // One that waited and was overtaken meanwhile (a later question, another project) is not sent.
    const fetch = () => (asked === this.#asked && asked > this.#shown ? this.#fetch() : Promise.reject(SKIPPED));
    const done = (after ? after.then(fetch, fetch) : fetch()).then(
      (report) => {
        if (asked <= this.#shown) return;
        this.#shown = asked;
        this.report = report;
        this.project = project;
        this.error = null;
        this.#hidden = hiddenAfter(this.#hidden, asked);
      },
      (e: unknown) => {
        if (e === SKIPPED || asked <= this.#shown) return;
        this.#shown = asked;
        // A report that could not be remade may be wrong now; none is shown rather than a stale one.
        this.report = null;
        this.project = project;
        this.error = toAppError(e);
        this.#hidden = hiddenAfter(this.#hidden, asked);
      },
    );
    const settled = done.finally(() => {
      if (asked === this.#asked) this.loading = false;
    });
    this.#latest = settled;
    return settled;
  }

  /** Forgets the report (another project was opened); answers still on their way are dropped. */
  reset(): void {
    this.#shown = this.#asked;
    this.report = null;
    this.project = null;
    this.error = null;
    this.loading = false;
    this.#hidden = new Map();
  }

  /** Settles once the latest report asked for has been shown (or dropped). */
  async settled(): Promise<void> {
    let latest: Promise<void>;
    do {
      latest = this.#latest;
      await latest;
    } while (latest !== this.#latest);
  }

  /** Hides a finding at once, as if the next report had left it out (it was fixed or dismissed). */
  hide(finding: Finding): void {
    this.#hidden = new Map([...this.#hidden, [findingKey(finding), this.#asked], [dismissalKey(finding), this.#asked]]);
  }

  /** Shows a hidden finding again (what was done to it failed). */
  unhide(finding: Finding): void {
    const next = new Map(this.#hidden);
    next.delete(findingKey(finding));
    next.delete(dismissalKey(finding));
    this.#hidden = next;
  }

  /** Whether a finding was acted on since the last report (its rule dismissed on its block, or it fixed). */
  isHidden(finding: Finding): boolean {
    return this.#hidden.has(findingKey(finding)) || (finding.blockId !== null && this.#hidden.has(dismissalKey(finding)));
  }

  /** The open findings. */
  findings: Finding[] = $derived((this.report?.findings ?? []).filter((f) => !this.isHidden(f)));
  /** The findings dismissed on their blocks. */
  dismissed: Finding[] = $derived((this.report?.dismissed ?? []).filter((f) => !this.#hidden.has(restoredKey(f))));
  counts: Record<Level, number> = $derived(countLevels(this.findings));
  worst: Level | null = $derived(worstLevel(this.findings));
  #byBlock: Map<number, Finding[]> = $derived.by(() => {
    const map = new Map<number, Finding[]>();
    for (const f of this.findings) {
      if (f.blockId === null) continue;
      const list = map.get(f.blockId);
      if (list) list.push(f);
      else map.set(f.blockId, [f]);
    }
    return map;
  });

  /** A block's open findings in the report. */
  findingsFor(blockId: number): Finding[] {
    return this.#byBlock.get(blockId) ?? [];
  }

  /** How many open findings a block has and the worst of them; null for none. */
  badgeFor(blockId: number): { count: number; level: Level } | null {
    const list = this.#byBlock.get(blockId);
    const level = list && worstLevel(list);
    return list && level ? { count: list.length, level } : null;
  }

  /** A block's title and body as the report read them; null when the report's project has no such block. */
  textsOf(blockId: number): Texts | null {
    const found = placedBlock(this.project, blockId);
    return found ? textsOf(found.block) : null;
  }

  /** Hides a dismissal at once (it was restored): the rule's dismissed findings on the block. */
  hideDismissed(finding: Finding): void {
    this.#hidden = new Map([...this.#hidden, [restoredKey(finding), this.#asked]]);
  }
}

/** What stays hidden once report `asked` is shown: what was hidden after it was asked (it may not know of it). */
function hiddenAfter(hidden: ReadonlyMap<string, number>, asked: number): ReadonlyMap<string, number> {
  return new Map([...hidden].filter(([, at]) => at >= asked));
}

function restoredKey(finding: Finding): string {
  return `restored|${finding.blockId ?? ""}|${finding.rule}`;
}

function dismissalKey(finding: Finding): string {
  return `dismissed|${finding.blockId ?? ""}|${finding.rule}`;
}

export type LiveAnswer = { texts: Texts; findings: Finding[] };

/**
 * The coach's advice on one block as it is typed: asked a short pause after the text changes,
 * answered in the background; an answer older than the one shown is dropped.
 */
export class LiveCoach {
  /** The latest answer and the text it was made on. */
  answer = $state.raw<LiveAnswer | null>(null);
  #lint: (block: Block) => Promise<Finding[]>;
  #delay: number;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #asked = 0;
  #shown = 0;
  #disposed = false;

  constructor(lint: (block: Block) => Promise<Finding[]>, delay = LIVE_DELAY_MS) {
    this.#lint = lint;
    this.#delay = delay;
  }

  /** Reads `block` (the draft as typed) once typing pauses. */
  request(block: Block): void {
    this.#cancel();
    this.#timer = setTimeout(() => this.#send(block), this.#delay);
  }

  #send(block: Block) {
    this.#timer = null;
    const asked = ++this.#asked;
    const texts = textsOf(block);
    this.#lint(block).then(
      (findings) => {
        if (this.#disposed || asked <= this.#shown) return;
        this.#shown = asked;
        this.answer = { texts, findings };
      },
      () => {
        // The live advice is a preview: on failure the last answer and the report stay shown.
      },
    );
  }

  #cancel() {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  dispose(): void {
    this.#disposed = true;
    this.#cancel();
  }
}

/** How the Coach panel was left (it is only mounted while its tab is shown). */
export class CoachView {
  filter = $state<"all" | Level>("all");
  /** Whether the readiness checklist is open; null until the person chooses (open while a check fails). */
  checklistOpen = $state<boolean | null>(null);
  dismissedOpen = $state(false);
}

/** What the coach's components share; App provides it. */
export interface Coach {
  readonly state: CoachState;
  readonly view: CoachView;
  /** Whether the project is open read-only here: advice can be read, not acted on (fixed, dismissed, restored). */
  readonly readOnly: boolean;
  /** The live coach's question: advice on a draft of one block. */
  lint(block: Block): Promise<Finding[]>;
  /** Applies one fix (an undoable edit); settles once the reply (or the failure) is shown. */
  fix(finding: Finding, fix: Fix): Promise<boolean>;
  dismiss(finding: Finding): Promise<boolean>;
  restore(finding: Finding): Promise<boolean>;
  /**
   * Shows where a finding (or a readiness check's evidence, as `evidencePlace` makes it) is:
   * selects its block, opens the inspector, selects the flagged text.
   */
  reveal(place: Place): void;
  /** Asks for the report again (after a failure). */
  retry(): void;
}

const KEY = Symbol("casewright-coach");

export function setCoach(coach: Coach): void {
  setContext(KEY, coach);
}

export function getCoach(): Coach {
  const coach = getContext<Coach | undefined>(KEY);
  if (!coach) throw new Error("getCoach() outside the editor (App provides it)");
  return coach;
}
