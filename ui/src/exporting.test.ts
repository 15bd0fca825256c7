// The export's progress in the status bar, through the App, over the real core
// (crates/test-server): the core's own export sends its steps, which the transport forwards as the
// shell's events; for a slow export the test spaces them out (harness/real.ts beforeEvent), as a
// long export's would arrive. A sequential test server cannot take the Cancel click mid-export, so
// the core's cancel is planted at a step (/test/cancel-export-at) and the UI's Cancel still reaches
// the core. The delay itself is tested with fake timers in lib/exporting.test.ts; here timers are real.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import App from "./App.svelte";
import type { Edit, ExportedBriefing, ExportProgress, ImageRef } from "./lib/bindings";
import * as backend from "./lib/backend";
import { EXPORT_CANCELLED } from "./lib/exporting.svelte";
import { block, opened, section } from "./test/fixtures";
import { connect, deferred, png, real, useRealCore, type RealCore } from "./test/backend";

vi.mock("./lib/backend", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./lib/backend")>()),
  ...(await import("./test/backend")).mockedFunctions,
}));

useRealCore();

const project = opened("/home/ana/Pilot.casewright", {
  title: "Four-day week pilot",
  sections: [section({ id: 10, title: "Opportunity", blocks: [block({ id: 1, kind: "benefit", title: "Sharper focus" })] })],
});

let core: RealCore;

/** The App over a fresh core holding `project`, with `photos` real pictures in it (each a placed block's photo, which the briefing prints). */
async function start(photos = 0) {
  core = await connect(backend, project);
  if (photos > 0) {
    const edits: Edit[] = [];
    for (let i = 0; i < photos; i++) {
      await core.choose(`photo-${i}.png`, png(64 + i, 48));
      const image = await core.invoke<ImageRef>("add_picture_dialog");
      edits.push({ op: "addBlock", block: block({ id: 0, kind: "story", title: `Story ${i}`, photo: { image, caption: "" } }), to: { in: "section", sectionId: core.sectionId("Opportunity"), index: i + 1 } });
    }
    await core.prepare(edits);
  }
  render(App);
  await screen.findByTestId("storyboard");
  // App listens for the shell's export-progress events (as it does long before a person can export).
  await waitFor(() => expect(backend.onExportProgress).toHaveBeenCalled());
  await Promise.all(vi.mocked(backend.onExportProgress).mock.results.map((r) => r.value));
}

/** Each event the core sent reaches the UI `ms` after the previous one. */
const spaced = (ms: number) => core.beforeEvent(() => new Promise((resolve) => setTimeout(resolve, ms)));

/** Each event the core sent waits until the test lets it through: `next()` lets one more through; `reached` settles once one waits. */
function gated() {
  const waiting: (() => void)[] = [];
  let arrived = deferred<void>();
  core.beforeEvent(() => {
    const gate = deferred<void>();
    waiting.push(() => gate.resolve());
    arrived.resolve();
    return gate.promise;
  });
  return {
    /** Settles once an event waits at the gate. */
    reached: async () => {
      while (waiting.length === 0) {
        await arrived.promise;
        arrived = deferred<void>();
      }
    },
    /** Lets the waiting event through. */
    next: () => waiting.shift()!(),
    /** Lets every event through from now on. */
    open: () => {
      core.beforeEvent(null);
      for (const go of waiting.splice(0)) go();
    },
  };
}

const exportButton = () => document.querySelector<HTMLButtonElement>("#export-pdf")!;
const progressbar = () => screen.queryByRole("progressbar", { name: "Exporting the briefing" });
const status = () => screen.getByRole("status");
const SLOW = { timeout: 3000 };
/** The export-progress events the core sent, as the UI received them. */
const progress = () => core.progress() as ExportProgress[];
/** The briefings the core answered it wrote. */
const exported = () => (core.answered("export_briefing_dialog") as (ExportedBriefing | null)[]).filter((a): a is ExportedBriefing => a !== null);

beforeEach(() => {
  vi.clearAllMocks();
});

