// The framing coach's findings as the UI shows them: counted, grouped by where they are, and
// placed in the text. Pure functions (no Svelte, no DOM), unit-tested directly.
//
// Offsets: the core counts characters as Unicode code points ("🚀" is one), the browser's
// strings and text fields count UTF-16 code units ("🚀" is two). Findings keep the core's
// code points; only what touches a string or a text field converts, with utf16At and
// codePointsIn.
import type { Block, BlockKind, CheckEvidence, CheckResult, Edit, Field, Finding, Fix, Level, Project } from "./bindings";
import { blockName, sectionName } from "./dnd";

/** Worst first. */
export const LEVELS: readonly Level[] = ["error", "warning", "suggestion"];

const RANK: Record<Level, number> = { suggestion: 1, warning: 2, error: 3 };

export const LEVEL_NAMES: Record<Level, { one: string; many: string; title: string; a: string }> = {
  error: { one: "error", many: "errors", title: "Errors", a: "an error" },
  warning: { one: "warning", many: "warnings", title: "Warnings", a: "a warning" },
  suggestion: { one: "suggestion", many: "suggestions", title: "Suggestions", a: "a suggestion" },
};

export function worstLevel(findings: readonly Pick<Finding, "level">[]): Level | null {
  let worst: Level | null = null;
  for (const f of findings) if (worst === null || RANK[f.level] > RANK[worst]) worst = f.level;
  return worst;
}

export function countLevels(findings: readonly Pick<Finding, "level">[]): Record<Level, number> {
  const counts: Record<Level, number> = { error: 0, warning: 0, suggestion: 0 };
  for (const f of findings) counts[f.level]++;
  return counts;
}

/** "1 piece of advice", "3 pieces of advice". */
export function adviceCount(count: number): string {
  return `${count} ${count === 1 ? "piece" : "pieces"} of advice`;
}

// ---- Offsets ------------------------------------------------------------------------------

/**
 * For a text with characters beyond the Basic Multilingual Plane (emoji…), the UTF-16 index of
 * each code point, so conversions are lookups; null for a text without any, where the two
 * counts agree. Kept for the last few texts: every keystroke converts many offsets in one text.
 */
const tables = new Map<string, Uint32Array | null>();

function table(text: string): Uint32Array | null {
  const known = tables.get(text);
  if (known !== undefined) return known;
  let made: Uint32Array | null = null;
  if (/[\uD800-\uDBFF]/.test(text)) {
    const starts: number[] = [];
    for (let i = 0; i < text.length; i += text.codePointAt(i)! > 0xffff ? 2 : 1) starts.push(i);
    starts.push(text.length);
    made = Uint32Array.from(starts);
  }
  if (tables.size >= 8) tables.delete(tables.keys().next().value!);
  tables.set(text, made);
  return made;
}

/** The UTF-16 index of the `points`-th code point of `text` (its length when past the end). */
export function utf16At(text: string, points: number): number {
  const starts = table(text);
  if (!starts) return Math.min(Math.max(0, points), text.length);
  return starts[Math.min(Math.max(0, points), starts.length - 1)];
}

/** How many code points the first `index` UTF-16 units of `text` hold (a unit inside a pair counts its pair). */
export function codePointsIn(text: string, index: number): number {
  const starts = table(text);
  const at = Math.min(Math.max(0, index), text.length);
  if (!starts) return at;
  // The number of code points starting before `at`.
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid] < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

export type Range16 = { start: number; end: number };

/**
 * Where a finding's characters are in `text`, in UTF-16 units; null when it has no range, or
 * when `text` no longer reads its excerpt there (the advice is about older text).
 */
