// The library pane's "Case studies" tab through the UI: the personal case library searched from
// the storyboard, a case added to a section with a card's "Add to…" menu (the keyboard's way in;
// dragging is tested in Chromium, browser-tests/case-drag.test.mjs), undone in one step, and the
// empty states. The backend is mocked with FakeCore and its test-double case library.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import App from "./App.svelte";
import type { CaseQuery, OpenedProject } from "./lib/bindings";
import * as backend from "./lib/backend";
import { block, opened, section } from "./test/fixtures";
import { connect } from "./test/backend";
import type { FakeCore } from "../harness/fake";

vi.mock("./lib/backend", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./lib/backend")>()),
  ...(await import("./test/backend")).mockedFunctions,
}));

const searchCases = vi.mocked(backend.searchCases);
const useLibraryCase = vi.mocked(backend.useLibraryCase);

function project(): OpenedProject {
  return opened("/home/ana/Pilot.casewright", {
    title: "Four-day week pilot",
    sections: [
      section({ id: 10, title: "Opportunity", blocks: [block({ id: 1, kind: "benefit", title: "Sharper focus" })] }),
      section({ id: 20, title: "Proof", blocks: [block({ id: 3, kind: "story", title: "Acme did it" })] }),
    ],
    library: [block({ id: 4, kind: "benefit", title: "Happier teams" })],
  });
}

let core: FakeCore;

/** The storyboard, with the fake library's "Branch staff answer each other" marked as a peer. */
async function start(initial = project()) {
  core = connect(backend, initial);
  const search = searchCases.getMockImplementation()!;
  searchCases.mockImplementation(async (query: CaseQuery) => {
    const result = await search(query);
    for (const hit of result.hits) if (hit.case.title === "Branch staff answer each other") hit.relation = "peer";
    return result;
  });
  render(App);
  await screen.findByTestId("storyboard");
}

async function openCasesTab() {
  await fireEvent.click(screen.getByRole("tab", { name: "Case studies" }));
  await screen.findAllByTestId("case-card");
}

const cardTitles = () => screen.queryAllByTestId("case-card-title").map((t) => t.textContent?.trim());
const caseCard = (title: string) => screen.getAllByTestId("case-card").find((c) => within(c).getByTestId("case-card-title").textContent?.trim() === title)!;
const sectionEl = (title: string) => screen.getAllByTestId("section").find((s) => within(s).getByTestId("section-title").textContent?.trim() === title)!;
const titlesIn = (zone: HTMLElement) => within(zone).queryAllByTestId("block-title").map((t) => t.textContent?.trim());

beforeEach(() => {
  vi.clearAllMocks();
});

