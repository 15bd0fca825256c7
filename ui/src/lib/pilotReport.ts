// A pilot's report in plain words: what the core judged (crates/core/src/pilot/report.rs),
// worded for the person reading it. Nothing here judges: the verdicts, intervals, effect sizes
// and charts are the core's; this only says them.
import type { AppError, Block, BlockKind, Design, ImportedResults, IntervalBar, MetricResult, Project, Section, Verdict } from "./bindings";
import { rowProblems } from "./errors";
import { countOf, formatNumber } from "./format";

export const VERDICT_NAMES: Record<Verdict, string> = {
  noResults: "No results yet",
  win: "A win",
  mixed: "Mixed",
  weak: "Not a win yet",
};

/** Whether a verdict can be used in the storyboard (the core refuses the others too). */
export function canLeverage(verdict: Verdict): boolean {
  return verdict === "win" || verdict === "mixed";
}

/** Why "Use this win in the storyboard" is off, in plain words; null when it is on. */
export function leverageBlocked(verdict: Verdict): string | null {
  switch (verdict) {
    case "noResults":
      return "Record the pilot's results first: there is no win to show yet.";
    case "weak":
      return "There is no win to build on, and a weak result dressed up as one would cost you the board's trust. Present it as it is, with what you learned.";
    default:
      return null;
  }
}

const MINUS = "\u2212";

/** A number as the report writes it: thousands separators, at most two decimals, a real minus sign. */
export function plain(value: number): string {
  return formatNumber(value).replace(/^-/, MINUS);
}

/** A change, always with its sign: "+3.2", "−2.3", "0". */
export function signed(value: number): string {
  const text = plain(value);
  return value > 0 && text !== "0" ? `+${text}` : text;
}

/** A value with its unit: "11.2 working days", "34%", "12". */
export function withUnit(text: string, unit: string | null): string {
  const u = unit?.trim() ?? "";
  if (u === "") return text;
  return u === "%" ? `${text}%` : `${text} ${u}`;
}

/** A number rounded to `digits` decimals (halves away from zero), as the report writes it. */
function rounded(value: number, digits: number): string {
  const scale = 10 ** digits;
  return plain((Math.sign(value) * Math.round(Math.abs(value) * scale)) / scale);
}

/** A rate (0–1) as a percentage to a tenth: "35%", "48.2%". */
export function percent(rate: number): string {
  return `${rounded(rate * 100, 1)}%`;
}

/** A relative change (0.4348) as a share: "43%"; below 10%, to a tenth ("4.5%"). */
export function share(relative: number): string {
  const value = Math.abs(relative) * 100;
  return `${rounded(value, value < 10 ? 1 : 0)}%`;
}

/** How a group's value reads: a rate as a percentage, else with its unit. */
export function valueText(value: number, rates: boolean, unit: string | null): string {
  return rates ? percent(value) : withUnit(plain(value), unit);
}

/** A bar of the chart in words: "Pilot 11.2 (95%: 9.3–13.1)", "Pilot 35% (95%: 22%–51%)". */
export function barCaption(bar: IntervalBar, rates: boolean, unit: string | null = null): string {
  const show = (v: number) => (rates ? percent(v) : plain(v));
  const value = rates ? percent(bar.value) : withUnit(plain(bar.value), unit);
  return bar.low !== null && bar.high !== null ? `${bar.label} ${value} (95%: ${show(bar.low)}–${show(bar.high)})` : `${bar.label} ${value}`;
}

const EFFECT_MEASURES: Record<string, string> = {
  hedges_g: "Hedges' g",
  cohens_dz: "Cohen's dz",
  cohens_h: "Cohen's h",
};

/** Cohen's rough sizes, for g, dz and h alike. */
export function effectWord(size: number): string {
  const magnitude = Math.abs(size);
  if (magnitude < 0.2) return "negligible";
  if (magnitude < 0.5) return "small";
  if (magnitude < 0.8) return "medium";
  return "large";
}

export type ResultWords = {
  /** "Pilot 14.2 days vs comparison 11 days (12 and 10 observations)". */
  groups: string;
  /** "Change: +3.2 days (29% higher)"; null when there is no difference to give. */
  change: string | null;
  /** "95% interval: +1.1 to +5.3 days"; null when the data cannot give one. */
  interval: string | null;
  /** "Effect size: 0.84 (Hedges' g), large". */
  effect: string | null;
  /** "Target 12 days: met", "Target 12 days: not met", "No target set". */
  target: string;
};

