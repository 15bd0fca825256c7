// MetricChart draws the core's chart model as it is (labels, shares); the storyboard's cards draw
// the charts the real core (crates/test-server) makes of a project's metrics, and none where the
// core makes none (the model's rules are briefing/chart.rs's, tested there).
import { beforeEach, describe, expect, it, vi } from "vitest";
import { render, screen, within } from "@testing-library/svelte";
import App from "./App.svelte";
import MetricChart, { barWidth } from "./components/MetricChart.svelte";
import type { Block, MetricChart as Chart } from "./lib/bindings";
import * as backend from "./lib/backend";
import { block, opened, section } from "./test/fixtures";
import { connect, useRealCore } from "./test/backend";

vi.mock("./lib/backend", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./lib/backend")>()),
  ...(await import("./test/backend")).mockedFunctions,
}));

useRealCore();

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

describe("the real core's charts on the cards", () => {
  let id = 0;
  const metric = (title: string, number: number | null, baseline: number | null, target: number | null, unit = "working days"): Block =>
    block({ id: ++id, kind: "metric", title, number, baseline, target, unit, direction: "lower" });
  // The cases chart.rs's tests name: now at the target, now between, no baseline or target, no
  // value, a percentage, a long unit, nothing above zero; and a story, which is never charted.
  const blocks = [
    metric("At the target", 12, 19, 12),
    metric("Between", 15, 19, 12),
    metric("Nothing to compare", 12, null, null),
    metric("Only a target", 12, null, 12),
    metric("No value", null, -3, 4),
    metric("A percentage", 34, 20, 50, "%"),
    metric("A long unit", 1500, 800, null, "ideas submitted per quarter by staff"),
    metric("All zero", 0, 0, 0),
  ];
  const story = block({ id: ++id, kind: "story", title: "A story", baseline: 2, target: 3 });

  beforeEach(() => {
    vi.clearAllMocks();
  });

  it("draws each metric's chart as the core made it (roles, labels, shares), and none where the core made none", async () => {
    const core = await connect(backend, opened("/home/ana/Charts.casewright", { title: "Charts", sections: [section({ id: 1, title: "Proof", blocks }), section({ id: 2, title: "Next", blocks: [story] })] }));
    render(App);
    await screen.findByTestId("storyboard");
    const charts = core.initial.charts;
    const charted = blocks.filter((b) => charts[core.block(b.title).id]);
    // The fixture covers both: some metrics the core charts, some it does not.
    expect(charted.length).toBeGreaterThan(1);
    expect(charted.length).toBeLessThan(blocks.length);
    expect(charts[core.block("A story").id]).toBeUndefined();
    for (const b of [...blocks, story]) {
      const card = screen.getAllByTestId("block").find((c) => within(c).getByTestId("block-title").textContent?.trim() === b.title)!;
      expect(card, `${b.title} among ${screen.getAllByTestId("block-title").map((t) => t.textContent?.trim())}`).toBeDefined();
      const chart = charts[core.block(b.title).id];
      if (!chart) {
        expect(within(card).queryByTestId("metric-chart"), b.title).toBeNull();
        continue;
      }
      const bars = within(card).getAllByTestId("chart-bar");
      expect(bars.map((row) => row.dataset.role), b.title).toEqual(chart.bars.map((bar) => bar.role));
      expect(bars.map((row) => row.title), b.title).toEqual(chart.bars.map((bar) => bar.label));
      expect(bars.map((row) => (row.querySelector(".bar") as HTMLElement).style.width), b.title).toEqual(chart.bars.map(barWidth));
      const better = chart.better === "lower" ? ". Lower is better" : chart.better === "higher" ? ". Higher is better" : "";
      expect(within(card).getByRole("img", { name: `Chart: ${chart.bars.map((bar) => bar.label).join(", ")}${better}` })).toBeInTheDocument();
    }
  });
});
