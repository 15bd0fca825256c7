// The live coaching UI through the real App, against FakeCore's coach (harness/coach.ts):
// the Coach tab (score, checklist, grouped and filtered advice, fixes, dismissals), the
// inspector's underlines and advice, the badges on cards, and that every answer shown is
// the latest one asked for.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import App from "./App.svelte";
import type { Edit, Finding, OpenedProject, Report } from "./lib/bindings";
import * as backend from "./lib/backend";
import { block, opened, section } from "./test/fixtures";
import { connect, deferred } from "./test/backend";
import type { FakeCore } from "../harness/fake";

vi.mock("./lib/backend", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./lib/backend")>()),
  ...(await import("./test/backend")).mockedFunctions,
}));

const applyEdit = vi.mocked(backend.applyEdit);
const coachReport = vi.mocked(backend.coachReport);
const coachBlock = vi.mocked(backend.coachBlock);

// An emoji (two UTF-16 units, one character for the core) and an accent before the flagged words.
const FOCUS_BODY = "🚀 Café teams use social media daily.";
const focus = block({ id: 1, kind: "benefit", title: "Sharper focus", body: FOCUS_BODY });
const ideas = block({ id: 2, kind: "metric", title: "Ideas submitted", number: 1200, unit: "ideas", body: "We might leverage the pilot." });
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

let core: FakeCore;

