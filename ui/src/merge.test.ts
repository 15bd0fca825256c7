// Merge Changes From… and Import Blocks From… in the app: the merge plan's dialog (their changes,
// the conflicts side by side, every one decided before Merge, the choices sent as they were
// made, a stale plan reviewed again, nothing to merge, read-only) and the import dialog (groups,
// filter, destination, the uids and place sent). The backend is the fake core (harness/fake.ts).
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import App from "./App.svelte";
import type { ImportSource, LockHolder, OpenedProject } from "./lib/bindings";
import * as backend from "./lib/backend";
import { openSince } from "./lib/sharing";
import { block, opened, section } from "./test/fixtures";
import { connect, deferred, menuHandler } from "./test/backend";
import type { FakeCore } from "../harness/fake";
import type { FakeMergePlan } from "../harness/merge";

vi.mock("./lib/backend", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./lib/backend")>()),
  ...(await import("./test/backend")).mockedFunctions,
}));

const HOSTILE = "<img src=x onerror=alert(1)>";
const holder: LockHolder = { user: "Ana Pereira", host: "ana-laptop", pid: 4242, since: 1795000000 };
const PARTED = 1794398400;

const sharper = block({ id: 1, uid: "b1", kind: "benefit", title: "Sharper focus", body: "Social media will connect us." });
const ideas = block({ id: 2, uid: "b2", kind: "metric", title: "Ideas submitted", number: 1200, unit: "ideas" });
const acme = block({ id: 3, uid: "b3", kind: "story", title: "Acme did it", body: "Acme cut its answer times by half." });

function project(readOnly: LockHolder | null = null): OpenedProject {
  return {
    ...opened("/home/ana/Board case.casewright", {
      title: "Four-day week pilot",
      sections: [section({ id: 10, uid: "s10", title: "Opportunity", blocks: [sharper, ideas] }), section({ id: 20, uid: "s20", title: "Proof", blocks: [acme] })],
      library: [block({ id: 5, uid: "b5", kind: "story", title: "Library story" })],
    }),
    readOnly,
  };
}

/** Ben's copy: ten changes of his (one hostile), and one conflict of each kind. */
function benPlan(overrides: Partial<FakeMergePlan> = {}): FakeMergePlan {
  const taken = [
    "Metric “Ideas submitted” in “Opportunity”: title from their copy",
    `Benefit “${HOSTILE}” in “Proof”: added in their copy`,
    ...Array.from({ length: 8 }, (_, i) => `Section “Part ${i + 1}”: added in their copy`),
  ];
  return {
    fileName: "Board case (Ben).casewright",
    baseMadeAt: PARTED,
    taken,
    conflicts: [
      { id: 0, kind: "changedBothWays", subject: "Benefit “Sharper focus” in “Opportunity”", field: "title", base: "Focus", ours: "Sharper focus", theirs: HOSTILE },
      { id: 1, kind: "deletedHereChangedThere", subject: "Story “Gone” in “Proof”", field: null, base: null, ours: "Deleted", theirs: "Gone\n\nThey kept it and wrote more." },
      { id: 2, kind: "changedHereDeletedThere", subject: "Story “Acme did it” in “Proof”", field: null, base: null, ours: "Acme did it\n\nAcme cut its answer times by half.", theirs: "Deleted" },
    ],
    pilotsDiffer: false,
    fingerprint: "plan-1",
    takenEdits: [{ op: "updateBlock", block: { ...ideas, title: "Ideas submitted in 2026" } }],
    theirEdits: {
      0: [{ op: "updateBlock", block: { ...sharper, title: HOSTILE } }],
      1: [{ op: "addBlock", block: block({ id: 0, uid: "gone", kind: "story", title: "Gone", body: "They kept it and wrote more." }), to: { in: "section", sectionId: 20, index: 1 } }],
      2: [{ op: "deleteBlock", id: 3 }],
    },
    ...overrides,
  };
}