export function rangeIn(text: string, finding: Pick<Finding, "start" | "end" | "excerpt">): Range16 | null {
  if (finding.start === null || finding.end === null || finding.end < finding.start) return null;
  const start = utf16At(text, finding.start);
  const end = utf16At(text, finding.end);
  if (codePointsIn(text, end) !== finding.end) return null; // past the end of the text
  if (finding.excerpt !== null && text.slice(start, end) !== finding.excerpt) return null;
  return { start, end };
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Where the range `start..end` (UTF-16) of `before` is in `after`, when the one edit between
 * them (what differs once the common start and end are set aside) left it whole: unchanged
 * before the edit, shifted after it, and null when the edit touched it.
 */
export function followRange(before: string, after: string, start: number, end: number): Range16 | null {
  if (before === after) return { start, end };
  const { prefix, changedEnd, shift } = edit(before, after);
  if (end <= prefix) return { start, end };
  if (start >= changedEnd) return { start: start + shift, end: end + shift };
  return null;
}

type Change = { prefix: number; changedEnd: number; shift: number };
let lastChange: { before: string; after: string; change: Change } | null = null;

/** Where `before` and `after` differ: the common start, the end of the changed part of `before`, the shift after it. */
function edit(before: string, after: string): Change {
  if (lastChange && lastChange.before === before && lastChange.after === after) return lastChange.change;
  const shortest = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && isHigh(before.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (suffix < shortest - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  if (suffix > 0 && isLow(before.charCodeAt(before.length - suffix))) suffix--;
  const change = { prefix, changedEnd: before.length - suffix, shift: after.length - before.length };
  lastChange = { before, after, change };
  return change;
}

export type Texts = Record<Field, string>;

export function textsOf(block: Pick<Block, "title" | "body">): Texts {
  return { title: block.title, body: block.body };
}

export function sameTexts(a: Texts | null, b: Texts | null): boolean {
  return !!a && !!b && a.title === b.title && a.body === b.body;
}

/** What points at text: a finding, or a readiness check's evidence (as `evidencePlace` makes it). */
export type Place = Pick<Finding, "section" | "blockId" | "field" | "start" | "end" | "excerpt">;

/**
 * A finding (or a place) made on `before`, moved onto `after` (its offsets, in code points,
 * follow the edit); null when the edit touched its text or it no longer fits. One without a
 * range is kept as it is.
 */
export function moveFinding<T extends Pick<Finding, "field" | "start" | "end" | "excerpt">>(finding: T, before: Texts, after: Texts): T | null {
  if (finding.field === null || finding.start === null || finding.end === null) return finding;
  const old = before[finding.field];
  const now = after[finding.field];
  const range = rangeIn(old, finding);
  if (!range) return null;
  if (old === now) return finding;
  const moved = followRange(old, now, range.start, range.end);
  if (!moved) return null;
  return { ...finding, start: codePointsIn(now, moved.start), end: codePointsIn(now, moved.end) };
}

/** Identifies a finding: its rule and where it points. */
export function findingKey(f: Finding): string {
  return [f.rule, f.section ?? "", f.blockId ?? "", f.field ?? "", f.start ?? "", f.end ?? ""].join("|");
}

/**
 * Findings with keys for keyed lists: unique within the list, and the same for the same advice
 * when an edit elsewhere in the text moves it (so its row, and the focus in it, stay). The
 * first finding of a rule on a block's field is "…#1", the next "…#2".
 */
export function keyed(findings: readonly Finding[]): { key: string; finding: Finding }[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const base = finding.blockId !== null ? `${finding.rule}|block ${finding.blockId}|${finding.field ?? ""}` : `${finding.rule}|section ${finding.section ?? ""}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { key: `${base}#${n}`, finding };
  });
}

/** One finding for each rule dismissed on a block (a dismissal covers all the rule's findings there). */
export function dismissals(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.blockId ?? ""}|${f.rule}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `findings` without those `minus` has too (same rule, same place). */
export function subtractFindings(findings: readonly Finding[], minus: readonly Finding[]): Finding[] {
  const gone = new Set(minus.map(findingKey));
  return findings.filter((f) => !gone.has(findingKey(f)));
}

export type Advice = { texts: Texts; findings: readonly Finding[] };

/**
 * One block's findings from several answers (the report, the live coach), each made on its
 * own version of the text, moved onto the text as it is now; duplicates are dropped. Sorted
 * by field (title first) and position.
 */
export function mergeAdvice(now: Texts, sources: readonly Advice[]): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const source of sources) {
    for (const finding of source.findings) {
      const moved = moveFinding(finding, source.texts, now);
      if (moved && !byKey.has(findingKey(moved))) byKey.set(findingKey(moved), moved);
    }
  }
  const fieldOrder = (f: Finding) => (f.field === "title" ? 0 : f.field === "body" ? 1 : 2);
  return [...byKey.values()].sort((a, b) => fieldOrder(a) - fieldOrder(b) || (a.start ?? 0) - (b.start ?? 0) || (a.end ?? 0) - (b.end ?? 0));
}

