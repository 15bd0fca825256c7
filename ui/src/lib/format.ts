import type { Block } from "./bindings";

/** A number as a person writes it: thousands separators, at most two decimals, no trailing zeros. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  // Halves round away from zero, as in the briefing PDF (Rust's f64::round).
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * 100)) / 100;
  const [whole, fraction = ""] = Math.abs(rounded).toFixed(2).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const decimals = fraction.replace(/0+$/, "");
  const sign = rounded < 0 ? "-" : "";
  return decimals ? `${sign}${grouped}.${decimals}` : `${sign}${grouped}`;
}

export type FigureParts = { value: string; unit: string; spaced: boolean };

/** The figure split for display: the value, its unit ("" for none), and whether a space joins them. */
export function figureParts(block: Pick<Block, "number" | "unit">): FigureParts | null {
  if (block.number === null) return null;
  const unit = block.unit?.trim() ?? "";
  return { value: formatNumber(block.number), unit, spaced: unit !== "" && unit !== "%" };
}

/** The block's figure with its unit ("34%", "1,200 ideas per quarter"), or null without a number. */
export function formatFigure(block: Pick<Block, "number" | "unit">): string | null {
  const parts = figureParts(block);
  if (!parts) return null;
  return parts.value + (parts.spaced ? " " : "") + parts.unit;
}

/** "1 block", "3 blocks", "0 pages". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
