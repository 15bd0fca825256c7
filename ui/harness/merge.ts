// A test double of the core's merge and import (crates/core/src/sharing/apply.rs, import.rs):
// a colleague's copy of the open project, planned as the core would word it (their changes in
// words, conflicts with both sides), and another project to import blocks from. The fake core
// (harness/fake.ts) applies what a plan says its changes do (`takenEdits`, and `theirEdits` for
// each conflict decided for theirs) as one undoable step, so a merge shows on the storyboard.
import type { Block, BlockKind, Edit, ImportSource, MergePlan, Project, Section } from "../src/lib/bindings";

/** A plan as the fake core holds it: what the UI sees, and what each change does here (never sent). */
export type FakeMergePlan = MergePlan & {
  /** What their changes taken without asking do, in order (edits on the open project). */
  takenEdits?: Edit[];
  /** What taking their side of a conflict does, by conflict id. */
  theirEdits?: Record<number, Edit[]>;
};

/** The plan as the shell sends it to the UI. */
export function planForUi(plan: FakeMergePlan): MergePlan {
  const { fileName, baseMadeAt, taken, conflicts, pilotsDiffer, fingerprint } = plan;
  return JSON.parse(JSON.stringify({ fileName, baseMadeAt, taken, conflicts, pilotsDiffer, fingerprint })) as MergePlan;
}

const KIND: Record<BlockKind, string> = { benefit: "Benefit", story: "Story", metric: "Metric" };

/** The subject of a change, as the core words it: Benefit “Faster answers” in “Proof”. */
function subject(block: Block, section: Section | null): string {
  return `${KIND[block.kind]} “${block.title}” ${section ? `in “${section.title}”` : "in the library"}`;
}

/** The block with this title, and its section (null: the library). */
function find(project: Project, title: string): { block: Block; section: Section | null } | null {
  for (const section of project.sections) {
    const block = section.blocks.find((b) => b.title === title);
    if (block) return { block, section };
  }
  const block = project.library.find((b) => b.title === title);
  return block ? { block, section: null } : null;
}

/** A block as the core shows a whole block in a conflict: its title, then its text. */
function shown(block: Pick<Block, "title" | "body">): string {
  return block.body ? `${block.title}\n\n${block.body}` : block.title;
}

function newBlock(kind: BlockKind, title: string, body: string): Block {
  return {
    id: 0,
    uid: `theirs-${title.length}-${kind}`,
    kind,
    title,
    body,
    number: null,
    unit: null,
    source: null,
    sourceLink: null,
    sourceDate: null,
    organisation: null,
    relation: null,
    direction: kind === "metric" ? "higher" : null,
    baseline: null,
    target: null,
    tags: [],
    dismissed: [],
    photo: null,
    caseId: null,
  };
}

/** When the sample copies parted: 11 Nov 2026 (seconds since the epoch). */
export const SAMPLE_PARTED = 1794398400;

/**
 * Ben's copy of the sample project, planned against `project` as it is now: eleven changes of
 * his taken without asking (more than the dialog shows at first) and four conflicts, one of each
 * kind and two changed both ways (a title, and a long text). Changes about blocks that are no
 * longer in the project are left out, as a plan of the real file would not have them.
 */
