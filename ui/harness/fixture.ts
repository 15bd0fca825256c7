// The bundled sample project (assets/sample, the JSON exchange format) as the core would
// return it: ids for sections and blocks, every optional field present.
import type { Block, BlockKind, Project } from "../src/lib/bindings";

type SampleBlock = Partial<Block> & { kind: BlockKind; title: string };
type Sample = {
  title: string;
  author?: string;
  audience?: string;
  sections: { title: string; notes?: string; blocks: SampleBlock[] }[];
  library?: SampleBlock[];
};

export function projectFromSample(sample: Sample): Project {
  let nextId = 1;
  const block = (b: SampleBlock): Block => ({
    id: nextId++,
    kind: b.kind,
    title: b.title,
    body: b.body ?? "",
    number: b.number ?? null,
    unit: b.unit ?? null,
    source: b.source ?? null,
    sourceLink: b.sourceLink ?? null,
    sourceDate: b.sourceDate ?? null,
    organisation: b.organisation ?? null,
    relation: b.relation ?? null,
    direction: b.direction ?? null,
    baseline: b.baseline ?? null,
    target: b.target ?? null,
    tags: b.tags ?? [],
    dismissed: b.dismissed ?? [],
    photo: b.photo ?? null,
  });
  const sections = sample.sections.map((s) => ({
    id: 100 + nextId++,
    title: s.title,
    notes: s.notes ?? "",
    blocks: s.blocks.map(block),
  }));
  return {
    title: sample.title,
    author: sample.author ?? "",
    audience: sample.audience ?? "",
    sections,
    library: (sample.library ?? []).map(block),
    logo: null,
    accent: null,
    pilots: [],
  };
}

/**
 * The sample rewritten the way a first draft often reads (`?coach=demo`): tool-talk, jargon
 * and a hedge for the coach to flag, an emoji and accented letters before flagged words (the
 * core counts characters as code points, the browser as UTF-16 units), one piece of advice
 * already dismissed, and no ask yet (its block is still in the library).
 */
export function firstDraft(project: Project): Project {
  const at = (section: number, block: number) => project.sections[section].blocks[block];
  at(0, 0).body =
    "The know-how to fix our hardest problems is spread across 1,400 people at four sites 🌍, yet it rarely travels beyond the team that holds it. Social media would let us leverage it: the fastest and cheapest source of new ideas we have.";
  at(1, 1).body =
    "Café-style Q&A 🚀 on social media invites shop-floor, sales and service staff to share and build on ideas. Web 2.0 widens our pool of contributors from a few hundred to the whole workforce.";
  at(1, 2).title = "A social learning platform for new products";
  at(3, 0).body += " Hopefully the pilot sites might share more.";
  at(3, 0).dismissed = ["concept.hedging"];
  for (const block of project.sections.flatMap((section) => section.blocks)) block.tags = block.tags.filter((t) => t !== "ask");
  const last = project.sections[project.sections.length - 1];
  project.library.unshift(...last.blocks.splice(last.blocks.findIndex((b) => b.title.startsWith("The decision we need")), 1));
  return project;
}
