// Two people, one file, in the app: a project another Casewright has open shows read-only (a
// banner saying who and since when, nothing inviting a change, Save a Copy… and Edit Anyway…),
// and Share a Copy… (its dialog, its options, what it reports). The backend is the real core
// (crates/test-server): read-only comes from a real lock file naming another Casewright, the
// files are written where the test server's dialog answers say, and every refusal has a real cause.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import App from "./App.svelte";
import type { AppError, LockHolder, OpenedProject, SearchResult, SharedCopy } from "./lib/bindings";
import * as backend from "./lib/backend";
import { openSince, SHARE_OPTIONS_KEY } from "./lib/sharing";
import { block, opened, section } from "./test/fixtures";
import { connect, heldBack, menuHandler, real, useRealCore, type RealCore } from "./test/backend";

vi.mock("./lib/backend", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./lib/backend")>()),
  ...(await import("./test/backend")).mockedFunctions,
}));

useRealCore();

const HOSTILE = "<img src=x onerror=alert(1)>";
const holder: LockHolder = { user: "Ana Pereira", host: "ana-laptop", pid: 4242, since: 1795000000 };

function project(): OpenedProject {
  return {
    ...opened("/home/ana/Board case.casewright", {
      title: "Four-day week pilot",
      sections: [
        section({
          id: 10,
          title: "Opportunity",
          notes: "Open with the survey.",
          blocks: [
            block({ id: 1, kind: "benefit", title: "Sharper focus", body: "Social media will connect us.", tags: ["focus"] }),
            block({ id: 2, kind: "metric", title: "Ideas submitted", number: 1200, unit: "ideas" }),
          ],
        }),
        section({ id: 20, title: "Proof" }),
      ],
      library: [block({ id: 5, kind: "story", title: "Acme did it" })],
    }),
  };
}

/** The App over the real core; with `readOnly`, the project is open in that other Casewright too (its lock file). */
async function start(readOnly: LockHolder | null = holder): Promise<RealCore> {
  const core = await connect(backend, project());
  if (readOnly) expect((await core.lockedBy(readOnly)).readOnly).toEqual(readOnly);
  render(App);
  await screen.findByTestId("storyboard");
  return core;
}

const banner = () => screen.getByRole("region", { name: "Read-only" });
/** Whether the window behind a dialog is inert (Svelte sets the property; jsdom may not reflect it). */
const inert = () => {
  const app = document.querySelector<HTMLElement>(".app")!;
  return app.hasAttribute("inert") || (app as HTMLElement & { inert?: boolean }).inert === true;
};
const inspector = () => screen.getByTestId("inspector");
const status = () => screen.getByRole("status");

beforeEach(() => {
  vi.clearAllMocks();
  localStorage.clear();
});