async function start(readOnly: LockHolder | null = null): Promise<FakeCore> {
  const core = connect(backend, project(readOnly));
  core.mergeAnswer = benPlan();
  render(App);
  await screen.findByTestId("storyboard");
  return core;
}

async function openMerge() {
  menuHandler(backend)({ action: "mergeFrom" });
  return screen.findByRole("dialog", { name: /^Merge changes from / });
}

const status = () => screen.getByRole("status");
/** The titles on the storyboard, section by section, then the library's. */
const titles = () =>
  [...within(screen.getByTestId("storyboard")).getAllByTestId("block-title"), ...within(screen.getByTestId("library-blocks")).queryAllByTestId("block-title")].map((t) =>
    t.textContent?.trim(),
  );
const conflicts = (dialog: HTMLElement) => within(dialog).getAllByTestId("conflict");
const mergeButton = (dialog: HTMLElement) => within(dialog).getByRole("button", { name: "Merge" });
const inert = () => {
  const app = document.querySelector<HTMLElement>(".app")!;
  return app.hasAttribute("inert") || (app as HTMLElement & { inert?: boolean }).inert === true;
};

beforeEach(() => {
  vi.clearAllMocks();
  localStorage.clear();
});

describe("Merge Changes From…", () => {
  it("shows the plan: when the copies parted, their changes (the first eight, then all), and each conflict's two versions side by side, as text", async () => {
    await start();
    const dialog = await openMerge();
    expect(backend.mergePlanDialog).toHaveBeenCalledTimes(1);
    expect(dialog).toHaveAccessibleName("Merge changes from Board case (Ben).casewright");
    expect(dialog).toHaveAttribute("aria-modal", "true");
    expect(dialog).toHaveAccessibleDescription(`Your copies parted on ${openSince(PARTED)}.`);
    expect(inert()).toBe(true);

    const taken = within(dialog).getByTestId("merge-taken");
    expect(within(taken).getByRole("heading", { name: "Their changes (10)" })).toBeInTheDocument();
    expect(within(taken).getAllByTestId("taken-change")).toHaveLength(8);
    expect(within(taken).getAllByTestId("taken-change")[1].textContent).toBe(`Benefit “${HOSTILE}” in “Proof”: added in their copy`);
    const more = within(taken).getByRole("button", { name: "Show all 10" });
    expect(more).toHaveAttribute("aria-expanded", "false");
    await fireEvent.click(more);
    expect(within(taken).getAllByTestId("taken-change")).toHaveLength(10);
    expect(more).toHaveAttribute("aria-expanded", "true");
    expect(more).toHaveTextContent("Show fewer");

    expect(within(dialog).getByRole("heading", { name: "Decide (3)" })).toBeInTheDocument();
    const [title, deletedHere, deletedThere] = conflicts(dialog);
    expect(within(title).getByTestId("conflict-subject")).toHaveTextContent("Benefit “Sharper focus” in “Opportunity”");
    expect(within(title).getByTestId("conflict-kind")).toHaveTextContent("Changed in both copies: title");
    expect(within(title).getByTestId("conflict-ours").textContent).toBe("Sharper focus");
    expect(within(title).getByTestId("conflict-theirs").textContent).toBe(HOSTILE);
    expect(within(title).getByRole("region", { name: "Theirs: Benefit “Sharper focus” in “Opportunity”" })).toBeInTheDocument();
    expect(within(deletedHere).getByTestId("conflict-kind")).toHaveTextContent("You deleted it; they changed it");
    expect(within(deletedHere).getByTestId("conflict-theirs").textContent).toBe("Gone\n\nThey kept it and wrote more.");
    expect(within(deletedThere).getByTestId("conflict-kind")).toHaveTextContent("You changed it; they deleted it");
    expect(within(deletedThere).getByTestId("conflict-theirs").textContent).toBe("Deleted");
    // Nothing that looks like markup became an element.
    expect(dialog.querySelector("img")).toBeNull();

    // Each conflict is a labelled radio group, nothing chosen for the person.
    const group = within(title).getByRole("radiogroup");
    expect(group).toHaveAccessibleName("Benefit “Sharper focus” in “Opportunity” Changed in both copies: title");
    for (const radio of within(dialog).getAllByRole("radio")) expect(radio).not.toBeChecked();
    expect(within(group).getAllByRole("radio").map((r) => r.closest("label")?.textContent?.trim())).toEqual(["Keep yours", "Take theirs"]);
    // The keyboard starts at the top of the plan (not on the first choice, which would scroll their changes away).
    expect(within(dialog).getByRole("region", { name: "What the merge does" })).toHaveFocus();
  });

  it("shows the version both started from only for a change both ways, behind a disclosure", async () => {
    await start();
    const dialog = await openMerge();
    const [title, deletedHere] = conflicts(dialog);
    const disclosure = title.querySelector("details")!;
    expect(within(title).getByText("Show the version you both started from").tagName).toBe("SUMMARY");
    expect(disclosure.open).toBe(false);
    expect(within(title).getByTestId("conflict-base").textContent).toBe("Focus");
    expect(deletedHere.querySelector("details")).toBeNull();
  });

  it("keeps Merge disabled, counting what is left, until every conflict is decided; then sends exactly those choices", async () => {
    const core = await start();
    const dialog = await openMerge();
    const merge = mergeButton(dialog);
    const left = within(dialog).getByTestId("merge-left");
    expect(merge).toBeDisabled();
    expect(left).toHaveTextContent("3 left to decide");
    expect(merge).toHaveAccessibleDescription("3 left to decide");

    const [title, deletedHere, deletedThere] = conflicts(dialog);
    await fireEvent.click(within(title).getByRole("radio", { name: "Take theirs" }));
    expect(left).toHaveTextContent("2 left to decide");
    await fireEvent.click(within(deletedHere).getByRole("radio", { name: "Keep yours" }));
    expect(merge).toBeDisabled();
    // A choice can be changed.
    await fireEvent.click(within(title).getByRole("radio", { name: "Keep yours" }));
    await fireEvent.click(within(title).getByRole("radio", { name: "Take theirs" }));
    expect(left).toHaveTextContent("1 left to decide");
    await fireEvent.click(within(deletedThere).getByRole("radio", { name: "Take theirs" }));
    expect(left).toHaveTextContent("All 3 decided");
    expect(merge).toBeEnabled();

    await fireEvent.click(merge);
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(backend.applyMerge).toHaveBeenCalledTimes(1);
    expect(core.merges).toEqual([
      {
        fingerprint: "plan-1",
        resolutions: [
          { conflict: 0, choice: "theirs" },
          { conflict: 1, choice: "ours" },
          { conflict: 2, choice: "theirs" },
        ],
      },
    ]);
    // The merged project replaces the one shown: their title (as text), Acme deleted, Gone not brought back.
    expect(titles()).toEqual([HOSTILE, "Ideas submitted in 2026", "Library story"]);
    expect(document.querySelector(".app img[src='x']")).toBeNull();
    expect(status()).toHaveTextContent("Merged Board case (Ben).casewright: 10 of their changes, 3 conflicts decided. Undo with Ctrl+Z.");
    expect(inert()).toBe(false);

    // One undoable edit: Ctrl+Z takes the whole merge back.
    expect(document.getElementById("undo")).toBeEnabled();
    await fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    await waitFor(() => expect(titles()).toEqual(["Sharper focus", "Ideas submitted", "Acme did it", "Library story"]));
    expect(core.calls.filter((c) => c === "undo")).toHaveLength(1);
  });

  it("Keep all mine and Take all theirs decide every conflict at once", async () => {
    const core = await start();
    const dialog = await openMerge();
    await fireEvent.click(within(dialog).getByRole("button", { name: "Take all theirs" }));
    for (const card of conflicts(dialog)) expect(within(card).getByRole("radio", { name: "Take theirs" })).toBeChecked();
    expect(within(dialog).getByTestId("merge-left")).toHaveTextContent("All 3 decided");
    await fireEvent.click(within(dialog).getByRole("button", { name: "Keep all mine" }));
    for (const card of conflicts(dialog)) {
      expect(within(card).getByRole("radio", { name: "Keep yours" })).toBeChecked();
      expect(within(card).getByRole("radio", { name: "Take theirs" })).not.toBeChecked();
    }
    // One changed afterwards.
    await fireEvent.click(within(conflicts(dialog)[1]).getByRole("radio", { name: "Take theirs" }));
    await fireEvent.click(mergeButton(dialog));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(core.merges[0].resolutions).toEqual([
      { conflict: 0, choice: "ours" },
      { conflict: 1, choice: "theirs" },
      { conflict: 2, choice: "ours" },
    ]);
    expect(titles()).toEqual(["Sharper focus", "Ideas submitted in 2026", "Acme did it", "Gone", "Library story"]);
  });

  it("a stale plan: the message and Review again, which plans anew with the choices cleared; then the merge goes through", async () => {
    const core = await start();
    core.staleNext = true;
    const dialog = await openMerge();
    await fireEvent.click(within(dialog).getByRole("button", { name: "Keep all mine" }));
    mergeButton(dialog).focus();
    await fireEvent.click(mergeButton(dialog));
    const alert = await within(dialog).findByRole("alert");
    expect(alert).toHaveTextContent("Their copy or yours changed since this was planned.");
    expect(within(alert).getByTestId("merge-error-message").textContent).toBe("the project or their copy changed since the merge was reviewed; review it again");
    expect(screen.getByRole("dialog")).toBe(dialog);
    expect(mergeButton(dialog)).toBeDisabled();
    const review = within(alert).getByRole("button", { name: "Review again" });
    await waitFor(() => expect(review).toHaveFocus());
    // Nothing changed: the refused merge left the project as it was.
    expect(titles()).toEqual(["Sharper focus", "Ideas submitted", "Acme did it", "Library story"]);

    await fireEvent.click(review);
    await waitFor(() => expect(within(dialog).queryByRole("alert")).toBeNull());
    expect(backend.mergeReplan).toHaveBeenCalledTimes(1);
    for (const radio of within(dialog).getAllByRole("radio")) expect(radio).not.toBeChecked();
    expect(within(dialog).getByTestId("merge-left")).toHaveTextContent("3 left to decide");
    // The keyboard goes back to the top of the plan (the button it was on is gone).
    await waitFor(() => expect(within(dialog).getByTestId("merge-body")).toHaveFocus());

    await fireEvent.click(within(dialog).getByRole("button", { name: "Take all theirs" }));
    await fireEvent.click(mergeButton(dialog));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(core.merges.map((m) => m.fingerprint)).toEqual(["plan-1", "plan-1~1"]);
    expect(status()).toHaveTextContent(/^Merged Board case \(Ben\)\.casewright: 10 of their changes, 3 conflicts decided\./);
  });

  it("another refusal stays in the dialog, which can be tried again", async () => {
    const core = await start();
    const dialog = await openMerge();
    vi.mocked(backend.applyMerge).mockRejectedValueOnce({ code: "corrupt", message: "Board case (Ben).casewright is damaged: database disk image is malformed" });
    await fireEvent.click(within(dialog).getByRole("button", { name: "Keep all mine" }));
    await fireEvent.click(mergeButton(dialog));
    const alert = await within(dialog).findByRole("alert");
    expect(alert).toHaveTextContent("Could not merge.");
    expect(alert).toHaveTextContent("database disk image is malformed");
    expect(within(alert).queryByRole("button", { name: "Review again" })).toBeNull();
    expect(screen.getAllByRole("alert")).toHaveLength(1);
    expect(mergeButton(dialog)).toBeEnabled();
    await fireEvent.click(mergeButton(dialog));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(core.merges).toHaveLength(1);
  });

  it("waits while merging: the button says so, Cancel and Escape wait too", async () => {
    await start();
    const pending = deferred<OpenedProject>();
    vi.mocked(backend.applyMerge).mockReturnValueOnce(pending.promise);
    const dialog = await openMerge();
    await fireEvent.click(within(dialog).getByRole("button", { name: "Keep all mine" }));
    const merge = mergeButton(dialog);
    await fireEvent.click(merge);
    await waitFor(() => expect(merge).toHaveTextContent("Merging…"));
    expect(merge).toHaveAttribute("aria-disabled", "true");
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toBeDisabled();
    await fireEvent.keyDown(dialog, { key: "Escape" });
    expect(screen.getByRole("dialog")).toBe(dialog);
    pending.resolve(project());
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("their copy with no changes of its own: says there is nothing to merge, with a single Close", async () => {
    const core = await start();
    core.mergeAnswer = benPlan({ taken: [], conflicts: [], takenEdits: [], theirEdits: {} });
    const dialog = await openMerge();
    expect(within(dialog).getByTestId("merge-nothing")).toHaveTextContent("Their copy has no changes of its own — nothing to merge.");
    expect(within(dialog).getAllByRole("button").map((b) => b.textContent?.trim())).toEqual(["Close"]);
    expect(within(dialog).getByRole("button", { name: "Close" })).toHaveFocus();
    await fireEvent.click(within(dialog).getByRole("button", { name: "Close" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(backend.applyMerge).not.toHaveBeenCalled();
  });

  it("says when their pilots differ (pilots are not merged); with no conflicts, Merge is ready at once", async () => {
    const core = await start();
    core.mergeAnswer = benPlan({ conflicts: [], theirEdits: {}, pilotsDiffer: true });
    const dialog = await openMerge();
    expect(within(dialog).getByTestId("merge-pilots")).toHaveTextContent("Their pilots differ from yours. Pilots are not merged; open their copy to compare.");
    expect(within(dialog).queryByRole("heading", { name: /^Decide/ })).toBeNull();
    expect(mergeButton(dialog)).toBeEnabled();
    await fireEvent.click(mergeButton(dialog));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(core.merges).toEqual([{ fingerprint: "plan-1", resolutions: [] }]);
    expect(status()).toHaveTextContent(/^Merged Board case \(Ben\)\.casewright: 10 of their changes\. Undo with Ctrl\+Z\.$/);
  });

  it("while read-only: the plan can be read and decided, but not merged, and the dialog says why", async () => {
    await start(holder);
    const dialog = await openMerge();
    const note = within(dialog).getByTestId("merge-read-only");
    expect(note).toHaveTextContent("Read-only here. Ana Pereira has this project open, so their changes can't be merged into it here.");
    expect(note).toHaveTextContent("choose Save a Copy… or Edit Anyway… first");
    await fireEvent.click(within(dialog).getByRole("button", { name: "Take all theirs" }));
    expect(mergeButton(dialog)).toBeDisabled();
    expect(within(dialog).getByTestId("merge-left")).toHaveTextContent("Merging needs an editable project");
    expect(mergeButton(dialog)).toHaveAccessibleDescription(/Merging needs an editable project Read-only here\./);
    expect(backend.applyMerge).not.toHaveBeenCalled();
  });

  it("a project that turned read-only meanwhile: the core's refusal shows in the dialog, and the window turns read-only", async () => {
    const core = await start();
    const dialog = await openMerge();
    core.readOnly = holder;
    await fireEvent.click(within(dialog).getByRole("button", { name: "Keep all mine" }));
    await fireEvent.click(mergeButton(dialog));
    const alert = await within(dialog).findByRole("alert");
    expect(alert).toHaveTextContent("Ana Pereira has this project open");
    await waitFor(() => expect(within(dialog).getByTestId("merge-read-only")).toBeInTheDocument());
    expect(mergeButton(dialog)).toBeDisabled();
    expect(screen.getByRole("region", { name: "Read-only" })).toBeInTheDocument();
  });

  it("a copy of another project is refused in the error banner; a cancelled file dialog does nothing", async () => {
    const core = await start();
    core.mergeAnswer = null;
    menuHandler(backend)({ action: "mergeFrom" });
    await waitFor(() => expect(backend.mergePlanDialog).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();

    core.mergeAnswer = { code: "different_project", message: `${HOSTILE}.casewright is a copy of a different project; only copies of this project can be merged` };
    menuHandler(backend)({ action: "mergeFrom" });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveAttribute("data-code", "different_project");
    expect(alert).toHaveTextContent("Could not merge their changes.");
    expect(within(alert).getByTestId("error-message").textContent).toBe(`${HOSTILE}.casewright is a copy of a different project; only copies of this project can be merged`);
    expect(alert.querySelector("img")).toBeNull();
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("Escape and Cancel close it without merging; focus goes back where it was; menu choices wait meanwhile", async () => {
    await start();
    const exportButton = document.getElementById("export-pdf")!;
    exportButton.focus();
    let dialog = await openMerge();
    menuHandler(backend)({ action: "open" });
    menuHandler(backend)({ action: "importBlocks" });
    expect(backend.openProjectDialog).not.toHaveBeenCalled();
    expect(backend.importSourceDialog).not.toHaveBeenCalled();
    await fireEvent.keyDown(within(dialog).getAllByRole("radio")[0], { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(exportButton).toHaveFocus();

    dialog = await openMerge();
    await fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(backend.applyMerge).not.toHaveBeenCalled();
    expect(exportButton).toHaveFocus();
  });
});

describe("Import Blocks From…", () => {
  function plantSource(): ImportSource {
    return {
      fileName: "Plant.casewright",
      project: {
        ...opened("/x/Plant.casewright", {
          title: "Plant",
          sections: [
            section({ id: 1, uid: "p1", title: "Why now", blocks: [block({ id: 11, uid: "u11", kind: "benefit", title: "Fewer stops", body: "Sensors warn us." }), block({ id: 12, uid: "u12", kind: "metric", title: "Stops cost hours", number: 310, unit: "hours" })] }),
            section({ id: 2, uid: "p2", title: "Empty" }),
            section({ id: 3, uid: "p3", title: HOSTILE, blocks: [block({ id: 31, uid: "u31", kind: "story", title: `${HOSTILE} Hamburg` })] }),
          ],
          library: [block({ id: 41, uid: "u41", kind: "benefit", title: "Safety walks" })],
        }).project,
      },
    };
  }

  async function startImport(readOnly: LockHolder | null = null) {
    const core = await start(readOnly);
    core.importAnswer = plantSource();
    return core;
  }

  async function openImport() {
    menuHandler(backend)({ action: "importBlocks" });
    return screen.findByRole("dialog", { name: "Import blocks from Plant.casewright" });
  }

  const groupNames = (dialog: HTMLElement) => within(dialog).queryAllByTestId("import-group-name").map((n) => n.textContent);
  const importButton = (dialog: HTMLElement) => within(dialog).getByTestId("import-apply");

  it("lists the other project's blocks by section in order, then its library, as text; focus in the filter", async () => {
    await startImport();
    const dialog = await openImport();
    expect(backend.importSourceDialog).toHaveBeenCalledTimes(1);
    expect(dialog).toHaveAccessibleDescription(/Choose blocks to copy into this project.*Plant\.casewright itself is not changed\./);
    expect(groupNames(dialog)).toEqual(["Why now", HOSTILE, "Library"]);
    const rows = within(dialog).getAllByTestId("import-block");
    expect(rows.map((r) => within(r).getByTestId("import-block-title").textContent)).toEqual(["Fewer stops", "Stops cost hours", `${HOSTILE} Hamburg`, "Safety walks"]);
    expect(within(rows[0]).getByTestId("kind-badge")).toHaveTextContent("Benefit");
    expect(within(rows[1]).getByTestId("import-block-figure")).toHaveTextContent("310 hours");
    expect(dialog.querySelector("img")).toBeNull();
    expect(within(dialog).getByRole("checkbox", { name: "Fewer stops" })).toHaveAccessibleDescription("Sensors warn us.");
    expect(within(dialog).getByRole("searchbox", { name: "Filter the blocks by title or text" })).toHaveFocus();
    expect(importButton(dialog)).toBeDisabled();
    expect(importButton(dialog)).toHaveTextContent("Import 0 blocks");
  });

  it("a group's checkbox selects all of it (mixed when some); the filter narrows the list; the button counts the chosen", async () => {
    await startImport();
    const dialog = await openImport();
    const whyNow = within(dialog).getByRole("checkbox", { name: "Select all in “Why now”" });
    await fireEvent.click(whyNow);
    expect(within(dialog).getByRole("checkbox", { name: "Fewer stops" })).toBeChecked();
    expect(within(dialog).getByRole("checkbox", { name: "Stops cost hours" })).toBeChecked();
    expect(importButton(dialog)).toHaveTextContent("Import 2 blocks");
    await fireEvent.click(within(dialog).getByRole("checkbox", { name: "Fewer stops" }));
    expect((whyNow as HTMLInputElement).indeterminate).toBe(true);
    expect(whyNow).not.toBeChecked();
    expect(importButton(dialog)).toHaveTextContent("Import 1 block");
    await fireEvent.click(whyNow);
    expect(importButton(dialog)).toHaveTextContent("Import 2 blocks");
    await fireEvent.click(whyNow);
    expect(importButton(dialog)).toHaveTextContent("Import 0 blocks");
    expect(importButton(dialog)).toBeDisabled();

    const filter = within(dialog).getByRole("searchbox");
    await fireEvent.input(filter, { target: { value: "sensors" } });
    expect(within(dialog).getAllByTestId("import-block").map((r) => within(r).getByTestId("import-block-title").textContent)).toEqual(["Fewer stops"]);
    expect(groupNames(dialog)).toEqual(["Why now"]);
    expect(within(dialog).getByTestId("import-shown")).toHaveTextContent("Showing 1 of 4 blocks");
    // The group's checkbox takes the blocks shown.
    await fireEvent.click(within(dialog).getByRole("checkbox", { name: "Select all in “Why now”" }));
    expect(importButton(dialog)).toHaveTextContent("Import 1 block");
    await fireEvent.input(filter, { target: { value: "walks" } });
    await fireEvent.click(within(dialog).getByRole("checkbox", { name: "Safety walks" }));
    expect(within(dialog).getByTestId("import-hidden")).toHaveTextContent("1 chosen block hidden by the filter");
    expect(importButton(dialog)).toHaveTextContent("Import 2 blocks");
    await fireEvent.input(filter, { target: { value: "nothing like this" } });
    expect(within(dialog).getByTestId("import-no-match")).toHaveTextContent("No blocks match “nothing like this”.");
  });

  it("imports the chosen blocks, in their project's order, to the end of the section chosen; says so; one Ctrl+Z takes them back", async () => {
    const core = await startImport();
    const dialog = await openImport();
    const destination = within(dialog).getByLabelText("Import into");
    expect(destination).toHaveValue("library");
    expect(within(destination).getAllByRole("option").map((o) => o.textContent)).toEqual(["Block library", "End of section “Opportunity”", "End of section “Proof”"]);
    await fireEvent.click(within(dialog).getByRole("checkbox", { name: "Safety walks" }));
    await fireEvent.click(within(dialog).getByRole("checkbox", { name: "Fewer stops" }));
    await fireEvent.change(destination, { target: { value: "section:10" } });
    await fireEvent.click(importButton(dialog));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(core.imports).toEqual([{ uids: ["u11", "u41"], to: { in: "section", sectionId: 10, index: 2 } }]);
    expect(titles()).toEqual(["Sharper focus", "Ideas submitted", "Fewer stops", "Safety walks", "Acme did it", "Library story"]);
    expect(status()).toHaveTextContent("Imported 2 blocks from Plant.casewright into “Opportunity”. Undo with Ctrl+Z.");

    await fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    await waitFor(() => expect(titles()).toEqual(["Sharper focus", "Ideas submitted", "Acme did it", "Library story"]));
  });

  it("imports to the end of the block library by default", async () => {
    const core = await startImport();
    const dialog = await openImport();
    await fireEvent.click(within(dialog).getByRole("checkbox", { name: `${HOSTILE} Hamburg` }));
    await fireEvent.click(importButton(dialog));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(core.imports).toEqual([{ uids: ["u31"], to: { in: "library", index: 1 } }]);
    expect(core.project.library.map((b) => b.title)).toEqual(["Library story", `${HOSTILE} Hamburg`]);
    expect(status()).toHaveTextContent("Imported 1 block from Plant.casewright into the block library. Undo with Ctrl+Z.");
    expect(document.querySelector(".app img[src='x']")).toBeNull();
  });

  it("a failed import stays in the dialog; a cancelled file dialog does nothing; a source without blocks says so", async () => {
    const core = await startImport();
    let dialog = await openImport();
    vi.mocked(backend.importBlocks).mockRejectedValueOnce({ code: "over_limit", message: "the project would hold more than 20,000 blocks" });
    await fireEvent.click(within(dialog).getByRole("checkbox", { name: "Safety walks" }));
    await fireEvent.click(importButton(dialog));
    const alert = await within(dialog).findByRole("alert");
    expect(alert).toHaveTextContent("Could not import the blocks.");
    expect(alert).toHaveTextContent("the project would hold more than 20,000 blocks");
    expect(within(dialog).getByRole("checkbox", { name: "Safety walks" })).toBeChecked();
    await fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    core.importAnswer = null;
    menuHandler(backend)({ action: "importBlocks" });
    await waitFor(() => expect(backend.importSourceDialog).toHaveBeenCalledTimes(2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole("dialog")).toBeNull();

    core.importAnswer = { fileName: "Plant.casewright", project: { ...plantSource().project, sections: [], library: [] } };
    dialog = await openImport();
    expect(dialog).toHaveTextContent("Plant.casewright has no blocks to import.");
    expect(within(dialog).getAllByRole("button").map((b) => b.textContent?.trim())).toEqual(["Close"]);
  });

  it("while read-only: says why blocks can't be imported, without asking for a file; Edit Anyway… leads to the warning", async () => {
    await startImport(holder);
    menuHandler(backend)({ action: "importBlocks" });
    const notice = await screen.findByRole("dialog", { name: "Importing needs an editable project" });
    expect(notice).toHaveAccessibleDescription(/^Ana Pereira has this project open, so blocks can't be imported into it here\./);
    expect(within(notice).getByRole("button", { name: "Close" })).toHaveFocus();
    expect(backend.importSourceDialog).not.toHaveBeenCalled();
    await fireEvent.click(within(notice).getByRole("button", { name: "Close" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    menuHandler(backend)({ action: "importBlocks" });
    await fireEvent.click(within(await screen.findByRole("dialog", { name: "Importing needs an editable project" })).getByRole("button", { name: "Edit Anyway…" }));
    expect(await screen.findByRole("alertdialog", { name: "Edit this project anyway?" })).toBeInTheDocument();
    expect(backend.importSourceDialog).not.toHaveBeenCalled();
  });
});
