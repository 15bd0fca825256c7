// TEST DOUBLE of crates/core/src/pilot/ (plan.rs `Pilot::check`, analysis.rs, report.rs,
// leverage.rs), for the fake core only: the app never judges a pilot itself, it shows the
// reports the core returns. The checks and the verdict rules follow the Rust rule for rule (and
// word for word where the UI shows the words); the statistics are simpler stand-ins (a
// Cornish–Fisher t quantile, Wilson and Newcombe by their formulas) that land close to the
// core's numbers without claiming to be them. Browser tests must only compare the app's view
// with what this double returned, never with numbers written into a test.
import type {
  Criterion,
  Direction,
  Edit,
  IntervalBar,
  MetricResult,
  Pilot,
  PilotChart,
  PilotReport,
  Project,
  Verdict,
  Warning,
} from "../src/lib/bindings";
import { formatNumber } from "../src/lib/format";
import { emptyBlock } from "../src/lib/dnd";

// ---- Pilot::check ---------------------------------------------------------------------------

const MAX_LINE = 1000;
const MAX_TEXT = 20000;
const MAX_CRITERIA = 50;

const chars = (text: string) => Array.from(text).length;

/** A calendar date written as YYYY-MM-DD (parse_date). */
export function parseDate(text: string): [number, number, number] | null {
  const parts = text.trim().split("-");
  if (parts.length !== 3 || parts.some((p) => !/^\d+$/.test(p))) return null;
  const [year, month, day] = parts.map(Number);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (days === undefined || day < 1 || day > days || year < 1000 || year > 9999) return null;
  return [year, month, day];
}

const before = (a: [number, number, number], b: [number, number, number]) => a[0] * 10000 + a[1] * 100 + a[2] < b[0] * 10000 + b[1] * 100 + b[2];

/** Why the core would refuse this plan (Pilot::check), or null. */
export function checkPilot(pilot: Pilot): string | null {
  if (pilot.name.trim() === "") return "the pilot needs a name";
  for (const [what, text] of [
    ["pilot's name", pilot.name],
    ["team", pilot.team],
  ] as const) {
    if (chars(text) > MAX_LINE) return `the ${what} is longer than ${MAX_LINE} characters`;
  }
  for (const [what, text] of [
    ["hypothesis", pilot.hypothesis],
    ["readiness", pilot.readiness],
  ] as const) {
    if (chars(text) > MAX_TEXT) return `the ${what} is longer than ${MAX_TEXT} characters`;
  }
  const dates = new Map<string, [number, number, number]>();
  for (const [what, value] of [
    ["start date", pilot.start],
    ["end date", pilot.end],
    ["date results run to", pilot.resultsUntil],
  ] as const) {
    if (value === null || value.trim() === "") continue;
    const date = parseDate(value);
    if (!date) return `the ${what} ${JSON.stringify(value)} is not a date; write it as 2026-09-01`;
    dates.set(what, date);
  }
  const start = dates.get("start date");
  const end = dates.get("end date");
  const until = dates.get("date results run to");
  if (start && end && before(end, start)) return "the end date is before the start date";
  if (start && until && before(until, start)) return "the results run to a date before the pilot starts";
  if (pilot.criteria.length > MAX_CRITERIA) return `a pilot can have at most ${MAX_CRITERIA} success criteria`;
  for (const criterion of pilot.criteria) {
    const why = checkCriterion(criterion);
    if (why) return `success criterion “${criterion.metric}”: ${why}`;
  }
  return null;
}

function checkCriterion(c: Criterion): string | null {
  if (c.metric.trim() === "") return "it needs the name of what is measured";
  for (const [what, text] of [
    ["metric", c.metric],
    ["unit", c.unit ?? ""],
    ["measure", c.measure],
  ] as const) {
    if (chars(text) > MAX_LINE) return `the ${what} is longer than ${MAX_LINE} characters`;
  }
  if (c.baseline !== null && c.target !== null) {
    const backwards = c.direction === "higher" ? c.target <= c.baseline : c.target >= c.baseline;
    if (backwards) {
      return `the target of ${formatNumber(c.target)} is ${c.direction === "higher" ? "not above" : "not below"} the baseline of ${formatNumber(c.baseline)} although ${c.direction} is better`;
    }
  }
  const r = c.results;
  if (r.design === "independent" && [...r.pilot, ...r.comparison].some((v) => !Number.isFinite(v))) return "every observation must be a number";
  if (r.design === "paired" && r.pairs.flat().some((v) => !Number.isFinite(v))) return "every observation must be a number";
  if (r.design === "proportion") {
    for (const [group, rate] of [
      ["pilot", r.pilot],
      ["comparison", r.comparison],
    ] as const) {
      if (!rate) continue;
      if (rate.trials === 0) return `the ${group} group needs at least one trial`;
      if (rate.successes > rate.trials) {
        return `the ${group} group has ${rate.successes} successes in ${rate.trials} trials; there cannot be more successes than trials`;
      }
    }
  }
  return null;
}

