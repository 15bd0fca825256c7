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
  };
}
