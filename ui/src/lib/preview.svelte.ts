// The briefing preview as the editor keeps it: the core's pages for the open project, printed
// with the person's choices (paper, handout), which Export PDF… uses too. The pages are asked
// for only while the Preview tab is shown, a short pause after the project or the choices
// change; the answer to the latest question wins, and the pages shown stay until it comes.
import { getContext, setContext } from "svelte";
import type { AppError, BriefingPreview, BriefingSettings, Paper, Project, Theme } from "./bindings";
import { DEFAULT_BRIEFING, toAppError } from "./backend";

/** The pause after a change before the preview is made again (edits often come in bursts). */
export const PREVIEW_DELAY_MS = 250;

export const PAPERS: readonly { value: Paper; label: string; size: string }[] = [
  { value: "a4", label: "A4", size: "210 × 297 mm" },
  { value: "letter", label: "US Letter", size: "8.5 × 11 in" },
];

export function paperName(paper: Paper): string {
  return PAPERS.find((p) => p.value === paper)?.label ?? paper;
}

/** What the settings print, in words: "A4", "US Letter handout", "A4, bold". */
export function settingsName(settings: BriefingSettings): string {
  const bold = settings.theme === "bold" ? ", bold" : "";
  return `${paperName(settings.paper)}${settings.handout ? " handout" : ""}${bold}`;
}

/**
 * One SVG page as an image URL. A data: URL (the CSP allows img-src data:, not blob:), and
 * shown with <img>, never inserted into the page: scripts and links inside it stay inert.
 */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** Whether two settings print alike (every field, so one added to BriefingSettings counts too). */
function sameSettings(a: BriefingSettings, b: BriefingSettings): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return [...new Set([...Object.keys(x), ...Object.keys(y)])].every((key) => x[key] === y[key]);
}

// ---- The print choices ------------------------------------------------------------------

export const SETTINGS_KEY = "casewright.briefing-settings";

/** Settings read back from storage; anything unexpected gives the default. */
export function parseSettings(text: string | null): BriefingSettings {
  try {
    const value: unknown = text === null ? null : JSON.parse(text);
    if (typeof value !== "object" || value === null) return { ...DEFAULT_BRIEFING };
    const { paper, handout, theme } = value as Record<string, unknown>;
    return {
      paper: PAPERS.some((p) => p.value === paper) ? (paper as Paper) : DEFAULT_BRIEFING.paper,
      handout: typeof handout === "boolean" ? handout : DEFAULT_BRIEFING.handout,
      ...(theme === "bold" ? { theme: "bold" as Theme } : {}),
    };
  } catch {
    return { ...DEFAULT_BRIEFING };
  }
}

/** localStorage, or null where there is none (or it may not be used). */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage ?? null;
  } catch {
    return null;
  }
}

/** How the briefing is printed, for the preview and for Export PDF…; remembered in `storage`. */
export class PrintSettings {
  paper = $state<Paper>(DEFAULT_BRIEFING.paper);
  handout = $state(DEFAULT_BRIEFING.handout);
  /** Board (sober) unless the person picks the bold look. */
  theme = $state<Theme>("board");
  #storage: Storage | null;

  constructor(storage: Storage | null) {
    this.#storage = storage;
    let stored: string | null = null;
    try {
      stored = storage?.getItem(SETTINGS_KEY) ?? null;
    } catch {
      // Storage refused: the defaults it is.
    }
    const initial = parseSettings(stored);
    this.paper = initial.paper;
    this.handout = initial.handout;
    this.theme = initial.theme ?? "board";
  }

  /** The settings as the core takes them (a plain copy). */
  get value(): BriefingSettings {
    // The board theme is the core's default: left out, so settings read as before.
    return this.theme === "bold" ? { paper: this.paper, handout: this.handout, theme: "bold" } : { paper: this.paper, handout: this.handout };
  }

  set(next: Partial<BriefingSettings>): void {
    if (next.paper !== undefined) this.paper = next.paper;
    if (next.handout !== undefined) this.handout = next.handout;
    if (next.theme !== undefined) this.theme = next.theme;
    try {
      this.#storage?.setItem(SETTINGS_KEY, JSON.stringify(this.value));
    } catch {
      // Not remembered (storage full or refused); the choice still holds until the app closes.
    }
  }
}

// ---- The pages --------------------------------------------------------------------------

/** A preview as shown: each page as an image URL, and what it was made with. */
export type ShownPreview = {
  pages: string[];
  /** Page size in points. */
  width: number;
  height: number;
  warnings: string[];
  settings: BriefingSettings;
};