// ---- Where findings are --------------------------------------------------------------------

export type FindingGroup = {
  key: string;
  /** "Whole storyboard", or the section's title. */
  title: string;
  /** The section's position (1-based); null for the whole storyboard. */
  position: number | null;
  findings: Finding[];
};

/**
 * Findings grouped as the panel lists them: the whole storyboard's first (worst first), then
 * one group per section in storyboard order (in reading order within it). `project` is the
 * one the findings were made on, for the section titles.
 */
export function groupFindings(findings: readonly Finding[], project: Project | null): FindingGroup[] {
  const groups: FindingGroup[] = [];
  const whole = findings.filter((f) => f.section === null).sort((a, b) => RANK[b.level] - RANK[a.level]);
  if (whole.length > 0) groups.push({ key: "storyboard", title: "Whole storyboard", position: null, findings: whole });
  const sections = [...new Set(findings.flatMap((f) => (f.section === null ? [] : [f.section])))].sort((a, b) => a - b);
  for (const index of sections) {
    const section = project?.sections[index];
    groups.push({
      key: `section-${section?.id ?? `at-${index}`}`,
      title: section ? sectionName(section, index) : `Section ${index + 1}`,
      position: index + 1,
      // Section-wide advice first, then the blocks' in order.
      findings: findings
        .filter((f) => f.section === index)
        .sort((a, b) => (a.block ?? -1) - (b.block ?? -1) || (a.field === b.field ? 0 : a.field === "title" ? -1 : 1) || (a.start ?? 0) - (b.start ?? 0)),
    });
  }
  return groups;
}

/** A block of `project` and the section it is placed in (null in the library). */
export function placedBlock(project: Project | null, id: number | null): { block: Block; section: number | null } | null {
  if (!project || id === null) return null;
  for (const [index, section] of project.sections.entries()) {
    const block = section.blocks.find((b) => b.id === id);
    if (block) return { block, section: index };
  }
  const inLibrary = project.library.find((b) => b.id === id);
  return inLibrary ? { block: inLibrary, section: null } : null;
}

export type InContext = { before: string; match: string; after: string };

/**
 * The flagged text with a little of what surrounds it, cut at word boundaries ("…" where
 * cut), on one line.
 */
export function inContext(text: string, range: Range16, room = 40): InContext {
  const flat = (s: string) => s.replace(/\s+/g, " ");
  let before = Array.from(text.slice(0, range.start));
  let after = Array.from(text.slice(range.end));
  let lead = "";
  let tail = "";
  if (before.length > room) {
    before = before.slice(before.length - room);
    const space = before.findIndex((c) => /\s/.test(c));
    if (space >= 0 && space < before.length - 1) before = before.slice(space + 1);
    lead = "…";
  }
  if (after.length > room) {
    after = after.slice(0, room);
    let space = -1;
    for (let i = after.length - 1; i > 0; i--) {
      if (/\s/.test(after[i])) {
        space = i;
        break;
      }
    }
    if (space > 0) after = after.slice(0, space);
    tail = "…";
  }
  return { before: lead + flat(before.join("")).trimStart(), match: flat(text.slice(range.start, range.end)), after: flat(after.join("")).trimEnd() + tail };
}

