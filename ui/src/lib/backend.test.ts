import { beforeEach, describe, expect, it, vi } from "vitest";

const { invoke, setTitle, listen } = vi.hoisted(() => ({ invoke: vi.fn(), setTitle: vi.fn(), listen: vi.fn() }));
vi.mock("@tauri-apps/api/core", () => ({ invoke }));
vi.mock("@tauri-apps/api/event", () => ({ listen }));
vi.mock("@tauri-apps/api/window", () => ({ getCurrentWindow: () => ({ setTitle }) }));

import {
  addPictureDialog,
  applyEdit,
  applyMerge,
  cancelExport,
  coachBlock,
  coachReport,
  currentProject,
  EXPORT_PROGRESS_EVENT,
  exportBriefingDialog,
  importBlocks,
  importSourceDialog,
  leveragePilot,
  MENU_EVENT,
  mergePlanDialog,
  mergeReplan,
  newProjectDialog,
  onExportProgress,
  onMenuAction,
  openProjectDialog,
  openRecent,
  pictureThumbnail,
  pilotReports,
  readResultsDialog,
  redo,
  saveAsDialog,
  setWindowTitle,
  shareCopyDialog,
  takeOverProject,
  toAppError,
  undo,
} from "./backend";
import type { Edit, ExportProgress, MenuAction } from "./bindings";

beforeEach(() => {
  invoke.mockReset();
  setTitle.mockReset();
  listen.mockReset();
});

describe("toAppError", () => {
  it("keeps an AppError from the shell as it is", () => {
    expect(toAppError({ code: "corrupt", message: "x is damaged", extra: 1 })).toEqual({
      code: "corrupt",
      message: "x is damaged",
    });
  });

  it("turns anything else into code 'unknown' with a readable message", () => {
    expect(toAppError(new Error("boom"))).toEqual({ code: "unknown", message: "boom" });
    expect(toAppError("command not found")).toEqual({ code: "unknown", message: "command not found" });
    expect(toAppError({ code: 5 })).toEqual({ code: "unknown", message: "Something went wrong." });
    expect(toAppError(undefined)).toEqual({ code: "unknown", message: "Something went wrong." });
  });
});

