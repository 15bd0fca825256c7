// Builders for test data shaped like the generated IPC types, so tests state only what matters.
import type { Block, OpenedProject, Pilot, Project, Section } from "../lib/bindings";
import { emptyBlock } from "../lib/dnd";
import samplePilotData from "../../test-data/sample-pilot.json";

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

/**
 * The sample's pilot as a project would hold it once it ran (the sample's "Start small"
 * section plans it): two criteria with results recorded, one still waiting for them.
 * Illustrative numbers, in the layouts the results spreadsheets use (test data: the core judges it).
 */
export function samplePilot(): Pilot {
  return structuredClone(samplePilotData) as Pilot;
}