// ---- Statistics (stand-ins) -----------------------------------------------------------------

const Z = 1.959963984540054;

/** The two-sided 95% t quantile: exact for 1 and 2 degrees of freedom, Cornish–Fisher above. */
export function tQuantile(df: number): number {
  if (!Number.isFinite(df) || df <= 0) return NaN;
  if (df <= 1) return 12.706204736174698;
  if (df <= 2) return 4.302652729749464;
  const z = Z;
  const g1 = (z ** 3 + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
  const g4 = (79 * z ** 9 + 776 * z ** 7 + 1482 * z ** 5 - 1920 * z ** 3 - 945 * z) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

type Summary = { n: number; mean: number; variance: number | null };

function summary(values: readonly number[]): Summary {
  const n = values.length;
  const mean = n === 0 ? NaN : values.reduce((a, b) => a + b, 0) / n;
  const variance = n > 1 ? values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1) : null;
  return { n, mean, variance };
}

type Interval = { low: number; high: number };

function oneMean(s: Summary): Interval | null {
  if (s.variance === null) return null;
  const half = tQuantile(s.n - 1) * Math.sqrt(s.variance / s.n);
  return { low: s.mean - half, high: s.mean + half };
}

function welch(p: Summary, c: Summary): Interval | null {
  if (p.variance === null || c.variance === null) return null;
  const a = p.variance / p.n;
  const b = c.variance / c.n;
  const se = Math.sqrt(a + b);
  const d = p.mean - c.mean;
  if (se === 0) return { low: d, high: d };
  const df = (a + b) ** 2 / (a ** 2 / (p.n - 1) + b ** 2 / (c.n - 1));
  const half = tQuantile(df) * se;
  return { low: d - half, high: d + half };
}

function hedgesG(p: Summary, c: Summary): number | null {
  if (p.variance === null || c.variance === null) return null;
  const pooled = Math.sqrt(((p.n - 1) * p.variance + (c.n - 1) * c.variance) / (p.n + c.n - 2));
  if (!(pooled > 0)) return null;
  return (1 - 3 / (4 * (p.n + c.n) - 9)) * ((p.mean - c.mean) / pooled);
}

function wilson(successes: number, trials: number): Interval {
  const p = successes / trials;
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const half = (Z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / (1 + z2 / trials);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

function newcombe(a: [number, number], b: [number, number]): Interval {
  const [p1, p2] = [a[0] / a[1], b[0] / b[1]];
  const [w1, w2] = [wilson(...a), wilson(...b)];
  const d = p1 - p2;
  return { low: d - Math.sqrt((p1 - w1.low) ** 2 + (w2.high - p2) ** 2), high: d + Math.sqrt((w1.high - p1) ** 2 + (p2 - w2.low) ** 2) };
}

// ---- analysis.rs: one criterion ----------------------------------------------------------------

const FEW_OBSERVATIONS = 10;
const FEW_EVENTS = 5;

export function analyze(c: Criterion): MetricResult {
  const warnings: Warning[] = [];
  const warn = (code: string, message: string) => warnings.push({ code, message });
  const r = c.results;
  let nPilot: number;
  let nComparison: number | null;
  let pilot: number | null;
  let comparison: number | null;
  let interval: Interval | null;
  let effect: number | null;
  let method: string;
  let measure: string;
  let difference: number | null = null;
  if (r.design === "independent") {
    const [p, q] = [summary(r.pilot), summary(r.comparison)];
    interval = welch(p, q);
    if (p.n > 0 && q.n > 0) difference = p.mean - q.mean;
    if (p.n < 2 || q.n < 2) {
      warn("too_few_observations", `An interval needs at least two observations in each group; there are ${p.n} in the pilot and ${q.n} in the comparison.`);
    } else if (Math.min(p.n, q.n) < FEW_OBSERVATIONS) {
      warn("few_observations", `Only ${Math.min(p.n, q.n)} observations in the smaller group: the interval is wide, so treat the result as a first signal.`);
    }
    if (p.variance === 0 && q.variance === 0) {
      warn("no_spread", "Every observation in each group is the same, so the interval has no width; that certainty is not real.");
    }
    [nPilot, nComparison] = [p.n, q.n];
    [pilot, comparison] = [p.n > 0 ? p.mean : null, q.n > 0 ? q.mean : null];
    effect = hedgesG(p, q);
    method = "Welch's t interval for the difference of means";
    measure = "hedges_g";
  } else if (r.design === "paired") {
    const changes = summary(r.pairs.map(([b, a]) => a - b));
    interval = oneMean(changes);
    if (changes.n < 2) {
      warn("too_few_observations", `An interval needs at least two people or units measured before and after; there ${changes.n === 1 ? "is one" : "are none"}.`);
    } else if (changes.n < FEW_OBSERVATIONS) {
      warn("few_observations", `Only ${changes.n} people or units were measured before and after: the interval is wide, so treat the result as a first signal.`);
    }
    if (changes.variance === 0) warn("no_spread", "Everyone changed by exactly the same amount, so the interval has no width; that certainty is not real.");
    const [b, a] = [summary(r.pairs.map((p) => p[0])), summary(r.pairs.map((p) => p[1]))];
    if (changes.n > 0) difference = changes.mean;
    [nPilot, nComparison] = [changes.n, null];
    [pilot, comparison] = [a.n > 0 ? a.mean : null, b.n > 0 ? b.mean : null];
    effect = changes.variance ? changes.mean / Math.sqrt(changes.variance) : null;
    method = "paired t interval for the mean change";
    measure = "cohens_dz";
  } else {
    const rate = (g: { successes: number; trials: number } | null) => (g && g.trials > 0 ? g.successes / g.trials : null);
    [pilot, comparison] = [rate(r.pilot), rate(r.comparison)];
    interval =
      r.pilot && r.comparison && r.pilot.trials > 0 && r.comparison.trials > 0
        ? newcombe([r.pilot.successes, r.pilot.trials], [r.comparison.successes, r.comparison.trials])
        : null;
    for (const [name, g] of [
      ["pilot", r.pilot],
      ["comparison", r.comparison],
    ] as const) {
      if (g && g.trials > 0 && Math.min(g.successes, g.trials - g.successes) < FEW_EVENTS) {
        warn("few_observations", `The ${name} group has ${g.successes} of ${g.trials}: with so few ${g.successes < FEW_EVENTS ? "successes" : "failures"}, its rate is rough and the interval wide.`);
      }
    }
    if (pilot === null) warn("too_few_observations", "The pilot group has no trials, so there is no rate to judge.");
    [nPilot, nComparison] = [r.pilot?.trials ?? 0, r.comparison?.trials ?? 0];
    effect = pilot !== null && comparison !== null ? 2 * Math.asin(Math.sqrt(pilot)) - 2 * Math.asin(Math.sqrt(comparison)) : null;
    method = "Newcombe's hybrid score interval (from Wilson intervals) for the difference of rates";
    measure = "cohens_h";
  }
  if (r.design !== "paired" && nComparison === 0) {
    warn("no_comparison", "There is no comparison group, so the change the pilot made cannot be estimated.");
  }
  if (difference === null && pilot !== null && comparison !== null) difference = pilot - comparison;
  const relative = difference !== null && comparison !== null && comparison !== 0 ? difference / Math.abs(comparison) : null;
  if (interval && interval.low < 0 && interval.high > 0) {
    warn("interval_crosses_zero", `The interval runs from ${formatNumber(interval.low)} to ${formatNumber(interval.high)}: the pilot may have made no difference, or the opposite one.`);
  }
  if (interval && (c.direction === "higher" ? interval.high < 0 : interval.low > 0)) {
    warn("went_the_wrong_way", "The pilot did worse than the comparison, and the interval leaves little doubt: say so rather than look for a win elsewhere.");
  }
  const targetMet = c.target !== null && pilot !== null ? (c.direction === "higher" ? pilot >= c.target : pilot <= c.target) : null;
  return {
    metric: c.metric,
    design: r.design,
    unit: c.unit,
    direction: c.direction,
    target: c.target,
    // bigint in the bindings (u64); numbers over JSON, as the shell sends them.
    n_pilot: nPilot as unknown as bigint,
    n_comparison: nComparison as unknown as bigint | null,
    estimate_pilot: pilot,
    estimate_comparison: comparison,
    difference,
    relative_change: relative,
    ci_low: interval?.low ?? null,
    ci_high: interval?.high ?? null,
    confidence: 0.95,
    method,
    effect_size: effect,
    effect_size_measure: measure,
    target_met: targetMet,
    warnings,
  };
}

// ---- report.rs -------------------------------------------------------------------------------

function isEmpty(c: Criterion): boolean {
  const r = c.results;
  if (r.design === "independent") return r.pilot.length === 0 && r.comparison.length === 0;
  if (r.design === "paired") return r.pairs.length === 0;
  return r.pilot === null && r.comparison === null;
}

export function reportPilot(pilot: Pilot): PilotReport {
  const warnings: Warning[] = [];
  const end = pilot.end ? parseDate(pilot.end) : null;
  const until = pilot.resultsUntil ? parseDate(pilot.resultsUntil) : null;
  if (end && until && before(until, end)) {
    warnings.push({
      code: "pilot_shorter_than_planned",
      message: `The results run to ${pilot.resultsUntil} but the pilot was planned to end on ${pilot.end}: a shorter pilot shows less, so say so.`,
    });
  }
  const criteria = pilot.criteria.filter((c) => !isEmpty(c)).map(judge);
  const won = criteria.filter((c) => c.won).length;
  const backwards = criteria.some((c) => c.result.warnings.some((w) => w.code === "went_the_wrong_way"));
  const verdict: Verdict =
    criteria.length === 0 ? "noResults" : won > 0 && won * 2 >= criteria.length && !backwards ? "win" : won > 0 ? "mixed" : "weak";
  const summaries: Record<Verdict, string> = {
    noResults: "No results are recorded yet.",
    win: `A win: ${won} of ${criteria.length} success criteria met their targets with intervals that leave no doubt.`,
    mixed: `Mixed: ${won} of ${criteria.length} success criteria won clearly; the rest did not. Present both.`,
    weak: `Not a win yet: none of the ${criteria.length} success criteria met its target with an interval that leaves no doubt. Say so, and say what you learned.`,
  };
  return { pilot: pilot.id, name: pilot.name, verdict, summary: summaries[verdict], criteria, warnings };
}

function judge(c: Criterion) {
  const result = analyze(c);
  if (c.baseline === null) {
    result.warnings.push({
      code: "baseline_missing",
      message: "No baseline was set before the pilot started, so its target cannot be shown as a change from where we were.",
    });
  }
  const convincing =
    result.ci_low !== null && result.ci_high !== null && (c.direction === "higher" ? result.ci_low > 0 : result.ci_high < 0);
  return { criterion: c.id, result, won: convincing && result.target_met !== false, chart: chart(c) };
}

function chart(c: Criterion): PilotChart | null {
  const meanBar = (label: string, values: number[]): [string, number, Interval | null] | null => {
    const s = summary(values);
    return s.n > 0 ? [label, s.mean, oneMean(s)] : null;
  };
  const r = c.results;
  let groups: ([string, number, Interval | null] | null)[];
  if (r.design === "independent") groups = [meanBar("Comparison", r.comparison), meanBar("Pilot", r.pilot)];
  else if (r.design === "paired") groups = [meanBar("Before", r.pairs.map((p) => p[0])), meanBar("After", r.pairs.map((p) => p[1]))];
  else {
    groups = (
      [
        ["Comparison", r.comparison],
        ["Pilot", r.pilot],
      ] as const
    ).map(([label, rate]) => (rate ? [label, rate.successes / rate.trials, wilson(rate.successes, rate.trials)] : null));
  }
  const bars = groups.filter((g): g is [string, number, Interval | null] => g !== null);
  if (bars.length === 0) return null;
  const targets = c.target === null ? [] : [c.target];
  const lowest = Math.min(...bars.map(([, v, i]) => (i ? Math.min(i.low, v) : v)), ...targets);
  if (lowest < 0) return null;
  const max = Math.max(0, ...bars.map(([, v, i]) => (i ? Math.max(i.high, v) : v)), ...targets);
  if (!(max > 0) || !Number.isFinite(max)) return null;
  const share = (v: number) => Math.fround(v / max);
  return {
    bars: bars.map(
      ([label, value, i]): IntervalBar => ({
        label,
        value,
        low: i?.low ?? null,
        high: i?.high ?? null,
        share: share(value),
        lowShare: i ? share(i.low) : null,
        highShare: i ? share(i.high) : null,
      }),
    ),
    target: c.target,
    targetShare: c.target === null ? null : share(c.target),
    better: c.direction,
    rates: r.design === "proportion",
  };
}

// ---- leverage.rs -------------------------------------------------------------------------------

const capitalise = (text: string) => (text ? text[0].toUpperCase() + text.slice(1) : text);

/** The edit that adds a pilot's win to the storyboard, or why there is none (leverage.rs). */
export function leverageEdit(project: Project, pilot: Pilot): Edit | string {
  const judged = reportPilot(pilot);
  if (judged.verdict === "noResults") return "record the pilot's results first";
  if (judged.verdict === "weak") return `${judged.summary} The storyboard was left as it was.`;
  const won = judged.criteria.filter((c) => c.won);
  const figure = (value: number | null, unit: string | null, rates: boolean) => {
    const v = value ?? NaN;
    if (rates) return `${formatNumber(v * 100)}%`;
    const u = unit?.trim();
    return u ? `${formatNumber(v)} ${u}` : formatNumber(v);
  };
  const until = pilot.resultsUntil ?? pilot.end;
  const period = pilot.start && until ? `, ${pilot.start} to ${until}` : "";
  const team = pilot.team.trim() || "the pilot team";
  const people = pilot.headcount !== null ? ` (${pilot.headcount} people)` : "";
  const results = won.map((c) => {
    const rates = c.chart?.rates ?? false;
    return `${c.result.metric.toLowerCase()} went from ${figure(c.result.estimate_comparison, c.result.unit, rates)} to ${figure(c.result.estimate_pilot, c.result.unit, rates)}`;
  });
  const story = emptyBlock("story", `Our pilot: ${pilot.name.trim()}`);
  story.organisation = `${team} (our pilot)`;
  story.body = `${team}${people} tried it first${period}. ${pilot.hypothesis.trim()} ${capitalise(results.join("; "))}.`.replace(" .", ".").replace(". .", ".");
  story.source = `Our pilot: ${pilot.name.trim()}${period}`;
  story.tags = ["pilot", "our result"];
  const blocks = [story];
  for (const c of won) {
    const r = c.result;
    const plan = pilot.criteria.find((p) => p.id === c.criterion)!;
    const rates = c.chart?.rates ?? false;
    const scale = rates ? 100 : 1;
    const metric = emptyBlock("metric", `${r.metric.trim()} in our pilot`);
    metric.number = r.estimate_pilot === null ? null : r.estimate_pilot * scale;
    metric.unit = rates ? "%" : r.unit;
    const baseline = plan.baseline ?? r.estimate_comparison;
    metric.baseline = baseline === null ? null : baseline * scale;
    metric.target = plan.target === null ? null : plan.target * scale;
    metric.direction = plan.direction as Direction;
    metric.body = `Measured as ${plan.measure.trim() || "planned before the pilot"}. The change was ${figure(r.difference, r.unit, rates)} (95% interval ${figure(r.ci_low, r.unit, rates)} to ${figure(r.ci_high, r.unit, rates)}), ${
      r.target_met === true ? "meeting its target" : r.target_met === false ? "short of its target" : "with no target set"
    }.`;
    metric.source = "Our pilot";
    metric.tags = ["pilot", "success measure"];
    blocks.push(metric);
  }
  const ask = emptyBlock("benefit", `Next step: take ${pilot.name.trim()} beyond ${team}`);
  ask.body = `The pilot met ${won.length} of ${judged.criteria.length} success criteria. We ask to extend it to the next teams where the culture is ready, measured the same way, with the results brought back to this board.`;
  ask.tags = ["ask"];
  blocks.push(ask);
  const section = project.sections.find((s) => s.title.toLowerCase().includes("result")) ?? project.sections.at(-1);
  return {
    op: "batch",
    edits: blocks.map((block, offset) => ({
      op: "addBlock",
      block,
      to: section
        ? { in: "section", sectionId: section.id, index: section.blocks.length + offset }
        : { in: "library", index: project.library.length + offset },
    })),
  };
}