// ---- Readiness checklist -------------------------------------------------------------------

const CHECK_NAMES: Record<string, string> = {
  "business-case": "A business case",
  "quantified-outcome": "Outcomes in numbers",
  "case-study": "A case study",
  "peer-case": "A peer or a competitor",
  pilot: "A pilot",
  "success-measure": "Measures of success",
  ask: "A clear ask",
  urgency: "Why now",
};

/** What a checklist item is called ("peer-case" → "A peer or a competitor"). */
export function checkName(id: string): string {
  if (CHECK_NAMES[id]) return CHECK_NAMES[id];
  const words = id.replace(/[-_.]+/g, " ").trim();
  return words ? words[0].toUpperCase() + words.slice(1) : id;
}

/** A reason as a sentence: a capital first and a full stop last. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed[0].toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}

// ---- What supplied a check ----------------------------------------------------------------

/** How long an excerpt the checklist shows before it is shortened (the rest on request). */
export const EXCERPT_ROOM = 110;

/** `text` on one line, cut to at most `max` characters at a word boundary, with "…". */
export function shortExcerpt(text: string, max = EXCERPT_ROOM): { short: string; full: string; cut: boolean } {
  const full = text.replace(/\s+/g, " ").trim();
  const short = shorten(full, max);
  return { short, full, cut: short !== full };
}

export type EvidenceWording = {
  /** What the evidence is to the check: what supplied it, or advice that only recommended it. */
  state: "supplied" | "advised";
  /** Before the excerpt: "Supplied by:", "Supplied by the metric", "Supplied by", "Only advised:". */
  lead: string;
  /** Whether the excerpt is quoted text (a sentence, a block's title) rather than a description ("the pilot “…” in the Pilots view"). */
  quoted: boolean;
  /** After the excerpt ("" when nothing). */
  tail: string;
};

const KIND_NAMES: Record<BlockKind, string> = { benefit: "benefit", story: "story", metric: "metric" };

/**
 * How the checklist words a check's evidence: a passed check's sentence as "Supplied by: “…”",
 * the block that supplied it by its structure as "Supplied by the story “…”", something else
 * (a pilot in the Pilots view) as "Supplied by the pilot “…”"; a check not passed with advice
 * as "Only advised: “…” — a recommendation does not count; supply it." Null without evidence.
 * `kind` is the kind of the evidence's block, when it is known.
 */
export function evidenceWording(check: Pick<CheckResult, "passed" | "evidence">, kind: BlockKind | null = null): EvidenceWording | null {
  const evidence = check.evidence;
  if (!evidence || !evidence.excerpt.trim()) return null;
  if (!check.passed) return { state: "advised", lead: "Only advised:", quoted: true, tail: " — a recommendation does not count; supply it." };
  if (evidence.field !== null) return { state: "supplied", lead: "Supplied by:", quoted: true, tail: "" };
  if (evidence.blockId !== null) return { state: "supplied", lead: `Supplied by the ${kind ? KIND_NAMES[kind] : "block"}`, quoted: true, tail: "" };
  return { state: "supplied", lead: "Supplied by", quoted: false, tail: "" };
}

/** The accessible name of a check's "Show it": "Show it: where ‘A pilot’ is supplied". */
export function revealCheckLabel(check: Pick<CheckResult, "id" | "passed">): string {
  return `Show it: where ‘${checkName(check.id)}’ is ${check.passed ? "supplied" : "only advised"}`;
}

/**
 * A check's reason without the quote of its evidence (which the checklist shows on its own
 * line): "a costed outcome makes the business case: “…”" → "A costed outcome makes the
 * business case.", "no pilot…. “…” only recommends it; advice is…" → "No pilot….". The
 * reason as it is when it does not quote the evidence.
 */
