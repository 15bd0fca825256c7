// Merge Changes From… and Import Blocks From… in the app: the merge plan's dialog (their changes,
// the conflicts side by side, every one decided before Merge, the choices sent as they were
// made, a stale plan reviewed again, nothing to merge, read-only) and the import dialog (groups,
// filter, destination, the uids and place sent). The backend is the real core (crates/test-server):
// Ben's copy is a real shared copy of the project, changed in his copy and in ours through the
// core before the App starts; every plan, text and count asserted is the core's.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import App from "./App.svelte";
import type { AppError, Block, Conflict, ConflictKind, Edit, ImportSource, LockHolder, MergePlan, OpenedProject } from "./lib/bindings";
import * as backend from "./lib/backend";
import { openSince } from "./lib/sharing";
import { block, opened, samplePilot, section } from "./test/fixtures";
import { connect, heldBack, menuHandler, projectFile, real, useRealCore, type RealCore } from "./test/backend";

vi.mock("./lib/backend", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./lib/backend")>()),
  ...(await import("./test/backend")).mockedFunctions,
}));

useRealCore();

const HOSTILE = "<img src=x onerror=alert(1)>";
const holder: LockHolder = { user: "Ana Pereira", host: "ana-laptop", pid: 4242, since: 1795000000 };
const BEN = "Board case (Ben).casewright";

/** The project as this window shows it at the start. */
function project(): OpenedProject {
  return opened("/home/ana/Board case.casewright", {
    title: "Four-day week pilot",
    sections: [
      section({
        id: 10,
        title: "Opportunity",
        blocks: [
          block({ id: 1, kind: "benefit", title: "Sharper focus", body: "Social media will connect us." }),
          block({ id: 2, kind: "metric", title: "Ideas submitted", number: 1200, unit: "ideas" }),
        ],
      }),
      section({ id: 20, title: "Proof", blocks: [block({ id: 3, kind: "story", title: "Acme did it", body: "Acme cut its answer times by half." })] }),
    ],
    library: [block({ id: 5, kind: "story", title: "Library story" })],
  });
}

/** The project as it was when Ben took his copy: a title since changed here, a story since deleted here, Acme's story since rewritten here. */
function shared(): OpenedProject {
  const start = project();
  const [opportunity, proof] = start.project.sections;
  opportunity.blocks[0].title = "Focus";
  proof.blocks[0].body = "Acme cut answer times.";
  proof.blocks.push(block({ id: 4, kind: "story", title: "Gone", body: "They tried it." }));
  return start;
}

type Copy = "conflicts" | "unchanged" | "pilots";

/**
 * Ben's copy, made through the core as the App would (Share a Copy… into the run's folder), then
 * changed in his copy (the title of "Ideas submitted", a benefit added, eight sections added;
 * with conflicts also "Focus" retitled, "Gone" rewritten and Acme's story deleted; with pilots a
 * pilot added) and in ours ("Focus" retitled, "Gone" deleted, Acme's story rewritten); ours is
 * then opened again, so the App starts with no undo history.
 */
async function benCopy(core: RealCore, copy: Copy) {
  await core.dialog(BEN);
  await core.invoke("share_copy_dialog", { options: { stripNotes: false, stripDismissed: false } });
  if (copy !== "unchanged") {
    let his = await core.invoke<OpenedProject>("open_recent", { path: `${core.run.dir}/${BEN}` });
    const find = (title: string): Block => his.project.sections.flatMap((s) => s.blocks).find((b) => b.title === title)!;
    const edit = async (e: Edit) => {
      his = await core.invoke<OpenedProject>("apply_edit", { edit: e });
    };
    await edit({ op: "updateBlock", block: { ...find("Ideas submitted"), title: "Ideas submitted in 2026" } });
    const proof = his.project.sections.find((s) => s.title === "Proof")!.id;
    await edit({ op: "addBlock", block: block({ id: 0, kind: "benefit", title: HOSTILE }), to: { in: "section", sectionId: proof, index: 0 } });
    for (let i = 1; i <= 8; i++) await edit({ op: "addSection", title: `Part ${i}`, index: his.project.sections.length });
    if (copy === "conflicts") {
      await edit({ op: "updateBlock", block: { ...find("Focus"), title: HOSTILE } });
      await edit({ op: "updateBlock", block: { ...find("Gone"), body: "They kept it and wrote more." } });
      await edit({ op: "deleteBlock", id: find("Acme did it").id });
    }
    if (copy === "pilots") await edit({ op: "addPilot", pilot: samplePilot(), index: 0 });
  }
  let ours = await core.invoke<OpenedProject>("open_recent", { path: core.run.path });
  if (copy === "conflicts") {
    const find = (title: string): Block => ours.project.sections.flatMap((s) => s.blocks).find((b) => b.title === title)!;
    for (const e of [
      () => ({ op: "updateBlock", block: { ...find("Focus"), title: "Sharper focus" } }) as Edit,
      () => ({ op: "deleteBlock", id: find("Gone").id }) as Edit,
      () => ({ op: "updateBlock", block: { ...find("Acme did it"), body: "Acme cut its answer times by half." } }) as Edit,
    ])
      ours = await core.invoke<OpenedProject>("apply_edit", { edit: e() });
  }
  await core.prepare([]);
}