async function start(initial = project()) {
  core = connect(backend, initial);
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
    // Outcomes in numbers 15 + a case study 10 + a peer 15 + a pilot 15.
    expect(score).toHaveTextContent("55");
    expect(within(panel()).getByText("4 of 8 checks pass")).toBeInTheDocument();
    const checks = within(panel()).getAllByTestId("check");
    // What would raise the score comes first.
    expect(checks.map((c) => c.dataset.check)).toEqual([
      "business-case",
      "success-measure",
      "ask",
      "urgency",
      "quantified-outcome",
      "case-study",
      "peer-case",
      "pilot",
    ]);
    const peer = checks.find((c) => c.dataset.check === "peer-case")!;
    expect(peer).toHaveClass("passed");
    expect(peer).toHaveTextContent("A peer or a competitor");
    expect(peer).toHaveTextContent("+15");
    expect(peer).toHaveTextContent("A peer or competitor has done it.");
    const ask = checks.find((c) => c.dataset.check === "ask")!;
    expect(ask).not.toHaveClass("passed");
    expect(ask).toHaveTextContent("+10");
    expect(ask).toHaveTextContent("No explicit ask: say what you want decided, by whom and when.");

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
    expect(groups.map((g) => within(g).getByTestId("group-title").textContent)).toEqual(["Whole storyboard", "Opportunity", "Start small"]);
    expect(rows(groups[0]).map((r) => r.dataset.rule)).toEqual(["structure.business-case", "structure.ask", "structure.success-measure", "structure.urgency"]);
    expect(rows(groups[1]).map((r) => r.dataset.rule)).toEqual(["structure.concreteness", "tool-talk.social-media", "concept.hedging", "concept.leverage"]);
    expect(rows(groups[2]).map((r) => r.dataset.rule)).toEqual(["structure.empty-section"]);

    // A finding shows its level, its message, the words in context and the block.
    const social = row("names a tool");
    expect(social).toHaveAttribute("data-level", "warning");
    expect(social).toHaveTextContent("Warning:");
    expect(within(social).getByTestId("finding-context")).toHaveTextContent("🚀 Café teams use social media daily.");
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
    expect(button(/^All/)).toHaveTextContent("All9");
    expect(button(/^Errors/)).toHaveTextContent("Errors2");
    expect(button(/^Warnings/)).toHaveTextContent("Warnings3");
    expect(button(/^Suggestions/)).toHaveTextContent("Suggestions4");
    expect(button(/^All/)).toHaveAttribute("aria-pressed", "true");

    await fireEvent.click(button(/^Errors/));
    expect(button(/^Errors/)).toHaveAttribute("aria-pressed", "true");
    expect(rows().map((r) => r.dataset.rule)).toEqual(["structure.business-case", "structure.ask"]);
    await fireEvent.click(button(/^Warnings/));
    expect(rows().map((r) => r.dataset.level)).toEqual(["warning", "warning", "warning"]);
    expect(within(panel()).getAllByTestId("group-title").map((t) => t.textContent)).toEqual(["Whole storyboard", "Opportunity"]);
    await fireEvent.click(button(/^Suggestions/));
    expect(rows()).toHaveLength(4);
    await fireEvent.click(button(/^All/));
    expect(rows()).toHaveLength(9);
  });

  it("counts the open advice on the tab, coloured by the worst level, and on each card", async () => {
    await start();
    const badge = await within(coachTab()).findByTestId("coach-count");
    expect(badge).toHaveTextContent(/^9/);
    expect(badge).toHaveAttribute("data-level", "error");
    expect(coachTab()).toHaveAccessibleName(/^Coach\s*9: 9 pieces of advice, the worst an error$/);
    const focusBadge = within(card("Sharper focus")).getByTestId("advice-badge");
    expect(focusBadge).toHaveTextContent("2");
    expect(focusBadge).toHaveAttribute("data-level", "warning");
    expect(within(card("Ideas submitted")).getByTestId("advice-badge")).toHaveAttribute("data-level", "suggestion");
    expect(within(card("Acme did it")).queryByTestId("advice-badge")).toBeNull();
    expect(within(card("Happier teams with social media")).queryByTestId("advice-badge")).toBeNull();
    expect(card("Sharper focus")).toHaveAccessibleName("Benefit: Sharper focus, 2 pieces of advice");
  });

  it("says so when there is no advice, with the score", async () => {
    await start(
      opened("/home/ana/Done.casewright", {
        title: "Done",
        sections: [
          section({
            id: 10,
            title: "All of it",
            blocks: [
              block({ id: 1, kind: "metric", title: "Savings now", number: 40, unit: "%", target: 50, body: "Cost savings; we ask you to approve the pilot." }),
              block({ id: 2, kind: "story", title: "A peer did it", relation: "peer" }),
            ],
          }),
        ],
      }),
    );
    await fireEvent.click(coachTab());
    const empty = await within(panel()).findByTestId("coach-empty");
    expect(empty).toHaveTextContent("No advice right now");
    expect(empty).toHaveTextContent("Readiness is 100 out of 100.");
    expect(within(coachTab()).queryByTestId("coach-count")).toBeNull();
  });

  it("shows why the report failed, and asks again on Try again", async () => {
    core = connect(backend, project());
    core.failCoachNext = { code: "io", message: "the project file could not be read" };
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
    await fireEvent.click(within(social).getByRole("button", { name: "Use “open conversations across teams” instead of “social media”" }));

    const start_ = charsBefore(FOCUS_BODY, "social media");
    // The emoji is two UTF-16 units but one character for the core.
    expect(start_).toBe(FOCUS_BODY.indexOf("social media") - 1);
    expect(lastEdit()).toEqual({
      op: "applyFix",
      blockId: 1,
      field: "body",
      start: start_,
      end: start_ + 12,
      excerpt: "social media",
      replacement: "open conversations across teams",
    });
    await waitFor(() => expect(within(card("Sharper focus")).getByText("🚀 Café teams use open conversations across teams daily.")).toBeInTheDocument());
    await waitFor(() => expect(rows().some((r) => r.dataset.rule === "tool-talk.social-media")).toBe(false));
    await waitFor(() => expect(announcer()).toHaveTextContent("Replaced “social media” with “open conversations across teams” in “Sharper focus”."));
    expect(within(coachTab()).getByTestId("coach-count")).toHaveTextContent(/^8/);
  });

  it("asks for the report again after every edit, undo and redo", async () => {
    await start();
    await openCoach();
    await waitFor(() => expect(coachReport).toHaveBeenCalledTimes(1));
    await fireEvent.click(within(row("names a tool")).getAllByTestId("fix")[1]);
    await waitFor(() => expect(coachReport).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(rows().some((r) => r.dataset.rule === "tool-talk.social-media")).toBe(false));

    await fireEvent.keyDown(window, { key: "z", ctrlKey: true });
    await waitFor(() => expect(coachReport).toHaveBeenCalledTimes(3));
    await waitFor(() => expect(row("names a tool")).toBeInTheDocument());
    expect(within(card("Sharper focus")).getByText(FOCUS_BODY)).toBeInTheDocument();

    await fireEvent.keyDown(window, { key: "z", ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(coachReport).toHaveBeenCalledTimes(4));
    await waitFor(() => expect(rows().some((r) => r.dataset.rule === "tool-talk.social-media")).toBe(false));
  });

  it("asks for the report on a project opened from the file menu, and drops the old one's", async () => {
    await start();
    await openCoach();
    const other = opened("/home/ana/Other.casewright", {
      title: "Other",
      sections: [section({ id: 50, title: "Elsewhere", blocks: [block({ id: 51, kind: "story", title: "Web 2.0 at Acme", relation: "peer" })] })],
    });
    vi.mocked(backend.openProjectDialog).mockImplementation(async () => {
      core = connect(backend, other);
      return core.opened();
    });
    await fireEvent.click(document.querySelector<HTMLButtonElement>("#open-project")!);
    await waitFor(() => expect(coachReport).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(within(panel()).getAllByTestId("group-title").map((t) => t.textContent)).toEqual(["Whole storyboard", "Elsewhere"]));
    expect(row("dated jargon")).toHaveTextContent("Web 2.0 at Acme");
  });

  it("shows the core's refusal of advice on text that changed since, and asks for the report again", async () => {
    await start();
    await openCoach();
    // Another window (or the CLI) changed the text after the report was made.
    core.project.sections[0].blocks[0].body = "We now use social media daily.";
    await fireEvent.click(within(row("names a tool")).getAllByTestId("fix")[0]);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Could not apply the suggestion.");
    expect(alert).toHaveAttribute("data-code", "invalid_edit");
    expect(alert).toHaveTextContent("the advice no longer fits the text: “social media” is not at characters 17–29 any more");
    await waitFor(() => expect(coachReport).toHaveBeenCalledTimes(2));
    // The new report has the advice, at its new place.
    await waitFor(() => expect(within(row("names a tool")).getByTestId("finding-context")).toHaveTextContent("We now use social media daily."));
  });

  it("says why tool-talk was raised, and dismisses it as not tool-talk in this block", async () => {
    await start();
    await openCoach();
    expect(within(row("names a tool")).getByTestId("finding-reason")).toHaveTextContent("“social media” names the tool or concept as the point");
    expect(within(row("weakens the claim")).queryByTestId("finding-reason")).toBeNull();
    await fireEvent.click(within(row("names a tool")).getByRole("button", { name: "Not tool-talk here" }));
    expect(lastEdit()).toEqual({ op: "dismissFinding", blockId: 1, rule: "tool-talk.social-media" });
  });

  it("dismisses advice for one block and restores it from Dismissed", async () => {
    await start();
    await openCoach();
    await fireEvent.click(within(row("weakens the claim")).getByRole("button", { name: "Dismiss for this block" }));
    expect(lastEdit()).toEqual({ op: "dismissFinding", blockId: 2, rule: "concept.hedging" });
    expect(rows().some((r) => r.dataset.rule === "concept.hedging")).toBe(false);
    await waitFor(() => expect(announcer()).toHaveTextContent("Dismissed the advice on “might” for “Ideas submitted”."));

    const toggle = await within(panel()).findByRole("button", { name: "Dismissed (1)" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    await fireEvent.click(toggle);
    const dismissed = within(panel()).getByRole("region", { name: "Dismissed advice" });
    const hedging = row("weakens the claim", dismissed);
    await fireEvent.click(within(hedging).getByRole("button", { name: "Restore" }));
    expect(lastEdit()).toEqual({ op: "restoreFinding", blockId: 2, rule: "concept.hedging" });
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

    // A sentence after an emoji: quoted, with its block and section; the reason no longer repeats it.
    const pilot = check("pilot");
    expect(pilot).toHaveTextContent("The case starts small, with a pilot. Supplied by: “We will pilot it at Plant 2 for 16 weeks.” In the benefit Start small, in the section · Opportunity");
    expect(within(pilot).getByTestId("check-evidence")).toHaveAttribute("data-state", "supplied");
    // A block that supplied it by its structure.
    expect(check("peer-case")).toHaveTextContent("A peer or competitor has done it. Supplied by the story “Acme did it” In the section Opportunity");
    // Advice only: not passed, and said so.
    const ask = check("ask");
    expect(ask).not.toHaveClass("passed");
    expect(ask).toHaveTextContent("No explicit ask: say what you want decided, by whom and when. Only advised: “Consider a clear ask.” — a recommendation does not count; supply it.");
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

  it("opens the section of section-wide advice", async () => {
    await start();
    await openCoach();
    await fireEvent.click(within(row("This section is empty")).getByRole("button", { name: /This section is empty/ }));
    await waitFor(() => expect(inspectorTab()).toHaveAttribute("aria-selected", "true"));
    expect(within(inspector()).getByText("Section 3")).toBeInTheDocument();
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
    expect(rows(advice()).map((r) => r.dataset.rule)).toEqual(["structure.concreteness", "tool-talk.social-media"]);
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
    await waitFor(() => expect(marks().map((m) => m.textContent)).toEqual(["Synergy", "social media"]));
    expect(coachBlock).toHaveBeenLastCalledWith(expect.objectContaining({ id: 1, body: typed }));
    expect(rows(advice()).map((r) => r.dataset.rule)).toEqual(["structure.concreteness", "concept.buzzwords", "tool-talk.social-media"]);
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
      { op: "updateBlock", block: { ...focus, body: typed } },
      {
        op: "applyFix",
        blockId: 1,
        field: "body",
        start: charsBefore(typed, "social media"),
        end: charsBefore(typed, "social media") + 12,
        excerpt: "social media",
        replacement: "faster answers",
      },
    ]);
    await waitFor(() => expect(body().value).toBe("🎯 🚀 Café teams use faster answers daily."));
    expect(core.project.sections[0].blocks[0].body).toBe("🎯 🚀 Café teams use faster answers daily.");
  });

  it("keeps a block's dismissed rules when the inspector saves it, and hides their advice", async () => {
    await start();
    await fireEvent.click(card("Ideas submitted"));
    await waitFor(() => expect(rows(advice()).map((r) => r.dataset.rule)).toEqual(["concept.hedging", "concept.leverage"]));
    await fireEvent.click(within(row("weakens the claim", advice())).getByRole("button", { name: "Dismiss for this block" }));
    await waitFor(() => expect(rows(advice()).map((r) => r.dataset.rule)).toEqual(["concept.leverage"]));
    await fireEvent.input(within(inspector()).getByLabelText("Label"), { target: { value: "Ideas logged" } });
    await fireEvent.blur(within(inspector()).getByLabelText("Label"));
    expect(lastEdit()).toEqual({ op: "updateBlock", block: { ...ideas, title: "Ideas logged", dismissed: ["concept.hedging"] } });
    expect(marks().map((m) => m.textContent)).toEqual(["leverage"]);
  });

  it("says that library blocks get no advice", async () => {
    await start();
    await fireEvent.click(card("Happier teams with social media"));
    expect(within(inspector()).getByText("The coach reads the storyboard: place this block in a section to get advice on it.")).toBeInTheDocument();
    expect(within(inspector()).queryByTestId("block-advice")).toBeNull();
  });
});

describe("only the latest answer is shown", () => {
  const report = (score: number): Report => ({ findings: [], checks: [{ id: "pilot", passed: score > 0, weight: 15, reason: `score ${score}`, evidence: null }], score, dismissed: [], setAside: [] });

  it("drops a report that arrives after a later one", async () => {
    await start();
    await waitFor(() => expect(coachReport).toHaveBeenCalledTimes(1));
    const slow = deferred<Report>();
    const fast = deferred<Report>();
    coachReport.mockImplementationOnce(() => slow.promise).mockImplementationOnce(() => fast.promise);
    // Two changes, two reports asked for; the first one answers last.
    await fireEvent.click(screen.getByRole("button", { name: "Add section" }));
    await waitFor(() => expect(coachReport).toHaveBeenCalledTimes(2));
    await fireEvent.click(document.querySelector<HTMLButtonElement>("#undo")!);
    await waitFor(() => expect(coachReport).toHaveBeenCalledTimes(3));
    await fireEvent.click(coachTab());
    fast.resolve(report(15));
    await waitFor(() => expect(within(panel()).getByTestId("readiness-score")).toHaveTextContent("15"));
    slow.resolve(report(0));
    await slow.promise;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(within(panel()).getByTestId("readiness-score")).toHaveTextContent("15");
    expect(within(panel()).getByText("Score 15.")).toBeInTheDocument();
  });

  it("drops a live answer that arrives after a later one", async () => {
    await start();
    await fireEvent.click(card("Sharper focus"));
    const body = within(inspector()).getByLabelText("Explanation") as HTMLTextAreaElement;
    const marks = () => Array.from(body.parentElement!.querySelectorAll<HTMLElement>("mark")).map((m) => m.textContent);
    await waitFor(() => expect(marks()).toEqual(["social media"]));
    await waitFor(() => expect(coachBlock).toHaveBeenCalledTimes(1));
    const slow = deferred<Finding[]>();
    const fast = deferred<Finding[]>();
    coachBlock.mockImplementationOnce(() => slow.promise).mockImplementationOnce(() => fast.promise);

    const first = "Synergy today.";
    await fireEvent.input(body, { target: { value: first } });
    await waitFor(() => expect(coachBlock).toHaveBeenCalledTimes(2));
    const second = "Synergy and Web 2.0 today.";
    await fireEvent.input(body, { target: { value: second } });
    await waitFor(() => expect(coachBlock).toHaveBeenCalledTimes(3));

    const [webAnswer] = await Promise.all([core.handle("coach_block", { block: { ...focus, body: second } }) as Promise<Finding[]>]);
    fast.resolve(webAnswer);
    await waitFor(() => expect(marks()).toEqual(["Synergy", "Web 2.0"]));
    slow.resolve((await core.handle("coach_block", { block: { ...focus, body: first } })) as Finding[]);
    await slow.promise;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(marks()).toEqual(["Synergy", "Web 2.0"]);
  });
});
