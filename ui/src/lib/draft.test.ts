import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Draft } from "./draft.svelte";
import { deferred } from "../test/backend";

type Form = { title: string; notes: string };

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

function setup(initial: Form = { title: "Proof", notes: "" }) {
  let core = { ...initial };
  const commit = vi.fn(async (form: Form) => {
    core = { ...form };
  });
  const draft = new Draft<Form>({ current: () => core, commit });
  return {
    draft,
    commit,
    setCore: (next: Form) => {
      core = next;
    },
  };
}

describe("Draft", () => {
  it("commits once typing pauses for 600 ms", async () => {
    const { draft, commit } = setup();
    draft.form.title = "P";
    draft.changed();
    await vi.advanceTimersByTimeAsync(300);
    draft.form.title = "Pr";
    draft.changed();
    await vi.advanceTimersByTimeAsync(599);
    expect(commit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    // The form, and what it was before (what was last sent or received).
    expect(commit).toHaveBeenCalledExactlyOnceWith({ title: "Pr", notes: "" }, { title: "Proof", notes: "" });
  });

  it("flushes at once, and not at all without changes", async () => {
    const { draft, commit } = setup();
    draft.flush();
    expect(commit).not.toHaveBeenCalled();
    draft.form.notes = "Say this";
    draft.changed();
    draft.flush();
    expect(commit).toHaveBeenCalledExactlyOnceWith({ title: "Proof", notes: "Say this" }, { title: "Proof", notes: "" });
    await vi.advanceTimersByTimeAsync(1000);
    expect(commit).toHaveBeenCalledTimes(1);
    expect(draft.dirty).toBe(false);
  });

  it("takes the core's values for untouched fields and keeps edited ones", () => {
    const { draft } = setup();
    draft.form.notes = "typing…";
    draft.receive({ title: "Evidence", notes: "" });
    expect(draft.form).toEqual({ title: "Evidence", notes: "typing…" });
  });

  it("waits for its own commit's reply before taking anything from the core", async () => {
    const reply = deferred<void>();
    let core: Form = { title: "Proof", notes: "" };
    const draft = new Draft<Form>({
      current: () => core,
      commit: async (form) => {
        await reply.promise;
        core = { ...form };
      },
    });
    draft.form.title = "Proof!";
    draft.flush();
    // A reply to an older edit arrives while ours is on its way: it carries the old title.
    draft.receive({ title: "Proof", notes: "" });
    expect(draft.form.title).toBe("Proof!");
    reply.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(draft.form).toEqual({ title: "Proof!", notes: "" });
    expect(draft.dirty).toBe(false);
  });

  it("shows the core's value again when its commit was refused", async () => {
    const core: Form = { title: "Proof", notes: "" };
    const draft = new Draft<Form>({ current: () => core, commit: () => Promise.reject(new Error("refused")) });
    draft.form.title = "Way too long";
    draft.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(draft.form.title).toBe("Proof");
  });

  it("keeps fields the form says to keep, and does not count a commit that sent nothing", async () => {
    const core: Form = { title: "Proof", notes: "1200" };
    const draft = new Draft<Form>({
      current: () => core,
      commit: () => undefined,
      keep: (form) => (form.notes === "12x" ? ["notes"] : []),
    });
    draft.form.notes = "12x";
    draft.flush();
    expect(draft.dirty).toBe(true);
    draft.receive({ title: "Proof (undone)", notes: "900" });
    expect(draft.form).toEqual({ title: "Proof (undone)", notes: "12x" });
  });

  it("with keepRefused, keeps a refused form as typed and does not send it again until it changes", async () => {
    let core: Form = { title: "Proof", notes: "" };
    const commit = vi.fn(async (form: Form) => {
      if (form.title.length > 10) return false;
      core = { ...form };
      return true;
    });
    const draft = new Draft<Form>({ current: () => core, commit, keepRefused: true });
    draft.form.title = "Way too long";
    draft.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(draft.form.title).toBe("Way too long");
    expect(draft.dirty).toBe(false);
    draft.flush();
    expect(commit).toHaveBeenCalledTimes(1);

    // Another change (an undo) reaches the untouched field; the refused text stays.
    core = { title: "Proof", notes: "Say this" };
    draft.receive(core);
    expect(draft.form).toEqual({ title: "Way too long", notes: "Say this" });

    draft.form.title = "Shorter";
    expect(draft.dirty).toBe(true);
    draft.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(commit).toHaveBeenLastCalledWith({ title: "Shorter", notes: "Say this" }, { title: "Proof", notes: "Say this" });
    expect(core.title).toBe("Shorter");
    expect(draft.dirty).toBe(false);
  });

  it("compares fields by what they mean when told how, so a reply meaning the same leaves the text", async () => {
    type Numbers = { values: string[] };
    let core: Numbers = { values: ["12"] };
    const same = { values: (a: string[], b: string[]) => a.filter((v) => v.trim()).map(Number).join() === b.filter((v) => v.trim()).map(Number).join() };
    const draft = new Draft<Numbers>({
      current: () => core,
      commit: async (form) => {
        core = { values: form.values.filter((v) => v.trim()).map((v) => String(Number(v))) };
      },
      same,
    });
    draft.form.values = ["12.0", ""];
    expect(draft.dirty).toBe(false);
    draft.form.values = ["12.0", "", "3"];
    draft.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(core.values).toEqual(["12", "3"]);
    expect(draft.form.values).toEqual(["12.0", "", "3"]);
  });
});
