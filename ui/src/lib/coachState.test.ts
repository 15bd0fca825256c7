// CoachState keeps a finding acted on hidden until a report that knows of the change: a report
// asked before it (the core may have made it before the change arrived) does not bring it back.
import { describe, expect, it } from "vitest";
import { CoachState } from "./coach.svelte";
import type { Finding, Project, Report } from "./bindings";

function finding(rule: string, blockId: number): Finding {
  return { rule, level: "warning", message: rule, section: 0, block: 0, blockId, field: "body", start: 0, end: 4, excerpt: "word", fixes: [], link: null, explanation: null, reason: null };
}

function report(findings: Finding[]): Report {
  return { findings, checks: [], score: 50, dismissed: [], setAside: [] };
}

/** A report fetch the test answers, one question at a time. */
function answers() {
  const waiting: ((report: Report) => void)[] = [];
  const fetch = () => new Promise<Report>((resolve) => waiting.push(resolve));
  return { fetch, answer: (r: Report) => waiting.shift()?.(r) };
}

const project = {} as Project;

describe("CoachState: findings acted on", () => {
  it("stay hidden when a report asked before the change answers after it, and go once a later one does", async () => {
    const core = answers();
    const state = new CoachState(core.fetch);
    const [a, b] = [finding("one", 1), finding("two", 2)];
    const first = state.refresh(project);
    core.answer(report([a, b]));
    await first;
    expect(state.findings).toEqual([a, b]);

    // A dismissal, then its report asked; another dismissal while that report is on its way.
    state.hide(a);
    const second = state.refresh(project);
    state.hide(b);
    expect(state.findings).toEqual([]);
    // The report was made after the first change only: the second stays hidden.
    core.answer(report([b]));
    await second;
    expect(state.findings).toEqual([]);

    // A report asked after the second change shows what the core says.
    const third = state.refresh(project);
    core.answer(report([b]));
    await third;
    expect(state.findings).toEqual([b]);
  });

  it("shows a finding again when what was done to it failed", async () => {
    const core = answers();
    const state = new CoachState(core.fetch);
    const a = finding("one", 1);
    const first = state.refresh(project);
    core.answer(report([a]));
    await first;
    state.hide(a);
    expect(state.findings).toEqual([]);
    state.unhide(a);
    expect(state.findings).toEqual([a]);
  });
});