describe("export progress", () => {
  it("shows a slow export's steps with Cancel, then the usual success", async () => {
    await start(3);
    spaced(120);
    await core.dialog("briefing.pdf");
    await fireEvent.click(exportButton());

    const bar = await screen.findByRole("progressbar", { name: "Exporting the briefing" }, SLOW);
    expect(bar.getAttribute("aria-valuetext")).toMatch(/^Preparing pictures [1-3] of 3$/);
    expect(Number(bar.getAttribute("aria-valuenow"))).toBeGreaterThan(0);
    expect(status().textContent).toBe(bar.getAttribute("aria-valuetext"));
    expect(screen.getByRole("button", { name: "Cancel" })).toBeInTheDocument();

    await waitFor(() => expect(status()).toHaveTextContent("Laying out pages"), SLOW);
    expect(progressbar()!.getAttribute("aria-valuenow")).toBeNull();
    await waitFor(() => expect(status()).toHaveTextContent("Writing the PDF"), SLOW);
    await waitFor(() => expect(exported()).toHaveLength(1), SLOW);
    const [briefing] = exported();
    expect(briefing.path).toBe(`${core.run.dir}/briefing.pdf`);
    expect(await core.exists(briefing.path)).toBe(true);
    await waitFor(() => expect(status()).toHaveTextContent(`Exported ${briefing.pages} pages to ${briefing.path}`), SLOW);
    expect(progressbar()).toBeNull();
    expect(screen.queryByRole("button", { name: "Cancel" })).toBeNull();
    expect(screen.getByRole("button", { name: "Open PDF" })).toBeInTheDocument();
    // The core counted the three photos.
    expect(progress().filter((p) => p.step === "pictures").map((p) => p.total)).toContain(3);
  });

  it("Cancel stops it: nothing written, a short status, no success, focus back on Export PDF…", async () => {
    await start(4);
    spaced(150);
    await core.cancelExportAt({ step: "writing" });
    await core.dialog("briefing.pdf");
    await fireEvent.click(exportButton());
    const cancel = await screen.findByRole("button", { name: "Cancel" }, SLOW);
    cancel.focus();
    await fireEvent.click(cancel);
    expect(backend.cancelExport).toHaveBeenCalledTimes(1);
    expect(status()).toHaveTextContent("Cancelling…");
    expect(cancel).toHaveAttribute("aria-disabled", "true");

    await waitFor(() => expect(status()).toHaveTextContent(EXPORT_CANCELLED), SLOW);
    expect(core.sent("cancel_export")).toHaveLength(1);
    expect(core.answered("export_briefing_dialog")).toEqual([null]);
    expect(await core.exists(`${core.run.dir}/briefing.pdf`)).toBe(false);
    expect(progressbar()).toBeNull();
    expect(screen.queryByRole("button", { name: "Open PDF" })).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(exportButton()));
    expect(exportButton()).toBeEnabled();
  });

  it("Escape cancels while the progress shows", async () => {
    await start(4);
    spaced(150);
    await core.cancelExportAt({ step: "writing" });
    await core.dialog("briefing.pdf");
    await fireEvent.click(exportButton());
    await screen.findByRole("progressbar", {}, SLOW);
    await fireEvent.keyDown(document.body, { key: "Escape" });
    expect(backend.cancelExport).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(status()).toHaveTextContent(EXPORT_CANCELLED), SLOW);
    expect(core.answered("export_briefing_dialog")).toEqual([null]);
    expect(await core.exists(`${core.run.dir}/briefing.pdf`)).toBe(false);
  });

  it("never shows a quick export's progress, though its steps arrive", async () => {
    await start();
    await core.dialog("briefing.pdf");
    await fireEvent.click(exportButton());
    await waitFor(() => expect(status()).toHaveTextContent(/^Exported /));
    // The core's steps reached the UI as the shell's events.
    const steps = progress().map((p) => p.step);
    expect(steps).toEqual(expect.arrayContaining(["pictures", "layout", "writing", "saving"]));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(progressbar()).toBeNull();
  });

  it("does not count the save dialog: the delay starts with the export's first step", async () => {
    await start();
    // The save dialog stays open (the export not yet begun) until the test closes it.
    const dialogOpen = deferred<void>();
    vi.mocked(backend.exportBriefingDialog).mockImplementationOnce(async (settings) => {
      await dialogOpen.promise;
      return real.exportBriefingDialog(settings);
    });
    await core.dialog("briefing.pdf");
    const steps = gated();
    await fireEvent.click(exportButton());
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(progressbar()).toBeNull();
    dialogOpen.resolve();
    // The first two steps (its pictures, then the layout) reach the UI; the rest wait.
    for (let i = 0; i < 2; i++) {
      await steps.reached();
      steps.next();
    }
    await steps.reached();
    expect(progress().map((p) => p.step)).toEqual(["pictures", "layout"]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(progressbar()).toBeNull();
    expect(await screen.findByRole("progressbar", {}, SLOW)).toHaveAttribute("aria-valuetext", "Laying out pages");

    // Cancel came too late (the core had written the file): the export's answer stands.
    await fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    steps.open();
    await waitFor(() => expect(exported()).toHaveLength(1));
    const [briefing] = exported();
    await waitFor(() => expect(status()).toHaveTextContent(`Exported ${briefing.pages} pages to ${briefing.path}`));
    expect(screen.getByRole("button", { name: "Open PDF" })).toBeInTheDocument();
  });

  it("clears the last export's status (its file is being replaced) once the next one starts", async () => {
    await start();
    await core.dialog("briefing.pdf");
    await fireEvent.click(exportButton());
    await waitFor(() => expect(status()).toHaveTextContent(/^Exported /));
    // The next export: its dialog stays open until the test closes it, and the core stops it
    // after laying out (as a Cancel would), so it answers that nothing was written.
    const dialogOpen = deferred<void>();
    vi.mocked(backend.exportBriefingDialog).mockImplementationOnce(async (settings) => {
      await dialogOpen.promise;
      return real.exportBriefingDialog(settings);
    });
    await core.dialog("briefing.pdf");
    await core.cancelExportAt({ step: "layout" });
    const steps = gated();
    await fireEvent.click(exportButton());
    // The dialog is open: the last export is still there to open.
    expect(screen.getByRole("button", { name: "Open PDF" })).toBeInTheDocument();
    dialogOpen.resolve();
    await steps.reached();
    steps.next();
    await waitFor(() => expect(screen.queryByRole("button", { name: "Open PDF" })).toBeNull());
    expect(status()).toHaveTextContent(/^$/);
    steps.open();
    await waitFor(() => expect(core.answered("export_briefing_dialog")).toHaveLength(2));
    expect(core.answered("export_briefing_dialog")[1]).toBeNull();
    await waitFor(() => expect(exportButton()).toBeEnabled());
    expect(status()).toHaveTextContent(/^$/);
  });
});
