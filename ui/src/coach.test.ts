// The live coaching UI through the real App, against the real core's coach (crates/test-server):
// the Coach tab (score, checklist, grouped and filtered advice, fixes, dismissals), the
// inspector's underlines and advice, the badges on cards, and that every answer shown is
// the latest one asked for. What the coach says (rules, levels, ranges, fixes, reasons, the
// score) is taken from the core's own report; the fixture's words are ones it raises.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import App from "./App.svelte";
import type { AppError, Edit, Finding, Level, OpenedProject, Report } from "./lib/bindings";
import * as backend from "./lib/backend";
import { block, opened, section } from "./test/fixtures";
import { connect, heldBack, projectFile, real, useRealCore, type RealCore } from "./test/backend";
import { reasonBesides } from "./lib/coach";

vi.mock("./lib/backend", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./lib/backend")>()),
  ...(await import("./test/backend")).mockedFunctions,
}));

useRealCore();

const applyEdit = vi.mocked(backend.applyEdit);
const coachReport = vi.mocked(backend.coachReport);
const coachBlock = vi.mocked(backend.coachBlock);

// An emoji (two UTF-16 units, one character for the core) and an accent before the flagged words.
const FOCUS_BODY = "🚀 Café teams: social media will connect us.";
const focus = block({ id: 1, kind: "benefit", title: "Sharper focus", body: FOCUS_BODY });
const ideas = block({ id: 2, kind: "metric", title: "Ideas submitted", number: 1200, unit: "ideas", body: "This might help. We can leverage the pilot." });
const acme = block({ id: 3, kind: "story", title: "Acme did it", body: "Acme ran it for a year.", relation: "peer" });
const spare = block({ id: 4, kind: "benefit", title: "Happier teams with social media" });

function project(): OpenedProject {
  return opened("/home/ana/Pilot.casewright", {
    title: "Four-day week pilot",
    audience: "The Board",
    sections: [
      section({ id: 10, title: "Opportunity", blocks: [focus, ideas] }),
      section({ id: 20, title: "Proof", blocks: [acme] }),
      section({ id: 30, title: "Start small" }),
    ],
    library: [spare],
  });
}

/** Where `excerpt` is in `text`, counted in code points as the core counts. */
function charsBefore(text: string, excerpt: string): number {
  return Array.from(text.slice(0, text.indexOf(excerpt))).length;
}

let core: RealCore;

async function start(initial = project()) {
  core = await connect(backend, initial);
  render(App);
  await screen.findByTestId("storyboard");
}

const coachTab = () => screen.getByRole("tab", { name: /^Coach/ });
const inspectorTab = () => screen.getByRole("tab", { name: "Inspector" });
const panel = () => screen.getByTestId("coach");
const inspector = () => screen.getByTestId("inspector");
/** The advice rows in `within_`; by default the Coach tab's open advice (not the dismissed). */
const rows = (within_?: HTMLElement) =>
  within_ ? within(within_).queryAllByTestId("finding") : within(panel()).queryAllByTestId("finding-group").flatMap((g) => within(g).queryAllByTestId("finding"));
const row = (text: string | RegExp, within_?: HTMLElement) => {
  const found = rows(within_).filter((r) => (typeof text === "string" ? r.textContent?.includes(text) : text.test(r.textContent ?? "")));
  if (found.length !== 1) throw new Error(`${found.length} rows say ${text}`);
  return found[0];
};
const card = (title: string) => screen.getAllByTestId("block").find((c) => within(c).getByTestId("block-title").textContent?.trim() === title)!;
const lastEdit = () => applyEdit.mock.calls[applyEdit.mock.calls.length - 1]?.[0] as Edit;
const announcer = () => screen.getByTestId("announcer");
/** The core's report as the UI last received it. */
const report = () => core.answered("coach_report").at(-1) as Report;
/** The finding of `rule` (without the pack's prefix) in the core's last report. */
const finding = (rule: string) => {
  const found = report().findings.filter((f) => f.rule.endsWith(`.${rule}`));
  if (found.length !== 1) throw new Error(`the core's report has ${found.length} findings of ${rule}`);
  return found[0];
};
const RANK: Record<Level, number> = { error: 3, warning: 2, suggestion: 1 };
const worst = (findings: Finding[]) => findings.reduce<Level | null>((w, f) => (w === null || RANK[f.level] > RANK[w] ? f.level : w), null);

async function openCoach() {
  await fireEvent.click(coachTab());
  await within(panel()).findAllByTestId("finding");
}

beforeEach(() => {
  vi.clearAllMocks();
});

