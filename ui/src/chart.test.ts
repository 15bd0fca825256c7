// MetricChart draws the core's chart model as it is (labels, shares); the fake core's copy of
// the model's rules (harness/chart.ts, a test double) is checked against chart.rs's own tests.
import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/svelte";
import MetricChart, { barWidth } from "./components/MetricChart.svelte";
import type { MetricChart as Chart } from "./lib/bindings";
import { metricChart } from "../harness/chart";
import { block } from "./test/fixtures";

const resolve: Chart = {
  bars: [
    { role: "baseline", label: "Baseline 19 working days", value: 19, share: 1 },
    { role: "now", label: "Now 15 working days", value: 15, share: 0.7894737 },
    { role: "target", label: "Target 12 working days", value: 12, share: 0.6315789 },
  ],
  better: "lower",
};

const rows = () => screen.getAllByTestId("chart-bar");
const widths = () => rows().map((row) => (row.querySelector(".bar") as HTMLElement).style.width);

describe("MetricChart", () => {
  it("draws one bar a row, in the model's order, each as long as its share, labelled as the core wrote it", () => {
    render(MetricChart, { chart: resolve });
    expect(rows().map((row) => row.dataset.role)).toEqual(["baseline", "now", "target"]);
    expect(widths()).toEqual(["100%", "78.95%", "63.16%"]);
    expect(screen.getAllByRole("listitem").map((item) => item.textContent?.trim())).toEqual([
      "Baseline 19 working days",
      "Now 15 working days",
      "Target 12 working days",
    ]);
    expect(screen.getByTestId("chart-note")).toHaveTextContent("▼ Lower is better");
  });

  it("says which way is better only when the metric does", () => {
    const { unmount } = render(MetricChart, { chart: { ...resolve, better: "higher" } });
    expect(screen.getByTestId("chart-note")).toHaveTextContent("▲ Higher is better");
    unmount();
    render(MetricChart, { chart: { ...resolve, better: null } });
    expect(screen.queryByTestId("chart-note")).toBeNull();
  });

  it("compact (a card): bars with short names and values, read out as one picture with the core's labels", () => {
    render(MetricChart, { chart: resolve, compact: true });
    const chart = screen.getByRole("img", {
      name: "Chart: Baseline 19 working days, Now 15 working days, Target 12 working days. Lower is better",
    });
    expect(within(chart).getAllByTestId("chart-bar")).toHaveLength(3);
    expect(rows().map((row) => row.textContent?.replace(/\s+/g, " ").trim())).toEqual(["Baseline 19", "Now 15", "Target 12"]);
    expect(rows().map((row) => row.title)).toEqual(["Baseline 19 working days", "Now 15 working days", "Target 12 working days"]);
    expect(widths()).toEqual(["100%", "78.95%", "63.16%"]);
    expect(screen.queryByTestId("chart-note")).toBeNull();
  });

  it("takes a share as given, kept within 0–1", () => {
    expect(barWidth({ share: 0 })).toBe("0%");
    expect(barWidth({ share: 0.5 })).toBe("50%");
    expect(barWidth({ share: 1.0000001 })).toBe("100%");
    expect(barWidth({ share: Number.NaN })).toBe("0%");
  });
});

describe("the fake core's charts (harness/chart.ts, a test double of briefing/chart.rs)", () => {
  const metric = (number: number | null, baseline: number | null, target: number | null) =>
    block({ id: 1, kind: "metric", title: "Resolve faster", number, baseline, target, unit: "working days", direction: "lower" });

  it("follows chart.rs's tests", () => {
    const chart = metricChart(metric(12, 19, 12))!;
    expect(chart.bars.map((b) => [b.role, b.label, Math.round(b.share * 100) / 100])).toEqual([
      ["baseline", "Baseline 19 working days", 1],
      ["target", "Target 12 working days", 0.63],
    ]);
    expect(chart.better).toBe("lower");
    expect(metricChart(metric(15, 19, 12))!.bars.map((b) => b.role)).toEqual(["baseline", "now", "target"]);
    expect(metricChart(metric(12, null, null))).toBeNull();
    expect(metricChart(metric(12, null, 12))).toBeNull();
    expect(metricChart(metric(null, -3, 4))).toBeNull();
    expect(metricChart({ ...metric(1, 2, 3), kind: "story" })).toBeNull();
  });

  it("glues % on, leaves a long unit out, and needs a longest bar above zero", () => {
    const percent = metricChart({ ...metric(34, 20, 50), unit: "%" })!;
    expect(percent.bars.map((b) => b.label)).toEqual(["Baseline 20%", "Now 34%", "Target 50%"]);
    const long = metricChart({ ...metric(1500, 800, null), unit: "ideas submitted per quarter by staff" })!;
    expect(long.bars.map((b) => b.label)).toEqual(["Baseline 800", "Now 1,500"]);
    expect(metricChart(metric(0, 0, 0))).toBeNull();
    expect(metricChart(metric(0, null, 0))).toBeNull();
    expect(metricChart(metric(Number.POSITIVE_INFINITY, 1, 2))).toBeNull();
  });
});
