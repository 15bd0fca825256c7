// The library pane's "Case studies" tab through the UI: the personal case library searched from
// the storyboard, a case added to a section with a card's "Add to…" menu (the keyboard's way in;
// dragging is tested in Chromium, browser-tests/case-drag.test.mjs), undone in one step, and the
// empty states. The backend is the real core (crates/test-server) over the starter library of a
// fresh data folder (assets/cases/starter.json); every list and count shown is checked against
// the core's own answer.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import App from "./App.svelte";
import type { AppError, CaseStudy, OpenedProject, SearchResult } from "./lib/bindings";
import * as backend from "./lib/backend";
import { block, opened, section } from "./test/fixtures";
import { connect, useRealCore, type RealCore } from "./test/backend";
import { facetLabel, resultCount } from "./lib/cases";

vi.mock("./lib/backend", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./lib/backend")>()),
  ...(await import("./test/backend")).mockedFunctions,
}));

useRealCore();

const searchCases = vi.mocked(backend.searchCases);
const useLibraryCase = vi.mocked(backend.useLibraryCase);

function project(): OpenedProject {
  return opened("/home/ana/Pilot.casewright", {
    title: "Four-day week pilot",
    // The starter library's financial-services cases rank first for it.
    industry: "financial services",
    sections: [
      section({ id: 10, title: "Opportunity", blocks: [block({ id: 1, kind: "benefit", title: "Sharper focus" })] }),
      section({ id: 20, title: "Proof", blocks: [block({ id: 3, kind: "story", title: "Acme did it" })] }),
    ],
    library: [block({ id: 4, kind: "benefit", title: "Happier teams" })],
  });
}

let core: RealCore;

// Starter cases (illustrative, financial services): one the person marks as a peer, one without
// a relation, one deleted behind the page's back.
const PEER = "Call handlers transferred 22% fewer calls";
const PLAIN = "Claims handlers spotted fraud sooner and losses fell by 7%";
const GONE = "Advisers’ client questions led to two new services";

/** The library's case titled `title`, as the core holds it. */
async function libraryCase(title: string): Promise<CaseStudy> {
  const found = await core.invoke<SearchResult>("search_cases", {
    query: { text: "", industry: null, size: null, kind: null, year: null, evidence: null, relation: null, sort: "title", limit: 500 },
  });
  const hit = found.hits.find((h) => h.case.title === title);
  if (!hit) throw new Error(`the starter library has no case titled ${title}`);
  return hit.case;
}

/** The storyboard, with the library's PEER case marked as a peer (saved in the real library first). */
async function start(initial = project()) {
  core = await connect(backend, initial);
  await core.invoke("save_library_case", { case: { ...(await libraryCase(PEER)), relation: "peer" } });
  render(App);
  await screen.findByTestId("storyboard");
}

