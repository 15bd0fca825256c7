// A miniature of the core's framing coach (crates/core/src/coach) for the fake core: a few
// term rules from the default pack (assets/rules/outcomes.toml) with their fixes, the
// concreteness and evidence-linkage rules, one section-wide rule, and the readiness
// checklist with its evidence. Offsets are counted in code points, as the core counts them, with its own
// counting (not the UI's), so a mistake in the UI's conversion cannot cancel out here.
import type { Block, CheckEvidence, CheckResult, Field, Finding, Level, Project, Report } from "../src/lib/bindings";

type TermRule = {
  id: string;
  level: Level;
  /** {match}: the text found; {rewrites}: the suggestions. */
  message: string;
  explanation?: string;
  /** Each term and what to write instead ([] for a term that is only flagged). */
  terms: Record<string, string[]>;
  fields?: Field[];
};

export const TERM_RULES: TermRule[] = [
  {
    id: "tool-talk.social-media",
    level: "warning",
    message: "“{match}” names a tool. Say what it achieves: {rewrites}.",
    explanation: "A board hears “social media” as a risk and a distraction; it hears “problems solved in days” as a result.",
    terms: { "social media": ["open conversations across teams", "faster answers"] },
  },
  {
    id: "tool-talk.social-learning",
    level: "warning",
    message: "Boards don't fund “{match}”; they fund what it produces. Try {rewrites}.",
    explanation: "Name the result people get from learning together, not the label for it.",
    terms: { "social learning": ["innovation", "faster problem-solving"] },
  },
  {
    id: "tool-talk.web-2",
    level: "warning",
    message: "“{match}” is dated jargon. Describe the outcome instead: {rewrites}.",
    terms: { "Web 2.0": ["collaboration that produces new ideas"], "Enterprise 2.0": ["collaboration that produces new ideas"] },
  },
  {
    id: "concept.buzzwords",
    level: "warning",
    message: "“{match}” is a concept, not a result. Replace it with what will be different, and by how much.",
    terms: { synergy: [], synergies: [], "paradigm shift": [], "world-class": [] },
  },
  {
    id: "concept.leverage",
    level: "suggestion",
    message: "“{match}” is jargon; plain words land better: {rewrites}.",
    terms: { leverage: ["use", "build on"] },
  },
  {
    id: "concept.hedging",
    level: "suggestion",
    message: "“{match}” weakens the claim. Commit to a number, or say what evidence you have.",
    terms: { might: [], hopefully: [] },
  },
  {
    id: "wording.tool-first-headline",
    level: "warning",
    message: "The headline names a tool (“{match}”). Put the outcome in the headline and the tool, if at all, in the text.",
    terms: { platform: [], software: [] },
    fields: ["title"],
  },
];

const REQUIRED: { id: string; check: string; level: Level; weight: number; message: string; explanation?: string; found: string; missing: string }[] = [
  {
    id: "structure.business-case",
    check: "business-case",
    level: "error",
    weight: 15,
    message: "There is no business case: no block puts a number on cost, saving or return.",
    explanation: "Boards decide on results. Add a metric that says what the change is worth.",
    found: "a costed outcome (money, time or return) makes the business case",
    missing: "no block puts a number on the cost, saving or return: add a metric that does",
  },
  {
    id: "structure.quantified-outcome",
    check: "quantified-outcome",
    level: "warning",
    weight: 15,
    message: "No outcome carries a number. Say how much, how many or how fast.",
    found: "outcomes carry numbers",
    missing: "no benefit or metric carries a number: say how much, how many, how fast",
  },
  {
    id: "structure.case-study",
    check: "case-study",
    level: "error",
    weight: 10,
    message: "There is no story: add a case of an organisation that already did this.",
    found: "there is at least one story of someone who did it",
    missing: "no story: add a case of an organisation that already did this",
  },
  {
    id: "structure.peer-case",
    check: "peer-case",
    level: "warning",
    weight: 15,
    message: "No story is about a peer or a competitor. Nothing moves a board like a rival who is ahead.",
    found: "a peer or competitor has done it",
    missing: "no story of a peer or a competitor: boards move most when a rival is ahead",
  },
  {
    id: "structure.pilot",
    check: "pilot",
    level: "error",
    weight: 15,
    message: "There is no pilot or small first step. Propose one where the culture is ready and a win is likely.",
    found: "the case starts small, with a pilot",
    missing: "no pilot or small first step: propose one where a win is likely",
  },
  {
    id: "structure.success-measure",
    check: "success-measure",
    level: "warning",
    weight: 10,
    message: "Nothing says how success will be measured. Give each pilot measure a baseline and a target.",
    found: "success is measured against a baseline or target",
    missing: "no measure of success: give a baseline and a target",
  },
  {
    id: "structure.ask",
    check: "ask",
    level: "error",
    weight: 10,
    message: "There is no explicit ask. Say what you want decided, by whom and by when.",
    explanation: "A board meets to decide. If the case does not say what to decide, it decides nothing.",
    found: "the case ends with a clear ask",
    missing: "no explicit ask: say what you want decided, by whom and when",
  },
  {
    id: "structure.urgency",
    check: "urgency",
    level: "warning",
    weight: 10,
    message: "Nothing says why now. Name the cost of waiting, a deadline, or the rival already moving.",
    found: "the case says why now",
    missing: "nothing says why now: name the cost of waiting or a deadline",
  },
];

