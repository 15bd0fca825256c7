import { describe, expect, it } from "vitest";
import type { CheckEvidence, Finding, Project } from "./bindings";
import {
  adviceName,
  asSentence,
  checkName,
  codePointsIn,
  countLevels,
  dismissals,
  evidencePlace,
  evidenceWhere,
  evidenceWording,
  findingKey,
  fixEdit,
  fixLabel,
  followRange,
  groupFindings,
  inContext,
  keyed,
  mergeAdvice,
  moveFinding,
  rangeIn,
  reasonBesides,
  revealCheckLabel,
  shortExcerpt,
  subtractFindings,
  utf16At,
  worstLevel,
} from "./coach";
import { runsOf } from "./marks";
import { block, section } from "../test/fixtures";

function finding(fields: Partial<Finding> & Pick<Finding, "rule">): Finding {
  return {
    level: "warning",
    message: "advice",
    section: null,
    block: null,
    blockId: null,
    field: null,
    start: null,
    end: null,
    excerpt: null,
    fixes: [],
    link: null,
    explanation: null,
    reason: null,
    ...fields,
  };
}

/** A finding on `excerpt` where it first occurs in `text`, counted in code points as the core counts. */
function at(text: string, excerpt: string, fields: Partial<Finding> & Pick<Finding, "rule">): Finding {
  const index = text.indexOf(excerpt);
  const start = Array.from(text.slice(0, index)).length;
  return finding({ field: "body", blockId: 1, section: 0, block: 0, start, end: start + Array.from(excerpt).length, excerpt, ...fields });
}

describe("code points and UTF-16", () => {
  const text = "Café 🚀 social media 👩🏽‍💻 done";

  it("converts the core's character offsets to the browser's and back", () => {
    // "Café " is 5 code points and 5 units; "🚀" is 1 code point and 2 units.
    expect(utf16At(text, 5)).toBe(5);
    expect(utf16At(text, 7)).toBe(8);
    expect(text.slice(utf16At(text, 7), utf16At(text, 19))).toBe("social media");
    expect(codePointsIn(text, 8)).toBe(7);
    for (let points = 0; points <= Array.from(text).length; points++) expect(codePointsIn(text, utf16At(text, points))).toBe(points);
  });

  it("finds a finding's range only while the text still reads its excerpt", () => {
    const f = at(text, "social media", { rule: "r" });
    expect(f.start).toBe(7);
    expect(rangeIn(text, f)).toEqual({ start: 8, end: 20 });
    expect(rangeIn(text.replace("social", "Social"), f)).toBeNull();
    expect(rangeIn("short", f)).toBeNull();
    expect(rangeIn(text, finding({ rule: "whole" }))).toBeNull();
  });
});

describe("following an edit", () => {
  it("keeps a range before the edit, shifts one after it and drops one it touched", () => {
    const before = "We use social media and Web 2.0.";
    const after = "Today 🚀 we use social media and Web 2.0.";
    const social = { start: 7, end: 19 };
    // The edit replaced "We" with "Today 🚀 we": everything after it moves by 9 units.
    expect(followRange(before, after, social.start, social.end)).toEqual({ start: 16, end: 28 });
    expect(after.slice(16, 28)).toBe("social media");
    expect(followRange(before, "We use socks and Web 2.0.", social.start, social.end)).toBeNull();
    expect(followRange(before, "We use social media and Web 3.0.", social.start, social.end)).toEqual(social);
    expect(followRange(before, before, 1, 2)).toEqual({ start: 1, end: 2 });
  });

  it("never splits an emoji in two when the edit is next to one", () => {
    // Replacing one emoji by another that shares its high surrogate.
    const before = "🚀 social media";
    const after = "🚁 social media";
    expect(followRange(before, after, 0, 2)).toBeNull();
    expect(followRange(before, after, 3, 15)).toEqual({ start: 3, end: 15 });
  });

  it("moves a finding's code-point offsets onto the text as typed", () => {
    const committed = { title: "Title", body: "We use social media daily." };
    const f = at(committed.body, "social media", { rule: "tool-talk" });
    const typed = { title: "Title", body: "🚀 We use social media daily." };
    const moved = moveFinding(f, committed, typed)!;
    expect(moved.start).toBe(f.start! + 2);
    expect(Array.from(typed.body).slice(moved.start!, moved.end!).join("")).toBe("social media");
    expect(moveFinding(f, committed, { title: "Title", body: "We use socialist media daily." })).toBeNull();
    const whole = finding({ rule: "ask" });
    expect(moveFinding(whole, committed, typed)).toBe(whole);
  });

  it("merges the report's and the live coach's advice onto the current text, without duplicates", () => {
    const committed = { title: "A platform", body: "We use social media." };
    const typed = { title: "A platform", body: "Now 🚀 we use social media, synergy." };
    const report = [
      at(committed.body, "social media", { rule: "tool-talk" }),
      finding({ rule: "linkage", field: "title", blockId: 1, section: 0, block: 0, start: 0, end: 10, excerpt: "A platform" }),
    ];
    const live = [at(typed.body, "social media", { rule: "tool-talk" }), at(typed.body, "synergy", { rule: "buzzwords" })];
    const merged = mergeAdvice(typed, [
      { texts: typed, findings: live },
      { texts: committed, findings: report },
    ]);
    expect(merged.map((f) => f.rule)).toEqual(["linkage", "tool-talk", "buzzwords"]);
    expect(merged[1].start).toBe(live[0].start);
  });

  it("subtracts the findings another answer already has", () => {
    const a = finding({ rule: "a", blockId: 1, field: "body", start: 0, end: 3 });
    const b = finding({ rule: "b", blockId: 1, field: "title", start: 0, end: 3 });
    expect(subtractFindings([a, b], [{ ...a }])).toEqual([b]);
  });
});