describe("the library pane's case studies", () => {
  it("shows the blocks first; its Case studies tab lists the library's cases with organisation, industry, year and relation", async () => {
    await start();
    expect(screen.getByRole("tab", { name: /^Blocks/ })).toHaveAttribute("aria-selected", "true");
    expect(searchCases).not.toHaveBeenCalled();
    await openCasesTab();
    expect(screen.getByRole("tab", { name: "Case studies" })).toHaveAttribute("aria-selected", "true");
    expect(searchCases).toHaveBeenLastCalledWith(expect.objectContaining({ text: "", limit: 20, sort: "project" }));
    const expected = core.library.search({ ...searchCases.mock.calls[0][0] }).hits.map((h) => h.case.title);
    expect(cardTitles()).toEqual(expected);
    expect(screen.getByTestId("library-case-count")).toHaveTextContent(`${expected.length} case studies`);

    const bank = caseCard("Branch staff answer each other");
    expect(bank).toHaveTextContent("Lakeside Bank");
    expect(bank).toHaveTextContent("Finance · 2022");
    expect(within(bank).getByTestId("case-relation")).toHaveTextContent("Peer");
    expect(bank).toHaveAccessibleName("Case study: Branch staff answer each other, Lakeside Bank, Finance · 2022, peer");
    expect(within(caseCard("Shop-floor idea board")).queryByTestId("case-relation")).toBeNull();
    expect(screen.getByRole("checkbox", { name: "Outcome numbers as metric blocks" })).toBeChecked();
  });

  it("searches as the person types, after a pause", async () => {
    await start();
    await openCasesTab();
    const calls = searchCases.mock.calls.length;
    await fireEvent.input(screen.getByRole("searchbox", { name: "Search the case library" }), { target: { value: "nurses" } });
    expect(searchCases).toHaveBeenCalledTimes(calls);
    await waitFor(() => expect(cardTitles()).toEqual(["Clinic huddles on one channel"]));
    expect(searchCases).toHaveBeenLastCalledWith(expect.objectContaining({ text: "nurses", limit: 20 }));
    expect(screen.getByTestId("library-case-count")).toHaveTextContent("1 case study");
  });

  it("adds a case to the end of a section from its Add to… menu, as one edit that Ctrl+Z undoes", async () => {
    await start();
    await openCasesTab();
    await fireEvent.click(within(caseCard("Branch staff answer each other")).getByRole("button", { name: "Add “Branch staff answer each other” to…" }));
    const menu = screen.getByRole("menu");
    expect(within(menu).getAllByRole("menuitem").map((item) => item.textContent?.trim())).toEqual(["Opportunity", "Proof"]);
    await fireEvent.click(within(menu).getByRole("menuitem", { name: "Proof" }));

    const id = core.library.cases.find((c) => c.title === "Branch staff answer each other")!.id;
    expect(useLibraryCase).toHaveBeenCalledExactlyOnceWith(id, "peer", { in: "section", sectionId: 20, index: 1 }, true);
    await waitFor(() =>
      expect(titlesIn(sectionEl("Proof"))).toEqual(["Acme did it", "Branch staff answer each other", "saved on support calls a year at Lakeside Bank"]),
    );
    await waitFor(() =>
      expect(screen.getByTestId("announcer")).toHaveTextContent(
        "Added case “Branch staff answer each other” to Proof, position 2 of 3, with 1 metric block. Ctrl+Z takes them back.",
      ),
    );
    expect(backend.applyEdit).not.toHaveBeenCalled();
    // A copy: the case is still in the list.
    expect(cardTitles()).toContain("Branch staff answer each other");
    expect(screen.getByRole("button", { name: "Undo" })).toBeEnabled();

    (document.activeElement as HTMLElement | null)?.blur();
    await fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    await waitFor(() => expect(titlesIn(sectionEl("Proof"))).toEqual(["Acme did it"]));
    expect(backend.undo).toHaveBeenCalledTimes(1);
  });

  it("adds the story alone when outcome numbers are not wanted as metric blocks", async () => {
    await start();
    await openCasesTab();
    await fireEvent.click(screen.getByRole("checkbox", { name: "Outcome numbers as metric blocks" }));
    await fireEvent.click(within(caseCard("Shop-floor idea board")).getByRole("button", { name: /^Add/ }));
    await fireEvent.click(screen.getByRole("menuitem", { name: "Opportunity" }));
    const id = core.library.cases.find((c) => c.title === "Shop-floor idea board")!.id;
    expect(useLibraryCase).toHaveBeenCalledExactlyOnceWith(id, null, { in: "section", sectionId: 10, index: 1 }, false);
    await waitFor(() => expect(titlesIn(sectionEl("Opportunity"))).toEqual(["Sharper focus", "Shop-floor idea board"]));
    await waitFor(() =>
      expect(screen.getByTestId("announcer")).toHaveTextContent("Added case “Shop-floor idea board” to Opportunity, position 2 of 2. Ctrl+Z takes it back."),
    );
  });

  it("shows the core's refusal (a case deleted meanwhile) and changes nothing", async () => {
    await start();
    await openCasesTab();
    core.library.cases = core.library.cases.filter((c) => c.title !== "Store managers swap what works");
    await fireEvent.click(within(caseCard("Store managers swap what works")).getByRole("button", { name: /^Add/ }));
    await fireEvent.click(screen.getByRole("menuitem", { name: "Proof" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Could not add the case to the storyboard");
    expect(alert).toHaveTextContent("That case is no longer in your library.");
    expect(titlesIn(sectionEl("Proof"))).toEqual(["Acme did it"]);
    expect(screen.getByTestId("announcer")).not.toHaveTextContent("Added case");
  });

  it("says when nothing matches, and points to the Cases view", async () => {
    await start();
    await openCasesTab();
    await fireEvent.input(screen.getByRole("searchbox", { name: "Search the case library" }), { target: { value: "zeppelin" } });
    const empty = await screen.findByTestId("library-cases-empty");
    expect(empty).toHaveTextContent("No case studies match “zeppelin”");
    expect(screen.queryAllByTestId("case-card")).toEqual([]);
    await fireEvent.click(within(empty).getByRole("button", { name: "Open the Cases view" }));
    await screen.findByTestId("cases-view");
    expect(screen.getByRole("tab", { name: "Cases" })).toHaveAttribute("aria-selected", "true");
  });

  it("explains how to fill an empty library", async () => {
    await start();
    core.library.cases = [];
    await fireEvent.click(screen.getByRole("tab", { name: "Case studies" }));
    const empty = await screen.findByTestId("library-cases-empty");
    expect(empty).toHaveTextContent("Your case library is empty");
    expect(empty).toHaveTextContent("Import case studies from a CSV or JSON file with Import… in the Cases view");
  });

  it("moves between the pane's tabs with the arrow keys, and keeps the search when the view changes", async () => {
    await start();
    const blocksTab = screen.getByRole("tab", { name: /^Blocks/ });
    blocksTab.focus();
    await fireEvent.keyDown(blocksTab, { key: "ArrowRight" });
    await waitFor(() => expect(screen.getByRole("tab", { name: "Case studies" })).toHaveFocus());
    await screen.findAllByTestId("case-card");
    await fireEvent.input(screen.getByRole("searchbox", { name: "Search the case library" }), { target: { value: "nurses" } });
    await waitFor(() => expect(cardTitles()).toEqual(["Clinic huddles on one channel"]));

    await fireEvent.click(screen.getByRole("tab", { name: /^Pilots/ }));
    await fireEvent.click(screen.getByRole("tab", { name: "Storyboard" }));
    await waitFor(() => expect(cardTitles()).toEqual(["Clinic huddles on one channel"]));
    expect(screen.getByRole("searchbox", { name: "Search the case library" })).toHaveValue("nurses");

    const casesTab = screen.getByRole("tab", { name: "Case studies" });
    await fireEvent.keyDown(casesTab, { key: "ArrowLeft" });
    await waitFor(() => expect(screen.getByRole("tab", { name: /^Blocks/ })).toHaveAttribute("aria-selected", "true"));
    expect(screen.getByTestId("library")).toBeInTheDocument();
  });
});
