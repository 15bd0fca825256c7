// TEST DOUBLE of crates/core/src/briefing/chart.rs (`metric_chart`), for the fake core only: the
// app never computes a chart itself, it shows the `charts` the core returns. Kept rule for rule
// with the Rust: metrics only; bars baseline, now (only when it differs from both baseline and
// target), target; at least two bars, none negative or not finite, the longest above zero;
// each bar's share against the longest (an f32 in Rust, hence Math.fround).
import type { Block, ChartBar, MetricChart } from "../src/lib/bindings";
import { formatNumber } from "../src/lib/format";

export function metricChart(block: Block): MetricChart | null {
  if (block.kind !== "metric") return null;
  const written = block.unit?.trim() ?? null;
  // A unit printed after the number: not "%" (glued on instead), not empty, at most 24 characters.
  const unit = written !== null && written !== "" && written !== "%" && Array.from(written).length <= 24 ? written : null;
  const label = (name: string, value: number) => {
    const number = formatNumber(value);
    if (written === "%") return `${name} ${number}%`;
    if (unit !== null) return `${name} ${number} ${unit}`;
    return `${name} ${number}`;
  };
  const bars: Omit<ChartBar, "share">[] = [];
  if (block.baseline !== null) bars.push({ role: "baseline", label: label("Baseline", block.baseline), value: block.baseline });
  if (block.number !== null && block.number !== block.baseline && block.number !== block.target) {
    bars.push({ role: "now", label: label("Now", block.number), value: block.number });
  }
  if (block.target !== null) bars.push({ role: "target", label: label("Target", block.target), value: block.target });
  if (bars.length < 2 || bars.some((b) => !Number.isFinite(b.value) || b.value < 0)) return null;
  const max = Math.max(0, ...bars.map((b) => b.value));
  if (max <= 0) return null;
  return { bars: bars.map((b) => ({ ...b, share: Math.fround(b.value / max) })), better: block.direction };
}

/** The `charts` of an OpenedProject: every block's (placed or in the library) that has one, by id. */
export function projectCharts(blocks: Iterable<Block>): Record<number, MetricChart> {
  const charts: Record<number, MetricChart> = {};
  for (const block of blocks) {
    const chart = metricChart(block);
    if (chart) charts[block.id] = chart;
  }
  return charts;
}