/** The core's answer to the UI's last case search. */
const lastSearch = () => core.answered("search_cases").at(-1) as SearchResult;

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
    const answer = lastSearch();
    expect(answer.hits.length).toBeGreaterThan(1);
    expect(cardTitles()).toEqual(answer.hits.map((h) => h.case.title));
    expect(screen.getByTestId("library-case-count")).toHaveTextContent(resultCount(answer));

    const peer = answer.hits.find((h) => h.case.title === PEER)!;
    expect(peer.relation).toBe("peer");
    const facts = `${facetLabel("industry", peer.case.industry)} · ${peer.case.year}`;
    const bank = caseCard(PEER);
    expect(bank).toHaveTextContent(peer.case.organisation);
    expect(bank).toHaveTextContent(facts);
    expect(within(bank).getByTestId("case-relation")).toHaveTextContent("Peer");
    expect(bank).toHaveAccessibleName(`Case study: ${PEER}, ${peer.case.organisation}, ${facts}, peer`);
    expect(answer.hits.find((h) => h.case.title === PLAIN)!.relation).toBeNull();
    expect(within(caseCard(PLAIN)).queryByTestId("case-relation")).toBeNull();
    expect(screen.getByRole("checkbox", { name: "Outcome numbers as metric blocks" })).toBeChecked();
  });

  it("searches as the person types, after a pause", async () => {
    await start();
    await openCasesTab();
    const calls = searchCases.mock.calls.length;
    const before = cardTitles();
    await fireEvent.input(screen.getByRole("searchbox", { name: "Search the case library" }), { target: { value: "nurses" } });
    expect(searchCases).toHaveBeenCalledTimes(calls);
    await waitFor(() => expect(searchCases).toHaveBeenLastCalledWith(expect.objectContaining({ text: "nurses", limit: 20 })));
    await waitFor(() => expect(cardTitles()).toEqual(lastSearch().hits.map((h) => h.case.title)));
    expect(cardTitles()).not.toEqual(before);
    expect(cardTitles().length).toBeGreaterThan(0);
    expect(screen.getByTestId("library-case-count")).toHaveTextContent(resultCount(lastSearch()));
  });

  it("adds a case to the end of a section from its Add to… menu, as one edit that Ctrl+Z undoes", async () => {
    await start();
    await openCasesTab();
    await fireEvent.click(within(caseCard(PEER)).getByRole("button", { name: `Add “${PEER}” to…` }));
    const menu = screen.getByRole("menu");
    expect(within(menu).getAllByRole("menuitem").map((item) => item.textContent?.trim())).toEqual(["Opportunity", "Proof"]);
    await fireEvent.click(within(menu).getByRole("menuitem", { name: "Proof" }));

    const id = (await libraryCase(PEER)).id;
    expect(useLibraryCase).toHaveBeenCalledExactlyOnceWith(id, "peer", { in: "section", sectionId: core.sectionId("Proof"), index: 1 }, true);
    // The story and the metric blocks the core made of the case's outcome numbers.
    await waitFor(() => expect(core.answered("use_library_case")).toHaveLength(1));
    const proof = core.project().sections.find((s) => s.title === "Proof")!.blocks;
    const metrics = proof.slice(2);
    expect(proof.slice(0, 2).map((b) => [b.kind, b.title])).toEqual([
      ["story", "Acme did it"],
      ["story", PEER],
    ]);
    expect(metrics.length).toBeGreaterThan(0);
    expect(metrics.every((b) => b.kind === "metric")).toBe(true);
    await waitFor(() => expect(titlesIn(sectionEl("Proof"))).toEqual(proof.map((b) => b.title)));
    const withMetrics = metrics.length === 1 ? "with 1 metric block" : `with ${metrics.length} metric blocks`;
    await waitFor(() =>
      expect(screen.getByTestId("announcer")).toHaveTextContent(
        `Added case “${PEER}” to Proof, position 2 of ${proof.length}, ${withMetrics}. Ctrl+Z takes them back.`,
      ),
    );
    expect(backend.applyEdit).not.toHaveBeenCalled();
    // A copy: the case is still in the list.
    expect(cardTitles()).toContain(PEER);
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
    await fireEvent.click(within(caseCard(PLAIN)).getByRole("button", { name: /^Add/ }));
    await fireEvent.click(screen.getByRole("menuitem", { name: "Opportunity" }));
    const chosen = await libraryCase(PLAIN);
    // It has outcome numbers, left out as asked.
    expect(chosen.outcomes.some((o) => o.number !== null)).toBe(true);
    expect(useLibraryCase).toHaveBeenCalledExactlyOnceWith(chosen.id, null, { in: "section", sectionId: core.sectionId("Opportunity"), index: 1 }, false);
    await waitFor(() => expect(titlesIn(sectionEl("Opportunity"))).toEqual(["Sharper focus", PLAIN]));
    expect(core.project().sections.find((s) => s.title === "Opportunity")!.blocks.map((b) => b.title)).toEqual(["Sharper focus", PLAIN]);
    await waitFor(() =>
      expect(screen.getByTestId("announcer")).toHaveTextContent(`Added case “${PLAIN}” to Opportunity, position 2 of 2. Ctrl+Z takes it back.`),
    );
  });

  it("shows the core's refusal (a case deleted meanwhile) and changes nothing", async () => {
    await start();
    await openCasesTab();
    // Deleted from the library behind the page's back (as another window's Cases view would).
    await core.invoke("delete_library_case", { id: (await libraryCase(GONE)).id });
    await fireEvent.click(within(caseCard(GONE)).getByRole("button", { name: /^Add/ }));
    await fireEvent.click(screen.getByRole("menuitem", { name: "Proof" }));
    const alert = await screen.findByRole("alert");
    const refusal = core.refusals().find((r) => r.command === "use_library_case")!.error as AppError;
    expect(alert).toHaveTextContent("Could not add the case to the storyboard");
    expect(alert).toHaveTextContent(refusal.message);
    expect(alert).toHaveAttribute("data-code", refusal.code);
    expect(titlesIn(sectionEl("Proof"))).toEqual(["Acme did it"]);
    expect(screen.getByTestId("announcer")).not.toHaveTextContent("Added case");
  });

  it("says when nothing matches, and points to the Cases view", async () => {
    await start();
    await openCasesTab();
    await fireEvent.input(screen.getByRole("searchbox", { name: "Search the case library" }), { target: { value: "zeppelin" } });
    const empty = await screen.findByTestId("library-cases-empty");
    expect(lastSearch().hits).toEqual([]);
    expect(empty).toHaveTextContent("No case studies match “zeppelin”");
    expect(screen.queryAllByTestId("case-card")).toEqual([]);
    await fireEvent.click(within(empty).getByRole("button", { name: "Open the Cases view" }));
    await screen.findByTestId("cases-view");
    expect(screen.getByRole("tab", { name: "Cases" })).toHaveAttribute("aria-selected", "true");
  });

  it("explains how to fill an empty library", async () => {
    await start();
    // Every case deleted from the real library.
    const all = await core.invoke<SearchResult>("search_cases", {
      query: { text: "", industry: null, size: null, kind: null, year: null, evidence: null, relation: null, sort: "title", limit: 500 },
    });
    for (const hit of all.hits) await core.invoke("delete_library_case", { id: hit.case.id });
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
    await waitFor(() => expect(searchCases).toHaveBeenLastCalledWith(expect.objectContaining({ text: "nurses" })));
    const nurses = () => lastSearch().hits.map((h) => h.case.title);
    await waitFor(() => expect(cardTitles()).toEqual(nurses()));
    const found = nurses();

    await fireEvent.click(screen.getByRole("tab", { name: /^Pilots/ }));
    await fireEvent.click(screen.getByRole("tab", { name: "Storyboard" }));
    await waitFor(() => expect(cardTitles()).toEqual(found));
    expect(screen.getByRole("searchbox", { name: "Search the case library" })).toHaveValue("nurses");

    const casesTab = screen.getByRole("tab", { name: "Case studies" });
    await fireEvent.keyDown(casesTab, { key: "ArrowLeft" });
    await waitFor(() => expect(screen.getByRole("tab", { name: /^Blocks/ })).toHaveAttribute("aria-selected", "true"));
    expect(screen.getByTestId("library")).toBeInTheDocument();
  });
});