export function reasonBesides(reason: string, evidence: Pick<CheckEvidence, "excerpt"> | null): string {
  const excerpt = evidence?.excerpt.trim();
  if (excerpt) {
    // The core clips a long excerpt in its reason ("…"): its start is enough to find it.
    const lead = Array.from(excerpt).slice(0, 40).join("");
    const at = reason.indexOf(`“${lead}`);
    const before = at >= 0 ? reason.slice(0, at).replace(/[\s.:;,—–-]+$/, "") : "";
    if (before) return asSentence(before);
  }
  return asSentence(reason);
}

/** Where a check's evidence is, as the checklist names it: its block (kind and title) and its section. */
export function evidenceWhere(
  evidence: Pick<CheckEvidence, "section" | "blockId"> | null,
  project: Project | null,
): { kind: BlockKind | null; block: string | null; section: string | null } | null {
  if (!evidence || !project) return null;
  const found = placedBlock(project, evidence.blockId);
  const index = found?.section ?? evidence.section;
  const section = index !== null ? project.sections[index] : undefined;
  if (!found && !section) return null;
  return {
    kind: found?.block.kind ?? null,
    block: found ? blockName(found.block) : null,
    section: section && index !== null ? sectionName(section, index) : null,
  };
}

/**
 * Where a check's evidence points, as a finding's "show me" takes it. The core's range is its
 * sentence's, which may hold the spaces after it; the excerpt does not: the range is narrowed
 * to the excerpt in `texts` (the block as the report read it). Without a range, or when the
 * text there no longer reads the excerpt, only the block (and the field) is shown.
 */
export function evidencePlace(evidence: CheckEvidence, texts: Texts | null): Place {
  const { section, blockId, field, start, end, excerpt } = evidence;
  const whole: Place = { section, blockId, field, start: null, end: null, excerpt: null };
  if (field === null || start === null || end === null || end < start || !texts || !excerpt.trim()) return whole;
  const text = texts[field];
  const from = utf16At(text, start);
  const to = utf16At(text, end);
  if (codePointsIn(text, to) !== end) return whole;
  const at = text.slice(from, to).indexOf(excerpt);
  if (at < 0) return whole;
  return { section, blockId, field, start: codePointsIn(text, from + at), end: codePointsIn(text, from + at + excerpt.length), excerpt };
}

// ---- What the buttons send and say ---------------------------------------------------------

export type ApplyFixEdit = Extract<Edit, { op: "applyFix" }>;

/** The ApplyFix edit for one of a finding's fixes; null when the finding points at no text. */
export function fixEdit(finding: Finding, fix: Fix): ApplyFixEdit | null {
  const { blockId, field, start, end, excerpt } = finding;
  if (blockId === null || field === null || start === null || end === null || excerpt === null) return null;
  return { op: "applyFix", blockId, field, start, end, excerpt, replacement: fix.replacement };
}

/** A fix button's label: "Use “innovation”", or "Remove “…”" for a fix that deletes. */
export function fixLabel(finding: Pick<Finding, "excerpt">, fix: Fix): string {
  return fix.replacement === "" ? `Remove “${finding.excerpt ?? ""}”` : `Use “${fix.replacement}”`;
}

/** `text` cut to at most `max` characters, at a word boundary, with "…". */
function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, "")}…`;
}

/**
 * How an announcement names a finding: "the advice on “social media”", or its message when
 * it flags something long, or the whole of `blockTitle` (which the announcement names anyway).
 */
export function adviceName(finding: Pick<Finding, "excerpt" | "message">, blockTitle?: string): string {
  const excerpt = finding.excerpt?.trim();
  if (excerpt && Array.from(excerpt).length <= 40 && excerpt !== blockTitle?.trim()) return `the advice on “${excerpt}”`;
  return `the advice “${shorten(finding.message, 60)}”`;
}
