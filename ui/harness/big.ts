// A big project for the storyboard's performance tests (`?big=2000x12`): BLOCKS blocks in
// SECTIONS sections, as bench/storyboard/make-big-project.mjs makes for the real app, only
// smaller in vocabulary: a third each of benefits, stories and metrics (with baselines and
// targets, so the harness charts them), bodies of varied length, a few words the coach flags.
// Deterministic: block i is the same every time. Ids: blocks from 1 (sections' first, then the
// library's), sections from 100000.
import type { Block, Project } from "../src/lib/bindings";
import { emptyBlock } from "../src/lib/dnd";

const SECTION_NAMES = [
  "Opportunity",
  "What we gain",
  "Customers",
  "Our people",
  "Proof from peers",
  "Proof from competitors",
  "Costs",
  "Risks",
  "A small start",
  "Pilot results",
  "Roll-out",
  "The ask",
];
const TEAMS = ["service desk", "maintenance crews", "field engineers", "the sales team", "line supervisors", "new starters"];
const PLACES = ["Leeds", "Porto", "Lyon", "Graz", "Tampere", "Brno"];
const SENTENCES = [
  "When a question can reach the whole company, the answer usually exists already.",
  "Connecting those people costs little and pays back in weeks, not years.",
  "The pilot showed that most answers came from outside the asking team.",
  "Social media would let us share it across sites.",
  "Nothing here needs new systems: it is a habit, supported by a simple tool.",
  "Repeat faults dropped sharply once fixes were written up where the next person would look.",
];

function block(i: number, section: string): Block {
  const team = TEAMS[i % TEAMS.length];
  const place = PLACES[(i >> 2) % PLACES.length];
  const body = Array.from({ length: 1 + (i % 4) }, (_, k) => SENTENCES[(i + k) % SENTENCES.length]).join(" ");
  const tags = i % 3 === 0 ? ["pilot", "speed"] : [];
  switch (i % 3) {
    case 0:
      return { ...emptyBlock("benefit", `Block ${i}: faster answers for ${team} (${section})`), id: i, body, tags };
    case 1:
      return {
        ...emptyBlock("story", `Block ${i}: ${place} site's weekly question board`),
        id: i,
        body,
        organisation: `Hartwell ${place}`,
        relation: i % 5 === 0 ? "competitor" : "peer",
        source: "Published annual report (illustrative)",
        tags,
      };
    default: {
      const baseline = 10 + (i % 40);
      return {
        ...emptyBlock("metric", `Block ${i}: escalations closed in ${place}`),
        id: i,
        body,
        number: baseline - 4,
        unit: "working days",
        direction: "lower",
        baseline,
        target: baseline - 6,
        source: "Service-desk records (illustrative)",
        tags,
      };
    }
  }
}

/**
 * `blocks` blocks spread evenly over `sections` sections (the first ones take the remainder),
 * and `library` more in the library.
 */
export function bigProject(blocks: number, sections: number, library = 0): Project {
  let next = 1;
  return {
    title: `Storyboard benchmark: ${blocks} blocks in ${sections} sections`,
    author: "Casewright harness (generated)",
    audience: "The Board of Directors",
    industry: "manufacturing",
    sections: Array.from({ length: sections }, (_, s) => {
      const title = SECTION_NAMES[s % SECTION_NAMES.length] + (sections > SECTION_NAMES.length ? ` ${s + 1}` : "");
      const count = Math.floor(blocks / sections) + (s < blocks % sections ? 1 : 0);
      return { id: 100000 + s, uid: `section-${s}`, title, notes: "", blocks: Array.from({ length: count }, () => block(next++, title)) };
    }),
    library: Array.from({ length: library }, () => block(next++, "Library")),
    logo: null,
    accent: null,
    pilots: [],
    cases: [],
  };
}
