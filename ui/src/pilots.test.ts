// The Pilots view through App, over the real core (crates/test-server, its pilots judged by the
// core's statistics): the view switch, the planner's edits, deleting and undoing, imports (a real
// spreadsheet chosen through the test server's dialog answer), and the storyboard's keys.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import App from "./App.svelte";
import type { AppError, Edit, OpenedProject, Pilot } from "./lib/bindings";
import * as backend from "./lib/backend";
import { block, opened, samplePilot, section } from "./test/fixtures";
import { connect, useRealCore, type RealCore } from "./test/backend";

vi.mock("./lib/backend", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./lib/backend")>()),
  ...(await import("./test/backend")).mockedFunctions,
}));

useRealCore();

const applyEdit = vi.mocked(backend.applyEdit);

function planned(): Pilot {
  return {
    id: 2,
    name: "Night shift at Plant 3",
    team: "Plant 3 night crews",
    headcount: 24,
    start: "2027-01-11",
    end: "2027-03-26",
    resultsUntil: null,
    hypothesis: "",
    readiness: "",
    criteria: [],
  };
}

function project(): OpenedProject {
  return opened("/home/ana/Pilot.casewright", {
    title: "Four-day week pilot",
    sections: [
      section({ id: 10, title: "Proof", blocks: [block({ id: 1, kind: "benefit", title: "Sharper focus" })] }),
      section({ id: 20, title: "Results and the ask" }),
    ],
    pilots: [samplePilot(), planned()],
  });
}

let core: RealCore;

async function start() {
  core = await connect(backend, project());
  render(App);
  await screen.findByTestId("storyboard");
}

async function openPilots() {
  await fireEvent.click(screen.getByRole("tab", { name: /^Pilots/ }));
  await screen.findByTestId("pilot-editor");
  await within(screen.getByTestId("pilot-report")).findByTestId("verdict");
}

const editor = () => screen.getByTestId("pilot-editor");
const field = (label: string) => within(editor()).getByLabelText(label) as HTMLInputElement;
const edits = () => applyEdit.mock.calls.map(([edit]) => edit as Edit);
/** The pilot named `name` as the core held it at the start (its ids are the core's). */
const pilot = (name: string) => structuredClone(core.initial.project.pilots.find((p) => p.name === name)!);

beforeEach(() => {
  vi.clearAllMocks();
});

