import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import App from "./App.svelte";
import type { AppError, ExportedBriefing, OpenedProject } from "./lib/bindings";
import * as backend from "./lib/backend";
import { block, opened, section } from "./test/fixtures";
import { connect, deferred, menuHandler, projectFile, quietCoach, real, useRealCore } from "./test/backend";

vi.mock("./lib/backend", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./lib/backend")>()),
  ...(await import("./test/backend")).mockedFunctions,
}));

const currentProject = vi.mocked(backend.currentProject);
const openProjectDialog = vi.mocked(backend.openProjectDialog);
const exportBriefingDialog = vi.mocked(backend.exportBriefingDialog);
const setWindowTitle = vi.mocked(backend.setWindowTitle);
const takeStartupProblem = vi.mocked(backend.takeStartupProblem);

const sample: OpenedProject = opened("/home/ana/Sample.casewright", {
  title: "Four-day week pilot",
  author: "Ana Pereira",
  audience: "The Board of Directors",
  sections: [
    section({
      id: 10,
      title: "Opportunity",
      blocks: [
        block({ id: 1, kind: "benefit", title: "Sharper focus", body: "Fewer meetings." }),
        block({ id: 2, kind: "metric", title: "Ideas submitted", number: 1200, unit: "ideas per quarter", source: "HR survey 2025" }),
      ],
    }),
    section({
      id: 20,
      title: "Proof",
      blocks: [block({ id: 3, kind: "story", title: "Acme did it", body: "Acme ran it for a year.", number: 34, unit: "%" })],
    }),
    section({ id: 30, title: "Start small" }),
  ],
});

const other: OpenedProject = opened("/home/ana/Hybrid.casewright", {
  title: "Hybrid working",
  author: "Ben Ode",
  audience: "The Executive Team",
  sections: [
    section({
      id: 7,
      title: "What we gain",
      blocks: [block({ id: 70, kind: "metric", title: "Office cost", number: -18.5, unit: "%", source: "Finance" })],
    }),
  ],
});

async function renderWith(opened: OpenedProject) {
  currentProject.mockResolvedValue(opened);
  render(App);
  await screen.findByTestId("storyboard");
}

const exportButton = () => document.querySelector<HTMLButtonElement>("#export-pdf")!;
const openButton = () => document.querySelector<HTMLButtonElement>("#open-project")!;

beforeEach(() => {
  vi.clearAllMocks();
  quietCoach(backend);
  takeStartupProblem.mockResolvedValue(null);
  vi.mocked(backend.onMenuAction).mockResolvedValue(() => {});
});

