// The export's progress in the status bar, through the App: FakeCore's export sends its steps
// (spaced out in slow mode) to the handler App gave onExportProgress, and honours cancel_export.
// The delay itself is tested with fake timers in lib/exporting.test.ts; here timers are real.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import App from "./App.svelte";
import type { ExportedBriefing, ExportProgress } from "./lib/bindings";
import * as backend from "./lib/backend";
import { EXPORT_CANCELLED } from "./lib/exporting.svelte";
import { block, opened, section } from "./test/fixtures";
import { connect, deferred } from "./test/backend";
import type { FakeCore } from "../harness/fake";

vi.mock("./lib/backend", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./lib/backend")>()),
  ...(await import("./test/backend")).mockedFunctions,
}));

const project = opened("/home/ana/Pilot.casewright", {
  title: "Four-day week pilot",
  sections: [section({ id: 10, title: "Opportunity", blocks: [block({ id: 1, kind: "benefit", title: "Sharper focus" })] })],
});

let core: FakeCore;

async function start() {
  core = connect(backend, project);
  render(App);
  await screen.findByTestId("storyboard");
}

const exportButton = () => document.querySelector<HTMLButtonElement>("#export-pdf")!;
const progressbar = () => screen.queryByRole("progressbar", { name: "Exporting the briefing" });
const status = () => screen.getByRole("status");
const SLOW = { timeout: 3000 };

beforeEach(() => {
  vi.clearAllMocks();
});

describe("export progress", () => {
  it("shows a slow export's steps with Cancel, then the usual success", async () => {
    await start();
    core.slowExport = { stepMs: 120, pictures: 3 };
    await fireEvent.click(exportButton());

    const bar = await screen.findByRole("progressbar", { name: "Exporting the briefing" }, SLOW);
    expect(bar.getAttribute("aria-valuetext")).toMatch(/^Preparing pictures [1-3] of 3$/);
    expect(Number(bar.getAttribute("aria-valuenow"))).toBeGreaterThan(0);
    expect(status().textContent).toBe(bar.getAttribute("aria-valuetext"));
    expect(screen.getByRole("button", { name: "Cancel" })).toBeInTheDocument();

    await waitFor(() => expect(status()).toHaveTextContent("Laying out pages"), SLOW);
    expect(progressbar()!.getAttribute("aria-valuenow")).toBeNull();
    await waitFor(() => expect(status()).toHaveTextContent("Writing the PDF"), SLOW);
    await waitFor(() => expect(status()).toHaveTextContent(/^Exported \d+ pages to \/tmp\/harness-briefing\.pdf$/), SLOW);
    expect(progressbar()).toBeNull();
    expect(screen.queryByRole("button", { name: "Cancel" })).toBeNull();
    expect(screen.getByRole("button", { name: "Open PDF" })).toBeInTheDocument();
    expect(core.written).toEqual(["/tmp/harness-briefing.pdf"]);
  });

  it("Cancel stops it: nothing written, a short status, no success, focus back on Export PDF…", async () => {
    await start();
    core.slowExport = { stepMs: 150, pictures: 4 };
    await fireEvent.click(exportButton());
    const cancel = await screen.findByRole("button", { name: "Cancel" }, SLOW);
    cancel.focus();
    await fireEvent.click(cancel);
    expect(backend.cancelExport).toHaveBeenCalledTimes(1);
    expect(status()).toHaveTextContent("Cancelling…");
    expect(cancel).toHaveAttribute("aria-disabled", "true");

    await waitFor(() => expect(status()).toHaveTextContent(EXPORT_CANCELLED), SLOW);
    expect(progressbar()).toBeNull();
    expect(core.written).toEqual([]);
    expect(screen.queryByRole("button", { name: "Open PDF" })).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(exportButton()));
    expect(exportButton()).toBeEnabled();
  });

  it("Escape cancels while the progress shows", async () => {
    await start();
    core.slowExport = { stepMs: 150, pictures: 4 };
    await fireEvent.click(exportButton());
    await screen.findByRole("progressbar", {}, SLOW);
    await fireEvent.keyDown(document.body, { key: "Escape" });
    expect(backend.cancelExport).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(status()).toHaveTextContent(EXPORT_CANCELLED), SLOW);
    expect(core.written).toEqual([]);
  });

  it("never shows a quick export's progress, though its steps arrive", async () => {
    await start();
    await fireEvent.click(exportButton());
    await waitFor(() => expect(status()).toHaveTextContent(/^Exported /));
    expect(core.progress.map((p) => p.step)).toEqual(["pictures", "layout", "writing", "saving", "saving"]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(progressbar()).toBeNull();
  });

  it("does not count the save dialog: the delay starts with the export's first step", async () => {
    await start();
    const pending = deferred<ExportedBriefing | null>();
    vi.mocked(backend.exportBriefingDialog).mockReturnValueOnce(pending.promise);
    await fireEvent.click(exportButton());
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(progressbar()).toBeNull();
    const step = vi.mocked(backend.onExportProgress).mock.calls.at(-1)![0] as (progress: ExportProgress) => void;
    step({ step: "layout", done: 0, total: 1 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(progressbar()).toBeNull();
    expect(await screen.findByRole("progressbar", {}, SLOW)).toHaveAttribute("aria-valuetext", "Laying out pages");

    // Cancel came too late (the file was being saved): the export's answer stands.
    await fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    pending.resolve({ path: "/tmp/b.pdf", pages: 4, bytes: 9000, warnings: [] });
    await waitFor(() => expect(status()).toHaveTextContent("Exported 4 pages to /tmp/b.pdf"));
    expect(screen.getByRole("button", { name: "Open PDF" })).toBeInTheDocument();
  });

  it("clears the last export's status (its file is being replaced) once the next one starts", async () => {
    await start();
    await fireEvent.click(exportButton());
    await waitFor(() => expect(status()).toHaveTextContent(/^Exported /));
    const pending = deferred<ExportedBriefing | null>();
    vi.mocked(backend.exportBriefingDialog).mockReturnValueOnce(pending.promise);
    await fireEvent.click(exportButton());
    // The dialog is open: the last export is still there to open.
    expect(screen.getByRole("button", { name: "Open PDF" })).toBeInTheDocument();
    const step = vi.mocked(backend.onExportProgress).mock.calls.at(-1)![0] as (progress: ExportProgress) => void;
    step({ step: "pictures", done: 0, total: 0 });
    await waitFor(() => expect(screen.queryByRole("button", { name: "Open PDF" })).toBeNull());
    expect(status()).toHaveTextContent(/^$/);
    pending.resolve(null);
    await waitFor(() => expect(exportButton()).toBeEnabled());
    expect(status()).toHaveTextContent(/^$/);
  });
});