/** The App over the real core, with Ben's copy ready to merge (`copy`); with `readOnly`, the project is open in that other Casewright too. */
async function start(readOnly: LockHolder | null = null, copy: Copy = "conflicts"): Promise<RealCore> {
  const core = await connect(backend, copy === "conflicts" ? shared() : project());
  await benCopy(core, copy);
  if (readOnly) await core.lockedBy(readOnly);
  await core.dialog(BEN);
  render(App);
  await screen.findByTestId("storyboard");
  return core;
}

/** The plan the core gave the UI (the last one asked for). */
const plan = (core: RealCore) => [...core.answered("merge_plan_dialog"), ...core.answered("merge_replan")].at(-1) as MergePlan;
/** The plan's conflict of `kind`. */
const conflictOf = (core: RealCore, kind: ConflictKind) => plan(core).conflicts.find((c) => c.kind === kind) as Conflict;

async function openMerge() {
  menuHandler(backend)({ action: "mergeFrom" });
  return screen.findByRole("dialog", { name: /^Merge changes from / });
}

const status = () => screen.getByRole("status");
/** The titles on the storyboard, section by section, then the library's. */
const titles = () =>
  [...within(screen.getByTestId("storyboard")).getAllByTestId("block-title"), ...within(screen.getByTestId("library-blocks")).queryAllByTestId("block-title")].map((t) =>
    t.textContent?.trim(),
  );
const conflicts = (dialog: HTMLElement) => within(dialog).getAllByTestId("conflict");
const mergeButton = (dialog: HTMLElement) => within(dialog).getByRole("button", { name: "Merge" });
const inert = () => {
  const app = document.querySelector<HTMLElement>(".app")!;
  return app.hasAttribute("inert") || (app as HTMLElement & { inert?: boolean }).inert === true;
};

beforeEach(() => {
  vi.clearAllMocks();
  localStorage.clear();
});

/** The conflict cards in the plan's order, by kind. */
function cards(core: RealCore, dialog: HTMLElement) {
  const all = conflicts(dialog);
  const at = (kind: ConflictKind) => all[plan(core).conflicts.findIndex((c) => c.kind === kind)];
  return { title: at("changedBothWays"), deletedHere: at("deletedHereChangedThere"), deletedThere: at("changedHereDeletedThere") };
}

/** What the core answered to the merge (the project as merged). */
const merged = (core: RealCore) => core.answered("apply_merge").at(-1) as OpenedProject;
/** The titles of a project as the board lists them: section by section, then the library. */
const titlesOf = (o: OpenedProject) => [...o.project.sections.flatMap((s) => s.blocks), ...o.project.library].map((b) => b.title);

