import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import App from "./App.svelte";
import type { ExportedBriefing, OpenedProject } from "./lib/bindings";
import * as backend from "./lib/backend";
import { block, opened, section } from "./test/fixtures";

vi.mock("./lib/backend", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./lib/backend")>()),
  currentProject: vi.fn(),
  openProjectDialog: vi.fn(),
  exportBriefingDialog: vi.fn(),
  takeStartupProblem: vi.fn(async () => null),
  setWindowTitle: vi.fn(async () => {}),
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

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function renderWith(opened: OpenedProject) {
  currentProject.mockResolvedValue(opened);
  render(App);
  await screen.findByTestId("storyboard");
}

const exportButton = () => document.querySelector<HTMLButtonElement>("#export-pdf")!;
const openButton = () => document.querySelector<HTMLButtonElement>("#open-project")!;

beforeEach(() => {
  vi.clearAllMocks();
  takeStartupProblem.mockResolvedValue(null);
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
    expect(within(sections[2]).getByText("No blocks yet")).toBeInTheDocument();
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

    pending.resolve({ path: "/home/ana/briefing.pdf", pages: 3, bytes: 52000 });
    await waitFor(() =>
      expect(screen.getByRole("status")).toHaveTextContent("Exported 3 pages to /home/ana/briefing.pdf"),
    );
    expect(exportButton()).toBeEnabled();
    expect(exportButton()).toHaveTextContent("Export PDF…");
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

  it("opens with Ctrl+O and exports with Ctrl+E", async () => {
    await renderWith(sample);
    openProjectDialog.mockResolvedValue(null);
    exportBriefingDialog.mockResolvedValue({ path: "/tmp/one.pdf", pages: 1, bytes: 900 });

    await fireEvent.keyDown(window, { key: "o", ctrlKey: true });
    await waitFor(() => expect(openButton()).toBeEnabled());
    expect(openProjectDialog).toHaveBeenCalledTimes(1);

    await fireEvent.keyDown(window, { key: "e", ctrlKey: true });
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Exported 1 page to /tmp/one.pdf"));
    expect(exportBriefingDialog).toHaveBeenCalledTimes(1);

    await fireEvent.keyDown(window, { key: "e" });
    expect(exportBriefingDialog).toHaveBeenCalledTimes(1);
  });

  it("labels the toolbar buttons for assistive technology", async () => {
    await renderWith(sample);
    expect(screen.getByRole("button", { name: "Open…" })).toBe(openButton());
    expect(screen.getByRole("button", { name: "Export PDF…" })).toBe(exportButton());
    expect(screen.getByRole("heading", { level: 1, name: "Four-day week pilot" })).toBeInTheDocument();
    expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent)).toEqual([
      "Opportunity",
      "Proof",
      "Start small",
    ]);
  });
});
