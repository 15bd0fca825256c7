// The File menu's project actions (toolbar and native menu): New…, Open…, a recent project,
// Save As…, and the project opened at start-up. Each runs as the session's one task at a time;
// opening another project makes every view forget the last one (Session.switchTo).
import { currentProject, newProjectDialog, openProjectDialog, openRecent, saveAsDialog, takeStartupProblem, toAppError } from "../backend";
import type { CoachState } from "../coach.svelte";
import { markNow, markShown, markStart, OPEN, PROJECT_RECEIVED } from "../timing";
import type { Session } from "./session.svelte";

export class FileActions {
  readonly #session: Session;

  constructor(session: Session) {
    this.#session = session;
  }

  newProject(): void {
    const session = this.#session;
    void session.run("new", "Could not create the project", newProjectDialog, (next) =>
      session.switchTo(next, `Created ${next.fileName} from the template`),
    );
  }

  // Not timed: the dialog's time, the person's choosing included, is in the same call.
  openProject(): void {
    const session = this.#session;
    void session.run("open", "Could not open the project", openProjectDialog, (next) => session.switchTo(next, null));
  }

  openRecentProject(path: string): void {
    const session = this.#session;
    // Timed like the project opened at start-up (lib/timing.ts).
    let requested = 0;
    const action = () => {
      requested = markStart(OPEN);
      return openRecent(path);
    };
    void session.run("open", "Could not open the project", action, (next) => {
      session.switchTo(next, null);
      void markShown(OPEN, requested);
    });
  }

  saveAs(): Promise<void> {
    const session = this.#session;
    if (!session.opened) return Promise.resolve();
    return session.run("saveAs", "Could not save a copy", saveAsDialog, (next) => {
      session.lastFailure = null;
      session.show(next);
      session.statusMessage = `Saved a copy as ${next.path}; you are editing the copy now`;
    });
  }

  /** The project the app started with (and why a file chosen to open it with could not be). */
  async openAtStart(coach: CoachState): Promise<void> {
    const session = this.#session;
    // Timed until the storyboard is laid out (lib/timing.ts); scripts/bench-storyboard.sh reads it.
    // The storyboard shows as soon as the project arrives: nothing else is waited for first.
    const requested = markStart(OPEN);
    try {
      session.opened = await currentProject();
      markNow(PROJECT_RECEIVED);
    } catch (e) {
      session.failure = { heading: "Could not load the project", error: toAppError(e) };
    }
    session.loading = false;
    const first = session.opened;
    // The coach reads it once it is on screen (its report comes when it comes).
    if (first) void coach.refresh(first.project, markShown(OPEN, requested));
    try {
      const problem = await takeStartupProblem();
      if (problem) session.failure = { heading: "Could not open the file you chose", error: problem };
    } catch (e) {
      session.failure ??= { heading: "Could not load the project", error: toAppError(e) };
    }
  }
}
