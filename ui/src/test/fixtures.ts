// Builders for test data shaped like the generated IPC types, so tests state only what matters.
import type { Block, OpenedProject, Project, Section } from "../lib/bindings";

export function block(fields: Partial<Block> & Pick<Block, "id" | "kind" | "title">): Block {
  return {
    body: "",
    number: null,
    unit: null,
    source: null,
    sourceLink: null,
    sourceDate: null,
    organisation: null,
    relation: null,
    direction: null,
    baseline: null,
    target: null,
    tags: [],
    dismissed: [],
    photo: null,
    caseId: null,
    ...fields,
  };
}

export function section(fields: Partial<Section> & Pick<Section, "id" | "title">): Section {
  return { notes: "", blocks: [], ...fields };
}

export function opened(
  path: string,
  project: Partial<Project> & Pick<Project, "title" | "sections">,
): OpenedProject {
  return {
    path,
    fileName: path.split("/").pop() ?? path,
    project: { author: "", audience: "", library: [], logo: null, accent: null, pilots: [], cases: [], ...project },
    canUndo: false,
    canRedo: false,
    charts: {},
  };
}