describe("the Coach tab", () => {
  it("shows the readiness score with each check, its weight and its reason", async () => {
    await start();
    await fireEvent.click(coachTab());
    const score = await within(panel()).findByTestId("readiness-score");
    const told = report();
    // The weights of the checks passed: outcomes in numbers, a case study, a peer.
    const passed = told.checks.filter((c) => c.passed);
    expect(passed.map((c) => c.id)).toEqual(["quantified-outcome", "case-study", "peer-case"]);
    expect(told.score).toBe(passed.reduce((sum, c) => sum + c.weight, 0));
    expect(score).toHaveTextContent(String(told.score));
    expect(within(panel()).getByText(`${passed.length} of ${told.checks.length} checks pass`)).toBeInTheDocument();
    const checks = within(panel()).getAllByTestId("check");
    // What would raise the score comes first, each part in the core's order.
    expect(checks.map((c) => c.dataset.check)).toEqual([...told.checks.filter((c) => !c.passed), ...passed].map((c) => c.id));
    const peerCheck = told.checks.find((c) => c.id === "peer-case")!;
    const peer = checks.find((c) => c.dataset.check === "peer-case")!;
    expect(peer).toHaveClass("passed");
    expect(peer).toHaveTextContent("A peer or a competitor");
    expect(peer).toHaveTextContent(`+${peerCheck.weight}`);
    expect(peer).toHaveTextContent(reasonBesides(peerCheck.reason, peerCheck.evidence));
    const askCheck = told.checks.find((c) => c.id === "ask")!;
    const ask = checks.find((c) => c.dataset.check === "ask")!;
    expect(ask).not.toHaveClass("passed");
    expect(ask).toHaveTextContent(`+${askCheck.weight}`);
    expect(ask).toHaveTextContent(reasonBesides(askCheck.reason, askCheck.evidence));

    // The checklist folds away and stays folded when the tab is left and opened again.
    await fireEvent.click(within(panel()).getByRole("button", { name: "Hide the checklist" }));
    const toggle = within(panel()).getByRole("button", { name: "Show the checklist" });
    expect(document.getElementById(toggle.getAttribute("aria-controls")!)).not.toBeVisible();
    await fireEvent.click(inspectorTab());
    await fireEvent.click(coachTab());
    expect(within(panel()).getByRole("button", { name: "Show the checklist" })).toHaveAttribute("aria-expanded", "false");
  });

  it("groups the advice: the whole storyboard first (worst first), then each section in storyboard order", async () => {
    await start();
    await openCoach();
    const groups = within(panel()).getAllByTestId("finding-group");
    const told = report().findings;
    // Only Opportunity has advice of its own (the core gives none on an empty section).
    expect(groups.map((g) => within(g).getByTestId("group-title").textContent)).toEqual(["Whole storyboard", "Opportunity"]);
    const whole = told.filter((f) => f.section === null);
    expect(whole.map((f) => f.level)).toContain("error");
    expect(whole.map((f) => f.level)).toContain("warning");
    // Worst first, in the core's order within a level.
    expect(rows(groups[0]).map((r) => r.dataset.rule)).toEqual([...whole].sort((a, b) => RANK[b.level] - RANK[a.level]).map((f) => f.rule));
    expect(rows(groups[1]).map((r) => r.dataset.rule)).toEqual(told.filter((f) => f.section === 0).map((f) => f.rule));
    expect(rows(groups[1]).map((r) => r.dataset.rule!.split(".").slice(1).join("."))).toEqual(["structure.concreteness", "tool-talk.social-media", "concept.hedging", "concept.leverage"]);

    // A finding shows its level, its message, the words in context and the block.
    const social = row("names a tool");
    expect(social).toHaveAttribute("data-level", "warning");
    expect(social).toHaveTextContent("Warning:");
    expect(within(social).getByTestId("finding-context")).toHaveTextContent(FOCUS_BODY);
    expect(within(social).getByTestId("finding-context").querySelector("mark")).toHaveTextContent("social media");
    expect(within(social).getByTestId("finding-block")).toHaveTextContent("Sharper focus");
    // The library is not linted: its block's "social media" has no advice.
    expect(rows().some((r) => r.textContent?.includes("Happier teams"))).toBe(false);
  });

  it("filters by level, with the count of each", async () => {
    await start();
    await openCoach();
    const filters = within(panel()).getByRole("group", { name: "Show advice of one level" });
    const button = (name: RegExp) => within(filters).getByRole("button", { name });
    const told = report().findings;
    const of = (level: Level) => told.filter((f) => f.level === level);
    expect(of("error").length).toBeGreaterThan(0);
    expect(of("warning").length).toBeGreaterThan(0);
    expect(of("suggestion").length).toBeGreaterThan(0);
    expect(button(/^All/)).toHaveTextContent(`All${told.length}`);
    expect(button(/^Errors/)).toHaveTextContent(`Errors${of("error").length}`);
    expect(button(/^Warnings/)).toHaveTextContent(`Warnings${of("warning").length}`);
    expect(button(/^Suggestions/)).toHaveTextContent(`Suggestions${of("suggestion").length}`);
    expect(button(/^All/)).toHaveAttribute("aria-pressed", "true");

    await fireEvent.click(button(/^Errors/));
    expect(button(/^Errors/)).toHaveAttribute("aria-pressed", "true");
    expect(rows().map((r) => r.dataset.rule)).toEqual(of("error").map((f) => f.rule));
    await fireEvent.click(button(/^Warnings/));
    expect(rows().map((r) => r.dataset.level)).toEqual(of("warning").map(() => "warning"));
    // The board-wide warnings and the tool-talk in Opportunity.
    expect(within(panel()).getAllByTestId("group-title").map((t) => t.textContent)).toEqual(["Whole storyboard", "Opportunity"]);
    await fireEvent.click(button(/^Suggestions/));
    expect(rows()).toHaveLength(of("suggestion").length);
    await fireEvent.click(button(/^All/));
    expect(rows()).toHaveLength(told.length);
  });

  it("counts the open advice on the tab, coloured by the worst level, and on each card", async () => {
    await start();
    const badge = await within(coachTab()).findByTestId("coach-count");
    const told = report().findings;
    expect(worst(told)).toBe("error");
    expect(badge).toHaveTextContent(new RegExp(`^${told.length}`));
    expect(badge).toHaveAttribute("data-level", "error");
    expect(coachTab()).toHaveAccessibleName(new RegExp(`^Coach\\s*${told.length}: ${told.length} pieces of advice, the worst an error$`));
    const onFocus = told.filter((f) => f.blockId === core.block("Sharper focus").id);
    expect(onFocus).toHaveLength(2);
    expect(worst(onFocus)).toBe("warning");
    const focusBadge = within(card("Sharper focus")).getByTestId("advice-badge");
    expect(focusBadge).toHaveTextContent("2");
    expect(focusBadge).toHaveAttribute("data-level", "warning");
    expect(worst(told.filter((f) => f.blockId === core.block("Ideas submitted").id))).toBe("suggestion");
    expect(within(card("Ideas submitted")).getByTestId("advice-badge")).toHaveAttribute("data-level", "suggestion");
    expect(within(card("Acme did it")).queryByTestId("advice-badge")).toBeNull();
    expect(within(card("Happier teams with social media")).queryByTestId("advice-badge")).toBeNull();
    expect(card("Sharper focus")).toHaveAccessibleName("Benefit: Sharper focus, 2 pieces of advice");
  });

  it("says so when there is no advice, with the score", async () => {
    // The bundled sample, each benefit's headline given a number and its one long sentence split:
    // the real coach has nothing to say about it.
    const sample = structuredClone((await connect(backend, null)).initial);
    for (const b of sample.project.sections.flatMap((s) => s.blocks)) {
      if (b.kind === "benefit") b.title = `${b.title} by 20%`;
      if (b.body.startsWith("We start with the 85")) b.body = "We start with the 85 engineers at Plant 2. They already help each other, and their problems are easy to count.";
    }
    await start(sample);
    await fireEvent.click(coachTab());
    const empty = await within(panel()).findByTestId("coach-empty");
    expect(report().findings).toEqual([]);
    expect(empty).toHaveTextContent("No advice right now");
    expect(empty).toHaveTextContent(`Readiness is ${report().score} out of 100.`);
    expect(within(coachTab()).queryByTestId("coach-count")).toBeNull();
  });

  it("shows why the report failed, and asks again on Try again", async () => {
    core = await connect(backend, project());
    // Planted: no outside cause makes the coach fail to read an open project (the test server's fail-next).
    await core.failNext("coach_report", { code: "io", message: "the project file could not be read" });
    render(App);
    await screen.findByTestId("storyboard");
    await fireEvent.click(coachTab());
    const problem = await within(panel()).findByTestId("coach-error");
    expect(problem).toHaveTextContent("The coach could not read the storyboard. the project file could not be read");
    await fireEvent.click(within(problem).getByRole("button", { name: "Try again" }));
    await within(panel()).findAllByTestId("finding");
    expect(within(panel()).queryByTestId("coach-error")).toBeNull();
    expect(coachReport).toHaveBeenCalledTimes(2);
  });
});