describe("commands", () => {
  it("call the shell's commands by name and return their results", async () => {
    invoke.mockResolvedValueOnce({ path: "/p/a.casewright", fileName: "a.casewright", project: {} });
    await expect(currentProject()).resolves.toMatchObject({ fileName: "a.casewright" });
    invoke.mockResolvedValueOnce(null);
    await expect(openProjectDialog()).resolves.toBeNull();
    invoke.mockResolvedValueOnce({ path: "/tmp/b.pdf", pages: 4, bytes: 9000 });
    await expect(exportBriefingDialog()).resolves.toEqual({ path: "/tmp/b.pdf", pages: 4, bytes: 9000 });

    expect(invoke.mock.calls.map(([command]) => command)).toEqual([
      "current_project",
      "open_project_dialog",
      "export_briefing_dialog",
    ]);
  });

  it("send edits, undo, redo and the file dialogs with their arguments", async () => {
    invoke.mockResolvedValue({ fileName: "a.casewright" });
    const edit: Edit = { op: "moveBlock", id: 4, to: { in: "section", sectionId: 2, index: 1 } };
    await applyEdit(edit);
    await undo();
    await redo();
    await newProjectDialog();
    await saveAsDialog();
    await openRecent("/home/ana/Old.casewright");
    expect(invoke.mock.calls).toEqual([
      ["apply_edit", { edit }],
      ["undo", undefined],
      ["redo", undefined],
      ["new_project_dialog", undefined],
      ["save_as_dialog", undefined],
      ["open_recent", { path: "/home/ana/Old.casewright" }],
    ]);
  });

  it("ask the coach for the report and for one block's draft, by the shell's command names", async () => {
    invoke.mockResolvedValueOnce({ findings: [], checks: [], score: 40, dismissed: [] });
    await expect(coachReport()).resolves.toEqual({ findings: [], checks: [], score: 40, dismissed: [] });
    invoke.mockResolvedValueOnce([]);
    const draft = { id: 7, kind: "benefit", title: "Social media", body: "" } as unknown as Parameters<typeof coachBlock>[0];
    await expect(coachBlock(draft)).resolves.toEqual([]);
    expect(invoke.mock.calls).toEqual([
      ["coach_report", undefined],
      ["coach_block", { block: draft }],
    ]);
  });

  it("add a picture through the shell's dialog and ask for a picture's thumbnail by id", async () => {
    invoke.mockResolvedValueOnce({ id: 3, width: 640, height: 480 });
    await expect(addPictureDialog()).resolves.toEqual({ id: 3, width: 640, height: 480 });
    invoke.mockResolvedValueOnce(null);
    await expect(addPictureDialog()).resolves.toBeNull();
    invoke.mockResolvedValueOnce("data:image/png;base64,AAAA");
    await expect(pictureThumbnail(3)).resolves.toBe("data:image/png;base64,AAAA");
    invoke.mockRejectedValueOnce({ code: "not_an_image", message: "notes.txt is not a JPEG or PNG picture" });
    await expect(addPictureDialog()).rejects.toEqual({ code: "not_an_image", message: "notes.txt is not a JPEG or PNG picture" });
    expect(invoke.mock.calls).toEqual([
      ["add_picture_dialog", undefined],
      ["add_picture_dialog", undefined],
      ["picture_thumbnail", { id: 3 }],
      ["add_picture_dialog", undefined],
    ]);
  });

  it("judge the pilots, use one's win, and read a results spreadsheet by the shell's command names", async () => {
    invoke.mockResolvedValueOnce([]);
    await expect(pilotReports()).resolves.toEqual([]);
    invoke.mockResolvedValueOnce({ fileName: "a.casewright" });
    await leveragePilot(4);
    invoke.mockResolvedValueOnce(null);
    await expect(readResultsDialog("paired")).resolves.toBeNull();
    invoke.mockRejectedValueOnce({ code: "not_a_win", message: "Not a win yet: none of the 2 success criteria met its target." });
    await expect(leveragePilot(4)).rejects.toEqual({ code: "not_a_win", message: "Not a win yet: none of the 2 success criteria met its target." });
    invoke.mockRejectedValueOnce({ code: "invalid_csv", message: 'line 3, column value: "twelve" is not a number' });
    await expect(readResultsDialog("independent")).rejects.toMatchObject({ code: "invalid_csv" });
    expect(invoke.mock.calls).toEqual([
      ["pilot_reports", undefined],
      ["leverage_pilot", { id: 4 }],
      ["read_results_dialog", { design: "paired" }],
      ["leverage_pilot", { id: 4 }],
      ["read_results_dialog", { design: "independent" }],
    ]);
  });

  it("take the project over and share a copy by the shell's command names, the options as `options`", async () => {
    invoke.mockResolvedValueOnce({ fileName: "a.casewright", readOnly: null });
    await expect(takeOverProject()).resolves.toMatchObject({ readOnly: null });
    invoke.mockResolvedValueOnce({ bytes: 151552, unusedCasesLeftOut: 1, foreignObjectsLeftOut: 0 });
    await expect(shareCopyDialog({ stripNotes: true, stripDismissed: false })).resolves.toEqual({
      bytes: 151552,
      unusedCasesLeftOut: 1,
      foreignObjectsLeftOut: 0,
    });
    invoke.mockResolvedValueOnce(null);
    await expect(shareCopyDialog({ stripNotes: false, stripDismissed: true })).resolves.toBeNull();
    invoke.mockRejectedValueOnce({ code: "io", message: "the folder is read-only" });
    await expect(shareCopyDialog({ stripNotes: false, stripDismissed: false })).rejects.toEqual({ code: "io", message: "the folder is read-only" });
    expect(invoke.mock.calls).toEqual([
      ["take_over_project", undefined],
      ["share_copy_dialog", { options: { stripNotes: true, stripDismissed: false } }],
      ["share_copy_dialog", { options: { stripNotes: false, stripDismissed: true } }],
      ["share_copy_dialog", { options: { stripNotes: false, stripDismissed: false } }],
    ]);
  });

  it("plan, plan again and apply a merge, and import blocks, by the shell's command names and argument names", async () => {
    const plan = { fileName: "Ben.casewright", baseMadeAt: 1795000000, taken: [], conflicts: [], pilotsDiffer: false, fingerprint: "f1" };
    invoke.mockResolvedValueOnce(plan);
    await expect(mergePlanDialog()).resolves.toEqual(plan);
    invoke.mockResolvedValueOnce(null);
    await expect(mergePlanDialog()).resolves.toBeNull();
    invoke.mockResolvedValueOnce({ ...plan, fingerprint: "f2" });
    await expect(mergeReplan()).resolves.toMatchObject({ fingerprint: "f2" });
    invoke.mockRejectedValueOnce({ code: "merge_stale", message: "the project or their copy changed since the merge was reviewed; review it again" });
    await expect(applyMerge("f1", [{ conflict: 0, choice: "theirs" }])).rejects.toMatchObject({ code: "merge_stale" });
    invoke.mockResolvedValueOnce({ fileName: "a.casewright" });
    await applyMerge("f2", []);
    invoke.mockResolvedValueOnce({ fileName: "Other.casewright", project: {} });
    await expect(importSourceDialog()).resolves.toMatchObject({ fileName: "Other.casewright" });
    invoke.mockResolvedValueOnce({ fileName: "a.casewright" });
    await importBlocks(["b-1", "b-2"], { in: "section", sectionId: 7, index: 3 });
    expect(invoke.mock.calls).toEqual([
      ["merge_plan_dialog", undefined],
      ["merge_plan_dialog", undefined],
      ["merge_replan", undefined],
      ["apply_merge", { fingerprint: "f1", resolutions: [{ conflict: 0, choice: "theirs" }] }],
      ["apply_merge", { fingerprint: "f2", resolutions: [] }],
      ["import_source_dialog", undefined],
      ["import_blocks", { uids: ["b-1", "b-2"], to: { in: "section", sectionId: 7, index: 3 } }],
    ]);
  });

  it("cancel the export in progress by the shell's command name", async () => {
    invoke.mockResolvedValueOnce(null);
    await expect(cancelExport()).resolves.toBeNull();
    expect(invoke.mock.calls).toEqual([["cancel_export", undefined]]);
  });

  it("reject with an AppError whatever the shell threw", async () => {
    invoke.mockRejectedValueOnce({ code: "locked", message: "in use" });
    await expect(openProjectDialog()).rejects.toEqual({ code: "locked", message: "in use" });
    invoke.mockRejectedValueOnce("plain text failure");
    await expect(currentProject()).rejects.toEqual({ code: "unknown", message: "plain text failure" });
  });
});