type Wanted = { project: Project; settings: BriefingSettings };

/** The preview of the latest project and settings asked for; a later question's answer wins. */
export class PreviewState {
  /** The pages shown (kept while a new preview is made, so they never flash away). */
  shown = $state.raw<ShownPreview | null>(null);
  /** Why the latest preview could not be made. */
  error = $state.raw<AppError | null>(null);
  /** A preview is waiting for the pause to end or for the core's answer. */
  updating = $state(false);
  #fetch: (settings: BriefingSettings) => Promise<BriefingPreview>;
  #delay: number;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #wanted: Wanted | null = null;
  #asked = 0;
  #shownAsk = 0;
  #answered = 0;

  constructor(fetch: (settings: BriefingSettings) => Promise<BriefingPreview>, delay = PREVIEW_DELAY_MS) {
    this.#fetch = fetch;
    this.#delay = delay;
  }

  /**
   * Shows `project` (the state the core has now) printed with `settings`: asked after the
   * pause, or at once with `now` or when nothing is shown yet. Nothing is asked when that is
   * what was last asked for and the answer did not fail.
   */
  want(project: Project, settings: BriefingSettings, { now = false } = {}): void {
    const last = this.#wanted;
    if (last && last.project === project && sameSettings(last.settings, settings) && this.error === null) return;
    this.#wanted = { project, settings: { ...settings } };
    this.#schedule(now || this.shown === null ? 0 : this.#delay);
  }

  /** Asks again at once (after a failure). */
  retry(): void {
    if (this.#wanted) this.#schedule(0);
  }

  /** The tab was hidden: nothing more is asked; an answer already on its way is still shown. */
  pause(): void {
    if (this.#timer === null) return;
    this.#cancelTimer();
    // Never sent, so the next want() asks again.
    this.#wanted = null;
    this.#sync();
  }

  /** Another project was opened: its pages are not these, and answers on their way are dropped. */
  reset(): void {
    this.#cancelTimer();
    this.#wanted = null;
    this.#shownAsk = this.#asked;
    this.#answered = this.#asked;
    this.shown = null;
    this.error = null;
    this.#sync();
  }

  #schedule(delay: number) {
    this.#cancelTimer();
    if (delay <= 0) {
      this.#send();
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#send();
    }, delay);
    this.#sync();
  }

  #send() {
    const wanted = this.#wanted;
    if (!wanted) return;
    const asked = ++this.#asked;
    this.#sync();
    const settings = wanted.settings;
    this.#fetch({ ...settings })
      .then(
        (preview) => {
          if (asked <= this.#shownAsk) return;
          // An older answer may stand in until the latest comes, but only on the same paper:
          // pages that change size twice would jump.
          if (asked < this.#asked && !sameSettings(settings, this.#wanted?.settings ?? settings)) return;
          let pages: string[];
          try {
            pages = preview.pages.map(svgDataUrl);
          } catch (e) {
            // Not text an image can be made of (encodeURIComponent refuses a lone surrogate).
            if (asked !== this.#asked) return;
            this.#shownAsk = asked;
            this.error = toAppError(e);
            return;
          }
          this.#shownAsk = asked;
          this.shown = { pages, width: preview.width, height: preview.height, warnings: preview.warnings, settings };
          if (asked === this.#asked) this.error = null;
        },
        (e: unknown) => {
          // Only the latest question's failure counts; the pages shown stay, marked out of date.
          if (asked !== this.#asked) return;
          this.#shownAsk = asked;
          this.error = toAppError(e);
        },
      )
      .finally(() => {
        if (asked > this.#answered) this.#answered = asked;
        this.#sync();
      });
  }

  #cancelTimer() {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #sync() {
    this.updating = this.#timer !== null || this.#answered < this.#asked;
  }
}

/** Where the Preview tab was left (it is only mounted while shown). */
export class PreviewView {
  scrollTop = 0;
  page = 0;
}

/** What the Preview tab shares with the editor; App provides it. */
export interface Briefing {
  readonly state: PreviewState;
  readonly settings: PrintSettings;
  readonly view: PreviewView;
  /** Export PDF… with the chosen settings, as the toolbar does. */
  export(): void;
  /** A file action (open, save, export) is running. */
  readonly busy: boolean;
  readonly exporting: boolean;
}

const KEY = Symbol("casewright-briefing");

export function setBriefing(briefing: Briefing): void {
  setContext(KEY, briefing);
}

export function getBriefing(): Briefing {
  const briefing = getContext<Briefing | undefined>(KEY);
  if (!briefing) throw new Error("getBriefing() outside the editor (App provides it)");
  return briefing;
}