export function sampleMergePlan(project: Project, fingerprint = "sample-plan"): FakeMergePlan {
  const taken: string[] = [];
  const takenEdits: Edit[] = [];
  const conflicts: MergePlan["conflicts"] = [];
  const theirEdits: Record<number, Edit[]> = {};
  const change = (title: string, words: string, fields: Partial<Block>) => {
    const found = find(project, title);
    if (!found) return;
    taken.push(`${subject(found.block, found.section)}: ${words} from their copy`);
    takenEdits.push({ op: "updateBlock", block: { ...found.block, ...fields } });
  };
  const sectionAt = (title: string) => project.sections.find((s) => s.title === title) ?? null;

  change("Fourteen thousand engineering hours a year back", "value", { number: 15200 });
  change("A peer cut line stoppages by almost a quarter", "source", { source: "Plant operations survey, 2026" });
  const gain = sectionAt("What we gain");
  if (gain) {
    const added = newBlock("benefit", "Customers hear back within a week", "Problems that reach customers are answered in days, not a month.");
    taken.push(`${subject(added, gain)}: added in their copy`);
    takenEdits.push({ op: "addBlock", block: added, to: { in: "section", sectionId: gain.id, index: gain.blocks.length } });
  }
  change("Three times as many people contributing ideas", "target", { target: 50 });
  const results = project.sections.findIndex((s) => s.title === "Results and the ask");
  if (results >= 0) {
    taken.push("Section “Risks and how we contain them”: added in their copy");
    takenEdits.push({ op: "addSection", title: "Risks and how we contain them", index: results });
  }
  change("The decision we need by 15 July", "title", { title: "The decision we need by 1 July" });
  change("It already works here when we let it", "tags", { tags: ["proof", "internal"] });
  const start = sectionAt("Start small");
  if (start) {
    taken.push(`Section “${start.title}”: notes from their copy`);
    takenEdits.push({ op: "updateSection", id: start.id, text: { title: start.title, notes: "Say who runs the pilot, and when we will know." } });
  }
  change("New engineers reach full speed sooner", "text", { body: "Mentors answer in the open, so every newcomer learns from every answer." });
  change("The people and the sponsor", "text", { body: "Sponsor: the COO. Team: two engineers and a community manager, half time." });
  if (project.audience) {
    taken.push("Project: audience from their copy");
    takenEdits.push({ op: "setProjectDetails", title: project.title, author: project.author, audience: "The Executive Board and the works council", industry: project.industry });
  }

  const conflict = (c: Omit<MergePlan["conflicts"][number], "id">, edits: Edit[]) => {
    const id = conflicts.length;
    conflicts.push({ id, ...c });
    theirEdits[id] = edits;
  };
  const answers = find(project, "The answers we need are already inside Northwind");
  if (answers) {
    const theirs = "Northwind already knows the answers; it just cannot find them";
    conflict(
      { kind: "changedBothWays", subject: subject(answers.block, answers.section), field: "title", base: "The answers are already inside Northwind", ours: answers.block.title, theirs },
      [{ op: "updateBlock", block: { ...answers.block, title: theirs } }],
    );
  }
  const competitor = find(project, "Our closest competitor is already winning with it");
  if (competitor) {
    const theirs =
      "Fieldline won two tenders against us last year. In both, the customer named their answer times.\n\n" +
      "Their engineers share what they find on one internal network: a fault solved in Lyon is known in Leeds the same day.\n\n" +
      "We do not need to copy their tools. We need our own people to find each other the way theirs do.";
    conflict(
      {
        kind: "changedBothWays",
        subject: subject(competitor.block, competitor.section),
        field: "text",
        base: "Fieldline won two tenders against us last year.",
        ours: competitor.block.body || "(empty)",
        theirs,
      },
      [{ op: "updateBlock", block: { ...competitor.block, body: theirs } }],
    );
  }
  if (gain) {
    const revived = newBlock("benefit", "Engineers spend the time on customers instead", "The six hours a week go back to the work customers pay for:\nvisits, fixes and follow-ups.");
    conflict(
      { kind: "deletedHereChangedThere", subject: subject(revived, gain), field: null, base: null, ours: "Deleted", theirs: shown(revived) },
      [{ op: "addBlock", block: revived, to: { in: "section", sectionId: gain.id, index: gain.blocks.length } }],
    );
  }
  const across = find(project, "Answers come from across the company, not just the team");
  if (across) {
    conflict(
      { kind: "changedHereDeletedThere", subject: subject(across.block, across.section), field: null, base: null, ours: shown(across.block), theirs: "Deleted" },
      [{ op: "deleteBlock", id: across.block.id }],
    );
  }

  return {
    fileName: "Social collaboration (Ben).casewright",
    baseMadeAt: SAMPLE_PARTED,
    taken,
    conflicts,
    pilotsDiffer: true,
    fingerprint,
    takenEdits,
    theirEdits,
  };
}

let nextSourceId = 9000;

function sourceBlock(kind: BlockKind, title: string, body: string, figure: Partial<Block> = {}): Block {
  const id = nextSourceId++;
  return { ...newBlock(kind, title, body), id, uid: `plant-${id}`, direction: kind === "metric" ? "higher" : null, ...figure };
}

/** Another project to import blocks from: three sections (one empty) and a library. */
export function sampleImportSource(): ImportSource {
  nextSourceId = 9000;
  const section = (id: number, title: string, blocks: Block[]): Section => ({ id, uid: `plant-section-${id}`, title, notes: "", blocks });
  const project: Project = {
    title: "Predictive maintenance on line 4",
    author: "Chen Wei",
    audience: "Plant management",
    industry: "manufacturing",
    sections: [
      section(1, "Why now", [
        sourceBlock("benefit", "Fewer unplanned stops on line 4", "Sensors warn us a shift before a bearing fails."),
        sourceBlock("metric", "Unplanned stops cost 310 hours last year", "", { number: 310, unit: "hours a year", direction: "lower" }),
        sourceBlock("story", "The night shift fixed it in a week", "When the night shift shared its fix, the day shift stopped losing an hour per change-over."),
      ]),
      section(2, "Proof from other plants", [
        sourceBlock("story", "Hamburg cut downtime by a third", "The Hamburg plant put the same sensors on two lines in 2025.", { number: 33, unit: "%" }),
        sourceBlock("metric", "Faults found before they stop the line", "", { number: 78, unit: "%" }),
      ]),
      section(3, "Open questions", []),
    ],
    library: [
      sourceBlock("benefit", "Safety walks take half the time", "The checklist comes from the sensor readings."),
      sourceBlock("metric", "Spare parts found on the first try", "", { number: 64, unit: "%" }),
    ],
    logo: null,
    accent: null,
    pilots: [],
    cases: [],
  };
  return { fileName: "Predictive maintenance.casewright", project };
}
