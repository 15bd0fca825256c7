// The storyboard editor through its UI: the inspector, creating, duplicating, deleting and
// moving blocks, sections and the library. The backend is the real core (crates/test-server,
// through src/test/backend.ts), so every Edit asserted is what crossed to the core and every
// reply shown is the core's; ids are the ones the core gave the project's blocks and sections.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import App from "./App.svelte";
import type { AppError, Edit, OpenedProject } from "./lib/bindings";
import * as backend from "./lib/backend";
import { block, opened, section } from "./test/fixtures";
import { connect, deferred, real, untilReal, useRealCore, type RealCore } from "./test/backend";

vi.mock("./lib/backend", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./lib/backend")>()),
  ...(await import("./test/backend")).mockedFunctions,
}));

useRealCore();

const applyEdit = vi.mocked(backend.applyEdit);

const focus = block({ id: 1, kind: "benefit", title: "Sharper focus", body: "Fewer meetings.", tags: ["people"] });
const ideas = block({
  id: 2,
  kind: "metric",
  title: "Ideas submitted",
  body: "Per quarter.",
  number: 1200,
  unit: "ideas",
  direction: "higher",
  baseline: 800,
  target: 1500,
  source: "HR survey 2025",
});
const acme = block({
  id: 3,
  kind: "story",
  title: "Acme did it",
  body: "Acme ran it for a year.",
  organisation: "Acme Ltd",
  relation: "competitor",
  source: "Trade press",
});
const spare = block({ id: 4, kind: "benefit", title: "Happier teams", tags: ["people"] });
const cost = block({ id: 5, kind: "metric", title: "Office cost", number: 18, unit: "%", direction: "lower" });

function project(): OpenedProject {
  return opened("/home/ana/Pilot.casewright", {
    title: "Four-day week pilot",
    author: "Ana Pereira",
    audience: "The Board",
    sections: [
      section({ id: 10, title: "Opportunity", blocks: [focus, ideas] }),
      section({ id: 20, title: "Proof", notes: "Lead with Acme.", blocks: [acme] }),
      section({ id: 30, title: "Start small" }),
    ],
    library: [spare, cost],
  });
}

let core: RealCore;

async function start(initial = project()) {
  core = await connect(backend, initial);
  render(App);
  await screen.findByTestId("storyboard");
}

const inspector = () => screen.getByTestId("inspector");
const field = (label: string | RegExp) => within(inspector()).getByLabelText(label) as HTMLInputElement;
const card = (title: string) => screen.getAllByTestId("block").find((c) => within(c).getByTestId("block-title").textContent?.trim() === title)!;
const sectionEl = (title: string) => screen.getAllByTestId("section").find((s) => within(s).getByTestId("section-title").textContent?.trim() === title)!;
const titlesIn = (zone: HTMLElement) => within(zone).queryAllByTestId("block-title").map((t) => t.textContent?.trim());
const lastEdit = () => applyEdit.mock.calls[applyEdit.mock.calls.length - 1]?.[0] as Edit;

async function select(title: string) {
  await fireEvent.click(card(title));
}

