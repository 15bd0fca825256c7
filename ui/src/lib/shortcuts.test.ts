import { describe, expect, it } from "vitest";
import { isTextField, shortcutFor } from "./shortcuts";

const key = (init: KeyboardEventInit) => new KeyboardEvent("keydown", init);

describe("shortcutFor", () => {
  const button = document.createElement("button");

  it("maps undo, redo, delete and duplicate", () => {
    expect(shortcutFor(key({ key: "z", ctrlKey: true }), button)).toBe("undo");
    expect(shortcutFor(key({ key: "Z", ctrlKey: true, shiftKey: true }), button)).toBe("redo");
    expect(shortcutFor(key({ key: "y", ctrlKey: true }), button)).toBe("redo");
    expect(shortcutFor(key({ key: "z", metaKey: true }), null)).toBe("undo");
    expect(shortcutFor(key({ key: "Delete" }), button)).toBe("delete");
    expect(shortcutFor(key({ key: "d", ctrlKey: true }), button)).toBe("duplicate");
  });

  it("leaves text fields their own undo and Delete; duplicate works anywhere", () => {
    for (const element of [document.createElement("input"), document.createElement("textarea"), document.createElement("select")]) {
      expect(shortcutFor(key({ key: "z", ctrlKey: true }), element)).toBeNull();
      expect(shortcutFor(key({ key: "y", ctrlKey: true }), element)).toBeNull();
      expect(shortcutFor(key({ key: "Delete" }), element)).toBeNull();
      expect(shortcutFor(key({ key: "d", ctrlKey: true }), element)).toBe("duplicate");
    }
  });

  it("has no file shortcuts (the native menu owns them) and ignores other keys", () => {
    for (const k of ["o", "e", "n", "s"]) expect(shortcutFor(key({ key: k, ctrlKey: true }), button)).toBeNull();
    expect(shortcutFor(key({ key: "z" }), button)).toBeNull();
    expect(shortcutFor(key({ key: "z", ctrlKey: true, altKey: true }), button)).toBeNull();
    expect(shortcutFor(key({ key: "Backspace" }), button)).toBeNull();
  });
});

describe("isTextField", () => {
  it("knows typing fields from buttons", () => {
    const checkbox = Object.assign(document.createElement("input"), { type: "checkbox" });
    const search = Object.assign(document.createElement("input"), { type: "search" });
    const editable = document.createElement("div");
    editable.contentEditable = "true";
    expect(isTextField(search)).toBe(true);
    expect(isTextField(checkbox)).toBe(false);
    expect(isTextField(document.createElement("button"))).toBe(false);
    expect(isTextField(null)).toBe(false);
    // jsdom does not implement isContentEditable; browsers do.
    expect(isTextField(editable)).toBe(editable.isContentEditable === true);
  });
});
