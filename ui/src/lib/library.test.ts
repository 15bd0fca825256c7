import { describe, expect, it } from "vitest";
import { block } from "../test/fixtures";
import { filterLibrary, isFiltering, matchesFilter, NO_FILTER } from "./library";

const blocks = [
  block({ id: 1, kind: "benefit", title: "Happier teams", tags: ["People"] }),
  block({ id: 2, kind: "metric", title: "Office cost", body: "Rent and energy", unit: "%" }),
  block({ id: 3, kind: "story", title: "Acme did it", organisation: "Acme Ltd", source: "Trade press" }),
  block({ id: 4, kind: "benefit", title: "Résumé quality" }),
];
const ids = (list: { id: number }[]) => list.map((b) => b.id);

describe("filterLibrary", () => {
  it("shows everything without a filter, in order", () => {
    expect(ids(filterLibrary(blocks, NO_FILTER))).toEqual([1, 2, 3, 4]);
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(isFiltering({ kind: "all", text: "  " })).toBe(false);
  });

  it("filters by kind", () => {
    expect(ids(filterLibrary(blocks, { kind: "benefit", text: "" }))).toEqual([1, 4]);
    expect(ids(filterLibrary(blocks, { kind: "story", text: "" }))).toEqual([3]);
  });

  it("finds every word anywhere: title, body, organisation, source, tags; case and accents ignored", () => {
    expect(ids(filterLibrary(blocks, { kind: "all", text: "people" }))).toEqual([1]);
    expect(ids(filterLibrary(blocks, { kind: "all", text: "ENERGY rent" }))).toEqual([2]);
    expect(ids(filterLibrary(blocks, { kind: "all", text: "acme press" }))).toEqual([3]);
    expect(ids(filterLibrary(blocks, { kind: "all", text: "resume" }))).toEqual([4]);
    expect(ids(filterLibrary(blocks, { kind: "metric", text: "acme" }))).toEqual([]);
  });

  it("tells whether one block matches", () => {
    expect(matchesFilter(blocks[0], { kind: "benefit", text: "happier" })).toBe(true);
    expect(matchesFilter(blocks[0], { kind: "metric", text: "" })).toBe(false);
  });
});