/** Code points in the first `index` UTF-16 units of `text`. */
const points = (text: string, index: number) => Array.from(text.slice(0, index)).length;

function matchCase(matched: string, replacement: string): string {
  const letters = Array.from(matched).filter((c) => c.toLowerCase() !== c.toUpperCase());
  if (letters.length > 1 && letters.every((c) => c === c.toUpperCase())) return replacement.toUpperCase();
  if (letters[0] && letters[0] === letters[0].toUpperCase()) return replacement[0].toUpperCase() + replacement.slice(1);
  return replacement;
}

function termPattern(term: string): RegExp {
  const words = term.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`\\b${words.join("\\s+")}(?:e?s)?\\b`, "giu");
}

function list(rewrites: string[]): string {
  const quoted = rewrites.map((r) => `“${r}”`);
  return quoted.length <= 1 ? (quoted[0] ?? "") : `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`;
}

type At = { section: number; block: number; blockId: number };

function textFinding(rule: { id: string; level: Level; explanation?: string }, message: string, at: At, field: Field, text: string, from: number, to: number, fixes: string[] = []): Finding {
  return {
    rule: rule.id,
    level: rule.level,
    message,
    section: at.section,
    block: at.block,
    blockId: at.blockId,
    field,
    start: points(text, from),
    end: points(text, to),
    excerpt: text.slice(from, to),
    fixes: fixes.map((replacement) => ({ replacement })),
    link: null,
    explanation: rule.explanation ?? null,
    reason: rule.id.includes("tool-talk.") ? `“${text.slice(from, to)}” names the tool or concept as the point; nothing in its sentence ties it to a measured result` : null,
  };
}

function storyboardFinding(rule: { id: string; level: Level; message: string; explanation?: string }, section: number | null = null): Finding {
  return {
    rule: rule.id,
    level: rule.level,
    message: rule.message,
    section,
    block: null,
    blockId: null,
    field: null,
    start: null,
    end: null,
    excerpt: null,
    fixes: [],
    link: null,
    explanation: rule.explanation ?? null,
    reason: null,
  };
}

const hasDigit = (block: Block) => block.number !== null || /\d/.test(block.title) || /\d/.test(block.body);

/** The findings on one block's own text (dismissed ones included). */
function blockText(block: Block, at: At): Finding[] {
  const out: Finding[] = [];
  for (const field of ["title", "body"] as const) {
    const text = block[field];
    for (const rule of TERM_RULES) {
      if (rule.fields && !rule.fields.includes(field)) continue;
      const hits: { from: number; to: number; rewrites: string[] }[] = [];
      for (const [term, rewrites] of Object.entries(rule.terms)) {
        for (const m of text.matchAll(termPattern(term))) hits.push({ from: m.index, to: m.index + m[0].length, rewrites });
      }
      hits.sort((a, b) => a.from - b.from || b.to - a.to);
      let last = -1;
      for (const hit of hits) {
        if (hit.from < last) continue;
        last = hit.to;
        const matched = text.slice(hit.from, hit.to);
        const message = rule.message.replace("{match}", matched).replace("{rewrites}", list(hit.rewrites));
        out.push(textFinding(rule, message, at, field, text, hit.from, hit.to, hit.rewrites.map((r) => matchCase(matched, r))));
      }
    }
  }
  if (block.kind === "benefit" && block.title.trim() && !hasDigit(block)) {
    const rule = { id: "structure.concreteness", level: "suggestion" as Level };
    out.push(textFinding(rule, "This claim has no number. How much, how many, how fast?", at, "title", block.title, 0, block.title.length));
  }
  return out;
}