describe("a project open read-only", () => {
  it("says who has it open, where and since when, as text (a name that looks like markup stays text)", async () => {
    await start({ ...holder, user: HOSTILE });
    const region = banner();
    expect(within(region).getByTestId("read-only-text").textContent).toBe(
      `Read-only — ${HOSTILE} on ana-laptop has had this project open since ${openSince(holder.since)}. Changes can't be saved here.`,
    );
    expect(region.querySelector("img")).toBeNull();
    expect(within(region).getByRole("button", { name: "Save a Copy…" })).toBeEnabled();
    expect(within(region).getByRole("button", { name: "Edit Anyway…" })).toBeEnabled();
    // The title and the toolbar say read-only where they say whether changes are saved.
    expect(backend.setWindowTitle).toHaveBeenLastCalledWith("Board case.casewright (read-only) — Casewright");
    expect(screen.getByTestId("save-state")).toHaveTextContent("Read-only");
    expect(screen.getByTestId("save-state")).not.toHaveTextContent("All changes saved");
  });

  it("shows no banner and the usual title while the project is editable", async () => {
    await start(null);
    expect(screen.queryByRole("region", { name: "Read-only" })).toBeNull();
    expect(backend.setWindowTitle).toHaveBeenLastCalledWith("Board case.casewright — Casewright");
    expect(screen.getByTestId("save-state")).toHaveTextContent("All changes saved");
  });

  it("invites no change: new blocks, sections, moves, inspector fields, duplicate and delete are locked", async () => {
    const core = await start();
    for (const kind of ["benefit", "story", "metric"]) expect(document.getElementById(`new-block-${kind}`)).toBeDisabled();
    expect(screen.getByText("Read-only: nothing can be added")).toBeInTheDocument();
    expect(document.getElementById("add-section")).toBeDisabled();
    expect(screen.queryAllByTestId("move-menu")).toHaveLength(0);
    expect(document.getElementById("undo")).toBeDisabled();

    // The project's details: readable and selectable, not editable.
    const title = within(inspector()).getByLabelText("Title");
    expect(title).toHaveAttribute("readonly");
    expect(title).toHaveValue("Four-day week pilot");
    expect(within(inspector()).getByRole("button", { name: "Choose logo…" })).toBeDisabled();
    expect(screen.getByTestId("read-only-tips")).toHaveTextContent("nothing can be changed here");

    // A block: every field read-only, its choices and buttons disabled.
    await fireEvent.click(screen.getByText("Ideas submitted"));
    const panel = inspector();
    await within(panel).findByLabelText("Value");
    for (const field of panel.querySelectorAll("input:not([type=color]), textarea")) expect(field).toHaveAttribute("readonly");
    expect(within(panel).getByLabelText("Direction")).toBeDisabled();
    expect(within(panel).getByRole("button", { name: "Duplicate" })).toBeDisabled();
    expect(within(panel).getByRole("button", { name: "Delete" })).toBeDisabled();
    expect(within(panel).getByRole("button", { name: "Choose photo…" })).toBeDisabled();

    // Delete and Ctrl+D on the selected card send nothing; neither do Ctrl+Z and typing.
    const card = screen.getAllByTestId("block").find((b) => b.dataset.blockId === String(core.block("Ideas submitted").id))!;
    await fireEvent.keyDown(card, { key: "Delete" });
    await fireEvent.keyDown(card, { key: "d", ctrlKey: true });
    await fireEvent.keyDown(card, { key: "z", ctrlKey: true });
    await fireEvent.keyDown(within(panel).getByLabelText("Value"), { key: "Backspace" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(core.edits()).toEqual([]);
    expect(core.core.calls).not.toContain("undo");

    // A section: the notes can be read, the section cannot be removed.
    await fireEvent.click(screen.getByRole("button", { name: "Opportunity" }));
    expect(await within(inspector()).findByLabelText("Speaker notes")).toHaveAttribute("readonly");
    expect(within(inspector()).getByRole("button", { name: "Remove section" })).toBeDisabled();
  });

  it("shows the coach's advice with its fixes and Dismiss disabled", async () => {
    await start();
    await fireEvent.click(screen.getByText("Sharper focus"));
    const advice = await within(inspector()).findByTestId("block-advice");
    const fix = await within(advice).findAllByTestId("fix");
    expect(fix.length).toBeGreaterThan(0);
    for (const button of fix) expect(button).toBeDisabled();
    for (const button of within(advice).getAllByRole("button", { name: "Dismiss for this block" })) expect(button).toBeDisabled();
  });

  it("Edit Anyway… asks first; Cancel (or Escape) leaves it read-only, Edit Anyway takes it over and it is editable", async () => {
    const core = await start({ ...holder, user: HOSTILE });
    const editAnyway = within(banner()).getByRole("button", { name: "Edit Anyway…" });
    editAnyway.focus();
    await fireEvent.click(editAnyway);

    const dialog = await screen.findByRole("alertdialog", { name: "Edit this project anyway?" });
    expect(within(dialog).getByTestId("take-over-warning").textContent).toBe(
      `If ${HOSTILE} saves too, one of you will lose changes. Continue only if you know they have closed it.`,
    );
    expect(dialog.querySelector("img")).toBeNull();
    expect(dialog).toHaveAttribute("aria-modal", "true");
    expect(dialog).toHaveAccessibleDescription(/one of you will lose changes/);
    // The safe answer has focus; the rest of the window is inert meanwhile.
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();
    expect(inert()).toBe(true);

    await fireEvent.keyDown(dialog, { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(editAnyway).toHaveFocus();
    expect(inert()).toBe(false);
    expect(backend.takeOverProject).not.toHaveBeenCalled();

    await fireEvent.click(editAnyway);
    await fireEvent.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(backend.takeOverProject).not.toHaveBeenCalled();
    expect(banner()).toBeInTheDocument();

    await fireEvent.click(editAnyway);
    await fireEvent.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Edit Anyway" }));
    await waitFor(() => expect(screen.queryByRole("region", { name: "Read-only" })).toBeNull());
    expect(backend.takeOverProject).toHaveBeenCalledTimes(1);
    expect(core.takeOvers()).toBe(1);
    expect((await core.current()).readOnly).toBeNull();
    expect(status()).toHaveTextContent("You are editing Board case.casewright now.");
    expect(backend.setWindowTitle).toHaveBeenLastCalledWith("Board case.casewright — Casewright");
    expect(document.getElementById("new-block-benefit")).toBeEnabled();
    // Focus went with the banner: the storyboard has it now.
    await waitFor(() => expect(screen.getByTestId("storyboard")).toHaveFocus());

    // Editable: a change is sent, and saved.
    await fireEvent.click(document.getElementById("new-block-story")!);
    await waitFor(() => expect(core.edits().map((e) => e.op)).toEqual(["addBlock"]));
    await waitFor(() => expect(screen.getByTestId("save-state")).toHaveTextContent("All changes saved"));
  });

  it("a failed take-over shows in the error banner and leaves it read-only", async () => {
    const core = await start();
    // The lock file cannot be replaced (a folder stands in its place), so the core cannot take it over.
    await core.lockUnreplaceable();
    await fireEvent.click(within(banner()).getByRole("button", { name: "Edit Anyway…" }));
    await fireEvent.click(within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Edit Anyway" }));
    const alert = await screen.findByRole("alert");
    const refusal = core.refusals().find((r) => r.command === "take_over_project")!.error as AppError;
    expect(alert).toHaveTextContent("Could not take the project over.");
    expect(alert).toHaveTextContent(refusal.message);
    expect(alert).toHaveAttribute("data-code", refusal.code);
    expect(banner()).toBeInTheDocument();
  });

  it("Save a Copy… runs Save As: the copy is this window's own, so it can be edited", async () => {
    const core = await start();
    await core.dialog("Board case (mine).casewright");
    await fireEvent.click(within(banner()).getByRole("button", { name: "Save a Copy…" }));
    await waitFor(() => expect(screen.queryByRole("region", { name: "Read-only" })).toBeNull());
    expect(backend.saveAsDialog).toHaveBeenCalledTimes(1);
    const copy = core.answered("save_as_dialog")[0] as OpenedProject;
    expect(copy).toMatchObject({ path: `${core.run.dir}/Board case (mine).casewright`, readOnly: null });
    expect(await core.exists(copy.path)).toBe(true);
    await waitFor(() => expect(status()).toHaveTextContent(`Saved a copy as ${copy.path}; you are editing the copy now`));
    expect(backend.setWindowTitle).toHaveBeenLastCalledWith("Board case (mine).casewright — Casewright");
    expect(within(inspector()).getByLabelText("Title")).not.toHaveAttribute("readonly");
  });

  it("a cancelled Save a Copy… changes nothing", async () => {
    const core = await start();
    await core.dialog(null);
    const save = within(banner()).getByRole("button", { name: "Save a Copy…" });
    await fireEvent.click(save);
    await waitFor(() => expect(backend.saveAsDialog).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(save).toBeEnabled());
    expect(core.answered("save_as_dialog")).toEqual([null]);
    expect(banner()).toBeInTheDocument();
  });

  it("a change the core refuses as read-only shows its message in the error banner, and the app turns read-only", async () => {
    const core = await start(null);
    // Behind this window's back, another Casewright has the file now and the core opened it again, read-only.
    await core.lockedBy(holder);
    await fireEvent.click(document.getElementById("new-block-benefit")!);
    const alert = await screen.findByRole("alert");
    const refusal = core.refusals().find((r) => r.command === "apply_edit")!.error as AppError;
    expect(refusal.code).toBe("read_only");
    expect(refusal.message).toContain(holder.user);
    expect(alert).toHaveAttribute("data-code", "read_only");
    expect(alert).toHaveTextContent("Could not save the change.");
    expect(alert).toHaveTextContent(refusal.message);
    // The core's state, read again after the refusal, is read-only: the banner says so.
    await waitFor(() => expect(banner()).toBeInTheDocument());
    expect(document.getElementById("new-block-benefit")).toBeDisabled();
  });

  it("a pilot's refusal as read-only goes to the banner, not beside the form", async () => {
    const core = await start(null);
    await fireEvent.click(screen.getByRole("tab", { name: /Pilots/ }));
    await fireEvent.click(await screen.findByRole("button", { name: "Plan a pilot" }));
    const name = await within(await screen.findByTestId("pilot-editor")).findByLabelText("Name");
    await waitFor(() => expect(screen.getByTestId("save-state")).toHaveTextContent("All changes saved"));
    await core.lockedBy(holder);
    await fireEvent.input(name, { target: { value: "Night shift" } });
    await fireEvent.blur(name);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveAttribute("data-code", "read_only");
    expect(screen.queryByTestId("pilot-refusal")).toBeNull();
    await waitFor(() => expect(banner()).toBeInTheDocument());
    expect(document.getElementById("new-pilot")).toBeDisabled();
    expect(within(screen.getByTestId("pilot-editor")).getByLabelText("Name")).toHaveAttribute("readonly");
    expect(within(screen.getByTestId("pilot-editor")).getByRole("button", { name: "Delete pilot" })).toBeDisabled();
  });
});

describe("Share a Copy…", () => {
  async function openShare() {
    menuHandler(backend)({ action: "shareCopy" });
    return screen.findByRole("dialog", { name: "Share a copy" });
  }

  it("opens a labelled modal dialog from the File menu, nothing left out at first, focus on its first choice", async () => {
    await start(null);
    const dialog = await openShare();
    expect(dialog).toHaveAttribute("aria-modal", "true");
    expect(dialog).toHaveAccessibleDescription(/holds only what this project uses — no deleted text, no unused case studies/);
    expect(dialog).toHaveTextContent("When your colleague sends it back, you can merge their changes.");
    const notes = within(dialog).getByRole("checkbox", { name: "Leave out speaker notes" });
    const dismissed = within(dialog).getByRole("checkbox", { name: "Leave out dismissed coach advice" });
    expect(notes).not.toBeChecked();
    expect(dismissed).not.toBeChecked();
    expect(notes).toHaveFocus();
    expect(within(dialog).getByRole("button", { name: "Choose Where to Save…" })).toBeInTheDocument();
    expect(inert()).toBe(true);
  });

  it("sends the options chosen, closes, and says how big the copy is and what was left out", async () => {
    const core = await start(null);
    // A case study the project no longer uses: a library case used as a story, the story then deleted (behind the page's back).
    const query = { text: "", industry: null, size: null, kind: null, year: null, evidence: null, relation: null, sort: "relevance", limit: 1 };
    const [hit] = (await core.invoke<SearchResult>("search_cases", { query })).hits;
    const used = await core.invoke<OpenedProject>("use_library_case", { id: hit.case.id, relation: null, to: { in: "library", index: 0 }, metrics: false });
    await core.invoke("apply_edit", { edit: { op: "deleteBlock", id: used.project.library[0].id } });
    await core.dialog("Board case (shared).casewright");
    const dialog = await openShare();
    await fireEvent.click(within(dialog).getByRole("checkbox", { name: "Leave out speaker notes" }));
    await fireEvent.click(within(dialog).getByRole("button", { name: "Choose Where to Save…" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(backend.shareCopyDialog).toHaveBeenCalledWith({ stripNotes: true, stripDismissed: false });
    expect(core.shares()).toEqual([{ stripNotes: true, stripDismissed: false }]);
    const [shared] = core.answered("share_copy_dialog") as SharedCopy[];
    expect(shared.unusedCasesLeftOut).toBe(1);
    expect(await core.exists(`${core.run.dir}/Board case (shared).casewright`)).toBe(true);
    expect(status()).toHaveTextContent(`Shared copy saved (${Math.round(shared.bytes / 1000)} KB), 1 unused case study left out.`);
    expect(inert()).toBe(false);

    // The choice is remembered for next time.
    expect(JSON.parse(localStorage.getItem(SHARE_OPTIONS_KEY)!)).toEqual({ stripNotes: true, stripDismissed: false });
    const again = await openShare();
    expect(within(again).getByRole("checkbox", { name: "Leave out speaker notes" })).toBeChecked();
    expect(within(again).getByRole("checkbox", { name: "Leave out dismissed coach advice" })).not.toBeChecked();
  });

  it("says only the size when nothing needed leaving out", async () => {
    const core = await start(null);
    await core.dialog("Board case (shared).casewright");
    const dialog = await openShare();
    await fireEvent.click(within(dialog).getByRole("checkbox", { name: "Leave out dismissed coach advice" }));
    await fireEvent.click(within(dialog).getByRole("button", { name: "Choose Where to Save…" }));
    await waitFor(() => expect(core.answered("share_copy_dialog")).toHaveLength(1));
    const [shared] = core.answered("share_copy_dialog") as SharedCopy[];
    expect(shared).toMatchObject({ unusedCasesLeftOut: 0, foreignObjectsLeftOut: 0 });
    await waitFor(() => expect(status()).toHaveTextContent(new RegExp(`^Shared copy saved \\(${Math.round(shared.bytes / 1000)} KB\\)\\.$`)));
    expect(backend.shareCopyDialog).toHaveBeenCalledWith({ stripNotes: false, stripDismissed: true });
  });

  it("a cancelled save dialog just closes it", async () => {
    const core = await start(null);
    await core.dialog(null);
    const dialog = await openShare();
    await fireEvent.click(within(dialog).getByRole("button", { name: "Choose Where to Save…" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(backend.shareCopyDialog).toHaveBeenCalledTimes(1);
    expect(core.answered("share_copy_dialog")).toEqual([null]);
    expect(status()).toHaveTextContent(/^$/);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("keeps the dialog open with the error, and a second try can succeed", async () => {
    const core = await start(null);
    // The folder chosen is not there: the core cannot write the copy.
    await core.dialog("no such folder/Board case (shared).casewright");
    const dialog = await openShare();
    await fireEvent.click(within(dialog).getByRole("button", { name: "Choose Where to Save…" }));
    const alert = await within(dialog).findByRole("alert");
    const refusal = core.refusals().find((r) => r.command === "share_copy_dialog")!.error as AppError;
    expect(alert).toHaveTextContent("Could not share a copy.");
    expect(alert).toHaveTextContent(refusal.message);
    expect(screen.getByRole("dialog", { name: "Share a copy" })).toBe(dialog);
    // Not the window's error banner: the dialog says it, where the person is.
    expect(screen.getAllByRole("alert")).toHaveLength(1);

    await core.dialog("Board case (shared).casewright");
    await fireEvent.click(within(dialog).getByRole("button", { name: "Choose Where to Save…" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(status()).toHaveTextContent(/^Shared copy saved \(\d+ KB\)\.$/);
  });

  it("waits while the save dialog is open: the button says so and Escape does not close it", async () => {
    await start(null);
    // The save dialog is cancelled (no answer queued); the answer is held back meanwhile, as while the dialog is open.
    const pending = heldBack(real.shareCopyDialog);
    vi.mocked(backend.shareCopyDialog).mockImplementationOnce(pending.fn);
    const dialog = await openShare();
    const save = within(dialog).getByRole("button", { name: "Choose Where to Save…" });
    await fireEvent.click(save);
    await waitFor(() => expect(save).toHaveTextContent("Saving the copy…"));
    expect(save).toHaveAttribute("aria-disabled", "true");
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toBeDisabled();
    await fireEvent.keyDown(dialog, { key: "Escape" });
    await fireEvent.click(save);
    expect(screen.getByRole("dialog")).toBe(dialog);
    expect(backend.shareCopyDialog).toHaveBeenCalledTimes(1);
    pending.release();
    expect(await pending.delivered).toBeNull();
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("Escape and Cancel close it without sharing; focus goes back where it was", async () => {
    await start(null);
    const undo = document.getElementById("export-pdf")!;
    undo.focus();
    let dialog = await openShare();
    await fireEvent.keyDown(within(dialog).getByRole("checkbox", { name: "Leave out speaker notes" }), { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(undo).toHaveFocus();

    dialog = await openShare();
    await fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(backend.shareCopyDialog).not.toHaveBeenCalled();
    expect(undo).toHaveFocus();
  });

  it("keeps Tab and Shift+Tab inside the dialog", async () => {
    await start(null);
    const dialog = await openShare();
    const notes = within(dialog).getByRole("checkbox", { name: "Leave out speaker notes" });
    const save = within(dialog).getByRole("button", { name: "Choose Where to Save…" });
    save.focus();
    await fireEvent.keyDown(save, { key: "Tab" });
    expect(notes).toHaveFocus();
    await fireEvent.keyDown(notes, { key: "Tab", shiftKey: true });
    expect(save).toHaveFocus();
  });

  it("is modal: other menu choices and shortcuts wait until it closes", async () => {
    const core = await start(null);
    await openShare();
    menuHandler(backend)({ action: "open" });
    await fireEvent.keyDown(window, { key: "z", ctrlKey: true });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(backend.openProjectDialog).not.toHaveBeenCalled();
    expect(core.core.calls).not.toContain("undo");
  });

  it("is offered while the project is read-only (it only reads it)", async () => {
    const core = await start(holder);
    await core.dialog("Board case (shared).casewright");
    const dialog = await openShare();
    await fireEvent.click(within(dialog).getByRole("button", { name: "Choose Where to Save…" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(core.shares()).toEqual([{ stripNotes: false, stripDismissed: false }]);
    expect(await core.exists(`${core.run.dir}/Board case (shared).casewright`)).toBe(true);
    expect(status()).toHaveTextContent(/^Shared copy saved/);
    expect(banner()).toBeInTheDocument();
  });
});
