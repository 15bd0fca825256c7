import { describe, expect, it } from "vitest";
import { block } from "../test/fixtures";
import { fromBlockForm, parseNumber, rebase, sameValue, toBlockForm } from "./forms";

describe("parseNumber", () => {
  it("reads numbers as people write them", () => {
    expect(parseNumber("")).toEqual({ ok: true, value: null });
    expect(parseNumber("  ")).toEqual({ ok: true, value: null });
    expect(parseNumber("12")).toEqual({ ok: true, value: 12 });
    expect(parseNumber("-18.5")).toEqual({ ok: true, value: -18.5 });
    expect(parseNumber("1,200")).toEqual({ ok: true, value: 1200 });
    expect(parseNumber("1 200 000")).toEqual({ ok: true, value: 1200000 });
    expect(parseNumber(".5")).toEqual({ ok: true, value: 0.5 });
    expect(parseNumber("12.")).toEqual({ ok: true, value: 12 });
  });

  it("refuses what is not a finite number yet", () => {
    for (const text of ["-", "12x", "1,2", "abc", "1e999", "12%"]) expect(parseNumber(text)).toEqual({ ok: false });
  });
});

describe("block forms", () => {
  const metric = block({ id: 7, kind: "metric", title: "Cost", number: 18.5, unit: "%", direction: "lower", baseline: null, target: 12, tags: ["a"] });

  it("round-trip a block", () => {
    const form = toBlockForm(metric);
    expect(form).toMatchObject({ number: "18.5", unit: "%", direction: "lower", baseline: "", target: "12", relation: "" });
    expect(fromBlockForm(form, metric)).toEqual({ block: metric, errors: {} });
  });

  it("turn blank optional fields into null and keep the current value of a number that is not one", () => {
    const form = { ...toBlockForm(metric), unit: "  ", number: "12x", source: "HR", relation: "peer" as const };
    const { block: next, errors } = fromBlockForm(form, metric);
    expect(next).toMatchObject({ unit: null, number: 18.5, source: "HR", relation: "peer" });
    expect(errors).toEqual({ number: "Enter a number, such as 1200 or 12.5." });
  });
});

describe("rebase", () => {
  const base = { title: "Focus", number: "1200", tags: ["a"] };

  it("takes the core's value for fields not edited since the last commit", () => {
    expect(rebase(base, base, { title: "Focus (undone)", number: "1200", tags: ["a", "b"] })).toEqual({
      title: "Focus (undone)",
      tags: ["a", "b"],
    });
  });

  it("keeps a field being typed in", () => {
    expect(rebase({ ...base, title: "Focus!!" }, base, { ...base, title: "Focus!" })).toEqual({});
  });

  it("keeps the text of a number that means the same", () => {
    const typed = { ...base, number: "1,200.0" };
    expect(rebase(typed, typed, { ...base, number: "1200" })).toEqual({});
    expect(sameValue("number", "1,200.0", "1200")).toBe(true);
    expect(sameValue("title", "1,200.0", "1200")).toBe(false);
  });
});