/** One criterion's result in plain words. `rates`: the values are rates (0–1), shown as percentages. */
export function describeResult(result: MetricResult, rates = result.design === "proportion"): ResultWords {
  const unit = result.unit;
  const value = (v: number | null) => (v === null ? "no data" : valueText(v, rates, unit));
  const nPilot = Number(result.n_pilot);
  const nComparison = result.n_comparison === null ? null : Number(result.n_comparison);
  let groups: string;
  switch (result.design) {
    case "paired":
      groups = `After ${value(result.estimate_pilot)} vs before ${value(result.estimate_comparison)} (${countOf(nPilot, "person or unit", "people or units")} measured twice)`;
      break;
    case "proportion":
      groups = `Pilot ${value(result.estimate_pilot)} of ${countOf(nPilot, "trial")} vs comparison ${value(result.estimate_comparison)} of ${countOf(nComparison ?? 0, "trial")}`;
      break;
    default:
      groups = `Pilot ${value(result.estimate_pilot)} vs comparison ${value(result.estimate_comparison)} (${nPilot} and ${countOf(nComparison ?? 0, "observation")})`;
  }
  const points = (v: number) => {
    const text = rounded(v * 100, 1);
    return v > 0 && text !== "0" ? `+${text}` : text;
  };
  const difference = (v: number) => (rates ? `${points(v)} percentage ${rounded(Math.abs(v * 100), 1) === "1" ? "point" : "points"}` : withUnit(signed(v), unit));
  let change: string | null = null;
  if (result.difference !== null) {
    const relative = result.relative_change;
    const relativeText = relative === null || relative === 0 ? "" : ` (${share(relative)} ${relative > 0 ? "higher" : "lower"})`;
    change = `Change: ${difference(result.difference)}${relativeText}`;
  }
  const level = `${plain(result.confidence * 100)}%`;
  const interval =
    result.ci_low !== null && result.ci_high !== null
      ? `${level} interval: ${rates ? points(result.ci_low) : signed(result.ci_low)} to ${difference(result.ci_high)}`
      : null;
  const effect =
    result.effect_size !== null
      ? `Effect size: ${plain(result.effect_size)} (${EFFECT_MEASURES[result.effect_size_measure] ?? result.effect_size_measure}), ${effectWord(result.effect_size)}`
      : null;
  const targetText = result.target === null ? null : valueText(result.target, rates, unit);
  const target =
    targetText === null ? "No target set" : result.target_met === null ? `Target ${targetText}` : `Target ${targetText}: ${result.target_met ? "met" : "not met"}`;
  return { groups, change, interval, effect, target };
}

// ---- Importing results ------------------------------------------------------------------------

function normalise(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Which of the metrics read from a spreadsheet goes with a criterion: the one with its name
 * (ignoring case, spaces and punctuation), else one whose name contains the other, else the
 * first. -1 when there are none.
 */
export function matchingMetric(metrics: readonly ImportedResults[], criterion: string): number {
  if (metrics.length === 0) return -1;
  const wanted = normalise(criterion);
  const names = metrics.map((m) => normalise(m.metric));
  const exact = names.indexOf(wanted);
  if (exact >= 0) return exact;
  if (wanted !== "") {
    const partial = names.findIndex((name) => name !== "" && (name.includes(wanted) || wanted.includes(name)));
    if (partial >= 0) return partial;
  }
  return 0;
}

/** What an imported metric holds, in words: "24 observations (2 empty cells left out)". */
export function importedSummary(imported: ImportedResults): string {
  const r = imported.results;
  let what: string;
  switch (r.design) {
    case "independent":
      what = `${r.pilot.length} pilot and ${countOf(r.comparison.length, "comparison value")}`;
      break;
    case "paired":
      what = `${countOf(r.pairs.length, "before-and-after pair")}`;
      break;
    case "proportion": {
      const group = (name: string, rate: { successes: number; trials: number } | null) => (rate ? `${name} ${rate.successes} of ${rate.trials}` : `no ${name} group`);
      what = `${group("pilot", r.pilot)}, ${group("comparison", r.comparison)}`;
      break;
    }
  }
  return imported.missing > 0 ? `${what} (${countOf(imported.missing, "empty cell")} left out)` : what;
}

/** The problems of a refused spreadsheet, one a line, from the error's rows. */
export function csvProblems(error: AppError): string[] {
  return rowProblems(error);
}

export const DESIGN_NAMES: Record<Design, string> = {
  independent: "pilot and comparison groups",
  paired: "before and after",
  proportion: "successes out of trials",
};

/** The spreadsheet layout a design reads, for the import's help. */
export const CSV_LAYOUTS: Record<Design, string> = {
  independent: "metric,group,value (group: pilot or comparison)",
  paired: "metric,subject,before,after",
  proportion: "metric,group,successes,trials",
};

// ---- Leverage -----------------------------------------------------------------------------

export type Added = { section: Section | null; blocks: Block[] };

/** The blocks `after` has that `before` did not, and the section they went to (null: the library). */
export function addedBlocks(before: Project, after: Project): Added {
  const known = new Set([...before.library, ...before.sections.flatMap((s) => s.blocks)].map((b) => b.id));
  for (const section of after.sections) {
    const blocks = section.blocks.filter((b) => !known.has(b.id));
    if (blocks.length > 0) return { section, blocks };
  }
  return { section: null, blocks: after.library.filter((b) => !known.has(b.id)) };
}

const KIND_WORDS: Record<BlockKind, [string, string]> = {
  story: ["a story", "stories"],
  metric: ["a metric", "metrics"],
  benefit: ["a benefit", "benefits"],
};

/** "a story, 2 metrics and an ask": what was added, by kind, an ask (a block tagged "ask") named as one. */
export function describeBlocks(blocks: readonly Block[]): string {
  const parts: string[] = [];
  const asks = blocks.filter((b) => b.tags.includes("ask")).length;
  for (const kind of ["story", "metric", "benefit"] as const) {
    const count = blocks.filter((b) => b.kind === kind && !b.tags.includes("ask")).length;
    if (count === 1) parts.push(KIND_WORDS[kind][0]);
    else if (count > 1) parts.push(`${count} ${KIND_WORDS[kind][1]}`);
  }
  if (asks === 1) parts.push("an ask");
  else if (asks > 1) parts.push(`${asks} asks`);
  if (parts.length <= 1) return parts[0] ?? "nothing";
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

// ---- Dates ------------------------------------------------------------------------------------

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-09-01" as "1 Sep 2026"; text that is not such a date as it is. */
export function dateText(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : iso;
}

/** When a pilot runs, in words: "1 Sep 2026 – 18 Dec 2026", "from 1 Sep 2026", or null. */
export function periodText(start: string | null, end: string | null): string | null {
  if (start && end) return `${dateText(start)} – ${dateText(end)}`;
  if (start) return `from ${dateText(start)}`;
  if (end) return `until ${dateText(end)}`;
  return null;
}
