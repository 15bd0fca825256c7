// The only module that talks to the desktop shell. Everything else imports these functions,
// so tests can replace the whole backend with one vi.mock.
import { invoke } from "@tauri-apps/api/core";
import { getCurrentWindow } from "@tauri-apps/api/window";
import type { AppError, ExportedBriefing, OpenedProject } from "./bindings";

function isAppError(value: unknown): value is AppError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as AppError).code === "string" &&
    typeof (value as AppError).message === "string"
  );
}

/** Whatever a failed call threw, as the AppError shape the UI shows. */
export function toAppError(e: unknown): AppError {
  if (isAppError(e)) return { code: e.code, message: e.message };
  if (e instanceof Error) return { code: "unknown", message: e.message };
  if (typeof e === "string" && e !== "") return { code: "unknown", message: e };
  return { code: "unknown", message: "Something went wrong." };
}

async function call<T>(command: string): Promise<T> {
  try {
    return await invoke<T>(command);
  } catch (e) {
    throw toAppError(e);
  }
}

/** The project the app has open (the sample project on first start). */
export function currentProject(): Promise<OpenedProject> {
  return call<OpenedProject>("current_project");
}

/** Why the file the app was started with could not be opened (it then shows the sample). */
export function takeStartupProblem(): Promise<AppError | null> {
  return call<AppError | null>("take_startup_problem");
}

/** Asks for a project file and opens it; null when the person cancels the dialog. */
export function openProjectDialog(): Promise<OpenedProject | null> {
  return call<OpenedProject | null>("open_project_dialog");
}

/** Asks where to save and writes the briefing PDF; null when the person cancels. */
export function exportBriefingDialog(): Promise<ExportedBriefing | null> {
  return call<ExportedBriefing | null>("export_briefing_dialog");
}

/** Sets the native window title; a failure (e.g. outside the shell) is not worth showing. */
export async function setWindowTitle(title: string): Promise<void> {
  document.title = title;
  try {
    await getCurrentWindow().setTitle(title);
  } catch {
    // Not in a Tauri window, or the permission is missing: the in-page UI still shows the name.
  }
}
