// The case editor on its own (CasesView holds its form): every field from the case, problems
// beside their fields, the keys that save and cancel, outcome rows added and removed, the core's
// refusal kept above the form, and hostile text shown as text.
import { describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, within } from "@testing-library/svelte";
import CaseEditorHost from "./test/CaseEditorHost.svelte";
import type { CaseStudy } from "./lib/bindings";
import { blankCaseForm, CASE_MESSAGES, toCaseForm } from "./lib/cases";

const study = (): CaseStudy => ({
  id: 7,
  title: "Shop-floor idea board",
  organisation: "Northwind Metals",
  industry: "manufacturing",
  size: "large",
  region: "Europe",
  year: 2023,
  initiative: "Line teams posted ideas.",
  outcomes: [{ kind: "speed", number: -23, unit: "%", description: "changeover time" }],
  quote: null,
  source: { title: "Annual report", publisher: "Northwind", link: null, accessed: "2025-03" },
  evidence: "internal-report",
  tags: ["ideas"],
});

function open(initial = toCaseForm(study()), id = 7, extra: Record<string, unknown> = {}) {
  const onsave = vi.fn();
  const oncancel = vi.fn();
  const view = render(CaseEditorHost, { initial, id, onsave, oncancel, ...extra });
  const editor = screen.getByTestId("case-editor");
  const field = (name: string) => editor.querySelector(`[name="${name}"]`) as HTMLInputElement;
  /** The problem shown beside a field (its aria-describedby), or null. */
  const problem = (name: string) => {
    const id = field(name).getAttribute("aria-describedby");
    const text = id ? document.getElementById(id) : null;
    return text?.classList.contains("error") ? text.textContent : null;
  };
  return { ...view, editor, field, problem, onsave, oncancel };
}