describe("counting and grouping", () => {
  const project = {
    title: "P",
    author: "",
    audience: "",
    industry: "",
    library: [],
    logo: null,
    accent: null,
    pilots: [],
    cases: [],
    sections: [
      section({ id: 10, title: "Opportunity", blocks: [block({ id: 1, kind: "benefit", title: "Sharper focus" })] }),
      section({ id: 20, title: "", blocks: [] }),
      section({ id: 30, title: "Proof", blocks: [block({ id: 3, kind: "story", title: "Acme", body: "We use social media." })] }),
    ],
  };
  const findings = [
    finding({ rule: "tool", level: "warning", section: 2, block: 0, blockId: 3, field: "body", start: 7, end: 19 }),
    finding({ rule: "concrete", level: "suggestion", section: 0, block: 0, blockId: 1, field: "title", start: 0, end: 13 }),
    finding({ rule: "empty", level: "suggestion", section: 1 }),
    finding({ rule: "urgency", level: "warning" }),
    finding({ rule: "ask", level: "error" }),
  ];

  it("counts by level and finds the worst", () => {
    expect(countLevels(findings)).toEqual({ error: 1, warning: 2, suggestion: 2 });
    expect(worstLevel(findings)).toBe("error");
    expect(worstLevel(findings.slice(0, 2))).toBe("warning");
    expect(worstLevel([])).toBeNull();
  });

  it("puts the whole storyboard first (worst first), then each section in storyboard order", () => {
    const groups = groupFindings(findings, project);
    expect(groups.map((g) => [g.title, g.position, g.findings.map((f) => f.rule)])).toEqual([
      ["Whole storyboard", null, ["ask", "urgency"]],
      ["Opportunity", 1, ["concrete"]],
      ["Section 2", 2, ["empty"]],
      ["Proof", 3, ["tool"]],
    ]);
  });

  it("keys findings uniquely, and the same when an edit before them moves them", () => {
    const twice = keyed([findings[0], { ...findings[0], start: 30, end: 42 }, findings[2]]);
    expect(twice.map((k) => k.key)).toEqual(["tool|block 3|body#1", "tool|block 3|body#2", "empty|section 1#1"]);
    expect(keyed([{ ...findings[0], start: 9, end: 21 }])[0].key).toBe(twice[0].key);
    expect(findingKey(findings[0])).not.toBe(findingKey({ ...findings[0], start: 9, end: 21 }));
  });

  it("lists each dismissal once, however many findings it hides", () => {
    const might = finding({ rule: "hedging", blockId: 2, excerpt: "might" });
    const hopefully = finding({ rule: "hedging", blockId: 2, excerpt: "hopefully" });
    const elsewhere = finding({ rule: "hedging", blockId: 3, excerpt: "might" });
    expect(dismissals([might, hopefully, elsewhere])).toEqual([might, elsewhere]);
  });
});

