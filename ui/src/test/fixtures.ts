// Builders for test data shaped like the generated IPC types, so tests state only what matters.
import type { Block, OpenedProject, Project, Section } from "../lib/bindings";
import { emptyBlock } from "../lib/dnd";

export function block(fields: Partial<Block> & Pick<Block, "id" | "kind" | "title">): Block {
  return { ...emptyBlock(fields.kind, fields.title), ...fields };
}

export function section(fields: Partial<Section> & Pick<Section, "id" | "title">): Section {
  return { uid: "", notes: "", blocks: [], ...fields };
}

export function opened(
  path: string,
  project: Partial<Project> & Pick<Project, "title" | "sections">,
): OpenedProject {
  return {
    path,
    fileName: path.split("/").pop() ?? path,
    project: { author: "", audience: "", industry: "", library: [], logo: null, accent: null, pilots: [], cases: [], ...project },
    canUndo: false,
    canRedo: false,
    charts: {},
    readOnly: null,
  };
}
