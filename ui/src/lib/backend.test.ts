import { beforeEach, describe, expect, it, vi } from "vitest";

const { invoke, setTitle } = vi.hoisted(() => ({ invoke: vi.fn(), setTitle: vi.fn() }));
vi.mock("@tauri-apps/api/core", () => ({ invoke }));
vi.mock("@tauri-apps/api/window", () => ({ getCurrentWindow: () => ({ setTitle }) }));

import {
  currentProject,
  exportBriefingDialog,
  openProjectDialog,
  setWindowTitle,
  toAppError,
} from "./backend";

beforeEach(() => {
  invoke.mockReset();
  setTitle.mockReset();
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