describe("tabs", () => {
  it("are WAI-ARIA tabs: arrow keys, Home and End move and show, one tab stop", async () => {
    await start();
    const tablist = screen.getByRole("tablist", { name: "Inspector, coach and preview" });
    const previewTab = () => screen.getByRole("tab", { name: "Preview" });
    expect(within(tablist).getAllByRole("tab")).toEqual([inspectorTab(), coachTab(), previewTab()]);
    expect(inspectorTab()).toHaveAttribute("aria-selected", "true");
    expect(inspectorTab()).toHaveAttribute("tabindex", "0");
    expect(coachTab()).toHaveAttribute("tabindex", "-1");
    expect(inspectorTab()).toHaveAttribute("aria-controls", inspector().id);
    expect(inspector()).toHaveAttribute("aria-labelledby", inspectorTab().id);
    expect(panel()).not.toBeVisible();

    inspectorTab().focus();
    await fireEvent.keyDown(inspectorTab(), { key: "ArrowRight" });
    await waitFor(() => expect(coachTab()).toHaveFocus());
    expect(coachTab()).toHaveAttribute("aria-selected", "true");
    expect(coachTab()).toHaveAttribute("tabindex", "0");
    expect(inspectorTab()).toHaveAttribute("tabindex", "-1");
    expect(panel()).toBeVisible();
    expect(inspector()).not.toBeVisible();

    await fireEvent.keyDown(coachTab(), { key: "ArrowRight" });
    await waitFor(() => expect(previewTab()).toHaveFocus());
    expect(previewTab()).toHaveAttribute("aria-selected", "true");
    await fireEvent.keyDown(previewTab(), { key: "ArrowRight" });
    await waitFor(() => expect(inspectorTab()).toHaveFocus());
    await fireEvent.keyDown(inspectorTab(), { key: "ArrowLeft" });
    await waitFor(() => expect(previewTab()).toHaveFocus());
    await fireEvent.keyDown(previewTab(), { key: "ArrowLeft" });
    await waitFor(() => expect(coachTab()).toHaveFocus());
    await fireEvent.keyDown(coachTab(), { key: "Home" });
    await waitFor(() => expect(inspectorTab()).toHaveFocus());
    expect(inspectorTab()).toHaveAttribute("aria-selected", "true");
    await fireEvent.keyDown(inspectorTab(), { key: "End" });
    await waitFor(() => expect(previewTab()).toHaveFocus());
    expect(previewTab()).toHaveAttribute("aria-selected", "true");
  });

  it("shows the inspector again when a block is opened with Enter or a new block is added", async () => {
    await start();
    await fireEvent.click(coachTab());
    card("Acme did it").focus();
    await fireEvent.keyDown(card("Acme did it"), { key: "Enter" });
    await waitFor(() => expect(inspectorTab()).toHaveAttribute("aria-selected", "true"));
    await waitFor(() => expect(within(inspector()).getByLabelText("Title")).toHaveFocus());
  });
});