describe("Merge Changes From…", () => {
  it("shows the plan: when the copies parted, their changes (the first eight, then all), and each conflict's two versions side by side, as text", async () => {
    const core = await start();
    const dialog = await openMerge();
    expect(backend.mergePlanDialog).toHaveBeenCalledTimes(1);
    const p = plan(core);
    expect(p.fileName).toBe(BEN);
    expect(dialog).toHaveAccessibleName(`Merge changes from ${BEN}`);
    expect(dialog).toHaveAttribute("aria-modal", "true");
    expect(dialog).toHaveAccessibleDescription(`Your copies parted on ${openSince(p.baseMadeAt)}.`);
    expect(inert()).toBe(true);

    // Ten changes of Ben's (one named with markup), more than the eight shown at first.
    expect(p.taken).toHaveLength(10);
    const hostile = p.taken.findIndex((t) => t.includes(HOSTILE));
    expect(hostile).toBeGreaterThanOrEqual(0);
    const taken = within(dialog).getByTestId("merge-taken");
    expect(within(taken).getByRole("heading", { name: "Their changes (10)" })).toBeInTheDocument();
    expect(within(taken).getAllByTestId("taken-change").map((c) => c.textContent)).toEqual(p.taken.slice(0, 8));
    const more = within(taken).getByRole("button", { name: "Show all 10" });
    expect(more).toHaveAttribute("aria-expanded", "false");
    await fireEvent.click(more);
    expect(within(taken).getAllByTestId("taken-change").map((c) => c.textContent)).toEqual(p.taken);
    expect(within(taken).getAllByTestId("taken-change")[hostile].textContent).toBe(p.taken[hostile]);
    expect(more).toHaveAttribute("aria-expanded", "true");
    expect(more).toHaveTextContent("Show fewer");

    expect(within(dialog).getByRole("heading", { name: "Decide (3)" })).toBeInTheDocument();
    const { title, deletedHere, deletedThere } = cards(core, dialog);
    const both = conflictOf(core, "changedBothWays");
    expect(both).toMatchObject({ field: "title", base: "Focus", ours: "Sharper focus", theirs: HOSTILE });
    expect(within(title).getByTestId("conflict-subject")).toHaveTextContent(both.subject);
    expect(within(title).getByTestId("conflict-kind")).toHaveTextContent("Changed in both copies: title");
    expect(within(title).getByTestId("conflict-ours").textContent).toBe(both.ours);
    expect(within(title).getByTestId("conflict-theirs").textContent).toBe(both.theirs);
    expect(within(title).getByRole("region", { name: `Theirs: ${both.subject}` })).toBeInTheDocument();
    expect(within(deletedHere).getByTestId("conflict-kind")).toHaveTextContent("You deleted it; they changed it");
    expect(within(deletedHere).getByTestId("conflict-theirs").textContent).toBe(conflictOf(core, "deletedHereChangedThere").theirs);
    expect(within(deletedThere).getByTestId("conflict-kind")).toHaveTextContent("You changed it; they deleted it");
    expect(within(deletedThere).getByTestId("conflict-theirs").textContent).toBe(conflictOf(core, "changedHereDeletedThere").theirs);
    // Nothing that looks like markup became an element.
    expect(dialog.querySelector("img")).toBeNull();

    // Each conflict is a labelled radio group, nothing chosen for the person.
    const group = within(title).getByRole("radiogroup");
    expect(group).toHaveAccessibleName(`${both.subject} Changed in both copies: title`);
    for (const radio of within(dialog).getAllByRole("radio")) expect(radio).not.toBeChecked();
    expect(within(group).getAllByRole("radio").map((r) => r.closest("label")?.textContent?.trim())).toEqual(["Keep yours", "Take theirs"]);
    // The keyboard starts at the top of the plan (not on the first choice, which would scroll their changes away).
    expect(within(dialog).getByRole("region", { name: "What the merge does" })).toHaveFocus();
  });

  it("shows the version both started from only for a change both ways, behind a disclosure", async () => {
    const core = await start();
    const dialog = await openMerge();
    const { title, deletedHere } = cards(core, dialog);
    const disclosure = title.querySelector("details")!;
    expect(within(title).getByText("Show the version you both started from").tagName).toBe("SUMMARY");
    expect(disclosure.open).toBe(false);
    expect(within(title).getByTestId("conflict-base").textContent).toBe(conflictOf(core, "changedBothWays").base);
    expect(deletedHere.querySelector("details")).toBeNull();
  });

  it("keeps Merge disabled, counting what is left, until every conflict is decided; then sends exactly those choices", async () => {
    const core = await start();
    const before = titles();
    const dialog = await openMerge();
    const merge = mergeButton(dialog);
    const left = within(dialog).getByTestId("merge-left");
    expect(merge).toBeDisabled();
    expect(left).toHaveTextContent("3 left to decide");
    expect(merge).toHaveAccessibleDescription("3 left to decide");

    const { title, deletedHere, deletedThere } = cards(core, dialog);
    await fireEvent.click(within(title).getByRole("radio", { name: "Take theirs" }));
    expect(left).toHaveTextContent("2 left to decide");
    await fireEvent.click(within(deletedHere).getByRole("radio", { name: "Keep yours" }));
    expect(merge).toBeDisabled();
    // A choice can be changed.
    await fireEvent.click(within(title).getByRole("radio", { name: "Keep yours" }));
    await fireEvent.click(within(title).getByRole("radio", { name: "Take theirs" }));
    expect(left).toHaveTextContent("1 left to decide");
    await fireEvent.click(within(deletedThere).getByRole("radio", { name: "Take theirs" }));
    expect(left).toHaveTextContent("All 3 decided");
    expect(merge).toBeEnabled();

    await fireEvent.click(merge);
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(backend.applyMerge).toHaveBeenCalledTimes(1);
    const choice = { changedBothWays: "theirs", deletedHereChangedThere: "ours", changedHereDeletedThere: "theirs" } as const;
    expect(core.merges()).toEqual([{ fingerprint: plan(core).fingerprint, resolutions: plan(core).conflicts.map((c) => ({ conflict: c.id, choice: choice[c.kind] })) }]);
    // The merged project replaces the one shown: their title (as text), Acme deleted, Gone not brought back.
    const result = titlesOf(merged(core));
    expect(result[0]).toBe(HOSTILE);
    expect(result).toContain("Ideas submitted in 2026");
    expect(result).not.toContain("Acme did it");
    expect(result).not.toContain("Gone");
    await waitFor(() => expect(titles()).toEqual(result));
    expect(document.querySelector(".app img[src='x']")).toBeNull();
    expect(status()).toHaveTextContent(`Merged ${BEN}: 10 of their changes, 3 conflicts decided. Undo with Ctrl+Z.`);
    expect(inert()).toBe(false);

    // One undoable edit: Ctrl+Z takes the whole merge back.
    expect(document.getElementById("undo")).toBeEnabled();
    await fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    await waitFor(() => expect(titles()).toEqual(before));
    expect(before).toEqual(["Sharper focus", "Ideas submitted", "Acme did it", "Library story"]);
    expect(core.core.calls.filter((c) => c === "undo")).toHaveLength(1);
  });

  it("Keep all mine and Take all theirs decide every conflict at once", async () => {
    const core = await start();
    const dialog = await openMerge();
    await fireEvent.click(within(dialog).getByRole("button", { name: "Take all theirs" }));
    for (const card of conflicts(dialog)) expect(within(card).getByRole("radio", { name: "Take theirs" })).toBeChecked();
    expect(within(dialog).getByTestId("merge-left")).toHaveTextContent("All 3 decided");
    await fireEvent.click(within(dialog).getByRole("button", { name: "Keep all mine" }));
    for (const card of conflicts(dialog)) {
      expect(within(card).getByRole("radio", { name: "Keep yours" })).toBeChecked();
      expect(within(card).getByRole("radio", { name: "Take theirs" })).not.toBeChecked();
    }
    // One changed afterwards: Gone, which they kept, comes back.
    await fireEvent.click(within(cards(core, dialog).deletedHere).getByRole("radio", { name: "Take theirs" }));
    await fireEvent.click(mergeButton(dialog));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(core.merges()[0].resolutions).toEqual(plan(core).conflicts.map((c) => ({ conflict: c.id, choice: c.kind === "deletedHereChangedThere" ? "theirs" : "ours" })));
    const result = titlesOf(merged(core));
    expect(result.slice(0, 3)).toEqual(["Sharper focus", "Ideas submitted in 2026", HOSTILE]);
    expect(result).toContain("Acme did it");
    expect(result).toContain("Gone");
    await waitFor(() => expect(titles()).toEqual(result));
  });

  it("a stale plan: the message and Review again, which plans anew with the choices cleared; then the merge goes through", async () => {
    const core = await start();
    const before = titles();
    const dialog = await openMerge();
    // Behind the dialog, the project changes (its author, through the core): the plan is out of date.
    const { project: now } = await core.current();
    await core.invoke("apply_edit", { edit: { op: "setProjectDetails", title: now.title, author: "Ben Okafor", audience: now.audience, industry: now.industry } });
    await fireEvent.click(within(dialog).getByRole("button", { name: "Keep all mine" }));
    mergeButton(dialog).focus();
    await fireEvent.click(mergeButton(dialog));
    const alert = await within(dialog).findByRole("alert");
    const refusal = core.refusals().find((r) => r.command === "apply_merge")!.error as AppError;
    expect(refusal.code).toBe("merge_stale");
    expect(alert).toHaveTextContent("Their copy or yours changed since this was planned.");
    expect(within(alert).getByTestId("merge-error-message").textContent).toBe(refusal.message);
    expect(screen.getByRole("dialog")).toBe(dialog);
    expect(mergeButton(dialog)).toBeDisabled();
    const review = within(alert).getByRole("button", { name: "Review again" });
    await waitFor(() => expect(review).toHaveFocus());
    // Nothing changed: the refused merge left the storyboard as it was.
    expect(titles()).toEqual(before);

    const first = plan(core).fingerprint;
    await fireEvent.click(review);
    await waitFor(() => expect(within(dialog).queryByRole("alert")).toBeNull());
    expect(backend.mergeReplan).toHaveBeenCalledTimes(1);
    for (const radio of within(dialog).getAllByRole("radio")) expect(radio).not.toBeChecked();
    expect(within(dialog).getByTestId("merge-left")).toHaveTextContent("3 left to decide");
    // The keyboard goes back to the top of the plan (the button it was on is gone).
    await waitFor(() => expect(within(dialog).getByTestId("merge-body")).toHaveFocus());

    await fireEvent.click(within(dialog).getByRole("button", { name: "Take all theirs" }));
    await fireEvent.click(mergeButton(dialog));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    const second = plan(core).fingerprint;
    expect(second).not.toBe(first);
    expect(core.merges().map((m) => m.fingerprint)).toEqual([first, second]);
    expect(status()).toHaveTextContent(/^Merged Board case \(Ben\)\.casewright: 10 of their changes, 3 conflicts decided\./);
  });

  it("another refusal stays in the dialog, which can be tried again", async () => {
    const core = await start();
    const dialog = await openMerge();
    // Their copy is damaged after it was planned (kept aside, to be put back).
    const ben = `${core.run.dir}/${BEN}`;
    await core.copy(ben, "kept.casewright");
    await core.write(BEN, "not a Casewright project any more");
    await fireEvent.click(within(dialog).getByRole("button", { name: "Keep all mine" }));
    await fireEvent.click(mergeButton(dialog));
    const alert = await within(dialog).findByRole("alert");
    const refusal = core.refusals().find((r) => r.command === "apply_merge")!.error as AppError;
    expect(refusal.code).not.toBe("merge_stale");
    expect(alert).toHaveTextContent("Could not merge.");
    expect(alert).toHaveTextContent(refusal.message);
    expect(within(alert).queryByRole("button", { name: "Review again" })).toBeNull();
    expect(screen.getAllByRole("alert")).toHaveLength(1);
    expect(mergeButton(dialog)).toBeEnabled();
    // Put back as it was: the same plan goes through.
    await core.copy(`${core.run.dir}/kept.casewright`, BEN);
    await fireEvent.click(mergeButton(dialog));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(core.merges()).toHaveLength(2);
    expect(core.answered("apply_merge")).toHaveLength(1);
  });

  it("waits while merging: the button says so, Cancel and Escape wait too", async () => {
    await start();
    // The core merges at once; its answer reaches the UI when the test lets it.
    const pending = heldBack(real.applyMerge);
    vi.mocked(backend.applyMerge).mockImplementationOnce(pending.fn);
    const dialog = await openMerge();
    await fireEvent.click(within(dialog).getByRole("button", { name: "Keep all mine" }));
    const merge = mergeButton(dialog);
    await fireEvent.click(merge);
    await waitFor(() => expect(merge).toHaveTextContent("Merging…"));
    expect(merge).toHaveAttribute("aria-disabled", "true");
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toBeDisabled();
    await fireEvent.keyDown(dialog, { key: "Escape" });
    expect(screen.getByRole("dialog")).toBe(dialog);
    pending.release();
    await pending.delivered;
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("their copy with no changes of its own: says there is nothing to merge, with a single Close", async () => {
    const core = await start(null, "unchanged");
    const dialog = await openMerge();
    expect(plan(core)).toMatchObject({ taken: [], conflicts: [] });
    expect(within(dialog).getByTestId("merge-nothing")).toHaveTextContent("Their copy has no changes of its own — nothing to merge.");
    expect(within(dialog).getAllByRole("button").map((b) => b.textContent?.trim())).toEqual(["Close"]);
    expect(within(dialog).getByRole("button", { name: "Close" })).toHaveFocus();
    await fireEvent.click(within(dialog).getByRole("button", { name: "Close" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(backend.applyMerge).not.toHaveBeenCalled();
  });

  it("says when their pilots differ (pilots are not merged); with no conflicts, Merge is ready at once", async () => {
    const core = await start(null, "pilots");
    const dialog = await openMerge();
    expect(plan(core)).toMatchObject({ pilotsDiffer: true, conflicts: [] });
    expect(within(dialog).getByTestId("merge-pilots")).toHaveTextContent("Their pilots differ from yours. Pilots are not merged; open their copy to compare.");
    expect(within(dialog).queryByRole("heading", { name: /^Decide/ })).toBeNull();
    expect(mergeButton(dialog)).toBeEnabled();
    await fireEvent.click(mergeButton(dialog));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(core.merges()).toEqual([{ fingerprint: plan(core).fingerprint, resolutions: [] }]);
    expect(merged(core).project.pilots).toEqual([]);
    expect(status()).toHaveTextContent(/^Merged Board case \(Ben\)\.casewright: 10 of their changes\. Undo with Ctrl\+Z\.$/);
  });

  it("while read-only: the plan can be read and decided, but not merged, and the dialog says why", async () => {
    await start(holder);
    const dialog = await openMerge();
    const note = within(dialog).getByTestId("merge-read-only");
    expect(note).toHaveTextContent("Read-only here. Ana Pereira has this project open, so their changes can't be merged into it here.");
    expect(note).toHaveTextContent("choose Save a Copy… or Edit Anyway… first");
    await fireEvent.click(within(dialog).getByRole("button", { name: "Take all theirs" }));
    expect(mergeButton(dialog)).toBeDisabled();
    expect(within(dialog).getByTestId("merge-left")).toHaveTextContent("Merging needs an editable project");
    expect(mergeButton(dialog)).toHaveAccessibleDescription(/Merging needs an editable project Read-only here\./);
    expect(backend.applyMerge).not.toHaveBeenCalled();
  });

  it("a project that turned read-only meanwhile: the core's refusal shows in the dialog, and the window turns read-only", async () => {
    const core = await start();
    const dialog = await openMerge();
    // Behind the dialog, another Casewright opens the file (its lock file): the core opens it again, read-only.
    await core.lockedBy(holder);
    await fireEvent.click(within(dialog).getByRole("button", { name: "Keep all mine" }));
    await fireEvent.click(mergeButton(dialog));
    const alert = await within(dialog).findByRole("alert");
    const refusal = core.refusals().find((r) => r.command === "apply_merge")!.error as AppError;
    expect(refusal.code).toBe("read_only");
    expect(refusal.message).toContain(holder.user);
    expect(alert).toHaveTextContent(refusal.message);
    await waitFor(() => expect(within(dialog).getByTestId("merge-read-only")).toBeInTheDocument());
    expect(mergeButton(dialog)).toBeDisabled();
    expect(screen.getByRole("region", { name: "Read-only" })).toBeInTheDocument();
  });

  it("a copy of another project is refused in the error banner; a cancelled file dialog does nothing", async () => {
    const other = await projectFile(opened(`/x/${HOSTILE}.casewright`, { title: "Another project", sections: [section({ id: 1, title: "Why" })] }));
    const core = await connect(backend, project());
    render(App);
    await screen.findByTestId("storyboard");
    // No dialog answer queued: the file dialog is cancelled.
    menuHandler(backend)({ action: "mergeFrom" });
    await waitFor(() => expect(core.answered("merge_plan_dialog")).toEqual([null]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();

    await core.dialog(other);
    menuHandler(backend)({ action: "mergeFrom" });
    const alert = await screen.findByRole("alert");
    const refusal = core.refusals().find((r) => r.command === "merge_plan_dialog")!.error as AppError;
    expect(refusal.code).toBe("different_project");
    expect(refusal.message).toContain(`${HOSTILE}.casewright`);
    expect(alert).toHaveAttribute("data-code", "different_project");
    expect(alert).toHaveTextContent("Could not merge their changes.");
    expect(within(alert).getByTestId("error-message").textContent).toBe(refusal.message);
    expect(alert.querySelector("img")).toBeNull();
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("Escape and Cancel close it without merging; focus goes back where it was; menu choices wait meanwhile", async () => {
    const core = await start();
    const exportButton = document.getElementById("export-pdf")!;
    exportButton.focus();
    let dialog = await openMerge();
    menuHandler(backend)({ action: "open" });
    menuHandler(backend)({ action: "importBlocks" });
    expect(backend.openProjectDialog).not.toHaveBeenCalled();
    expect(backend.importSourceDialog).not.toHaveBeenCalled();
    await fireEvent.keyDown(within(dialog).getAllByRole("radio")[0], { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(exportButton).toHaveFocus();

    await core.dialog(BEN);
    dialog = await openMerge();
    await fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(backend.applyMerge).not.toHaveBeenCalled();
    expect(exportButton).toHaveFocus();
  });
});

describe("Import Blocks From…", () => {
  /** Another project, written as Plant.casewright. */
  function plantProject(): OpenedProject {
    return opened("/x/Plant.casewright", {
          title: "Plant",
          sections: [
            section({ id: 1, uid: "p1", title: "Why now", blocks: [block({ id: 11, uid: "u11", kind: "benefit", title: "Fewer stops", body: "Sensors warn us." }), block({ id: 12, uid: "u12", kind: "metric", title: "Stops cost hours", number: 310, unit: "hours" })] }),
            section({ id: 2, uid: "p2", title: "Empty" }),
            section({ id: 3, uid: "p3", title: HOSTILE, blocks: [block({ id: 31, uid: "u31", kind: "story", title: `${HOSTILE} Hamburg` })] }),
          ],
          library: [block({ id: 41, uid: "u41", kind: "benefit", title: "Safety walks" })],
        });
  }

  let plant = "";

  /** The App over the real core, Plant.casewright a real file beside it, the next file dialog choosing it. */
  async function startImport(readOnly: LockHolder | null = null) {
    plant = await projectFile(plantProject());
    const core = await connect(backend, project());
    if (readOnly) await core.lockedBy(readOnly);
    await core.dialog(plant);
    render(App);
    await screen.findByTestId("storyboard");
    return core;
  }

  /** The source the core read for the dialog. */
  const source = (core: RealCore) => core.answered("import_source_dialog").at(-1) as ImportSource;
  /** The uid the core gives the source's block titled `title`. */
  const uid = (core: RealCore, title: string) => [...source(core).project.sections.flatMap((s) => s.blocks), ...source(core).project.library].find((b) => b.title === title)!.uid;

  async function openImport() {
    menuHandler(backend)({ action: "importBlocks" });
    return screen.findByRole("dialog", { name: "Import blocks from Plant.casewright" });
  }

  const groupNames = (dialog: HTMLElement) => within(dialog).queryAllByTestId("import-group-name").map((n) => n.textContent);
  const importButton = (dialog: HTMLElement) => within(dialog).getByTestId("import-apply");

  it("lists the other project's blocks by section in order, then its library, as text; focus in the filter", async () => {
    await startImport();
    const dialog = await openImport();
    expect(backend.importSourceDialog).toHaveBeenCalledTimes(1);
    expect(dialog).toHaveAccessibleDescription(/Choose blocks to copy into this project.*Plant\.casewright itself is not changed\./);
    expect(groupNames(dialog)).toEqual(["Why now", HOSTILE, "Library"]);
    const rows = within(dialog).getAllByTestId("import-block");
    expect(rows.map((r) => within(r).getByTestId("import-block-title").textContent)).toEqual(["Fewer stops", "Stops cost hours", `${HOSTILE} Hamburg`, "Safety walks"]);
    expect(within(rows[0]).getByTestId("kind-badge")).toHaveTextContent("Benefit");
    expect(within(rows[1]).getByTestId("import-block-figure")).toHaveTextContent("310 hours");
    expect(dialog.querySelector("img")).toBeNull();
    expect(within(dialog).getByRole("checkbox", { name: "Fewer stops" })).toHaveAccessibleDescription("Sensors warn us.");
    expect(within(dialog).getByRole("searchbox", { name: "Filter the blocks by title or text" })).toHaveFocus();
    expect(importButton(dialog)).toBeDisabled();
    expect(importButton(dialog)).toHaveTextContent("Import 0 blocks");
  });

  it("a group's checkbox selects all of it (mixed when some); the filter narrows the list; the button counts the chosen", async () => {
    await startImport();
    const dialog = await openImport();
    const whyNow = within(dialog).getByRole("checkbox", { name: "Select all in “Why now”" });
    await fireEvent.click(whyNow);
    expect(within(dialog).getByRole("checkbox", { name: "Fewer stops" })).toBeChecked();
    expect(within(dialog).getByRole("checkbox", { name: "Stops cost hours" })).toBeChecked();
    expect(importButton(dialog)).toHaveTextContent("Import 2 blocks");
    await fireEvent.click(within(dialog).getByRole("checkbox", { name: "Fewer stops" }));
    expect((whyNow as HTMLInputElement).indeterminate).toBe(true);
    expect(whyNow).not.toBeChecked();
    expect(importButton(dialog)).toHaveTextContent("Import 1 block");
    await fireEvent.click(whyNow);
    expect(importButton(dialog)).toHaveTextContent("Import 2 blocks");
    await fireEvent.click(whyNow);
    expect(importButton(dialog)).toHaveTextContent("Import 0 blocks");
    expect(importButton(dialog)).toBeDisabled();

    const filter = within(dialog).getByRole("searchbox");
    await fireEvent.input(filter, { target: { value: "sensors" } });
    expect(within(dialog).getAllByTestId("import-block").map((r) => within(r).getByTestId("import-block-title").textContent)).toEqual(["Fewer stops"]);
    expect(groupNames(dialog)).toEqual(["Why now"]);
    expect(within(dialog).getByTestId("import-shown")).toHaveTextContent("Showing 1 of 4 blocks");
    // The group's checkbox takes the blocks shown.
    await fireEvent.click(within(dialog).getByRole("checkbox", { name: "Select all in “Why now”" }));
    expect(importButton(dialog)).toHaveTextContent("Import 1 block");
    await fireEvent.input(filter, { target: { value: "walks" } });
    await fireEvent.click(within(dialog).getByRole("checkbox", { name: "Safety walks" }));
    expect(within(dialog).getByTestId("import-hidden")).toHaveTextContent("1 chosen block hidden by the filter");
    expect(importButton(dialog)).toHaveTextContent("Import 2 blocks");
    await fireEvent.input(filter, { target: { value: "nothing like this" } });
    expect(within(dialog).getByTestId("import-no-match")).toHaveTextContent("No blocks match “nothing like this”.");
  });

  it("imports the chosen blocks, in their project's order, to the end of the section chosen; says so; one Ctrl+Z takes them back", async () => {
    const core = await startImport();
    const dialog = await openImport();
    const destination = within(dialog).getByLabelText("Import into");
    expect(destination).toHaveValue("library");
    expect(within(destination).getAllByRole("option").map((o) => o.textContent)).toEqual(["Block library", "End of section “Opportunity”", "End of section “Proof”"]);
    await fireEvent.click(within(dialog).getByRole("checkbox", { name: "Safety walks" }));
    await fireEvent.click(within(dialog).getByRole("checkbox", { name: "Fewer stops" }));
    await fireEvent.change(destination, { target: { value: `section:${core.sectionId("Opportunity")}` } });
    await fireEvent.click(importButton(dialog));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(core.imports()).toEqual([{ uids: [uid(core, "Fewer stops"), uid(core, "Safety walks")], to: { in: "section", sectionId: core.sectionId("Opportunity"), index: 2 } }]);
    expect(core.project().sections[0].blocks.map((b) => b.title)).toEqual(["Sharper focus", "Ideas submitted", "Fewer stops", "Safety walks"]);
    await waitFor(() => expect(titles()).toEqual(["Sharper focus", "Ideas submitted", "Fewer stops", "Safety walks", "Acme did it", "Library story"]));
    expect(status()).toHaveTextContent("Imported 2 blocks from Plant.casewright into “Opportunity”. Undo with Ctrl+Z.");

    await fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    await waitFor(() => expect(titles()).toEqual(["Sharper focus", "Ideas submitted", "Acme did it", "Library story"]));
  });

  it("imports to the end of the block library by default", async () => {
    const core = await startImport();
    const dialog = await openImport();
    await fireEvent.click(within(dialog).getByRole("checkbox", { name: `${HOSTILE} Hamburg` }));
    await fireEvent.click(importButton(dialog));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(core.imports()).toEqual([{ uids: [uid(core, `${HOSTILE} Hamburg`)], to: { in: "library", index: 1 } }]);
    expect(core.project().library.map((b) => b.title)).toEqual(["Library story", `${HOSTILE} Hamburg`]);
    expect(status()).toHaveTextContent("Imported 1 block from Plant.casewright into the block library. Undo with Ctrl+Z.");
    expect(document.querySelector(".app img[src='x']")).toBeNull();
  });

  it("a failed import stays in the dialog; a cancelled file dialog does nothing; a source without blocks says so", async () => {
    const empty = await projectFile({ ...plantProject(), project: { ...plantProject().project, sections: [], library: [] } }, "empty");
    const core = await startImport();
    let dialog = await openImport();
    // Plant.casewright goes away once read (a colleague moved it): the import cannot read its blocks.
    await core.remove(plant);
    await fireEvent.click(within(dialog).getByRole("checkbox", { name: "Safety walks" }));
    await fireEvent.click(importButton(dialog));
    const alert = await within(dialog).findByRole("alert");
    const refusal = core.refusals().find((r) => r.command === "import_blocks")!.error as AppError;
    expect(alert).toHaveTextContent("Could not import the blocks.");
    expect(alert).toHaveTextContent(refusal.message);
    expect(within(dialog).getByRole("checkbox", { name: "Safety walks" })).toBeChecked();
    await fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    // No dialog answer queued: the file dialog is cancelled.
    menuHandler(backend)({ action: "importBlocks" });
    await waitFor(() => expect(backend.importSourceDialog).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(core.answered("import_source_dialog").at(-1)).toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole("dialog")).toBeNull();

    await core.dialog(empty);
    dialog = await openImport();
    expect(dialog).toHaveTextContent("Plant.casewright has no blocks to import.");
    expect(within(dialog).getAllByRole("button").map((b) => b.textContent?.trim())).toEqual(["Close"]);
  });

  it("while read-only: says why blocks can't be imported, without asking for a file; Edit Anyway… leads to the warning", async () => {
    await startImport(holder);
    menuHandler(backend)({ action: "importBlocks" });
    const notice = await screen.findByRole("dialog", { name: "Importing needs an editable project" });
    expect(notice).toHaveAccessibleDescription(/^Ana Pereira has this project open, so blocks can't be imported into it here\./);
    expect(within(notice).getByRole("button", { name: "Close" })).toHaveFocus();
    expect(backend.importSourceDialog).not.toHaveBeenCalled();
    await fireEvent.click(within(notice).getByRole("button", { name: "Close" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    menuHandler(backend)({ action: "importBlocks" });
    await fireEvent.click(within(await screen.findByRole("dialog", { name: "Importing needs an editable project" })).getByRole("button", { name: "Edit Anyway…" }));
    expect(await screen.findByRole("alertdialog", { name: "Edit this project anyway?" })).toBeInTheDocument();
    expect(backend.importSourceDialog).not.toHaveBeenCalled();
  });
});
