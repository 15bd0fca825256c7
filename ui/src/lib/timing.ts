// User Timing marks around what a person waits for: a project opening, and each change's round
// trip to the core, from the request until its result is in the DOM and laid out. They cost
// next to nothing, show in any profiler's timeline, and scripts/bench-storyboard.sh reads the
// measures from the real app window (so keep these names). Each name keeps only its latest
// entry, so a long session does not pile them up.
import { tick } from "svelte";

export type Span = { readonly start: string; readonly end: string; readonly measure: string };

/** Asking the core for a project (at start-up, or a recent one) until it shows, laid out (the storyboard, at start-up). */
export const OPEN: Span = {
  start: "casewright:project-requested",
  end: "casewright:project-rendered",
  measure: "casewright:open-and-render",
};

/** The project's reply arriving from the core, inside OPEN: what comes before it is the core and the IPC, after it the rendering. */
export const PROJECT_RECEIVED = "casewright:project-received";

/** Marks `name` now (keeping only its latest entry). */
export function markNow(name: string): void {
  performance.clearMarks(name);
  performance.mark(name);
}

/** A change (an edit, undo, redo) handed over until the project the core returns is laid out. */
export const EDIT: Span = { start: "casewright:edit-sent", end: "casewright:edit-shown", measure: "casewright:edit" };

/** Marks the request; its time is passed to `markShown` (another request may reuse the name meanwhile). */
export function markStart(span: Span): number {
  performance.clearMarks(span.start);
  return performance.mark(span.start).startTime;
}

/** Settles once the state set so far is in the DOM and the next frame has begun (it is about to be painted). */
export async function afterPaint(): Promise<void> {
  await tick();
  await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Call once the reply's state is set: marks the end after Svelte's update and the next layout, and measures from `start`. */
export async function markShown(span: Span, start: number): Promise<void> {
  await tick();
  performance.mark("dbg:tick");
  await new Promise((resolve) => requestAnimationFrame(resolve));
  performance.mark("dbg:raf");
  // The style and layout this frame does next anyway, done now so that the mark follows them.
  void document.body.offsetHeight;
  performance.clearMarks(span.end);
  performance.clearMeasures(span.measure);
  const end = performance.mark(span.end).startTime;
  performance.measure(span.measure, { start, end });
}