/** coach_block: one block's draft, at its place (from its id); a block not in a section gets nothing. */
export function lintDraft(project: Project, draft: Block): Finding[] {
  for (const [s, section] of project.sections.entries()) {
    const b = section.blocks.findIndex((x) => x.id === draft.id);
    if (b >= 0) return blockText(draft, { section: s, block: b, blockId: draft.id }).filter((f) => !draft.dismissed.includes(f.rule));
  }
  return [];
}

// ---- The readiness checklist: a test double of crates/core/src/coach/elements.rs ----------
// Structure counts first (a story block, a relation, a metric's number, a target, a tag, a
// pilot in the Pilots view); otherwise each title and body is read sentence by sentence, and
// advice to do a thing ("Consider a pilot.") only recommends it. Like the core, a check
// carries its evidence: the block or the sentence that supplied it (the sentence's range
// holding the spaces after it, its excerpt trimmed), or for a check not passed the first
// advice that only recommended it; and its reason quotes that evidence.

type CheckTest = {
  /** Where a block's structure supplies it, without reading its words. */
  structure?: (b: Block) => boolean;
  /** A sentence (not advice) that supplies it, in a block `reads` accepts. */
  sentence?: RegExp;
  reads?: (b: Block) => boolean;
  /** Words that mention it in advice. */
  mentions: RegExp;
};

const tagged = (b: Block, tag: string) => b.tags.some((t) => t.toLowerCase() === tag);

const CHECK_TESTS: Record<string, CheckTest> = {
  "business-case": {
    structure: (b) => (b.kind === "metric" && b.number !== null && /\b(cost|costs|saving|savings|revenue|roi)\b|[$€£]\s?\d/i.test(`${b.title} ${b.body}`)) || tagged(b, "business case"),
    mentions: /\b(cost|costs|saving|savings|return|roi|business case)\b/i,
  },
  "quantified-outcome": {
    structure: (b) => b.kind !== "story" && b.number !== null,
    sentence: /\d/,
    reads: (b) => b.kind !== "story",
    mentions: /\b(numbers?|figures?|how much|quantif\w*)\b/i,
  },
  "case-study": { structure: (b) => b.kind === "story", mentions: /\b(case stud(?:y|ies)|story|stories|example)\b/i },
  "peer-case": {
    structure: (b) => b.kind === "story" && b.relation !== null,
    sentence: /\b(peers?|competitors?|rivals?)\b/i,
    reads: (b) => b.kind === "story",
    mentions: /\b(peers?|competitors?|rivals?)\b/i,
  },
  pilot: { sentence: /\b(pilot|pilots|trial|start small|first step)\b/i, mentions: /\b(pilot|pilots|trial|start small|first step)\b/i },
  "success-measure": { structure: (b) => b.target !== null, sentence: /\b(targets?|baseline|kpis?)\b/i, mentions: /\b(measures?|baseline|targets?|kpis?)\b/i },
  ask: { structure: (b) => tagged(b, "ask"), sentence: /\b(we ask|approve|approval|decision|request)\b/i, mentions: /\b(ask|request|approv\w*|decision)\b/i },
  urgency: {
    sentence: /\b(now|today|deadline|fall(?:ing)? behind|every (?:month|quarter|year) we wait)\b/i,
    mentions: /\b(now|urgen\w*|deadline|wait)\b/i,
  },
};