describe("setWindowTitle", () => {
  it("sets the native title and the document's", async () => {
    setTitle.mockResolvedValueOnce(undefined);
    await setWindowTitle("a.casewright — Casewright");
    expect(setTitle).toHaveBeenCalledWith("a.casewright — Casewright");
    expect(document.title).toBe("a.casewright — Casewright");
  });

  it("swallows failures", async () => {
    setTitle.mockRejectedValueOnce(new Error("not allowed"));
    await expect(setWindowTitle("x")).resolves.toBeUndefined();
  });
});

describe("onMenuAction", () => {
  it("listens to the shell's menu-action event and passes on its payload", async () => {
    const stop = vi.fn();
    listen.mockResolvedValue(stop);
    invoke.mockResolvedValue([]);
    const handler = vi.fn();
    const unlisten = await onMenuAction(handler);

    expect(listen).toHaveBeenCalledWith("menu-action", expect.any(Function));
    expect(MENU_EVENT).toBe("menu-action");
    const deliver = listen.mock.calls[0][1] as (event: { payload: MenuAction }) => void;
    deliver({ payload: { action: "openRecent", path: "/p/x.casewright" } });
    expect(handler).toHaveBeenCalledWith({ action: "openRecent", path: "/p/x.casewright" });
    unlisten();
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it("after listening, takes the actions that came while the window loaded, in order", async () => {
    const order: string[] = [];
    listen.mockImplementation(async () => {
      order.push("listen");
      return () => {};
    });
    invoke.mockImplementation(async (command: string) => {
      order.push(command);
      return [
        { action: "openRecent", path: "/p/a.casewright" },
        { action: "openRecent", path: "/p/b.casewright" },
      ];
    });
    const handler = vi.fn();
    await onMenuAction(handler);

    expect(order).toEqual(["listen", "menu_listening"]);
    expect(handler.mock.calls).toEqual([[{ action: "openRecent", path: "/p/a.casewright" }], [{ action: "openRecent", path: "/p/b.casewright" }]]);
  });
});

describe("onExportProgress", () => {
  it("listens to the shell's export-progress event and passes on its payload", async () => {
    const stop = vi.fn();
    listen.mockResolvedValue(stop);
    const handler = vi.fn();
    const unlisten = await onExportProgress(handler);

    expect(listen).toHaveBeenCalledWith("export-progress", expect.any(Function));
    expect(EXPORT_PROGRESS_EVENT).toBe("export-progress");
    const deliver = listen.mock.calls[0][1] as (event: { payload: ExportProgress }) => void;
    deliver({ payload: { step: "pictures", done: 3, total: 20 } });
    expect(handler).toHaveBeenCalledWith({ step: "pictures", done: 3, total: 20 });
    unlisten();
    expect(stop).toHaveBeenCalledTimes(1);
  });
});