describe("App", () => {
  it("shows the project's sections and blocks in order, with kind labels, figures and sources", async () => {
    await renderWith(sample);

    expect(screen.getByTestId("project-title")).toHaveTextContent("Four-day week pilot");
    expect(screen.getByText("Prepared for The Board of Directors")).toBeInTheDocument();
    expect(screen.getByText("by Ana Pereira")).toBeInTheDocument();
    expect(screen.getByText("Sample.casewright")).toBeInTheDocument();

    const sections = screen.getAllByTestId("section");
    expect(sections.map((s) => within(s).getByTestId("section-title").textContent)).toEqual([
      "Opportunity",
      "Proof",
      "Start small",
    ]);
    expect(sections[0]).toHaveTextContent("01");
    expect(sections[0]).toHaveTextContent("2 blocks");
    expect(sections[1]).toHaveTextContent("02");
    expect(sections[1]).toHaveTextContent("1 block");
    expect(within(sections[2]).getByText("Drag blocks here")).toBeInTheDocument();
    expect(within(sections[2]).queryAllByTestId("block")).toHaveLength(0);

    const blocks = screen.getAllByTestId("block");
    expect(blocks.map((b) => [b.dataset.kind, within(b).getByTestId("block-title").textContent])).toEqual([
      ["benefit", "Sharper focus"],
      ["metric", "Ideas submitted"],
      ["story", "Acme did it"],
    ]);
    expect(blocks.map((b) => within(b).getByTestId("kind-badge").textContent?.trim())).toEqual([
      "Benefit",
      "Metric",
      "Story",
    ]);

    expect(within(blocks[0]).queryByTestId("block-figure")).toBeNull();
    expect(within(blocks[1]).getByTestId("block-figure").textContent).toBe("1,200 ideas per quarter");
    expect(within(blocks[1]).getByText("Source: HR survey 2025")).toBeInTheDocument();
    expect(within(blocks[2]).getByTestId("block-figure").textContent).toBe("34%");
    expect(within(blocks[2]).queryByText(/^Source:/)).toBeNull();
    expect(within(blocks[0]).getByText("Fewer meetings.")).toBeInTheDocument();

    expect(setWindowTitle).toHaveBeenLastCalledWith("Sample.casewright — Casewright");
  });

  it("says why the file it was started with could not be opened, and shows the sample", async () => {
    currentProject.mockResolvedValue(sample);
    takeStartupProblem.mockResolvedValue({
      code: "too_new",
      message: "board.casewright was saved by a newer Casewright",
    });
    render(App);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Could not open the file you chose");
    expect(alert).toHaveTextContent("saved by a newer Casewright");
    expect(screen.getByTestId("project-title")).toHaveTextContent("Four-day week pilot");
  });

  it("shows a loading state until the project arrives", async () => {
    const pending = deferred<OpenedProject>();
    currentProject.mockReturnValue(pending.promise);
    render(App);

    expect(screen.getByText("Loading project…")).toBeInTheDocument();
    expect(screen.queryByTestId("storyboard")).toBeNull();
    expect(exportButton()).toBeDisabled();

    pending.resolve(sample);
    expect(await screen.findByTestId("storyboard")).toBeInTheDocument();
    expect(screen.queryByText("Loading project…")).toBeNull();
    expect(exportButton()).toBeEnabled();
  });

  it("shows a dismissable error banner when the project cannot be read", async () => {
    currentProject.mockRejectedValue({
      code: "corrupt",
      message: "/home/ana/Sample.casewright is damaged and was not opened: malformed",
    });
    render(App);

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("is damaged and was not opened");
    expect(alert).toHaveAttribute("data-code", "corrupt");
    expect(screen.getByText("No project is open")).toBeInTheDocument();
    expect(exportButton()).toBeDisabled();

    await fireEvent.click(within(alert).getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("explains what to do when the project has no sections", async () => {
    currentProject.mockResolvedValue({ ...sample, project: { ...sample.project, sections: [] } });
    render(App);

    expect(await screen.findByText("This project has no sections yet")).toBeInTheDocument();
    expect(screen.getByTestId("project-title")).toHaveTextContent("Four-day week pilot");
    expect(screen.queryByTestId("storyboard")).toBeNull();
  });

  it("exports the briefing, disabling the button meanwhile, and reports where it went", async () => {
    await renderWith(sample);
    const pending = deferred<ExportedBriefing | null>();
    exportBriefingDialog.mockReturnValue(pending.promise);

    await fireEvent.click(exportButton());
    expect(exportBriefingDialog).toHaveBeenCalledTimes(1);
    expect(exportButton()).toBeDisabled();
    expect(exportButton()).toHaveTextContent("Exporting…");

    pending.resolve({ path: "/home/ana/briefing.pdf", pages: 3, bytes: 52000, warnings: [] });
    await waitFor(() =>
      expect(screen.getByRole("status")).toHaveTextContent("Exported 3 pages to /home/ana/briefing.pdf"),
    );
    expect(exportButton()).toBeEnabled();
    expect(exportButton()).toHaveTextContent("Export PDF…");
  });

  it("offers to open the exported PDF or show its folder while the status reports the export", async () => {
    await renderWith(sample);
    exportBriefingDialog.mockResolvedValue({ path: "/tmp/b.pdf", pages: 8, bytes: 60000, warnings: [] });

    await fireEvent.click(exportButton());
    const open = await screen.findByRole("button", { name: "Open PDF" });
    await fireEvent.click(open);
    expect(backend.openLastExport).toHaveBeenCalledTimes(1);
    await fireEvent.click(screen.getByRole("button", { name: "Show in folder" }));
    expect(backend.revealLastExport).toHaveBeenCalledTimes(1);
  });

  it("offers nothing to open before an export", async () => {
    await renderWith(sample);
    expect(screen.queryByRole("button", { name: "Open PDF" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Show in folder" })).toBeNull();
  });

  it("names a character the fonts cannot print after an export", async () => {
    await renderWith(sample);
    const warning = "“🚀” (U+1F680 ROCKET) is not in the bundled fonts and prints as a box; replace or remove it";
    exportBriefingDialog.mockResolvedValue({ path: "/tmp/b.pdf", pages: 8, bytes: 60000, warnings: [warning] });

    await fireEvent.click(exportButton());
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Exported 8 pages to /tmp/b.pdf"));
    expect(screen.getByRole("status")).toHaveTextContent("U+1F680 ROCKET");
  });

  it("changes nothing when the export dialog is cancelled", async () => {
    await renderWith(sample);
    exportBriefingDialog.mockResolvedValue(null);

    await fireEvent.click(exportButton());
    await waitFor(() => expect(exportButton()).toBeEnabled());

    expect(exportBriefingDialog).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("status")).toHaveTextContent(/^$/);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByTestId("project-title")).toHaveTextContent("Four-day week pilot");
  });

  it("shows an export failure in the error banner", async () => {
    await renderWith(sample);
    exportBriefingDialog.mockRejectedValue({ code: "io", message: "/mnt/ro/b.pdf: Read-only file system" });

    await fireEvent.click(exportButton());

    expect(await screen.findByRole("alert")).toHaveTextContent("Read-only file system");
    expect(screen.getByRole("status")).toHaveTextContent(/^$/);
  });

  it("replaces the shown project with the one opened", async () => {
    await renderWith(sample);
    openProjectDialog.mockResolvedValue(other);

    await fireEvent.click(openButton());

    await waitFor(() => expect(screen.getByTestId("project-title")).toHaveTextContent("Hybrid working"));
    expect(screen.getByText("Prepared for The Executive Team")).toBeInTheDocument();
    expect(screen.getAllByTestId("section-title").map((t) => t.textContent)).toEqual(["What we gain"]);
    expect(screen.getAllByTestId("block")).toHaveLength(1);
    expect(screen.getByTestId("block-figure").textContent).toBe("-18.5%");
    expect(screen.queryByText("Sharper focus")).toBeNull();
    expect(screen.getByText("Hybrid.casewright")).toBeInTheDocument();
    expect(setWindowTitle).toHaveBeenLastCalledWith("Hybrid.casewright — Casewright");
  });

  it("keeps the current project when opening is cancelled or fails", async () => {
    await renderWith(sample);

    openProjectDialog.mockResolvedValueOnce(null);
    await fireEvent.click(openButton());
    await waitFor(() => expect(openButton()).toBeEnabled());
    expect(openProjectDialog).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("project-title")).toHaveTextContent("Four-day week pilot");
    expect(screen.queryByRole("alert")).toBeNull();

    openProjectDialog.mockRejectedValueOnce({ code: "corrupt", message: "Broken.casewright is damaged and was not opened" });
    await fireEvent.click(openButton());
    expect(await screen.findByRole("alert")).toHaveTextContent("Broken.casewright is damaged");
    expect(screen.getByTestId("project-title")).toHaveTextContent("Four-day week pilot");
    expect(screen.getAllByTestId("block")).toHaveLength(3);
  });

  it("leaves Ctrl+O and Ctrl+E to the native menu (its accelerators), so no dialog opens twice", async () => {
    await renderWith(sample);
    openProjectDialog.mockResolvedValue(null);
    exportBriefingDialog.mockResolvedValue({ path: "/tmp/one.pdf", pages: 1, bytes: 900, warnings: [] });

    await fireEvent.keyDown(window, { key: "o", ctrlKey: true });
    await fireEvent.keyDown(window, { key: "e", ctrlKey: true });
    await fireEvent.keyDown(window, { key: "n", ctrlKey: true });
    await fireEvent.keyDown(window, { key: "S", ctrlKey: true, shiftKey: true });

    expect(openProjectDialog).not.toHaveBeenCalled();
    expect(exportBriefingDialog).not.toHaveBeenCalled();
    expect(backend.newProjectDialog).not.toHaveBeenCalled();
    expect(backend.saveAsDialog).not.toHaveBeenCalled();
  });

  it("labels the toolbar buttons for assistive technology", async () => {
    await renderWith(sample);
    expect(screen.getByRole("button", { name: "Open…" })).toBe(openButton());
    expect(screen.getByRole("button", { name: "Export PDF…" })).toBe(exportButton());
    expect(screen.getByRole("heading", { level: 1, name: "Four-day week pilot" })).toBeInTheDocument();
    const board = screen.getByRole("region", { name: "Storyboard" });
    expect(within(board).getAllByRole("heading", { level: 2 }).map((h) => h.textContent?.trim())).toEqual([
      "Opportunity",
      "Proof",
      "Start small",
    ]);
    expect(screen.getByRole("button", { name: "Undo" })).toBe(document.querySelector("#undo"));
    expect(screen.getByRole("button", { name: "Redo" })).toBe(document.querySelector("#redo"));
    expect(screen.getByRole("button", { name: "Move “Sharper focus” to…" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Reorder section “Proof”" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Collapse section “Proof”" })).toBeInTheDocument();
  });
});

// These run on the real core (crates/test-server, through src/test/backend.ts); the tests above
// answer the few calls they need themselves.
useRealCore();

describe("App: history, saving and the native menu", () => {
  const project = () =>
    opened("/home/ana/Pilot.casewright", {
      title: "Four-day week pilot",
      sections: [
        section({ id: 10, title: "Opportunity", blocks: [block({ id: 1, kind: "benefit", title: "Sharper focus" })] }),
        section({ id: 20, title: "Proof" }),
      ],
      library: [block({ id: 5, kind: "metric", title: "Sick days", number: 4, unit: "days" })],
    });

  const undoButton = () => document.querySelector<HTMLButtonElement>("#undo")!;
  const redoButton = () => document.querySelector<HTMLButtonElement>("#redo")!;
  const saveState = () => screen.getByTestId("save-state");

  async function start() {
    const core = await connect(backend, project());
    render(App);
    await screen.findByTestId("storyboard");
    return core;
  }

  async function deleteFirstBlock() {
    await fireEvent.click(screen.getByText("Sharper focus"));
    await fireEvent.click(within(screen.getByTestId("inspector")).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(screen.queryByText("Sharper focus")).toBeNull());
  }

  it("enables Undo and Redo from canUndo and canRedo, and runs them", async () => {
    await start();
    expect(undoButton()).toBeDisabled();
    expect(redoButton()).toBeDisabled();

    await deleteFirstBlock();
    expect(undoButton()).toBeEnabled();
    expect(redoButton()).toBeDisabled();

    await fireEvent.click(undoButton());
    await screen.findByText("Sharper focus");
    expect(backend.undo).toHaveBeenCalledTimes(1);
    expect(undoButton()).toBeDisabled();
    expect(redoButton()).toBeEnabled();

    await fireEvent.click(redoButton());
    await waitFor(() => expect(screen.queryByText("Sharper focus")).toBeNull());
    expect(backend.redo).toHaveBeenCalledTimes(1);
  });

  it("times the opening and each change with User Timing measures (scripts/bench-storyboard.sh reads them)", async () => {
    // Measured since this test began (an earlier test's last measure may still arrive).
    const since = performance.now();
    const measures = (name: string) => performance.getEntriesByName(name, "measure").filter((m) => m.startTime >= since);
    await start();
    await waitFor(() => expect(measures("casewright:open-and-render")).toHaveLength(1));

    const before = performance.now();
    await deleteFirstBlock();
    await waitFor(() => expect(measures("casewright:edit").filter((m) => m.startTime >= before)).toHaveLength(1));
  });

  it("undoes with Ctrl+Z and redoes with Ctrl+Shift+Z and Ctrl+Y", async () => {
    await start();
    await deleteFirstBlock();

    await fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    await screen.findByText("Sharper focus");
    await fireEvent.keyDown(document.body, { key: "Z", ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(screen.queryByText("Sharper focus")).toBeNull());
    await fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    await screen.findByText("Sharper focus");
    await fireEvent.keyDown(document.body, { key: "y", ctrlKey: true });
    await waitFor(() => expect(screen.queryByText("Sharper focus")).toBeNull());

    expect(backend.undo).toHaveBeenCalledTimes(2);
    expect(backend.redo).toHaveBeenCalledTimes(2);
  });

  it("leaves Ctrl+Z, Ctrl+Y and Delete to a text field that has focus", async () => {
    await start();
    await deleteFirstBlock();
    const title = within(screen.getByTestId("inspector")).getByLabelText("Title");
    title.focus();

    await fireEvent.keyDown(title, { key: "z", ctrlKey: true });
    await fireEvent.keyDown(title, { key: "Z", ctrlKey: true, shiftKey: true });
    await fireEvent.keyDown(title, { key: "y", ctrlKey: true });
    await fireEvent.keyDown(title, { key: "Delete" });

    expect(backend.undo).not.toHaveBeenCalled();
    expect(backend.redo).not.toHaveBeenCalled();
    expect(backend.applyEdit).toHaveBeenCalledTimes(1); // only the delete before
  });

  it("says Saving… while an edit is on its way, then All changes saved", async () => {
    const core = await start();
    expect(saveState()).toHaveTextContent("All changes saved");
    const pending = deferred<void>();
    vi.mocked(backend.applyEdit).mockImplementationOnce((edit) => pending.promise.then(() => real.applyEdit(edit)));

    await fireEvent.click(screen.getByText("Sharper focus"));
    await fireEvent.click(within(screen.getByTestId("inspector")).getByRole("button", { name: "Delete" }));
    expect(saveState()).toHaveTextContent("Saving…");

    pending.resolve();
    await waitFor(() => expect(core.answered("apply_edit")).toHaveLength(1));
    await waitFor(() => expect(saveState()).toHaveTextContent("All changes saved"));
    expect(screen.queryByText("Sharper focus")).toBeNull();
  });

  it("shows a refused edit in the error banner and the save state, and shows the core's state again", async () => {
    const core = await start();
    await fireEvent.click(screen.getByText("Sharper focus"));
    // Behind the window's back (another tool), the block is deleted: the core refuses to delete it again.
    await core.invoke("apply_edit", { edit: { op: "deleteBlock", id: core.block("Sharper focus").id } });

    await fireEvent.click(within(screen.getByTestId("inspector")).getByRole("button", { name: "Delete" }));
    const alert = await screen.findByRole("alert");
    const refusal = core.refusals()[0].error as AppError;
    expect(refusal.code).toBe("not_found");
    expect(alert).toHaveTextContent("Could not save the change");
    expect(within(alert).getByTestId("error-message")).toHaveTextContent(refusal.message);
    expect(alert).toHaveAttribute("data-code", "not_found");
    await waitFor(() => expect(saveState()).toHaveTextContent(`Not saved — ${refusal.message}`));
    // The state shown is the core's, fetched again: the block is gone.
    await waitFor(() => expect(screen.queryByText("Sharper focus")).toBeNull());
    expect(currentProject).toHaveBeenCalledTimes(2);

    // The next edit that succeeds clears the save warning.
    await fireEvent.click(screen.getByText("Sick days"));
    await fireEvent.click(within(screen.getByTestId("inspector")).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(saveState()).toHaveTextContent("All changes saved"));
  });

  it("runs the native menu's actions like the toolbar", async () => {
    const core = await start();
    const menu = menuHandler(backend);
    // No dialog answers queued: each file dialog is cancelled.

    // Each one once the one before has answered (a dialog open holds the others back).
    menu({ action: "open" });
    await waitFor(() => expect(openProjectDialog).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(core.answered("open_project_dialog")).toEqual([null]));
    menu({ action: "new" });
    await waitFor(() => expect(backend.newProjectDialog).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(core.answered("new_project_dialog")).toEqual([null]));
    menu({ action: "saveAs" });
    await waitFor(() => expect(backend.saveAsDialog).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(core.answered("save_as_dialog")).toEqual([null]));
    menu({ action: "export" });
    await waitFor(() => expect(exportBriefingDialog).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(core.answered("export_briefing_dialog")).toEqual([null]));
    await waitFor(() => expect(document.querySelector<HTMLButtonElement>("#export-pdf")).toBeEnabled());

    await deleteFirstBlock();
    menu({ action: "undo" });
    await screen.findByText("Sharper focus");
    expect(backend.undo).toHaveBeenCalledTimes(1);
    menu({ action: "redo" });
    await waitFor(() => expect(screen.queryByText("Sharper focus")).toBeNull());
    expect(backend.redo).toHaveBeenCalledTimes(1);
  });

  it("opens a recent project from the menu and a new one from the template", async () => {
    const hybrid = await projectFile(other);
    const core = await start();
    const menu = menuHandler(backend);
    menu({ action: "openRecent", path: hybrid });
    await waitFor(() => expect(screen.getByTestId("project-title")).toHaveTextContent("Hybrid working"));
    expect(backend.openRecent).toHaveBeenCalledWith(hybrid);
    expect(setWindowTitle).toHaveBeenLastCalledWith("Hybrid.casewright — Casewright");

    await core.dialog("New case.casewright");
    menu({ action: "new" });
    await waitFor(() => expect(core.answered("new_project_dialog")).toHaveLength(1));
    const fresh = core.answered("new_project_dialog")[0] as OpenedProject;
    // The core's template: the persuasive arc a new project starts from (template.rs).
    expect(fresh.project.sections.length).toBeGreaterThan(1);
    await waitFor(() => expect(screen.getByTestId("project-title")).toHaveTextContent(fresh.project.title));
    expect(screen.getAllByTestId("section-title").map((t) => t.textContent?.trim())).toEqual(fresh.project.sections.map((s) => s.title));
    expect(screen.getByRole("status")).toHaveTextContent("Created New case.casewright from the template");
    expect(setWindowTitle).toHaveBeenLastCalledWith("New case.casewright — Casewright");
  });

  it("shows a failure to open a recent project", async () => {
    const core = await start();
    // A recent file that is not there any more.
    menuHandler(backend)({ action: "openRecent", path: `${core.run.dir}/Gone.casewright` });
    const alert = await screen.findByRole("alert");
    const refusal = core.refusals().find((r) => r.command === "open_recent")!.error as AppError;
    expect(refusal.message).toContain("Gone.casewright");
    expect(alert).toHaveTextContent(refusal.message);
    expect(screen.getByTestId("project-title")).toHaveTextContent("Four-day week pilot");
  });

  it("stops listening to the menu when it goes away", async () => {
    const stop = vi.fn();
    await connect(backend, project());
    vi.mocked(backend.onMenuAction).mockResolvedValue(stop);
    const { unmount } = render(App);
    await screen.findByTestId("storyboard");
    unmount();
    expect(stop).toHaveBeenCalledTimes(1);
  });
});