/** Advice to the writer rather than the case itself ("Consider a pilot.", "Start small."). */
const ADVICE = /^\s*(?:consider|remember to|make sure|be sure to|try to|don't forget to|it is best to|start small)\b|\b(?:you should|we should consider|it helps to|is recommended)\b/i;

/** A text's sentences as UTF-16 ranges, each with the spaces after it (as the core's sentence bounds). */
function sentences(text: string): [number, number][] {
  return Array.from(text.matchAll(/\S[\s\S]*?(?:[.!?]+(?=\s|$)|(?=\n)|$)\s*/gu), (m) => [m.index, m.index + m[0].length]);
}

/** A field's first sentence that supplies the check, else its first advice that mentions it. */
function judge(text: string, test: CheckTest): { supplied: boolean; from: number; to: number } | null {
  let advised: { supplied: boolean; from: number; to: number } | null = null;
  for (const [from, to] of sentences(text)) {
    const sentence = text.slice(from, to);
    const supplies = !!test.sentence?.test(sentence);
    if (ADVICE.test(sentence) && !(test === CHECK_TESTS.ask && supplies)) {
      if (!advised && test.mentions.test(sentence)) advised = { supplied: false, from, to };
    } else if (supplies) {
      return { supplied: true, from, to };
    }
  }
  return advised;
}

function sentenceEvidence(at: At, field: Field, text: string, from: number, to: number): CheckEvidence {
  return { section: at.section, block: at.block, blockId: at.blockId, field, start: points(text, from), end: points(text, to), excerpt: text.slice(from, to).trim() };
}

function blockEvidence(at: At, block: Block): CheckEvidence {
  const excerpt = block.title.trim() ? block.title : Array.from(block.body).slice(0, 120).join("");
  return { section: at.section, block: at.block, blockId: at.blockId, field: null, start: null, end: null, excerpt };
}

function clip(text: string): string {
  const chars = Array.from(text);
  return chars.length <= 140 ? text : `${chars.slice(0, 140).join("").trimEnd()}…`;
}

function checks(project: Project): CheckResult[] {
  return REQUIRED.map((r) => {
    const test = CHECK_TESTS[r.check];
    let supplied: CheckEvidence | null = null;
    let advised: CheckEvidence | null = null;
    for (const [s, section] of project.sections.entries()) {
      for (const [b, block] of section.blocks.entries()) {
        const at = { section: s, block: b, blockId: block.id };
        if (test.structure?.(block)) {
          supplied ??= blockEvidence(at, block);
          continue;
        }
        if (test.reads && !test.reads(block)) continue;
        for (const field of ["title", "body"] as const) {
          const found = judge(block[field], test);
          if (found?.supplied) supplied ??= sentenceEvidence(at, field, block[field], found.from, found.to);
          else if (found) advised ??= sentenceEvidence(at, field, block[field], found.from, found.to);
        }
      }
    }
    if (!supplied && (r.check === "pilot" || r.check === "success-measure")) {
      const pilot = (project.pilots ?? []).find((p) => r.check === "pilot" || p.criteria.length > 0);
      if (pilot) supplied = { section: null, block: null, blockId: null, field: null, start: null, end: null, excerpt: `the pilot “${pilot.name}” in the Pilots view` };
    }
    const reason = supplied
      ? `${r.found}: “${clip(supplied.excerpt)}”`
      : advised
        ? `${r.missing}. “${clip(advised.excerpt)}” only recommends it; advice is not the thing itself`
        : r.missing;
    return { id: r.check, passed: supplied !== null, weight: r.weight, reason, evidence: supplied ?? advised };
  });
}

/** coach_report: the whole storyboard. */
export function lintProject(project: Project): Report {
  const findings: Finding[] = [];
  const backs = (s: number) => project.sections[s]?.blocks.some((b) => b.kind !== "benefit") ?? false;
  for (const [s, section] of project.sections.entries()) {
    if (section.blocks.length === 0) {
      findings.push(
        storyboardFinding({ id: "structure.empty-section", level: "suggestion", message: "This section is empty. Add the blocks that make its point, or remove it." }, s),
      );
    }
    for (const [b, block] of section.blocks.entries()) {
      const at = { section: s, block: b, blockId: block.id };
      findings.push(...blockText(block, at));
      if (block.kind === "benefit" && block.title.trim() && !backs(s) && !backs(s + 1)) {
        const rule = {
          id: "structure.evidence-linkage",
          level: "warning" as Level,
          explanation: "A claim with its proof beside it is remembered; a claim alone is doubted.",
        };
        const message = "This benefit has no story or metric beside it (in its section or the next). Back it with evidence.";
        findings.push(textFinding(rule, message, at, "title", block.title, 0, block.title.length));
      }
    }
  }
  const results = checks(project);
  for (const r of REQUIRED) if (!results.find((c) => c.id === r.check)?.passed) findings.push(storyboardFinding(r));
  findings.sort((a, b) => (a.section ?? Infinity) - (b.section ?? Infinity) || (a.block ?? Infinity) - (b.block ?? Infinity) || (a.start ?? 0) - (b.start ?? 0));
  const dismissedFor = (f: Finding) => f.section !== null && f.block !== null && project.sections[f.section].blocks[f.block].dismissed.includes(f.rule);
  return {
    findings: findings.filter((f) => !dismissedFor(f)),
    dismissed: findings.filter(dismissedFor),
    checks: results,
    score: results.filter((c) => c.passed).reduce((sum, c) => sum + c.weight, 0),
    setAside: [],
  };
}

/** ApplyFix on a field's text: characters (code points) start..end must still read `excerpt`. */
export function replaceChars(text: string, start: number, end: number, excerpt: string, replacement: string): string | null {
  const chars = Array.from(text);
  if (start > end || end > chars.length || chars.slice(start, end).join("") !== excerpt) return null;
  return chars.slice(0, start).join("") + replacement + chars.slice(end).join("");
}