describe("CaseEditor", () => {
  it("shows every field of the case, and saves the edited case under its id", async () => {
    const { editor, field, onsave } = open();
    expect(field("title").value).toBe("Shop-floor idea board");
    expect(field("organisation").value).toBe("Northwind Metals");
    expect(field("year").value).toBe("2023");
    expect((field("size") as unknown as HTMLSelectElement).value).toBe("large");
    expect((field("evidence") as unknown as HTMLSelectElement).value).toBe("internal-report");
    expect(field("number-0").value).toBe("-23");
    expect(field("unit-0").value).toBe("%");
    expect(field("accessed").value).toBe("2025-03");
    expect(within(editor).getByText("ideas")).toBeInTheDocument();
    await fireEvent.input(field("title"), { target: { value: "  Night-shift idea board " } });
    await fireEvent.input(field("number-0"), { target: { value: "-1,250" } });
    await fireEvent.change(field("evidence"), { target: { value: "audited-figure" } });
    await fireEvent.click(within(editor).getByRole("button", { name: "Save changes" }));
    expect(onsave).toHaveBeenCalledTimes(1);
    expect(onsave.mock.calls[0][0]).toEqual({
      ...study(),
      title: "Night-shift idea board",
      evidence: "audited-figure",
      outcomes: [{ kind: "speed", number: -1250, unit: "%", description: "changeover time" }],
    });
  });

  it("shows a problem beside its field once it is left, and on Save moves to the first one", async () => {
    const { field, problem, onsave } = open();
    await fireEvent.input(field("year"), { target: { value: "1850" } });
    expect(problem("year")).toBeNull();
    await fireEvent.blur(field("year"));
    expect(problem("year")).toBe(CASE_MESSAGES.year);
    await fireEvent.input(field("title"), { target: { value: "" } });
    await fireEvent.input(field("link"), { target: { value: "example.org" } });
    await fireEvent.input(field("number-0"), { target: { value: "lots" } });
    await fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    expect(onsave).not.toHaveBeenCalled();
    expect(problem("title")).toBe(CASE_MESSAGES.title);
    expect(problem("link")).toBe(CASE_MESSAGES.link);
    expect(problem("number-0")).toBe(CASE_MESSAGES.number);
    expect(field("title")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("case-problems")).toHaveTextContent("Not saved yet: 4 fields need a look.");
    await vi.waitFor(() => expect(document.activeElement).toBe(field("title")));
    // Corrected, it saves.
    await fireEvent.input(field("title"), { target: { value: "Idea board" } });
    await fireEvent.input(field("year"), { target: { value: "2024" } });
    await fireEvent.input(field("link"), { target: { value: "https://example.org/board" } });
    await fireEvent.input(field("number-0"), { target: { value: "-23" } });
    expect(problem("title")).toBeNull();
    await fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    expect(onsave).toHaveBeenCalledTimes(1);
    expect(onsave.mock.calls[0][0]).toMatchObject({ title: "Idea board", year: 2024, source: { link: "https://example.org/board" } });
  });

  it("saves with Ctrl+Enter or Ctrl+S and cancels with Escape", async () => {
    const { field, onsave, oncancel } = open();
    await fireEvent.keyDown(field("region"), { key: "Enter", ctrlKey: true });
    expect(onsave).toHaveBeenCalledTimes(1);
    const s = new KeyboardEvent("keydown", { key: "s", ctrlKey: true, bubbles: true, cancelable: true });
    field("initiative").dispatchEvent(s);
    expect(s.defaultPrevented).toBe(true);
    expect(onsave).toHaveBeenCalledTimes(2);
    await fireEvent.keyDown(field("quote"), { key: "Enter" });
    expect(onsave).toHaveBeenCalledTimes(2);
    await fireEvent.keyDown(field("title"), { key: "Escape" });
    expect(oncancel).toHaveBeenCalledTimes(1);
    await fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(oncancel).toHaveBeenCalledTimes(2);
  });

  it("adds and removes outcome rows", async () => {
    const { editor, field, onsave } = open();
    await fireEvent.click(within(editor).getByRole("button", { name: "Add outcome" }));
    expect(within(editor).getAllByTestId("outcome-row")).toHaveLength(2);
    await fireEvent.change(field("kind-1"), { target: { value: "cost" } });
    await fireEvent.input(field("number-1"), { target: { value: "1.2" } });
    await fireEvent.input(field("unit-1"), { target: { value: "M€" } });
    await fireEvent.input(field("description-1"), { target: { value: "saved a year" } });
    await fireEvent.click(within(editor).getByRole("button", { name: "Remove “changeover time”" }));
    expect(within(editor).getAllByTestId("outcome-row")).toHaveLength(1);
    expect(field("description-0").value).toBe("saved a year");
    await fireEvent.click(within(editor).getByRole("button", { name: "Save changes" }));
    expect(onsave.mock.calls[0][0].outcomes).toEqual([{ kind: "cost", number: 1.2, unit: "M€", description: "saved a year" }]);
  });

  it("a new case needs a title and an organisation, and is added with id 0", async () => {
    const { editor, field, problem, onsave } = open(blankCaseForm(), 0);
    expect(within(editor).getByRole("heading", { level: 2 })).toHaveTextContent("Untitled case study");
    expect(editor.querySelector(".eyebrow")).toHaveTextContent("New case study");
    await fireEvent.click(within(editor).getByRole("button", { name: "Add case" }));
    expect(onsave).not.toHaveBeenCalled();
    expect(problem("title")).toBe(CASE_MESSAGES.title);
    expect(problem("organisation")).toBe(CASE_MESSAGES.organisation);
    await fireEvent.input(field("title"), { target: { value: "Welders mentor apprentices" } });
    await fireEvent.input(field("organisation"), { target: { value: "Forge & Co" } });
    await fireEvent.click(within(editor).getByRole("button", { name: "Add case" }));
    expect(onsave.mock.calls[0][0]).toMatchObject({ id: 0, title: "Welders mentor apprentices", organisation: "Forge & Co", outcomes: [] });
  });

  it("shows the core's refusal above the form and keeps what was typed", async () => {
    const initial = { ...toCaseForm(study()), title: "Typed, not saved" };
    const { field } = open(initial, 7, { refusal: { code: "invalid_case", message: 'case 1 ("Typed, not saved") cannot be stored: the year 1850 is not a year between 1900 and 2100' } });
    expect(screen.getByTestId("case-refusal")).toHaveTextContent("Not saved: case 1 (\"Typed, not saved\") cannot be stored");
    expect(field("title").value).toBe("Typed, not saved");
  });

  it("shows hostile text as text", () => {
    const hostile = { ...study(), title: '<img src=x onerror="window.pwned=1">Hostile', tags: ["<b>bold</b>"] };
    const { editor } = open(toCaseForm(hostile));
    expect(within(editor).getByRole("heading", { level: 2 }).textContent).toBe(hostile.title);
    expect(editor.querySelector("img, b")).toBeNull();
  });
});