describe("the Pilots view", () => {
  it("switches the main area between the storyboard and the pilots, the count on its tab", async () => {
    await start();
    const tab = screen.getByRole("tab", { name: /^Pilots/ });
    expect(within(tab).getByTestId("pilot-count")).toHaveTextContent("2");
    await openPilots();
    expect(screen.queryByTestId("storyboard")).toBeNull();
    expect(tab).toHaveAttribute("aria-selected", "true");
    expect(screen.getAllByTestId("pilot-item").map((item) => item.querySelector(".name")?.textContent)).toEqual(["Ask-the-floor at Plant 2", "Night shift at Plant 3"]);
    expect(field("Name").value).toBe("Ask-the-floor at Plant 2");
    expect(within(screen.getByTestId("pilot-report")).getByTestId("verdict")).toHaveAttribute("data-verdict", "win");
    await fireEvent.click(screen.getByRole("tab", { name: "Storyboard" }));
    await screen.findByTestId("storyboard");
  });

  it("sends a field once it is left, as one UpdatePilot of the whole pilot", async () => {
    await start();
    await openPilots();
    await fireEvent.click(screen.getAllByTestId("pilot-item")[1]);
    await waitFor(() => expect(field("Name").value).toBe("Night shift at Plant 3"));
    await fireEvent.input(field("Hypothesis"), { target: { value: "Night crews have the time to answer." } });
    expect(applyEdit).not.toHaveBeenCalled();
    await fireEvent.blur(field("Hypothesis"));
    expect(edits()).toEqual([{ op: "updatePilot", pilot: { ...pilot("Night shift at Plant 3"), hypothesis: "Night crews have the time to answer." } }]);
    await waitFor(() => expect(core.project().pilots[1].hypothesis).toBe("Night crews have the time to answer."));
  });

  it("shows the core's refusal beside the form, not in the banner, until the plan is corrected", async () => {
    await start();
    await openPilots();
    const target = within(within(editor()).getAllByTestId("criterion")[1]).getByLabelText("Target (%)") as HTMLInputElement;
    expect(target.value).toBe("45");
    await fireEvent.input(target, { target: { value: "10" } });
    await fireEvent.blur(target);
    const refusal = await within(editor()).findByTestId("pilot-refusal");
    // The core's own refusal (model/pilot.rs checks the plan), shown as it says it.
    const refused = core.refusals();
    expect(refused.map((r) => r.command)).toEqual(["apply_edit"]);
    expect((refused[0].error as AppError).message).toMatch(/Staff who logged an improvement idea/);
    expect(refusal).toHaveTextContent((refused[0].error as AppError).message);
    expect(target.value).toBe("10");
    expect(screen.getAllByRole("alert")).toEqual([refusal]);
    expect(screen.getByTestId("save-state")).toHaveTextContent("Not saved");
    await fireEvent.input(target, { target: { value: "50" } });
    await fireEvent.blur(target);
    await waitFor(() => expect(core.project().pilots[0].criteria[1].target).toBe(0.5));
    await waitFor(() => expect(within(editor()).queryByTestId("pilot-refusal")).toBeNull());
  });

  it("deletes a pilot, shows the next one, and Undo brings it back", async () => {
    await start();
    await openPilots();
    await fireEvent.click(within(editor()).getByRole("button", { name: "Delete pilot" }));
    await waitFor(() => expect(field("Name").value).toBe("Night shift at Plant 3"));
    expect(edits()).toEqual([{ op: "deletePilot", id: pilot("Ask-the-floor at Plant 2").id }]);
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Deleted pilot “Ask-the-floor at Plant 2”. Undo brings it back (Ctrl+Z)."));
    await waitFor(() => expect(document.activeElement).toBe(screen.getAllByTestId("pilot-item")[0]));
    await fireEvent.keyDown(window, { key: "z", ctrlKey: true });
    await waitFor(() => expect(screen.getAllByTestId("pilot-item")).toHaveLength(2));
    expect(core.project().pilots).toEqual(core.initial.project.pilots);
  });

  it("leaves the storyboard's Delete and Duplicate keys to the storyboard", async () => {
    await start();
    await fireEvent.click(screen.getAllByTestId("block")[0]);
    await openPilots();
    (document.activeElement as HTMLElement | null)?.blur();
    await fireEvent.keyDown(window, { key: "Delete" });
    await fireEvent.keyDown(window, { key: "d", ctrlKey: true });
    expect(applyEdit).not.toHaveBeenCalled();
    expect((await core.current()).project.sections[0].blocks).toHaveLength(1);
  });

  it("imports a spreadsheet's only metric at once, into the grid of the criterion's design", async () => {
    await start();
    await openPilots();
    // A real spreadsheet of one metric, chosen in the (test server's) file dialog.
    await core.write("hours.csv", "metric,subject,before,after\nHours searching,a,4,2\nHours searching,b,3,2.5\n");
    await core.dialog("hours.csv");
    const third = within(editor()).getAllByTestId("criterion")[2];
    await fireEvent.click(within(third).getByRole("button", { name: "Import CSV…" }));
    await waitFor(() => expect(core.project().pilots[0].criteria[2].results).toEqual({ design: "paired", pairs: [[4, 2], [3, 2.5]] }));
    expect(core.resultsDialogs()).toEqual(["paired"]);
    expect((within(third).getByLabelText("After, row 2") as HTMLInputElement).value).toBe("2.5");
    expect(within(third).queryByTestId("import-chooser")).toBeNull();
    expect(screen.getByRole("status")).toHaveTextContent("Imported 2 before-and-after pairs from “Hours searching” into “Hours a week spent searching for answers”.");
  });
});
