import { describe, expect, it } from "vitest";
import { block } from "../test/fixtures";
import type { Project } from "./bindings";
import { fromBlockForm, fromBrandingForm, parseHex, parseNumber, rebase, sameForm, sameValue, toBlockForm, toBrandingForm } from "./forms";

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

describe("parseHex", () => {
  it("reads a colour as #RRGGBB, with or without the #, in either case", () => {
    expect(parseHex("")).toEqual({ ok: true, value: null });
    expect(parseHex("   ")).toEqual({ ok: true, value: null });
    expect(parseHex("#0B5C85")).toEqual({ ok: true, value: "#0B5C85" });
    expect(parseHex("#0b5c85")).toEqual({ ok: true, value: "#0B5C85" });
    expect(parseHex(" 7a1f5c ")).toEqual({ ok: true, value: "#7A1F5C" });
  });

  it("refuses what is not six hex digits yet", () => {
    for (const text of ["#", "#0B5C8", "#0B5C855", "#0G5C85", "##0B5C85", "#abc", "red", "rgb(0,0,0)", "#0B 5C85"]) {
      expect(parseHex(text)).toEqual({ ok: false });
    }
  });
});

describe("branding forms", () => {
  const project: Project = {
    title: "P",
    author: "",
    audience: "",
    industry: "",
    sections: [],
    library: [],
    logo: { id: 4, width: 800, height: 200 },
    accent: "#7A1F5C",
    pilots: [],
    cases: [],
  };

  it("round-trip the logo and the accent", () => {
    const form = toBrandingForm(project);
    expect(form).toEqual({ logo: { id: 4, width: 800, height: 200 }, accent: "#7A1F5C" });
    expect(fromBrandingForm(form, project)).toEqual({ logo: project.logo, accent: "#7A1F5C", errors: {} });
    expect(toBrandingForm({ ...project, logo: null, accent: null })).toEqual({ logo: null, accent: "" });
  });

  it("send a typed colour as the core stores it, a blank one as the theme's, and never one that is not a colour", () => {
    expect(fromBrandingForm({ logo: null, accent: "1f6feb" }, project)).toEqual({ logo: null, accent: "#1F6FEB", errors: {} });
    expect(fromBrandingForm({ logo: null, accent: "" }, project).accent).toBeNull();
    expect(fromBrandingForm({ logo: null, accent: "#1f6fe" }, project)).toEqual({
      logo: null,
      accent: "#7A1F5C",
      errors: { accent: "Enter a colour as #RRGGBB, such as #0B5C85." },
    });
  });

  it("treat the same colour written differently, and equal pictures, as unchanged", () => {
    expect(sameValue("accent", "#0b5c85", "#0B5C85")).toBe(true);
    expect(sameValue("accent", "0B5C85", "#0B5C85")).toBe(true);
    expect(sameValue("accent", "#0B5C8", "#0B5C8")).toBe(true);
    expect(sameValue("accent", "#0B5C8", "#0B5C85")).toBe(false);
    expect(sameForm({ logo: { id: 4, width: 800, height: 200 }, accent: "" }, toBrandingForm({ ...project, accent: null }))).toBe(true);
    expect(sameValue("logo", { id: 4, width: 800, height: 200 }, { id: 5, width: 800, height: 200 })).toBe(false);
    expect(sameValue("logo", null, { id: 4, width: 800, height: 200 })).toBe(false);
  });
});

describe("photos in block forms", () => {
  const image = { id: 9, width: 640, height: 480 };
  const story = block({ id: 3, kind: "story", title: "Acme", photo: { image, caption: "The Acme team at the line" } });

  it("round-trip a block's photo and caption", () => {
    const form = toBlockForm(story);
    expect(form).toMatchObject({ photo: image, caption: "The Acme team at the line" });
    expect(fromBlockForm(form, story)).toEqual({ block: story, errors: {} });
    expect(toBlockForm({ ...story, photo: null })).toMatchObject({ photo: null, caption: "" });
  });

  it("send a new photo with the caption as typed, and no caption once the photo is removed", () => {
    const other = { id: 10, width: 480, height: 640 };
    const form = { ...toBlockForm(story), photo: other, caption: "Night shift" };
    expect(fromBlockForm(form, story).block.photo).toEqual({ image: other, caption: "Night shift" });
    expect(fromBlockForm({ ...form, photo: null }, story).block.photo).toBeNull();
  });

  it("keep a photo chosen since the last commit when the core's reply still has the old one", () => {
    const base = toBlockForm(story);
    const chosen = { ...base, photo: { id: 10, width: 480, height: 640 } };
    expect(rebase(chosen, base, base)).toEqual({});
    // Not edited since: a copy of the same picture is no change, another picture (an undo) is taken.
    expect(rebase(structuredClone(base), base, structuredClone(base))).toEqual({});
    expect(rebase(base, base, { ...base, photo: null, caption: "" })).toEqual({ photo: null, caption: "" });
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
