import { describe, expect, it } from "vitest";
import { countOf, figureParts, formatFigure, formatNumber } from "./format";

describe("formatNumber", () => {
  it("groups thousands and keeps at most two decimals without trailing zeros", () => {
    expect(formatNumber(1234567)).toBe("1,234,567");
    expect(formatNumber(1200)).toBe("1,200");
    expect(formatNumber(999)).toBe("999");
    expect(formatNumber(12.5)).toBe("12.5");
    expect(formatNumber(12.5)).not.toBe("12.50");
    expect(formatNumber(3.14159)).toBe("3.14");
    expect(formatNumber(0)).toBe("0");
  });

  it("rounds like the briefing PDF: halves away from zero, carrying into the thousands", () => {
    expect(formatNumber(999.999)).toBe("1,000");
    expect(formatNumber(0.125)).toBe("0.13");
    expect(formatNumber(-0.333)).toBe("-0.33");
    expect(formatNumber(-1234.5)).toBe("-1,234.5");
    expect(formatNumber(-0.001)).toBe("0");
  });
});

describe("formatFigure", () => {
  it("attaches % without a space and other units after a space", () => {
    expect(formatFigure({ number: 34, unit: "%" })).toBe("34%");
    expect(formatFigure({ number: 1200, unit: "ideas per quarter" })).toBe("1,200 ideas per quarter");
    expect(formatFigure({ number: 2.75, unit: " days " })).toBe("2.75 days");
  });

  it("shows the bare number when there is no unit", () => {
    expect(formatFigure({ number: 48000, unit: null })).toBe("48,000");
    expect(formatFigure({ number: 7, unit: "  " })).toBe("7");
  });

  it("returns null for a block without a number, whatever its unit", () => {
    expect(formatFigure({ number: null, unit: "%" })).toBeNull();
    expect(formatFigure({ number: null, unit: null })).toBeNull();
  });
});

describe("figureParts", () => {
  it("splits the figure so the unit can be set apart, spacing all units but %", () => {
    expect(figureParts({ number: 34, unit: "%" })).toEqual({ value: "34", unit: "%", spaced: false });
    expect(figureParts({ number: 1200, unit: "ideas" })).toEqual({ value: "1,200", unit: "ideas", spaced: true });
    expect(figureParts({ number: 5, unit: null })).toEqual({ value: "5", unit: "", spaced: false });
    expect(figureParts({ number: null, unit: "%" })).toBeNull();
  });
});

describe("countOf", () => {
  it("uses the singular only for one", () => {
    expect(countOf(1, "page")).toBe("1 page");
    expect(countOf(0, "block")).toBe("0 blocks");
    expect(countOf(12, "block")).toBe("12 blocks");
  });
});