describe("acting on advice", () => {
  it("applies a fix with one click: the exact ApplyFix edit in code points, then the text and the advice change", async () => {
    await start();
    await openCoach();
    const social = row("names a tool");
    const told = finding("tool-talk.social-media");
    const [fix] = told.fixes.map((f) => f.replacement);
    await fireEvent.click(within(social).getByRole("button", { name: `Use “${fix}” instead of “social media”` }));

    const start_ = charsBefore(FOCUS_BODY, "social media");
    // The emoji is two UTF-16 units but one character for the core: its range, as the core gave it.
    expect(start_).toBe(FOCUS_BODY.indexOf("social media") - 1);
    expect([told.start, told.end]).toEqual([start_, start_ + 12]);
    expect(lastEdit()).toEqual({
      op: "applyFix",
      blockId: core.block("Sharper focus").id,
      field: "body",
      start: start_,
      end: start_ + 12,
      excerpt: "social media",
      replacement: fix,
    });
    const fixed = FOCUS_BODY.replace("social media", fix);
    await waitFor(() => expect(within(card("Sharper focus")).getByText(fixed)).toBeInTheDocument());
    // The report asked for after the edit.
    await waitFor(() => expect(core.answered("coach_report")).toHaveLength(2));
    await waitFor(() => expect(rows().some((r) => r.dataset.rule === told.rule)).toBe(false));
    await waitFor(() => expect(announcer()).toHaveTextContent(`Replaced “social media” with “${fix}” in “Sharper focus”.`));
    expect(report().findings.some((f) => f.rule === told.rule)).toBe(false);
    expect(within(coachTab()).getByTestId("coach-count")).toHaveTextContent(new RegExp(`^${report().findings.length}`));
  });

  it("asks for the report again after every edit, undo and redo", async () => {
    await start();
    await openCoach();
    await waitFor(() => expect(coachReport).toHaveBeenCalledTimes(1));
    await fireEvent.click(within(row("names a tool")).getAllByTestId("fix")[1]);
    await waitFor(() => expect(coachReport).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(rows().some((r) => r.dataset.rule === "outcomes.tool-talk.social-media")).toBe(false));

    await fireEvent.keyDown(window, { key: "z", ctrlKey: true });
    await waitFor(() => expect(coachReport).toHaveBeenCalledTimes(3));
    await waitFor(() => expect(row("names a tool")).toBeInTheDocument());
    expect(within(card("Sharper focus")).getByText(FOCUS_BODY)).toBeInTheDocument();

    await fireEvent.keyDown(window, { key: "z", ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(coachReport).toHaveBeenCalledTimes(4));
    await waitFor(() => expect(rows().some((r) => r.dataset.rule === "outcomes.tool-talk.social-media")).toBe(false));
  });

  it("asks for the report on a project opened from the file menu, and drops the old one's", async () => {
    const other = await projectFile(
      opened("/home/ana/Other.casewright", {
        title: "Other",
        sections: [section({ id: 50, title: "Elsewhere", blocks: [block({ id: 51, kind: "story", title: "Web 2.0 at Acme", relation: "peer" })] })],
      }),
    );
    await start();
    await openCoach();
    await core.dialog(other);
    await fireEvent.click(document.querySelector<HTMLButtonElement>("#open-project")!);
    await waitFor(() => expect(coachReport).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(within(panel()).getAllByTestId("group-title").map((t) => t.textContent)).toEqual(["Whole storyboard", "Elsewhere"]));
    expect(report().findings.map((f) => f.rule)).toContain("outcomes.tool-talk.web-2");
    expect(row("dated jargon")).toHaveTextContent("Web 2.0 at Acme");
  });

  it("shows the core's refusal of advice on text that changed since, and asks for the report again", async () => {
    await start();
    await openCoach();
    // Another window (or the CLI) changed the text after the report was made.
    const changed = "Now social media will connect us all.";
    await core.invoke("apply_edit", { edit: { op: "updateBlock", block: { ...core.block("Sharper focus"), body: changed } } });
    await fireEvent.click(within(row("names a tool")).getAllByTestId("fix")[0]);
    const alert = await screen.findByRole("alert");
    const refusal = core.refusals().find((r) => r.command === "apply_edit")!.error as AppError;
    expect(refusal.message).toContain("social media");
    expect(alert).toHaveTextContent("Could not apply the suggestion.");
    expect(alert).toHaveAttribute("data-code", refusal.code);
    expect(alert).toHaveTextContent(refusal.message);
    await waitFor(() => expect(coachReport).toHaveBeenCalledTimes(2));
    // The new report has the advice, at its new place.
    await waitFor(() => expect(within(row("names a tool")).getByTestId("finding-context")).toHaveTextContent(changed));
    expect(finding("tool-talk.social-media").start).toBe(changed.indexOf("social media"));
  });

  it("says why tool-talk was raised, and dismisses it as not tool-talk in this block", async () => {
    await start();
    await openCoach();
    expect(within(row("names a tool")).getByTestId("finding-reason")).toHaveTextContent(finding("tool-talk.social-media").reason!);
    // The coach's reason for the hedge too, as it gave it.
    expect(within(row("weakens the claim")).getByTestId("finding-reason")).toHaveTextContent(finding("concept.hedging").reason!);
    await fireEvent.click(within(row("names a tool")).getByRole("button", { name: "Not tool-talk here" }));
    expect(lastEdit()).toEqual({ op: "dismissFinding", blockId: core.block("Sharper focus").id, rule: "outcomes.tool-talk.social-media" });
  });

  it("dismisses advice for one block and restores it from Dismissed", async () => {
    await start();
    await openCoach();
    await fireEvent.click(within(row("weakens the claim")).getByRole("button", { name: "Dismiss for this block" }));
    expect(lastEdit()).toEqual({ op: "dismissFinding", blockId: core.block("Ideas submitted").id, rule: "outcomes.concept.hedging" });
    expect(rows().some((r) => r.dataset.rule === "outcomes.concept.hedging")).toBe(false);
    await waitFor(() => expect(announcer()).toHaveTextContent("Dismissed the advice on “might” for “Ideas submitted”."));

    const toggle = await within(panel()).findByRole("button", { name: "Dismissed (1)" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    await fireEvent.click(toggle);
    const dismissed = within(panel()).getByRole("region", { name: "Dismissed advice" });
    const hedging = row("weakens the claim", dismissed);
    await fireEvent.click(within(hedging).getByRole("button", { name: "Restore" }));
    expect(lastEdit()).toEqual({ op: "restoreFinding", blockId: core.block("Ideas submitted").id, rule: "outcomes.concept.hedging" });
    await waitFor(() => expect(within(panel()).queryByRole("region", { name: "Dismissed advice" })).toBeNull());
    await waitFor(() => expect(row("weakens the claim")).toBeInTheDocument());
    await waitFor(() => expect(announcer()).toHaveTextContent("Restored the advice on “might” for “Ideas submitted”."));
  });

  it("explains why on request", async () => {
    await start();
    await openCoach();
    const social = row("names a tool");
    const why = within(social).getByRole("button", { name: "Why?" });
    expect(within(social).getByText(/hears “social media” as a risk/)).not.toBeVisible();
    await fireEvent.click(why);
    expect(why).toHaveAttribute("aria-expanded", "true");
    expect(within(social).getByText(/hears “social media” as a risk/)).toBeVisible();
  });

  it("moves focus to the advice that took the place of the one acted on", async () => {
    await start();
    await openCoach();
    const dismiss = within(row("weakens the claim")).getByRole("button", { name: "Dismiss for this block" });
    dismiss.focus();
    await fireEvent.click(dismiss);
    await waitFor(() => expect(row("plain words land better").contains(document.activeElement)).toBe(true));
  });
});

describe("from the Coach tab to the text", () => {
  it("selects the block, shows the inspector and selects the flagged words", async () => {
    await start();
    await openCoach();
    await fireEvent.click(within(row("names a tool")).getByRole("button", { name: /names a tool/ }));
    await waitFor(() => expect(inspectorTab()).toHaveAttribute("aria-selected", "true"));
    expect(card("Sharper focus")).toHaveAttribute("aria-current", "true");
    const body = within(inspector()).getByLabelText("Explanation") as HTMLTextAreaElement;
    await waitFor(() => expect(body).toHaveFocus());
    expect(body.value.slice(body.selectionStart, body.selectionEnd)).toBe("social media");
  });

  it("shows what supplied each check, or the advice that only recommended it, and Show it selects that sentence", async () => {
    const plan = block({ id: 5, kind: "benefit", title: "Start small", body: "🚀 Café teams first. We will pilot it at Plant 2 for 16 weeks. Consider a clear ask." });
    await start(opened("/home/ana/Plan.casewright", { title: "Plan", sections: [section({ id: 10, title: "Opportunity", blocks: [plan, acme] })] }));
    await fireEvent.click(coachTab());
    await within(panel()).findAllByTestId("check");
    const check = (id: string) => within(panel()).getAllByTestId("check").find((c) => c.dataset.check === id)!;
    /** The check's reason as the core gave it, without the quote the checklist shows on its own line. */
    const reason = (id: string) => {
      const told = report().checks.find((c) => c.id === id)!;
      return reasonBesides(told.reason, told.evidence);
    };
    const evidence = (id: string) => report().checks.find((c) => c.id === id)!.evidence;

    // A sentence after an emoji: quoted, with its block and section; the reason no longer repeats it.
    expect(evidence("pilot")).toMatchObject({ excerpt: "We will pilot it at Plant 2 for 16 weeks.", field: "body", blockId: core.block("Start small").id });
    const pilot = check("pilot");
    expect(pilot).toHaveTextContent(`${reason("pilot")} Supplied by: “We will pilot it at Plant 2 for 16 weeks.” In the benefit Start small, in the section · Opportunity`);
    expect(pilot).not.toHaveTextContent(`${reason("pilot")}: “We will`);
    expect(within(pilot).getByTestId("check-evidence")).toHaveAttribute("data-state", "supplied");
    // A block that supplied it by its structure.
    expect(evidence("peer-case")).toMatchObject({ excerpt: "Acme did it", field: null, blockId: core.block("Acme did it").id });
    expect(check("peer-case")).toHaveTextContent(`${reason("peer-case")} Supplied by the story “Acme did it” In the section Opportunity`);
    // Advice only: not passed, and said so.
    expect(evidence("ask")).toMatchObject({ excerpt: "Consider a clear ask." });
    const ask = check("ask");
    expect(ask).not.toHaveClass("passed");
    expect(ask).toHaveTextContent(`${reason("ask")} Only advised: “Consider a clear ask.” — a recommendation does not count; supply it.`);
    expect(within(ask).getByRole("button", { name: "Show it: where ‘A clear ask’ is only advised" })).toBeInTheDocument();
    // Nothing at all: the reason alone.
    expect(within(check("urgency")).queryByTestId("check-evidence")).toBeNull();

    await fireEvent.click(within(pilot).getByRole("button", { name: "Show it: where ‘A pilot’ is supplied" }));
    await waitFor(() => expect(inspectorTab()).toHaveAttribute("aria-selected", "true"));
    expect(card("Start small")).toHaveAttribute("aria-current", "true");
    const body = within(inspector()).getByLabelText("Explanation") as HTMLTextAreaElement;
    await waitFor(() => expect(body).toHaveFocus());
    expect(body.value.slice(body.selectionStart, body.selectionEnd)).toBe("We will pilot it at Plant 2 for 16 weeks.");
  });

});

describe("in the inspector", () => {
  const body = () => within(inspector()).getByLabelText(/^Explanation/) as HTMLTextAreaElement;
  const marks = () => Array.from(body().parentElement!.querySelectorAll<HTMLElement>("mark"));
  const advice = () => within(inspector()).getByTestId("block-advice");

  it("underlines the flagged words (in UTF-16 units) and lists the block's advice with its fixes", async () => {
    await start();
    await fireEvent.click(card("Sharper focus"));
    await waitFor(() => expect(marks()).toHaveLength(1));
    const [mark] = marks();
    expect(mark).toHaveTextContent("social media");
    expect(mark).toHaveClass("warning");
    expect(Number(mark.dataset.start)).toBe(FOCUS_BODY.indexOf("social media"));
    // The mirror holds the text exactly, so the marks sit under the same characters.
    expect(mark.parentElement!.textContent).toBe(FOCUS_BODY);
    const title = within(inspector()).getByLabelText("Headline").parentElement!.querySelectorAll("mark");
    expect(Array.from(title).map((m) => [m.textContent, m.className.includes("suggestion")])).toEqual([["Sharper focus", true]]);
    expect(rows(advice()).map((r) => r.dataset.rule)).toEqual(["outcomes.structure.concreteness", "outcomes.tool-talk.social-media"]);
    expect(within(advice()).getByRole("heading")).toHaveTextContent("2 pieces of advice");
  });

  it("underlines follow the typing at once, and the live coach's answer replaces them", async () => {
    await start();
    await fireEvent.click(card("Sharper focus"));
    await waitFor(() => expect(marks()).toHaveLength(1));
    const typed = `Synergy! ${FOCUS_BODY}`;
    await fireEvent.input(body(), { target: { value: typed } });
    // Before any answer: the known underline moved with the text.
    expect(Number(marks()[0].dataset.start)).toBe(typed.indexOf("social media"));
    await waitFor(() => expect(coachBlock).toHaveBeenLastCalledWith(expect.objectContaining({ id: core.block("Sharper focus").id, body: typed })));
    // The live coach's answer on the draft (as the core gave it) replaces them: the buzzword too.
    await waitFor(() => expect(core.answered("coach_block").length).toBeGreaterThan(0));
    const live = () => core.answered("coach_block").at(-1) as Finding[];
    await waitFor(() => expect(marks().map((m) => m.textContent)).toEqual(live().filter((f) => f.field === "body").map((f) => f.excerpt)));
    expect(marks().map((m) => m.textContent)).toEqual(["Synergy", "social media"]);
    // The title's advice first, then the body's in the order of the text.
    expect(rows(advice()).map((r) => r.dataset.rule)).toEqual(["outcomes.structure.concreteness", "outcomes.concept.buzzwords", "outcomes.tool-talk.social-media"]);
    expect(live().map((f) => f.rule).sort()).toEqual(rows(advice()).map((r) => r.dataset.rule).sort());
  });

  it("a fix from the list, after typing an emoji before the words, sends offsets on the text as typed", async () => {
    await start();
    await fireEvent.click(card("Sharper focus"));
    await waitFor(() => expect(marks()).toHaveLength(1));
    const typed = `🎯 ${FOCUS_BODY}`;
    await fireEvent.input(body(), { target: { value: typed } });
    // The live coach has not answered yet: the report's advice moved with the typing.
    await fireEvent.click(within(row("names a tool", advice())).getByRole("button", { name: /^Use “faster answers”/ }));
    await waitFor(() => expect(applyEdit).toHaveBeenCalledTimes(2));
    const sent = applyEdit.mock.calls.map(([edit]) => edit);
    expect(sent).toEqual([
      { op: "updateBlock", block: { ...core.block("Sharper focus"), body: typed } },
      {
        op: "applyFix",
        blockId: core.block("Sharper focus").id,
        field: "body",
        start: charsBefore(typed, "social media"),
        end: charsBefore(typed, "social media") + 12,
        excerpt: "social media",
        replacement: "faster answers",
      },
    ]);
    const fixed = `🎯 ${FOCUS_BODY.replace("social media", "faster answers")}`;
    await waitFor(() => expect(body().value).toBe(fixed));
    expect(core.project().sections[0].blocks[0].body).toBe(fixed);
    expect(core.refusals()).toEqual([]);
  });

  it("keeps a block's dismissed rules when the inspector saves it, and hides their advice", async () => {
    await start();
    await fireEvent.click(card("Ideas submitted"));
    await waitFor(() => expect(rows(advice()).map((r) => r.dataset.rule)).toEqual(["outcomes.concept.hedging", "outcomes.concept.leverage"]));
    // The dismissal's reply is held back: the label is saved while it is still on its way.
    const dismissal = heldBack(real.applyEdit);
    applyEdit.mockImplementationOnce(dismissal.fn);
    await fireEvent.click(within(row("weakens the claim", advice())).getByRole("button", { name: "Dismiss for this block" }));
    await waitFor(() => expect(rows(advice()).map((r) => r.dataset.rule)).toEqual(["outcomes.concept.leverage"]));
    await fireEvent.input(within(inspector()).getByLabelText("Label"), { target: { value: "Ideas logged" } });
    await fireEvent.blur(within(inspector()).getByLabelText("Label"));
    expect(lastEdit().op).toBe("dismissFinding");
    dismissal.release();
    // Sent once the dismissal's reply is in (one edit at a time), over the block as it then is.
    await waitFor(() => expect(lastEdit().op).toBe("updateBlock"));
    expect(lastEdit()).toEqual({ op: "updateBlock", block: { ...core.block("Ideas submitted"), title: "Ideas logged", dismissed: ["outcomes.concept.hedging"] } });
    expect(marks().map((m) => m.textContent)).toEqual(["leverage"]);
    await waitFor(() => expect(core.answered("apply_edit")).toHaveLength(2));
    expect((await core.current()).project.sections[0].blocks[1].dismissed).toEqual(["outcomes.concept.hedging"]);
  });

  it("says that library blocks get no advice", async () => {
    await start();
    await fireEvent.click(card("Happier teams with social media"));
    expect(within(inspector()).getByText("The coach reads the storyboard: place this block in a section to get advice on it.")).toBeInTheDocument();
    expect(within(inspector()).queryByTestId("block-advice")).toBeNull();
  });
});

describe("only the latest answer is shown", () => {
  it("drops a report that arrives after a later one", async () => {
    // A story of a peer in the library: placing it adds a case study and a peer to the score.
    const initial = project();
    initial.project.sections[1].blocks = [];
    initial.project.library.push(block({ id: 6, kind: "story", title: "Beta did it too", body: "Beta ran it for a year.", relation: "peer" }));
    await start(initial);
    await waitFor(() => expect(coachReport).toHaveBeenCalledTimes(1));
    const slow = heldBack(real.coachReport);
    const fast = heldBack(real.coachReport);
    coachReport.mockImplementationOnce(slow.fn).mockImplementationOnce(fast.fn);
    // Two changes, two reports asked for (each made by the core as things stood); the first one answers last.
    await fireEvent.click(within(card("Beta did it too")).getByRole("button", { name: /^Move/ }));
    await fireEvent.click(screen.getByRole("menuitem", { name: /^Proof/ }));
    await waitFor(() => expect(coachReport).toHaveBeenCalledTimes(2));
    await fireEvent.click(document.querySelector<HTMLButtonElement>("#undo")!);
    await waitFor(() => expect(coachReport).toHaveBeenCalledTimes(3));
    await fireEvent.click(coachTab());
    fast.release();
    const latest = await fast.delivered;
    await waitFor(() => expect(within(panel()).getByTestId("readiness-score")).toHaveTextContent(String(latest.score)));
    slow.release();
    // The older report (the story placed) scored differently, and is dropped.
    expect((await slow.delivered).score).not.toBe(latest.score);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(within(panel()).getByTestId("readiness-score")).toHaveTextContent(String(latest.score));
  });

  it("drops a live answer that arrives after a later one", async () => {
    await start();
    await fireEvent.click(card("Sharper focus"));
    const body = within(inspector()).getByLabelText("Explanation") as HTMLTextAreaElement;
    const marks = () => Array.from(body.parentElement!.querySelectorAll<HTMLElement>("mark")).map((m) => m.textContent);
    await waitFor(() => expect(marks()).toEqual(["social media"]));
    await waitFor(() => expect(coachBlock).toHaveBeenCalledTimes(1));
    const slow = heldBack(real.coachBlock);
    const fast = heldBack(real.coachBlock);
    coachBlock.mockImplementationOnce(slow.fn).mockImplementationOnce(fast.fn);

    const first = "Synergy today.";
    await fireEvent.input(body, { target: { value: first } });
    await waitFor(() => expect(coachBlock).toHaveBeenCalledTimes(2));
    const second = "Synergy and Web 2.0 today.";
    await fireEvent.input(body, { target: { value: second } });
    await waitFor(() => expect(coachBlock).toHaveBeenCalledTimes(3));

    fast.release();
    const webAnswer = await fast.delivered;
    expect(webAnswer.filter((f) => f.field === "body").map((f) => f.excerpt)).toEqual(["Synergy", "Web 2.0"]);
    await waitFor(() => expect(marks()).toEqual(["Synergy", "Web 2.0"]));
    slow.release();
    expect((await slow.delivered).filter((f) => f.field === "body").map((f) => f.excerpt)).toEqual(["Synergy"]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(marks()).toEqual(["Synergy", "Web 2.0"]);
  });
});
