// Underlined ranges of a text field, cut into the runs the mirror behind the field renders:
// plain text, and marked text with the worst level of the marks covering it.
import type { Level } from "./bindings";

/** A range of a field's text to underline, in UTF-16 units (as the field counts). */
export type TextMark = { key: string; start: number; end: number; level: Level; rule: string };

export type Run = { text: string; start: number; end: number; level: Level | null; rules: string[] };

const RANK: Record<Level, number> = { suggestion: 1, warning: 2, error: 3 };

/** `text` cut at every mark's ends; marks past the text or empty are left out; overlaps take the worst level. */
export function runsOf(text: string, marks: readonly TextMark[]): Run[] {
  const usable = marks
    .map((m) => ({ ...m, start: Math.max(0, m.start), end: Math.min(text.length, m.end) }))
    .filter((m) => m.end > m.start);
  const cuts = new Set<number>([0, text.length]);
  for (const m of usable) cuts.add(m.start).add(m.end);
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    const covering = usable.filter((m) => m.start <= start && m.end >= end);
    const level = covering.reduce<Level | null>((worst, m) => (worst === null || RANK[m.level] > RANK[worst] ? m.level : worst), null);
    const last = runs[runs.length - 1];
    if (level === null && last && last.level === null) {
      last.text += text.slice(start, end);
      last.end = end;
    } else {
      runs.push({ text: text.slice(start, end), start, end, level, rules: covering.map((m) => m.rule) });
    }
  }
  return runs;
}
