import { describe, expect, it } from "vitest";
import type { ImportedResults, MetricResult, Project } from "./bindings";
import {
  addedBlocks,
  barCaption,
  canLeverage,
  csvProblems,
  dateText,
  describeBlocks,
  describeResult,
  importedSummary,
  leverageBlocked,
  matchingMetric,
  periodText,
  signed,
} from "./pilotReport";
import { block, opened, section } from "../test/fixtures";

function result(fields: Partial<MetricResult>): MetricResult {
  return {
    metric: "Days to resolve",
    design: "independent",
    unit: "days",
    direction: "lower",
    target: 12,
    n_pilot: 14 as unknown as bigint,
    n_comparison: 12 as unknown as bigint,
    estimate_pilot: 11.14,
    estimate_comparison: 19.71,
    difference: -8.57,
    relative_change: -0.4348,
    ci_low: -10.3,
    ci_high: -6.84,
    confidence: 0.95,
    method: "Welch's t interval for the difference of means",
    effect_size: -3.74,
    effect_size_measure: "hedges_g",
    target_met: true,
    warnings: [],
    ...fields,
  };
}

describe("a result in plain words", () => {
  it("says pilot against comparison, the change, the interval, the effect and the target", () => {
    expect(describeResult(result({}))).toEqual({
      groups: "Pilot 11.14 days vs comparison 19.71 days (14 and 12 observations)",
      change: "Change: −8.57 days (43% lower)",
      interval: "95% interval: −10.3 to −6.84 days",
      effect: "Effect size: −3.74 (Hedges' g), large",
      target: "Target 12 days: met",
    });
  });

  it("says after against before for paired data, and a missed target as missed", () => {
    const words = describeResult(
      result({ design: "paired", unit: "%", n_comparison: null, n_pilot: 1 as unknown as bigint, estimate_pilot: 30, estimate_comparison: 28, difference: 2, relative_change: 0.0714, ci_low: null, ci_high: null, effect_size: 0.1, effect_size_measure: "cohens_dz", target: 25, target_met: false, direction: "higher" }),
    );
    expect(words.groups).toBe("After 30% vs before 28% (1 person or unit measured twice)");
    expect(words.change).toBe("Change: +2% (7.1% higher)");
    expect(words.interval).toBeNull();
    expect(words.effect).toBe("Effect size: 0.1 (Cohen's dz), negligible");
    expect(words.target).toBe("Target 25%: not met");
  });

  it("gives rates as percentages and their differences in percentage points", () => {
    const words = describeResult(
      result({ design: "proportion", unit: null, n_pilot: 85 as unknown as bigint, n_comparison: 92 as unknown as bigint, estimate_pilot: 0.48235, estimate_comparison: 0.18478, difference: 0.29757, relative_change: 1.6104, ci_low: 0.1598, ci_high: 0.4214, effect_size: 0.65, effect_size_measure: "cohens_h", target: 0.45 }),
    );
    expect(words).toEqual({
      groups: "Pilot 48.2% of 85 trials vs comparison 18.5% of 92 trials",
      change: "Change: +29.8 percentage points (161% higher)",
      interval: "95% interval: +16 to +42.1 percentage points",
      effect: "Effect size: 0.65 (Cohen's h), medium",
      target: "Target 45%: met",
    });
  });

  it("says when there is no target", () => {
    expect(describeResult(result({ target: null, target_met: null })).target).toBe("No target set");
  });

  it("captions a chart's bars with their intervals", () => {
    const bar = { label: "Pilot", value: 11.2, low: 9.3, high: 13.1, share: 0.5, lowShare: 0.4, highShare: 0.6 };
    expect(barCaption(bar, false, "days")).toBe("Pilot 11.2 days (95%: 9.3–13.1)");
    expect(barCaption({ ...bar, value: 0.35, low: 0.22, high: 0.51 }, true)).toBe("Pilot 35% (95%: 22%–51%)");
    expect(barCaption({ ...bar, low: null, high: null }, false)).toBe("Pilot 11.2");
    expect(signed(0)).toBe("0");
  });

  it("keeps the storyboard button off, with the reason, unless the pilot won (at least in part)", () => {
    expect([canLeverage("win"), canLeverage("mixed"), canLeverage("weak"), canLeverage("noResults")]).toEqual([true, true, false, false]);
    expect(leverageBlocked("win")).toBeNull();
    expect(leverageBlocked("weak")).toMatch(/no win to build on/);
    expect(leverageBlocked("noResults")).toMatch(/Record the pilot's results first/);
  });
});

describe("importing results", () => {
  const metric = (name: string): ImportedResults => ({ metric: name, results: { design: "independent", pilot: [1, 2], comparison: [3] }, missing: 0 });

  it("picks the metric named like the criterion, ignoring case, spaces and punctuation", () => {
    const metrics = [metric("Ideas logged"), metric("Days to resolve (working)"), metric("days to resolve")];
    expect(matchingMetric(metrics, "Days to Resolve")).toBe(2);
    expect(matchingMetric(metrics, "  ideas-logged ")).toBe(0);
  });

  it("falls back to a name containing the other, then to the first", () => {
    const metrics = [metric("Ideas logged"), metric("Days to resolve (working days)")];
    expect(matchingMetric(metrics, "Days to resolve")).toBe(1);
    expect(matchingMetric(metrics, "Something else")).toBe(0);
    expect(matchingMetric([], "Anything")).toBe(-1);
  });

  it("says what a metric holds, and what was left out", () => {
    expect(importedSummary({ ...metric("x"), missing: 2 })).toBe("2 pilot and 1 comparison value (2 empty cells left out)");
    expect(importedSummary({ metric: "x", results: { design: "paired", pairs: [[1, 2]] }, missing: 0 })).toBe("1 before-and-after pair");
    expect(importedSummary({ metric: "x", results: { design: "proportion", pilot: { successes: 3, trials: 9 }, comparison: null }, missing: 0 })).toBe(
      "pilot 3 of 9, no comparison group",
    );
  });

  it("lists a refused spreadsheet's problems one a line", () => {
    const problems = [
      { line: 3, column: "value", message: '"twelve" is not a number', row: [] },
      { line: 7, column: "group", message: '"pliot" is not pilot or comparison', row: [] },
    ];
    expect(csvProblems({ code: "invalid_csv", message: "not read", details: { kind: "rows", problems } })).toEqual([
      'line 3, column value: "twelve" is not a number',
      'line 7, column group: "pliot" is not pilot or comparison',
    ]);
  });
});

describe("what a leverage added", () => {
  const project = (): Project =>
    opened("/p.casewright", {
      title: "Case",
      sections: [section({ id: 1, title: "Proof", blocks: [block({ id: 10, kind: "story", title: "Acme" })] }), section({ id: 2, title: "Results and the ask" })],
    }).project;

  it("finds the new blocks and their section, and names them by kind", () => {
    const before = project();
    const after = structuredClone(before);
    after.sections[1].blocks.push(
      block({ id: 11, kind: "story", title: "Our pilot" }),
      block({ id: 12, kind: "metric", title: "Days" }),
      block({ id: 13, kind: "metric", title: "Ideas" }),
      block({ id: 14, kind: "benefit", title: "Next step", tags: ["ask"] }),
    );
    const added = addedBlocks(before, after);
    expect(added.section?.title).toBe("Results and the ask");
    expect(added.blocks.map((b) => b.id)).toEqual([11, 12, 13, 14]);
    expect(describeBlocks(added.blocks)).toBe("a story, 2 metrics and an ask");
    expect(describeBlocks(added.blocks.slice(0, 1))).toBe("a story");
  });
});

describe("dates", () => {
  it("writes ISO dates in words and a pilot's period", () => {
    expect(dateText("2026-09-01")).toBe("1 Sep 2026");
    expect(dateText("soon")).toBe("soon");
    expect(periodText("2026-09-01", "2026-12-18")).toBe("1 Sep 2026 – 18 Dec 2026");
    expect(periodText(null, "2026-12-18")).toBe("until 18 Dec 2026");
    expect(periodText(null, null)).toBeNull();
  });
});
