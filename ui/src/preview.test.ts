// The briefing preview through the real App, against the real core's briefing (crates/test-server;
// its SVG draws glyphs, so pages are compared with the core's own SVG, asked by the test):
// the Preview tab's pages and thumbnails, the print choices it sends to briefing_preview and
// to every Export PDF…, live refreshes (only while shown, the latest answer winning, the old
// pages kept meanwhile), warnings, failures, and another project opened.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import App from "./App.svelte";
import type { BriefingPreview, BriefingSettings, ExportedBriefing, OpenedProject } from "./lib/bindings";
import * as backend from "./lib/backend";
import { PREVIEW_DELAY_MS, SETTINGS_KEY } from "./lib/preview.svelte";
import { block, opened, section } from "./test/fixtures";
import { connect, heldBack, menuHandler, projectFile, real, useRealCore, type RealCore } from "./test/backend";

vi.mock("./lib/backend", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./lib/backend")>()),
  ...(await import("./test/backend")).mockedFunctions,
}));

useRealCore();

const briefingPreview = vi.mocked(backend.briefingPreview);
const exportBriefingDialog = vi.mocked(backend.exportBriefingDialog);

function project(): OpenedProject {
  return opened("/home/ana/Pilot.casewright", {
    title: "Four-day week pilot",
    audience: "The Board",
    sections: [
      section({
        id: 10,
        title: "Opportunity",
        notes: "Start with the cost of doing nothing.",
        blocks: [
          block({ id: 1, kind: "benefit", title: "Sharper focus", body: "Fewer meetings." }),
          block({ id: 2, kind: "metric", title: "Ideas submitted", number: 1200, unit: "ideas", source: "HR survey 2025" }),
        ],
      }),
      section({ id: 20, title: "Proof", notes: "Lead with Acme.", blocks: [block({ id: 3, kind: "story", title: "Acme did it", body: "Acme ran it for a year." })] }),
      section({ id: 30, title: "Start small" }),
    ],
  });
}

const A4: BriefingSettings = { paper: "a4", handout: false };
const LETTER: BriefingSettings = { paper: "letter", handout: false };
const LETTER_HANDOUT: BriefingSettings = { paper: "letter", handout: true };

let core: RealCore;

async function start(initial = project()) {
  core = await connect(backend, initial);
  const view = render(App);
  await screen.findByTestId("storyboard");
  return view;
}

const previewTab = () => screen.getByRole("tab", { name: "Preview" });
const panel = () => screen.getByTestId("preview");
const pages = () => within(panel()).queryAllByRole("img", { name: /^Page \d+ of \d+$/ });
const thumbs = () => within(within(panel()).getByRole("toolbar", { name: "Go to page" })).getAllByRole("button");
const radio = (name: string) => within(panel()).getByRole("radio", { name }) as HTMLInputElement;
const handout = () => within(panel()).getByRole("checkbox", { name: "Handout (speaker notes and note space)" }) as HTMLInputElement;
const previewExport = () => within(panel()).getByRole("button", { name: /^Export PDF…|^Exporting…/ }) as HTMLButtonElement;
const toolbarExport = () => document.querySelector<HTMLButtonElement>("#export-pdf")!;
/** The SVG document an image shows. */
const svgOf = (img: HTMLElement) => {
  const src = img.getAttribute("src") ?? "";
  return decodeURIComponent(src.slice(src.indexOf(",") + 1));
};
const lastSettings = () => briefingPreview.mock.calls.at(-1)?.[0];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The pages' SVG as the core lays them out now for `settings` (asked by the test, not the UI). */
const corePages = async (settings: BriefingSettings) => (await core.invoke<BriefingPreview>("briefing_preview", { settings })).pages;
/** The next preview's answer held back (the core answers when asked; the UI gets it once released). */
const holdPreview = () => {
  const held = heldBack(real.briefingPreview);
  briefingPreview.mockImplementationOnce(held.fn);
  return held;
};
/** Waits until every edit the UI sent has been answered. */
const saved = () => waitFor(() => expect(screen.getByTestId("save-state")).toHaveTextContent("All changes saved"));