describe("words", () => {
  it("shows the flagged words with a little context, cut at word boundaries", () => {
    const text = "The know-how to fix our hardest problems is spread across 1,400 people at four sites, yet it rarely travels. Social media would let us share it.";
    const start = text.indexOf("Social media");
    const shown = inContext(text, { start, end: start + 12 }, 30);
    expect(shown.match).toBe("Social media");
    expect(shown.before).toBe("…yet it rarely travels. ");
    expect(shown.after).toBe(" would let us share it.");
    expect(inContext("Short and\nsweet", { start: 0, end: 5 })).toEqual({ before: "", match: "Short", after: " and sweet" });
  });

  it("names the checks and writes reasons as sentences", () => {
    expect(checkName("peer-case")).toBe("A peer or a competitor");
    expect(checkName("some-new.check")).toBe("Some new check");
    expect(asSentence("no explicit ask: say what you want decided")).toBe("No explicit ask: say what you want decided.");
    expect(asSentence("Done.")).toBe("Done.");
  });

  it("labels fixes and names advice in announcements", () => {
    const f = finding({ rule: "r", excerpt: "social media", message: "“social media” names a tool." });
    expect(fixLabel(f, { replacement: "innovation" })).toBe("Use “innovation”");
    expect(fixLabel(f, { replacement: "" })).toBe("Remove “social media”");
    expect(adviceName(f)).toBe("the advice on “social media”");
    const title = finding({ rule: "r", excerpt: "Sharper focus", message: "This claim has no number." });
    expect(adviceName(title, "Sharper focus")).toBe("the advice “This claim has no number.”");
    expect(adviceName(finding({ rule: "r", message: "There is no explicit ask. Say what you want decided, by whom and by when." }))).toBe(
      "the advice “There is no explicit ask. Say what you want decided, by…”",
    );
  });

  it("builds the ApplyFix edit from the finding's own offsets, and none without a range", () => {
    const f = at("🚀 We use social media", "social media", { rule: "tool-talk", blockId: 7 });
    expect(fixEdit(f, { replacement: "open conversations" })).toEqual({
      op: "applyFix",
      blockId: 7,
      field: "body",
      start: 9,
      end: 21,
      excerpt: "social media",
      replacement: "open conversations",
    });
    expect(fixEdit(finding({ rule: "ask" }), { replacement: "x" })).toBeNull();
  });
});

