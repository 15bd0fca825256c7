import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ExportRun, PROGRESS_DELAY_MS, progressFraction, progressText } from "./exporting.svelte";
import type { ExportProgress } from "./bindings";

const pictures = (done: number, total: number): ExportProgress => ({ step: "pictures", done, total });
const LAYOUT: ExportProgress = { step: "layout", done: 0, total: 1 };
const WRITING: ExportProgress = { step: "writing", done: 0, total: 1 };
const SAVING: ExportProgress = { step: "saving", done: 0, total: 1 };

describe("progressText and progressFraction", () => {
  it("name each step as a person reads it, counting the pictures", () => {
    expect(progressText(pictures(3, 20))).toBe("Preparing pictures 3 of 20");
    expect(progressText(pictures(0, 20))).toBe("Preparing pictures 0 of 20");
    expect(progressText(pictures(20, 20))).toBe("Preparing pictures 20 of 20");
    expect(progressText(pictures(0, 0))).toBe("Preparing pictures");
    expect(progressText(LAYOUT)).toBe("Laying out pages");
    expect(progressText(WRITING)).toBe("Writing the PDF");
    expect(progressText(SAVING)).toBe("Saving");
    expect(progressText({ step: "saving", done: 1, total: 1 })).toBe("Saving");
  });

  it("never count past the total or below zero", () => {
    expect(progressText(pictures(25, 20))).toBe("Preparing pictures 20 of 20");
    expect(progressText(pictures(-1, 20))).toBe("Preparing pictures 0 of 20");
  });

  it("tell how far only while pictures are counted (a determinate bar); otherwise null", () => {
    expect(progressFraction(pictures(3, 20))).toBe(0.15);
    expect(progressFraction(pictures(20, 20))).toBe(1);
    expect(progressFraction(pictures(30, 20))).toBe(1);
    expect(progressFraction(pictures(0, 0))).toBeNull();
    expect(progressFraction(LAYOUT)).toBeNull();
    expect(progressFraction({ step: "saving", done: 1, total: 1 })).toBeNull();
  });
});

describe("ExportRun", () => {
  let cancel: ReturnType<typeof vi.fn<() => Promise<void>>>;
  let run: ExportRun;

  beforeEach(() => {
    vi.useFakeTimers();
    cancel = vi.fn(async () => {});
    run = new ExportRun(cancel);
  });

  afterEach(() => {
    run.dispose();
    vi.useRealTimers();
  });

  it("waits for the dialog: the delay starts at the export's first step, not when it is asked for", () => {
    run.begin();
    vi.advanceTimersByTime(5000);
    expect(run.shown).toBe(false);
    expect(run.report(pictures(0, 2))).toBe(true);
    expect(run.report(pictures(1, 2))).toBe(false);
    vi.advanceTimersByTime(PROGRESS_DELAY_MS - 1);
    expect(run.shown).toBe(false);
    vi.advanceTimersByTime(1);
    expect(run.shown).toBe(true);
    expect(run.text).toBe("Preparing pictures 1 of 2");
    expect(run.fraction).toBe(0.5);
    run.report(WRITING);
    expect(run.text).toBe("Writing the PDF");
    expect(run.fraction).toBeNull();
  });

  it("never shows a quick export, even after the delay has passed", () => {
    run.begin();
    run.report(pictures(0, 0));
    run.report(LAYOUT);
    vi.advanceTimersByTime(PROGRESS_DELAY_MS - 100);
    expect(run.finish()).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(run.shown).toBe(false);
    expect(run.progress).toBeNull();
  });

  it("ignores progress outside an export (a late event after the answer)", () => {
    expect(run.report(SAVING)).toBe(false);
    run.begin();
    run.report(LAYOUT);
    run.finish();
    expect(run.report({ step: "saving", done: 1, total: 1 })).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(run.shown).toBe(false);
    expect(run.progress).toBeNull();
  });

  it("cancels once, only while shown, says so, and reports the cancel when the export answers", () => {
    run.begin();
    run.cancel();
    run.report(LAYOUT);
    run.cancel();
    expect(cancel).not.toHaveBeenCalled();
    vi.advanceTimersByTime(PROGRESS_DELAY_MS);
    run.cancel();
    run.cancel();
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(run.cancelling).toBe(true);
    expect(run.text).toBe("Cancelling…");
    // The shell may send the step it stopped at; the indicator still says it is cancelling.
    run.report(WRITING);
    expect(run.text).toBe("Cancelling…");
    expect(run.finish()).toBe(true);
    expect(run.shown).toBe(false);
    expect(run.cancelling).toBe(false);
  });

  it("starts afresh with each export: a cancel before does not count", () => {
    run.begin();
    run.report(LAYOUT);
    vi.advanceTimersByTime(PROGRESS_DELAY_MS);
    run.cancel();
    run.finish();
    run.begin();
    expect(run.progress).toBeNull();
    expect(run.text).toBe("Exporting…");
    run.report(SAVING);
    expect(run.shown).toBe(false);
    expect(run.finish()).toBe(false);
  });

  it("lets Cancel be tried again when the shell refuses it", async () => {
    cancel.mockRejectedValueOnce({ code: "unknown", message: "no" });
    run.begin();
    run.report(LAYOUT);
    vi.advanceTimersByTime(PROGRESS_DELAY_MS);
    run.cancel();
    expect(run.cancelling).toBe(true);
    await vi.waitFor(() => expect(run.cancelling).toBe(false));
    run.cancel();
    expect(cancel).toHaveBeenCalledTimes(2);
    expect(run.cancelling).toBe(true);
  });

  it("a restarted export does not show early: the earlier timer is dropped", () => {
    run.begin();
    run.report(LAYOUT);
    vi.advanceTimersByTime(PROGRESS_DELAY_MS - 50);
    run.finish();
    run.begin();
    run.report(LAYOUT);
    vi.advanceTimersByTime(100);
    expect(run.shown).toBe(false);
    vi.advanceTimersByTime(PROGRESS_DELAY_MS - 100);
    expect(run.shown).toBe(true);
  });
});