beforeEach(() => {
  vi.clearAllMocks();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("inspector", () => {
  it("shows the project's details when nothing is selected and saves them on blur", async () => {
    await start();
    expect(field("Title").value).toBe("Four-day week pilot");
    await fireEvent.input(field("Audience"), { target: { value: "The Executive Team" } });
    await fireEvent.blur(field("Audience"));
    expect(applyEdit).toHaveBeenCalledTimes(1);
    expect(lastEdit()).toEqual({ op: "setProjectDetails", title: "Four-day week pilot", author: "Ana Pereira", audience: "The Executive Team", industry: "" });
    await waitFor(() => expect(screen.getByTestId("project-audience")).toHaveTextContent("Prepared for The Executive Team"));
  });

  it("shows only a benefit's fields", async () => {
    await start();
    await select("Sharper focus");
    expect(field("Headline").value).toBe("Sharper focus");
    expect(field("Explanation").value).toBe("Fewer meetings.");
    expect(within(inspector()).getByText("people")).toBeInTheDocument();
    for (const absent of ["Organisation", "Relation to us", "Value", "Baseline (optional)", "Direction", "Source", "Link"]) {
      expect(within(inspector()).queryByLabelText(absent)).toBeNull();
    }
  });

  it("shows a story's organisation, relation and source", async () => {
    await start();
    await select("Acme did it");
    expect(field("Title").value).toBe("Acme did it");
    expect(field("Narrative").value).toBe("Acme ran it for a year.");
    expect(field("Organisation").value).toBe("Acme Ltd");
    expect((within(inspector()).getByLabelText("Relation to us") as HTMLSelectElement).value).toBe("competitor");
    expect(field("Source").value).toBe("Trade press");
    expect(field("Link")).toBeInTheDocument();
    expect(field("Date")).toBeInTheDocument();
    for (const absent of ["Headline", "Direction", "Baseline (optional)", "Target (optional)"]) {
      expect(within(inspector()).queryByLabelText(absent)).toBeNull();
    }
  });

  it("shows a metric's value, unit, direction, baseline, target and source", async () => {
    await start();
    await select("Ideas submitted");
    expect(field("Label").value).toBe("Ideas submitted");
    expect(field("Value").value).toBe("1200");
    expect(field("Unit").value).toBe("ideas");
    expect((within(inspector()).getByLabelText("Direction") as HTMLSelectElement).value).toBe("higher");
    expect(field("Baseline (optional)").value).toBe("800");
    expect(field("Target (optional)").value).toBe("1500");
    expect(field("Source").value).toBe("HR survey 2025");
    expect(within(inspector()).queryByLabelText("Organisation")).toBeNull();
    expect(within(inspector()).queryByLabelText("Relation to us")).toBeNull();
  });

  it("commits typing as one UpdateBlock once typing pauses (600 ms), never per keystroke", async () => {
    await start();
    await select("Sharper focus");
    vi.useFakeTimers();
    const headline = field("Headline");
    for (const text of ["S", "Sh", "Sha", "Sharper focus, fewer meetings"]) {
      await fireEvent.input(headline, { target: { value: text } });
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(applyEdit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(399);
    expect(applyEdit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(applyEdit).toHaveBeenCalledTimes(1);
    expect(lastEdit()).toEqual({ op: "updateBlock", block: { ...core.block("Sharper focus"), title: "Sharper focus, fewer meetings" } });
    vi.useRealTimers();
    await waitFor(() => expect(within(card("Sharper focus, fewer meetings")).getByTestId("block-title")).toBeInTheDocument());
  });

  it("commits on blur at once, and sends nothing when nothing changed", async () => {
    await start();
    await select("Ideas submitted");
    await fireEvent.blur(field("Label"));
    expect(applyEdit).not.toHaveBeenCalled();

    await fireEvent.input(field("Value"), { target: { value: "1,250" } });
    await fireEvent.input(field("Target (optional)"), { target: { value: "" } });
    await fireEvent.blur(field("Target (optional)"));
    expect(applyEdit).toHaveBeenCalledTimes(1);
    expect(lastEdit()).toEqual({ op: "updateBlock", block: { ...core.block("Ideas submitted"), number: 1250, target: null } });
  });

  it("keeps a number field's text while it is not a number, and says so", async () => {
    await start();
    await select("Ideas submitted");
    await fireEvent.input(field("Value"), { target: { value: "12x" } });
    expect(within(inspector()).getByText("Enter a number, such as 1200 or 12.5.")).toBeInTheDocument();
    expect(field("Value")).toHaveAttribute("aria-invalid", "true");
    await fireEvent.blur(field("Value"));
    expect(applyEdit).not.toHaveBeenCalled();
    expect(field("Value").value).toBe("12x");
  });

  it("sends a changed direction or relation at once", async () => {
    await start();
    await select("Ideas submitted");
    await fireEvent.change(within(inspector()).getByLabelText("Direction"), { target: { value: "lower" } });
    expect(lastEdit()).toEqual({ op: "updateBlock", block: { ...core.block("Ideas submitted"), direction: "lower" } });
    await waitFor(() => expect(within(card("Ideas submitted")).getByTestId("block-direction")).toHaveTextContent("Lower is better"));

    await select("Acme did it");
    await fireEvent.change(within(inspector()).getByLabelText("Relation to us"), { target: { value: "peer" } });
    expect(lastEdit()).toEqual({ op: "updateBlock", block: { ...core.block("Acme did it"), relation: "peer" } });
    await waitFor(() => expect(within(card("Acme did it")).getByTestId("relation-badge")).toHaveTextContent("Peer"));
  });

  it("adds a tag with Enter and removes one with its button, one edit each", async () => {
    await start();
    await select("Sharper focus");
    const tagInput = within(inspector()).getByLabelText("Tags");
    await fireEvent.input(tagInput, { target: { value: "pilot" } });
    await fireEvent.keyDown(tagInput, { key: "Enter" });
    expect(lastEdit()).toEqual({ op: "updateBlock", block: { ...core.block("Sharper focus"), tags: ["people", "pilot"] } });
    await waitFor(() => expect(within(card("Sharper focus")).getByText("pilot")).toBeInTheDocument());

    await fireEvent.click(within(inspector()).getByRole("button", { name: "Remove tag people" }));
    expect(applyEdit).toHaveBeenCalledTimes(2);
    expect(lastEdit()).toEqual({ op: "updateBlock", block: { ...core.block("Sharper focus"), tags: ["pilot"] } });
  });

  it("keeps what is being typed, and the focused field, when a reply arrives meanwhile", async () => {
    await start();
    await select("Sharper focus");
    const reply = deferred<void>();
    applyEdit.mockImplementationOnce(async (edit) => {
      await reply.promise;
      return real.applyEdit(edit);
    });
    vi.useFakeTimers();
    const headline = field("Headline");
    headline.focus();
    await fireEvent.input(headline, { target: { value: "Sharper focus!" } });
    await vi.advanceTimersByTimeAsync(600);
    expect(applyEdit).toHaveBeenCalledTimes(1);

    // The person keeps typing while the first edit is on its way…
    await fireEvent.input(headline, { target: { value: "Sharper focus!!" } });
    headline.setSelectionRange(5, 5);
    reply.resolve();
    // The real core answers in real time; the UI's timers stand still meanwhile.
    await untilReal(() => core.answered("apply_edit").length === 1);
    await vi.advanceTimersByTimeAsync(10);

    // …and the reply (title "Sharper focus!") leaves the field alone.
    expect(field("Headline")).toBe(headline);
    expect(headline.value).toBe("Sharper focus!!");
    expect(document.activeElement).toBe(headline);
    expect(headline.selectionStart).toBe(5);
    await vi.advanceTimersByTimeAsync(600);
    expect(applyEdit).toHaveBeenCalledTimes(2);
    expect(lastEdit()).toEqual({ op: "updateBlock", block: { ...core.block("Sharper focus"), title: "Sharper focus!!" } });
  });

  it("shows the core's values after an undo, and after a refused edit", async () => {
    await start();
    await select("Sharper focus");
    await fireEvent.input(field("Headline"), { target: { value: "Focus" } });
    await fireEvent.blur(field("Headline"));
    await waitFor(() => expect(document.querySelector<HTMLButtonElement>("#undo")).toBeEnabled());

    await fireEvent.click(document.querySelector<HTMLButtonElement>("#undo")!);
    await waitFor(() => expect(field("Headline").value).toBe("Sharper focus"));

    // A title longer than the core takes (limits.rs) is refused by the core itself.
    await fireEvent.input(field("Headline"), { target: { value: "Way too long ".repeat(100) } });
    await fireEvent.blur(field("Headline"));
    const alert = await screen.findByRole("alert");
    const [refusal] = core.refusals();
    expect(refusal.command).toBe("apply_edit");
    const error = refusal.error as AppError;
    expect(alert).toHaveAttribute("data-code", error.code);
    expect(within(alert).getByTestId("error-message")).toHaveTextContent(error.message);
    await waitFor(() => expect(field("Headline").value).toBe("Sharper focus"));
  });

  it("edits a section's title and speaker notes, and marks a section that has notes", async () => {
    await start();
    expect(within(sectionEl("Proof")).getByTestId("notes-indicator")).toHaveTextContent("Speaker notes");
    expect(within(sectionEl("Opportunity")).queryByTestId("notes-indicator")).toBeNull();

    await fireEvent.click(within(sectionEl("Opportunity")).getByRole("button", { name: "Opportunity" }));
    expect(field("Title").value).toBe("Opportunity");
    await fireEvent.input(field("Speaker notes"), { target: { value: "Start with the survey." } });
    await fireEvent.blur(field("Speaker notes"));
    expect(lastEdit()).toEqual({ op: "updateSection", id: core.sectionId("Opportunity"), text: { title: "Opportunity", notes: "Start with the survey." } });
    await waitFor(() => expect(within(sectionEl("Opportunity")).getByTestId("notes-indicator")).toBeInTheDocument());
  });
});

describe("blocks", () => {
  it("creates a block in the library when nothing is selected, selects it and focuses its title", async () => {
    await start();
    await fireEvent.click(document.querySelector("#new-block-story")!);
    await waitFor(() => expect(field("Title").value).toBe("New story"));
    const edit = applyEdit.mock.calls[0][0];
    expect(edit).toEqual({
      op: "addBlock",
      block: expect.objectContaining({ kind: "story", title: "New story", tags: [] }),
      to: { in: "library", index: 2 },
    });
    expect(titlesIn(screen.getByTestId("library"))).toEqual(["Happier teams", "Office cost", "New story"]);
    await waitFor(() => expect(document.activeElement).toBe(field("Title")));
  });

  it("creates a block at the end of the selected section, or right after the selected block", async () => {
    await start();
    await fireEvent.click(within(sectionEl("Proof")).getByRole("button", { name: "Proof" }));
    await fireEvent.click(document.querySelector("#new-block-metric")!);
    expect(applyEdit.mock.calls[0][0]).toMatchObject({ op: "addBlock", block: { kind: "metric" }, to: { in: "section", sectionId: core.sectionId("Proof"), index: 1 } });
    await waitFor(() => expect(titlesIn(sectionEl("Proof"))).toEqual(["Acme did it", "New metric"]));

    await select("Sharper focus");
    await fireEvent.click(document.querySelector("#new-block-benefit")!);
    expect(applyEdit.mock.calls[1][0]).toMatchObject({ op: "addBlock", block: { kind: "benefit" }, to: { in: "section", sectionId: core.sectionId("Opportunity"), index: 1 } });
    await waitFor(() => expect(titlesIn(sectionEl("Opportunity"))).toEqual(["Sharper focus", "New benefit", "Ideas submitted"]));
  });

  it("duplicates with the inspector's button and with Ctrl+D", async () => {
    await start();
    await select("Ideas submitted");
    await fireEvent.click(within(inspector()).getByRole("button", { name: "Duplicate" }));
    expect(lastEdit()).toEqual({ op: "duplicateBlock", id: core.block("Ideas submitted").id });
    await waitFor(() => expect(titlesIn(sectionEl("Opportunity"))).toEqual(["Sharper focus", "Ideas submitted", "Ideas submitted"]));
    // The copy (the id the core gave it) is selected and focused.
    const copy = () => core.project().sections.find((s) => s.title === "Opportunity")!.blocks[2];
    await waitFor(() => expect(copy()?.title).toBe("Ideas submitted"));
    expect(copy().id).not.toBe(core.block("Ideas submitted").id);
    await waitFor(() => expect(document.activeElement).toHaveAttribute("data-block-id", String(copy().id)));
    expect(field("Label").value).toBe("Ideas submitted");

    await select("Acme did it");
    await fireEvent.keyDown(document.body, { key: "d", ctrlKey: true });
    expect(lastEdit()).toEqual({ op: "duplicateBlock", id: core.block("Acme did it").id });
    await waitFor(() => expect(titlesIn(sectionEl("Proof"))).toEqual(["Acme did it", "Acme did it"]));
  });

  it("deletes with the inspector's button and with the Delete key, not while typing", async () => {
    await start();
    await select("Happier teams");
    await fireEvent.click(within(inspector()).getByRole("button", { name: "Delete" }));
    expect(lastEdit()).toEqual({ op: "deleteBlock", id: core.block("Happier teams").id });
    await waitFor(() => expect(titlesIn(screen.getByTestId("library"))).toEqual(["Office cost"]));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Deleted “Happier teams”"));

    await select("Acme did it");
    expect(document.activeElement).toBe(card("Acme did it"));
    await fireEvent.keyDown(field("Title"), { key: "Delete" });
    expect(applyEdit).toHaveBeenCalledTimes(1);
    await fireEvent.keyDown(card("Acme did it"), { key: "Delete" });
    expect(lastEdit()).toEqual({ op: "deleteBlock", id: core.block("Acme did it").id });
    await waitFor(() => expect(titlesIn(sectionEl("Proof"))).toEqual([]));
    expect(within(sectionEl("Proof")).getByText("Drag blocks here")).toBeInTheDocument();
  });

  it("moves a block with its Move to… menu, to the final index of the target", async () => {
    await start();
    const menuButton = within(card("Sharper focus")).getByRole("button", { name: "Move “Sharper focus” to…" });
    await fireEvent.click(menuButton);
    const menu = screen.getByRole("menu");
    expect(within(menu).getAllByRole("menuitem").map((item) => item.textContent?.replace(/\s+/g, " ").trim())).toEqual([
      "Move down",
      "Proof",
      "Start small",
      "Library set aside",
      "Duplicate Ctrl+D",
      "Delete Del",
    ]);
    await fireEvent.click(within(menu).getByRole("menuitem", { name: /^Proof/ }));
    expect(lastEdit()).toEqual({ op: "moveBlock", id: core.block("Sharper focus").id, to: { in: "section", sectionId: core.sectionId("Proof"), index: 1 } });
    await waitFor(() => expect(titlesIn(sectionEl("Proof"))).toEqual(["Acme did it", "Sharper focus"]));
    expect(screen.queryByRole("menu")).toBeNull();
    await waitFor(() => expect(screen.getByTestId("announcer")).toHaveTextContent("Moved “Sharper focus” to Proof, position 2 of 2."));

    await fireEvent.click(within(card("Ideas submitted")).getByRole("button", { name: /^Move/ }));
    await fireEvent.click(screen.getByRole("menuitem", { name: /^Library/ }));
    expect(lastEdit()).toEqual({ op: "moveBlock", id: core.block("Ideas submitted").id, to: { in: "library", index: 2 } });
    await waitFor(() => expect(titlesIn(screen.getByTestId("library"))).toEqual(["Happier teams", "Office cost", "Ideas submitted"]));

    await fireEvent.click(within(card("Happier teams")).getByRole("button", { name: /^Move/ }));
    await fireEvent.click(screen.getByRole("menuitem", { name: "Move down" }));
    expect(lastEdit()).toEqual({ op: "moveBlock", id: core.block("Happier teams").id, to: { in: "library", index: 1 } });
  });

  it("navigates the Move to… menu with the keyboard and closes it with Escape", async () => {
    await start();
    const menuButton = within(card("Acme did it")).getByRole("button", { name: /^Move/ });
    await fireEvent.keyDown(menuButton, { key: "ArrowDown" });
    const items = await screen.findAllByRole("menuitem");
    await waitFor(() => expect(document.activeElement).toBe(items[0]));
    expect(items[0]).toHaveTextContent("Opportunity");
    await fireEvent.keyDown(items[0], { key: "ArrowDown" });
    expect(document.activeElement).toBe(items[1]);
    await fireEvent.keyDown(items[1], { key: "Escape" });
    expect(screen.queryByRole("menu")).toBeNull();
    expect(document.activeElement).toBe(menuButton);
    expect(applyEdit).not.toHaveBeenCalled();
  });

  it("opens the selected block in the inspector with Enter", async () => {
    await start();
    card("Office cost").focus();
    await fireEvent.keyDown(card("Office cost"), { key: "Enter" });
    await waitFor(() => expect(document.activeElement).toBe(field("Label")));
    expect(field("Label").value).toBe("Office cost");
  });

  it("shows the key facts on cards", async () => {
    await start();
    const metric = card("Ideas submitted");
    expect(within(metric).getByTestId("kind-badge")).toHaveTextContent("Metric");
    expect(within(metric).getByTestId("block-figure").textContent).toBe("1,200 ideas");
    // Charted by the core, the baseline and target are bars (the "from → to" line is not repeated).
    expect(within(metric).getByRole("img", { name: "Chart: Baseline 800 ideas, Now 1,200 ideas, Target 1,500 ideas. Higher is better" })).toBeInTheDocument();
    expect(within(metric).queryByTestId("block-range")).toBeNull();
    expect(within(metric).getByTestId("block-direction")).toHaveTextContent("Higher is better");
    expect(within(card("Office cost")).queryByTestId("metric-chart")).toBeNull();
    const story = card("Acme did it");
    expect(within(story).getByTestId("block-organisation")).toHaveTextContent("Acme Ltd");
    expect(within(story).getByTestId("relation-badge")).toHaveTextContent("Competitor");
    expect(within(card("Sharper focus")).getByText("people")).toBeInTheDocument();
  });
});

describe("metric charts", () => {
  it("shows the core's chart in the card and, labelled, in the inspector; a metric without one says what it needs", async () => {
    await start();
    await select("Ideas submitted");
    const group = within(inspector()).getByRole("group", { name: "Chart in the briefing" });
    expect(within(group).getAllByRole("listitem").map((row) => row.textContent?.trim())).toEqual([
      "Baseline 800 ideas",
      "Now 1,200 ideas",
      "Target 1,500 ideas",
    ]);
    expect(within(group).getByTestId("chart-note")).toHaveTextContent("▲ Higher is better");

    await select("Office cost");
    const none = within(inspector()).getByRole("group", { name: "Chart in the briefing" });
    expect(within(none).queryByTestId("metric-chart")).toBeNull();
    expect(none).toHaveTextContent(/No chart: a baseline or a target/);
    expect(within(inspector()).queryByRole("group", { name: "Chart in the briefing" })).not.toBeNull();
    await select("Sharper focus");
    expect(within(inspector()).queryByRole("group", { name: "Chart in the briefing" })).toBeNull();
  });

  it("follows the saved target: the card's and the inspector's bars change once the edit is saved", async () => {
    await start();
    await select("Office cost");
    await fireEvent.input(field("Baseline (optional)"), { target: { value: "25" } });
    await fireEvent.blur(field("Baseline (optional)"));
    await waitFor(() => expect(within(card("Office cost")).getByTestId("metric-chart")).toBeInTheDocument());
    const widths = () => within(card("Office cost")).getAllByTestId("chart-bar").map((row) => (row.querySelector(".bar") as HTMLElement).style.width);
    expect(widths()).toEqual(["100%", "72%"]);
    await fireEvent.input(field("Target (optional)"), { target: { value: "10" } });
    await fireEvent.blur(field("Target (optional)"));
    await waitFor(() => expect(widths()).toEqual(["100%", "72%", "40%"]));
    expect(within(inspector()).getAllByTestId("chart-bar").map((row) => row.textContent?.trim())).toEqual(["Baseline 25%", "Now 18%", "Target 10%"]);
    expect(within(inspector()).getByTestId("chart-note")).toHaveTextContent("▼ Lower is better");
  });

  it("keeps the bare 'from → to' line for a metric the core does not chart", async () => {
    const negative = block({ id: 6, kind: "metric", title: "Net change", number: 4, baseline: -3, target: 10, unit: "points" });
    const initial = project();
    initial.project.sections[2].blocks.push(negative);
    await start(initial);
    expect(within(card("Net change")).getByTestId("block-range")).toHaveTextContent("From -3 → to 10 points");
    expect(within(card("Net change")).queryByTestId("metric-chart")).toBeNull();
  });
});

describe("sections", () => {
  it("adds a section at the end and selects it", async () => {
    await start();
    await fireEvent.click(document.querySelector("#add-section")!);
    expect(lastEdit()).toEqual({ op: "addSection", title: "New section", index: 3 });
    await waitFor(() => expect(field("Title").value).toBe("New section"));
    expect(screen.getAllByTestId("section-title").map((t) => t.textContent?.trim())).toEqual([
      "Opportunity",
      "Proof",
      "Start small",
      "New section",
    ]);
  });

  it("renames a section in place, keeping its notes", async () => {
    await start();
    const proof = sectionEl("Proof");
    await fireEvent.click(within(proof).getByRole("button", { name: "Actions for section “Proof”" }));
    await fireEvent.click(screen.getByRole("menuitem", { name: "Rename" }));
    const input = await within(proof).findByRole("textbox", { name: /Section title/ });
    await waitFor(() => expect(document.activeElement).toBe(input));
    await fireEvent.input(input, { target: { value: "Evidence" } });
    await fireEvent.keyDown(input, { key: "Enter" });
    expect(lastEdit()).toEqual({ op: "updateSection", id: core.sectionId("Proof"), text: { title: "Evidence", notes: "Lead with Acme." } });
    await waitFor(() => expect(within(proof).getByTestId("section-title")).toHaveTextContent("Evidence"));
    await waitFor(() => expect(document.activeElement).toBe(within(proof).getByRole("button", { name: "Evidence" })));
  });

  it("moves and removes sections from their menu; a removed section's blocks go to the library", async () => {
    await start();
    await fireEvent.click(within(sectionEl("Opportunity")).getByRole("button", { name: /^Actions for section/ }));
    expect(screen.getByRole("menuitem", { name: "Move left" })).toBeDisabled();
    await fireEvent.click(screen.getByRole("menuitem", { name: "Move right" }));
    expect(lastEdit()).toEqual({ op: "moveSection", id: core.sectionId("Opportunity"), index: 1 });
    await waitFor(() => expect(screen.getAllByTestId("section-title").map((t) => t.textContent?.trim())).toEqual(["Proof", "Opportunity", "Start small"]));

    await fireEvent.click(within(sectionEl("Opportunity")).getByRole("button", { name: /^Actions for section/ }));
    await fireEvent.click(screen.getByRole("menuitem", { name: /^Remove section/ }));
    expect(lastEdit()).toEqual({ op: "removeSection", id: core.sectionId("Opportunity") });
    await waitFor(() => expect(titlesIn(screen.getByTestId("library"))).toEqual(["Happier teams", "Office cost", "Sharper focus", "Ideas submitted"]));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("its 2 blocks went to the library"));
  });

  it("collapses a section without any edit", async () => {
    await start();
    const collapse = within(sectionEl("Opportunity")).getByRole("button", { name: "Collapse section “Opportunity”" });
    expect(collapse).toHaveAttribute("aria-expanded", "true");
    await fireEvent.click(collapse);
    expect(titlesIn(sectionEl("Opportunity"))).toEqual([]);
    expect(within(sectionEl("Opportunity")).getByText("2 blocks hidden")).toBeInTheDocument();
    const expand = within(sectionEl("Opportunity")).getByRole("button", { name: "Expand section “Opportunity”" });
    expect(expand).toHaveAttribute("aria-expanded", "false");
    await fireEvent.click(expand);
    expect(titlesIn(sectionEl("Opportunity"))).toEqual(["Sharper focus", "Ideas submitted"]);
    expect(applyEdit).not.toHaveBeenCalled();
  });

  it("gives each section's drop zone a stable hook", async () => {
    await start();
    const zones = screen.getAllByTestId("section-blocks");
    expect(zones.map((z) => z.dataset.sectionId)).toEqual(["Opportunity", "Proof", "Start small"].map((t) => String(core.sectionId(t))));
    expect(within(zones[2]).queryAllByTestId("block")).toHaveLength(0);
  });
});

describe("library", () => {
  it("filters by kind and by text, and says when nothing matches", async () => {
    await start();
    const library = () => screen.getByTestId("library");
    expect(titlesIn(library())).toEqual(["Happier teams", "Office cost"]);
    await fireEvent.click(screen.getByRole("button", { name: "Metrics" }));
    expect(titlesIn(library())).toEqual(["Office cost"]);
    await fireEvent.click(screen.getByRole("button", { name: "All" }));
    await fireEvent.input(screen.getByRole("searchbox", { name: "Filter the library by text" }), { target: { value: "PEOPLE" } });
    expect(titlesIn(library())).toEqual(["Happier teams"]);
    await fireEvent.input(screen.getByRole("searchbox"), { target: { value: "nothing like this" } });
    expect(titlesIn(library())).toEqual([]);
    expect(screen.getByText(/No blocks in the library match this filter/)).toBeInTheDocument();
    await fireEvent.click(screen.getByRole("button", { name: "Clear the filter" }));
    expect(titlesIn(library())).toEqual(["Happier teams", "Office cost"]);
  });

  it("tells what to do when the library is empty", async () => {
    const empty = project();
    empty.project.library = [];
    await start(empty);
    expect(within(screen.getByTestId("library").parentElement!).getByText(/Blocks you write appear here/)).toBeInTheDocument();
  });
});