describe("what supplied a check", () => {
  function evidence(fields: Partial<CheckEvidence>): CheckEvidence {
    return { section: null, block: null, blockId: null, field: null, start: null, end: null, excerpt: "", ...fields };
  }
  // The core's sentence range holds the space after the sentence; its excerpt is trimmed.
  const body = "🚀 Café teams use social media daily. We will pilot it with 85 engineers for 16 weeks. Then we scale.";
  const sentence = "We will pilot it with 85 engineers for 16 weeks.";
  const from = Array.from(body.slice(0, body.indexOf(sentence))).length;
  const pilot = evidence({ section: 1, block: 0, blockId: 3, field: "body", start: from, end: from + Array.from(sentence).length + 1, excerpt: sentence });

  it("shortens a long excerpt at a word boundary, on one line, and keeps a short one whole", () => {
    expect(shortExcerpt("We start small.")).toEqual({ short: "We start small.", full: "We start small.", cut: false });
    expect(shortExcerpt("  Two\n lines  ")).toEqual({ short: "Two lines", full: "Two lines", cut: false });
    const long = "We start with the 85 engineers and technicians at Plant 2 and the customer-support desk: they already help each other informally.";
    const { short, full, cut } = shortExcerpt(long, 60);
    expect(cut).toBe(true);
    expect(full).toBe(long);
    expect(short).toBe("We start with the 85 engineers and technicians at Plant 2…");
    expect(Array.from(short).length).toBeLessThanOrEqual(60);
    // Emoji count as one character and are never split.
    expect(shortExcerpt("🚀".repeat(30), 10).short).toBe(`${"🚀".repeat(9)}…`);
  });

  it("words the evidence by the check's state", () => {
    expect(evidenceWording({ passed: true, evidence: pilot })).toEqual({ state: "supplied", lead: "Supplied by:", quoted: true, tail: "" });
    expect(evidenceWording({ passed: false, evidence: pilot })).toEqual({
      state: "advised",
      lead: "Only advised:",
      quoted: true,
      tail: " — a recommendation does not count; supply it.",
    });
    // A block that supplied it by its structure (a story, a metric's number): quoted by its title.
    const story = evidence({ section: 2, block: 0, blockId: 7, excerpt: "A peer cut stoppages" });
    expect(evidenceWording({ passed: true, evidence: story }, "story")?.lead).toBe("Supplied by the story");
    expect(evidenceWording({ passed: true, evidence: story })?.lead).toBe("Supplied by the block");
    // Something outside the storyboard: described, not quoted.
    expect(evidenceWording({ passed: true, evidence: evidence({ excerpt: "the pilot “Plant 2” in the Pilots view" }) })).toEqual({
      state: "supplied",
      lead: "Supplied by",
      quoted: false,
      tail: "",
    });
    expect(evidenceWording({ passed: false, evidence: null })).toBeNull();
    expect(evidenceWording({ passed: true, evidence: evidence({ excerpt: " " }) })).toBeNull();
  });

  it("names Show it by the check and its state", () => {
    expect(revealCheckLabel({ id: "pilot", passed: true })).toBe("Show it: where ‘A pilot’ is supplied");
    expect(revealCheckLabel({ id: "ask", passed: false })).toBe("Show it: where ‘A clear ask’ is only advised");
  });

  it("keeps the reason without the quote the evidence line shows", () => {
    expect(reasonBesides(`the case starts small, with a pilot: “${sentence}”`, pilot)).toBe("The case starts small, with a pilot.");
    expect(reasonBesides("no explicit ask: say what you want decided. “Remember to end with a clear ask.” only recommends it; advice is not the thing itself", evidence({ excerpt: "Remember to end with a clear ask." }))).toBe(
      "No explicit ask: say what you want decided.",
    );
    // The core clips a long excerpt in its reason.
    const long = "x ".repeat(100).trim();
    expect(reasonBesides(`found: “${long.slice(0, 140)}…”`, evidence({ excerpt: long }))).toBe("Found.");
    expect(reasonBesides("the case says why now: “the pilot “A” in the Pilots view”", evidence({ excerpt: "the pilot “A” in the Pilots view" }))).toBe("The case says why now.");
    // A reason that does not quote it, or a check without evidence: the reason as it is.
    expect(reasonBesides("outcomes carry numbers", pilot)).toBe("Outcomes carry numbers.");
    expect(reasonBesides("no story: add one", null)).toBe("No story: add one.");
  });

  it("names where the evidence is from the project the report read", () => {
    const project: Project = {
      title: "P",
      author: "",
      audience: "",
      industry: "",
      library: [],
      logo: null,
      accent: null,
      pilots: [],
      cases: [],
      sections: [
        section({ id: 10, title: "Opportunity", blocks: [] }),
        section({ id: 20, title: "", blocks: [block({ id: 3, kind: "benefit", title: "" }), block({ id: 4, kind: "story", title: "Acme" })] }),
      ],
    };
    expect(evidenceWhere(pilot, project)).toEqual({ kind: "benefit", block: "Untitled benefit", section: "Section 2" });
    expect(evidenceWhere(evidence({ section: 0 }), project)).toEqual({ kind: null, block: null, section: "Opportunity" });
    expect(evidenceWhere(evidence({ excerpt: "the pilot “A” in the Pilots view" }), project)).toBeNull();
    expect(evidenceWhere(pilot, null)).toBeNull();
  });

  it("points Show it at the sentence itself, in the text the report read", () => {
    const place = evidencePlace(pilot, { title: "Pilot", body });
    expect(place).toEqual({ section: 1, blockId: 3, field: "body", start: from, end: from + Array.from(sentence).length, excerpt: sentence });
    // What the finding's reveal does with it: the sentence's UTF-16 range, after the emoji.
    const range = rangeIn(body, place)!;
    expect(body.slice(range.start, range.end)).toBe(sentence);
    // Text that no longer reads the sentence there, or no range: the block only.
    const block = { section: 1, blockId: 3, field: "body", start: null, end: null, excerpt: null };
    expect(evidencePlace(pilot, { title: "Pilot", body: "Something else entirely, now shorter." })).toEqual(block);
    expect(evidencePlace(pilot, null)).toEqual(block);
    expect(evidencePlace(evidence({ section: 1, blockId: 3, excerpt: "Pilot" }), { title: "Pilot", body })).toEqual({ ...block, field: null });
  });
});

describe("underline runs", () => {
  it("cuts the text at the marks, overlaps taking the worst level", () => {
    const text = "A social media tool";
    const runs = runsOf(text, [
      { key: "a", start: 2, end: 14, level: "suggestion", rule: "tool-talk" },
      { key: "b", start: 9, end: 19, level: "error", rule: "headline" },
      { key: "c", start: 40, end: 50, level: "warning", rule: "gone" },
    ]);
    expect(runs.map((r) => [r.text, r.level])).toEqual([
      ["A ", null],
      ["social ", "suggestion"],
      ["media", "error"],
      [" tool", "error"],
    ]);
    expect(runs.map((r) => r.text).join("")).toBe(text);
    expect(runsOf("", [])).toEqual([]);
  });
});
