// Builders for test data shaped like the generated IPC types, so tests state only what matters.
import type { Block, OpenedProject, Pilot, Project, Section } from "../lib/bindings";
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

/**
 * The sample's pilot as a project would hold it once it ran (the sample's "Start small"
 * section plans it): two criteria with results recorded, one still waiting for them.
 * Illustrative numbers, in the layouts the results spreadsheets use (test data: the core judges it).
 */
export function samplePilot(): Pilot {
  return {
    id: 1,
    name: "Ask-the-floor at Plant 2",
    team: "Plant 2 maintenance and engineering",
    headcount: 85,
    start: "2026-09-01",
    end: "2026-12-18",
    resultsUntil: "2026-12-18",
    hypothesis: "When engineers can put a question to the whole floor, escalated problems find the person who has solved them before.",
    readiness: "Plant 2's director sponsors it, the crews already share fixes on a whiteboard, and the service desk export gives us a clean baseline.",
    criteria: [
      {
        id: 1,
        metric: "Days to resolve an escalated problem",
        unit: "working days",
        direction: "lower",
        baseline: 19,
        target: 12,
        measure: "Working days from escalation to fix, from the service desk export; Plant 3 over the same weeks as the comparison",
        results: {
          design: "independent",
          pilot: [9, 12, 10, 14, 8, 11, 13, 9, 12, 10, 15, 11, 10, 12],
          comparison: [18, 22, 17, 20, 19, 24, 16, 21, 18, 20, 23, 17, 19, 22],
        },
      },
      {
        id: 2,
        metric: "Staff who logged an improvement idea",
        unit: null,
        direction: "higher",
        baseline: 0.18,
        target: 0.45,
        measure: "People who logged at least one idea in the quarter, from the ideas board; Plant 3 as the comparison",
        results: { design: "proportion", pilot: { successes: 41, trials: 85 }, comparison: { successes: 17, trials: 92 } },
      },
      {
        id: 3,
        metric: "Hours a week spent searching for answers",
        unit: "hours",
        direction: "lower",
        baseline: 3.5,
        target: 2,
        measure: "Self-reported by the same engineers in week 1 and week 16",
        results: { design: "paired", pairs: [] },
      },
    ],
  };
}