/** Opens the Preview tab and waits for its pages. */
async function openPreview() {
  await fireEvent.click(previewTab());
  await waitFor(() => expect(pages().length).toBeGreaterThan(0));
}

beforeEach(() => {
  vi.clearAllMocks();
  localStorage.clear();
});

describe("the Preview tab", () => {
  it("shows each page as an inert SVG image, with its number, a thumbnail and the print choices", async () => {
    await start();
    await openPreview();
    const expected = { pages: await corePages(A4) };
    // Enough pages for a third one and the thumbnails' keys below.
    expect(expected.pages.length).toBeGreaterThanOrEqual(4);

    expect(briefingPreview).toHaveBeenCalledTimes(1);
    expect(briefingPreview).toHaveBeenCalledWith(A4);
    expect(pages()).toHaveLength(expected.pages.length);
    const third = pages()[2];
    expect(third).toHaveAccessibleName(`Page 3 of ${expected.pages.length}`);
    expect(third.getAttribute("src")).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg%20/);
    expect(pages().map(svgOf)).toEqual(expected.pages);
    expect(third).toHaveAttribute("loading", "lazy");
    expect(third).toHaveAttribute("decoding", "async");
    // The page keeps the paper's shape (the core's page size in points) before the image is decoded.
    const size = core.answered("briefing_preview")[0] as BriefingPreview;
    expect(size.width).toBeCloseTo(595.28, 2);
    expect(third.parentElement!.style.aspectRatio).toBe(`${size.width} / ${size.height}`);
    // Never inserted as markup.
    expect(panel().querySelector("svg text")).toBeNull();

    expect(thumbs().map((t) => t.getAttribute("aria-label"))).toEqual(expected.pages.map((_, i) => `Page ${i + 1}`));
    expect(thumbs()[0]).toHaveAttribute("aria-current", "page");
    expect(within(panel()).getByTestId("preview-summary")).toHaveTextContent(`${expected.pages.length} pages · A4`);
    expect(radio("A4").checked).toBe(true);
    expect(radio("US Letter").checked).toBe(false);
    expect(handout().checked).toBe(false);
    expect(within(panel()).queryByTestId("preview-updating")).toBeNull();
  });

  it("asks for nothing while the tab is hidden, and at once when it is shown", async () => {
    await start();
    await fireEvent.click(screen.getByText("Sharper focus"));
    await fireEvent.click(within(screen.getByTestId("inspector")).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(screen.queryByText("Sharper focus")).toBeNull());
    await sleep(PREVIEW_DELAY_MS * 2);
    expect(briefingPreview).not.toHaveBeenCalled();

    await openPreview();
    expect(briefingPreview).toHaveBeenCalledTimes(1);
    // The pages as the core lays out the project now, without the block.
    const now = await corePages(A4);
    expect(pages().map(svgOf)).toEqual(now);
    expect(core.previews()).toEqual([A4]);

    // Back to the coach: the pages leave the document; shown again, they are there at once and nothing new is asked.
    await fireEvent.click(screen.getByRole("tab", { name: /^Coach/ }));
    expect(panel().querySelectorAll("img")).toHaveLength(0);
    await fireEvent.click(previewTab());
    expect(pages().length).toBeGreaterThan(0);
    await sleep(PREVIEW_DELAY_MS * 2);
    expect(briefingPreview).toHaveBeenCalledTimes(1);
  });

  it("follows edits, undo and redo, keeping the old pages with 'Updating…' until the new ones come", async () => {
    await start();
    await openPreview();
    const before = pages().map(svgOf);

    const slow = holdPreview();
    const proof = screen.getAllByTestId("section").find((s) => within(s).getByTestId("section-title").textContent?.trim() === "Proof")!;
    await fireEvent.click(within(proof).getByRole("button", { name: "Actions for section “Proof”" }));
    await fireEvent.click(screen.getByRole("menuitem", { name: "Rename" }));
    const input = await within(proof).findByRole("textbox", { name: /Section title/ });
    await fireEvent.input(input, { target: { value: "Evidence" } });
    await fireEvent.keyDown(input, { key: "Enter" });

    await waitFor(() => expect(within(panel()).getByTestId("preview-updating")).toHaveTextContent("Updating…"));
    expect(pages().map(svgOf)).toEqual(before);
    await waitFor(() => expect(briefingPreview).toHaveBeenCalledTimes(2));
    expect(pages().map(svgOf)).toEqual(before);
    expect(within(panel()).getByRole("region", { name: "Briefing pages" })).toHaveAttribute("aria-busy", "true");

    await saved();
    const renamed = await corePages(A4);
    expect(renamed).not.toEqual(before);
    slow.release();
    await waitFor(() => expect(pages().map(svgOf)).toEqual(renamed));
    expect(within(panel()).queryByTestId("preview-updating")).toBeNull();

    await fireEvent.keyDown(window, { key: "z", ctrlKey: true });
    await waitFor(() => expect(pages().map(svgOf)).toEqual(before));
    await fireEvent.keyDown(window, { key: "z", ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(pages().map(svgOf)).toEqual(renamed));
    expect(core.core.calls.filter((c) => c === "undo" || c === "redo")).toEqual(["undo", "redo"]);
  });

  it("sends the chosen paper and handout to the preview and to every Export PDF…, and remembers them", async () => {
    const view = await start();
    await openPreview();
    const a4Pages = pages().length;

    await fireEvent.click(radio("US Letter"));
    await waitFor(() => expect(lastSettings()).toEqual(LETTER));
    await waitFor(() => expect(pages()[0].parentElement!.style.aspectRatio).toBe("612 / 792"));
    expect(pages()).toHaveLength(a4Pages);

    await fireEvent.click(handout());
    await waitFor(() => expect(lastSettings()).toEqual(LETTER_HANDOUT));
    // Pages of speaker notes and note space: more pages, as the core lays them out.
    const handoutPages = await corePages(LETTER_HANDOUT);
    expect(handoutPages.length).toBeGreaterThan(a4Pages);
    await waitFor(() => expect(pages().map(svgOf)).toEqual(handoutPages));
    expect(within(panel()).getByTestId("preview-summary")).toHaveTextContent(`${handoutPages.length} pages · US Letter handout`);

    // The toolbar's button says how it prints.
    expect(toolbarExport().title).toMatch(/^Export the board briefing as PDF, US Letter handout \(Ctrl\+E\)/);

    // Each export's save dialog answers a file in the run's folder.
    for (const name of ["one.pdf", "two.pdf", "three.pdf"]) await core.dialog(name);
    await fireEvent.click(previewExport());
    await waitFor(() => expect(exportBriefingDialog).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(core.written()).toHaveLength(1));
    const [exported] = core.answered("export_briefing_dialog") as ExportedBriefing[];
    expect(exported.pages).toBe(handoutPages.length);
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(`Exported ${exported.pages} pages to ${exported.path}`));
    await fireEvent.click(toolbarExport());
    await waitFor(() => expect(exportBriefingDialog).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(toolbarExport()).toBeEnabled());
    menuHandler(backend)({ action: "export" });
    await waitFor(() => expect(exportBriefingDialog).toHaveBeenCalledTimes(3));
    expect(core.exports()).toEqual([LETTER_HANDOUT, LETTER_HANDOUT, LETTER_HANDOUT]);
    await waitFor(() => expect(core.written()).toHaveLength(3));

    // The next time the app starts.
    expect(JSON.parse(localStorage.getItem(SETTINGS_KEY)!)).toEqual(LETTER_HANDOUT);
    view.unmount();
    vi.clearAllMocks();
    await start();
    await openPreview();
    expect(briefingPreview).toHaveBeenCalledWith(LETTER_HANDOUT);
    expect(radio("US Letter").checked).toBe(true);
    expect(handout().checked).toBe(true);
  });

  it("exports with the default A4 briefing until something else is chosen", async () => {
    await start();
    expect(toolbarExport().title).toMatch(/^Export the board briefing as PDF, A4 \(Ctrl\+E\)/);
    await fireEvent.click(toolbarExport());
    await waitFor(() => expect(exportBriefingDialog).toHaveBeenCalledWith(A4));
    expect(briefingPreview).not.toHaveBeenCalled();
  });

  it("shows the export as busy on its own button too", async () => {
    await start();
    await openPreview();
    // The save dialog is cancelled (no answer queued); its answer is held back meanwhile.
    const pending = heldBack(real.exportBriefingDialog);
    exportBriefingDialog.mockImplementationOnce(pending.fn);

    await fireEvent.click(previewExport());
    expect(previewExport()).toBeDisabled();
    expect(previewExport()).toHaveTextContent("Exporting…");
    expect(toolbarExport()).toBeDisabled();
    pending.release();
    expect(await pending.delivered).toBeNull();
    await waitFor(() => expect(previewExport()).toBeEnabled());
    expect(previewExport()).toHaveTextContent("Export PDF…");
  });

  it("does not show an older answer for other print choices, even when it comes first", async () => {
    await start();
    await openPreview();
    const a4Pages = pages().length;
    const first = holdPreview();
    const second = holdPreview();

    await fireEvent.click(radio("US Letter"));
    await waitFor(() => expect(briefingPreview).toHaveBeenCalledTimes(2));
    await fireEvent.click(handout());
    await waitFor(() => expect(briefingPreview).toHaveBeenCalledTimes(3));
    expect(briefingPreview.mock.calls.slice(1).map(([settings]) => settings)).toEqual([LETTER, LETTER_HANDOUT]);

    // The Letter pages come first, but the handout has been asked for since: not shown, so
    // the pages do not change shape twice.
    first.release();
    await first.delivered;
    await sleep(0);
    const a4 = core.answered("briefing_preview")[0] as BriefingPreview;
    expect(pages()[0].parentElement!.style.aspectRatio).toBe(`${a4.width} / ${a4.height}`);
    expect(pages()).toHaveLength(a4Pages);
    expect(within(panel()).getByTestId("preview-updating")).toBeInTheDocument();

    second.release();
    const handoutAnswer = await second.delivered;
    expect(handoutAnswer.pages.length).toBeGreaterThan(a4Pages);
    await waitFor(() => expect(pages().map(svgOf)).toEqual(handoutAnswer.pages));
    expect(within(panel()).queryByTestId("preview-updating")).toBeNull();
  });

  it("drops an answer that comes after a later question's", async () => {
    await start();
    await openPreview();
    const first = holdPreview();
    const second = holdPreview();

    // Delete a block, then undo: two questions with the same print choices.
    await fireEvent.click(screen.getByText("Sharper focus"));
    await fireEvent.keyDown(window, { key: "Delete" });
    await waitFor(() => expect(screen.queryByText("Sharper focus")).toBeNull());
    await waitFor(() => expect(briefingPreview).toHaveBeenCalledTimes(2));
    await fireEvent.keyDown(window, { key: "z", ctrlKey: true });
    await screen.findByText("Sharper focus");
    await waitFor(() => expect(briefingPreview).toHaveBeenCalledTimes(3));

    second.release();
    const restored = (await second.delivered).pages;
    await waitFor(() => expect(within(panel()).queryByTestId("preview-updating")).toBeNull());
    expect(pages().map(svgOf)).toEqual(restored);
    first.release();
    // The older answer (the core laid out the board without the block) differs, and is dropped.
    expect((await first.delivered).pages).not.toEqual(restored);
    await sleep(0);
    expect(pages().map(svgOf)).toEqual(restored);
  });

  it("shows what would not print above the pages", async () => {
    const withEmoji = project();
    withEmoji.project.sections[0].blocks[0].body = "Fewer meetings 🚀";
    await start(withEmoji);
    await openPreview();
    const warnings = within(panel()).getByTestId("preview-warnings");
    expect(within(warnings).getByRole("heading")).toHaveTextContent("Check this before you export");
    // The core's warnings, as it words them: the rocket is one of them.
    const told = (core.answered("briefing_preview").at(-1) as BriefingPreview).warnings;
    expect(told.some((w) => w.includes("🚀"))).toBe(true);
    expect(within(warnings).getAllByRole("listitem").map((item) => item.textContent?.trim())).toEqual(told);
    expect(warnings.compareDocumentPosition(pages()[0]) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("says when the preview cannot be made, and tries again", async () => {
    await start();
    // Planted: no outside cause makes a preview fail to lay out (the test server's fail-next).
    await core.failNext("briefing_preview", { code: "io", message: "the project file could not be read" });
    await fireEvent.click(previewTab());
    const problem = await within(panel()).findByRole("alert");
    expect(problem).toHaveTextContent("The preview could not be made. the project file could not be read");
    expect(problem.querySelector("[data-code]")).toHaveAttribute("data-code", "io");
    expect(pages()).toHaveLength(0);

    await fireEvent.click(within(problem).getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(pages().length).toBeGreaterThan(0));
    expect(within(panel()).queryByRole("alert")).toBeNull();
  });

  it("keeps the last pages, marked out of date, when an update fails", async () => {
    await start();
    await openPreview();
    const before = pages().map(svgOf);
    await core.failNext("briefing_preview", { code: "io", message: "the disk went away" });
    await fireEvent.click(radio("US Letter"));
    const problem = await within(panel()).findByRole("alert");
    expect(problem).toHaveTextContent("The preview could not be updated. the disk went away");
    expect(problem).toHaveTextContent("The pages below are from before the last change.");
    expect(pages().map(svgOf)).toEqual(before);

    await fireEvent.click(within(problem).getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(pages()[0].parentElement!.style.aspectRatio).toBe("612 / 792"));
    expect(within(panel()).queryByRole("alert")).toBeNull();
  });

  it("shows the new project's pages after another file is opened, not the old ones meanwhile", async () => {
    const other = await projectFile(
      opened("/home/ana/Hybrid.casewright", {
        title: "Hybrid working",
        sections: [section({ id: 7, title: "What we gain", blocks: [block({ id: 70, kind: "metric", title: "Office cost", number: -18.5, unit: "%" })] })],
      }),
    );
    await start();
    await openPreview();
    const old = pages().map(svgOf);
    const slow = holdPreview();
    await core.dialog(other);

    await fireEvent.click(document.querySelector<HTMLButtonElement>("#open-project")!);
    await waitFor(() => expect(screen.getByTestId("project-title")).toHaveTextContent("Hybrid working"));
    expect(pages()).toHaveLength(0);
    expect(within(panel()).getByRole("status")).toHaveTextContent("Laying out the briefing…");

    slow.release();
    await waitFor(() => expect(pages().length).toBeGreaterThan(0));
    const hybrid = await corePages(A4);
    expect(hybrid).not.toEqual(old);
    expect(pages().map(svgOf)).toEqual(hybrid);
  });

  it("jumps to a page from its thumbnail, and moves along the strip with the arrow keys", async () => {
    await start();
    await openPreview();
    expect(thumbs().length).toBeGreaterThanOrEqual(4);
    await fireEvent.click(thumbs()[2]);
    expect(thumbs()[2]).toHaveAttribute("aria-current", "page");
    expect(thumbs()[2]).toHaveAttribute("tabindex", "0");
    expect(thumbs()[0]).toHaveAttribute("tabindex", "-1");

    thumbs()[2].focus();
    await fireEvent.keyDown(thumbs()[2], { key: "ArrowRight" });
    await waitFor(() => expect(thumbs()[3]).toHaveFocus());
    expect(thumbs()[3]).toHaveAttribute("aria-current", "page");
    await fireEvent.keyDown(thumbs()[3], { key: "Home" });
    await waitFor(() => expect(thumbs()[0]).toHaveFocus());
    await fireEvent.keyDown(thumbs()[0], { key: "End" });
    await waitFor(() => expect(thumbs().at(-1)).toHaveFocus());
  });
});
