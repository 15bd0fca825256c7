// Two people, one file. When another Casewright (on this computer or another, through a shared
// drive) has the project open, this one shows it read-only: what the app says about who has it
// and since when. And Share a Copy…: the choices it remembers, and what it reports once written.
import type { LockHolder, SharedCopy, ShareOptions } from "./bindings";
import { countOf } from "./format";

/** The holder's name as shown; the lock file is another program's text, so it may be empty. */
export function holderName(holder: LockHolder): string {
  return holder.user.trim() || "Someone";
}

function holderHost(holder: LockHolder): string {
  return holder.host.trim() || "another computer";
}

/** When the holder opened the project, in the person's local date and time ("27 Nov 2026, 11:14"). */
export function openSince(since: number, locale?: string): string {
  const date = new Date(since * 1000);
  if (!(since > 0) || Number.isNaN(date.getTime())) return "an unknown time";
  return date.toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" });
}

/** What follows "Read-only — " in the banner: who has the project open, where and since when. */
export function readOnlyDetail(holder: LockHolder, locale?: string): string {
  return `${holderName(holder)} on ${holderHost(holder)} has had this project open since ${openSince(holder.since, locale)}. Changes can't be saved here.`;
}

/** The read-only banner's text (shown as text, never as markup: the names are another program's). */
export function readOnlyText(holder: LockHolder, locale?: string): string {
  return `Read-only — ${readOnlyDetail(holder, locale)}`;
}

/** What Edit Anyway… asks the person to weigh before taking the project over. */
export function takeOverWarning(holder: LockHolder): string {
  return `If ${holderName(holder)} saves too, one of you will lose changes. Continue only if you know they have closed it.`;
}

/** A file size as a person reads it: "912 bytes", "148 KB", "2.4 MB" (1 KB = 1,000 bytes, as file managers show). */
export function fileSize(bytes: number): string {
  if (bytes < 1000) return countOf(bytes, "byte");
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 999.5 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const shown = value < 9.95 ? value.toFixed(1).replace(/\.0$/, "") : String(Math.round(value));
  return `${shown} ${units[unit]}`;
}

/** The status line after a copy was shared: its size, and what was left out that the person may wonder about. */
export function sharedMessage(copy: SharedCopy): string {
  const left: string[] = [];
  if (copy.unusedCasesLeftOut > 0) left.push(countOf(copy.unusedCasesLeftOut, "unused case study", "unused case studies"));
  if (copy.foreignObjectsLeftOut > 0) left.push(countOf(copy.foreignObjectsLeftOut, "addition by another program", "additions by other programs"));
  return `Shared copy saved (${fileSize(copy.bytes)})${left.length ? `, ${left.join(" and ")} left out` : ""}.`;
}

// ---- The choices of Share a Copy… ---------------------------------------------------------

export const SHARE_OPTIONS_KEY = "casewright.share-options";
export const DEFAULT_SHARE_OPTIONS: ShareOptions = { stripNotes: false, stripDismissed: false };

/** Options read back from storage; anything unexpected gives the default (nothing left out). */
export function parseShareOptions(text: string | null): ShareOptions {
  try {
    const value: unknown = text === null ? null : JSON.parse(text);
    if (typeof value !== "object" || value === null) return { ...DEFAULT_SHARE_OPTIONS };
    const { stripNotes, stripDismissed } = value as Record<string, unknown>;
    return { stripNotes: stripNotes === true, stripDismissed: stripDismissed === true };
  } catch {
    return { ...DEFAULT_SHARE_OPTIONS };
  }
}

/** What the last copy shared left out, offered again next time; remembered in `storage`. */
export class ShareChoices {
  #storage: Storage | null;
  #value: ShareOptions;

  constructor(storage: Storage | null) {
    this.#storage = storage;
    let stored: string | null = null;
    try {
      stored = storage?.getItem(SHARE_OPTIONS_KEY) ?? null;
    } catch {
      // Storage refused: the defaults it is.
    }
    this.#value = parseShareOptions(stored);
  }

  get value(): ShareOptions {
    return { ...this.#value };
  }

  remember(options: ShareOptions): void {
    this.#value = { stripNotes: options.stripNotes, stripDismissed: options.stripDismissed };
    try {
      this.#storage?.setItem(SHARE_OPTIONS_KEY, JSON.stringify(this.#value));
    } catch {
      // Not remembered (storage full or refused); the choice still holds until the app closes.
    }
  }
}
