import { describe, expect, it } from "vitest";
import {
  DEFAULT_SHARE_OPTIONS,
  fileSize,
  holderName,
  openSince,
  parseShareOptions,
  readOnlyText,
  SHARE_OPTIONS_KEY,
  ShareChoices,
  sharedMessage,
  takeOverWarning,
} from "./sharing";

const holder = { user: "Ana Pereira", host: "ana-laptop", pid: 4242, since: 1795000000 };

/** A Storage in memory; `refuse` makes every call throw, as a locked-down webview's may. */
function memoryStorage(refuse = false): Storage {
  const items = new Map<string, string>();
  const check = () => {
    if (refuse) throw new DOMException("denied", "SecurityError");
  };
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (key) => (check(), items.get(key) ?? null),
    setItem: (key, value) => (check(), void items.set(key, value)),
    removeItem: (key) => void items.delete(key),
  };
}

describe("the read-only banner's words", () => {
  it("name who has the project open, on which computer, and since when in local time", () => {
    const since = new Date(holder.since * 1000).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
    expect(openSince(holder.since, "en-GB")).toBe(since);
    expect(readOnlyText(holder, "en-GB")).toBe(
      `Read-only — Ana Pereira on ana-laptop has had this project open since ${since}. Changes can't be saved here.`,
    );
    expect(takeOverWarning(holder)).toBe("If Ana Pereira saves too, one of you will lose changes. Continue only if you know they have closed it.");
  });

  it("keep a name that looks like markup exactly as it is (it is shown as text)", () => {
    const hostile = { ...holder, user: "<img src=x onerror=alert(1)>" };
    expect(readOnlyText(hostile, "en-GB")).toMatch(/^Read-only — <img src=x onerror=alert\(1\)> on ana-laptop has had/);
  });

  it("say something sensible when the lock file names nobody, or no time", () => {
    const blank = { user: "  ", host: "", pid: 0, since: 0 };
    expect(holderName(blank)).toBe("Someone");
    expect(readOnlyText(blank)).toBe("Read-only — Someone on another computer has had this project open since an unknown time. Changes can't be saved here.");
  });
});

describe("sharing a copy", () => {
  it("reports sizes as a file manager does", () => {
    expect(fileSize(0)).toBe("0 bytes");
    expect(fileSize(1)).toBe("1 byte");
    expect(fileSize(999)).toBe("999 bytes");
    expect(fileSize(1000)).toBe("1 KB");
    expect(fileSize(1500)).toBe("1.5 KB");
    expect(fileSize(148_000)).toBe("148 KB");
    expect(fileSize(151_552)).toBe("152 KB");
    expect(fileSize(999_600)).toBe("1 MB");
    expect(fileSize(2_400_000)).toBe("2.4 MB");
    expect(fileSize(48_000_000)).toBe("48 MB");
    expect(fileSize(3_000_000_000)).toBe("3 GB");
  });

  it("says the size, and what was left out only when something was", () => {
    expect(sharedMessage({ bytes: 148_000, unusedCasesLeftOut: 0, foreignObjectsLeftOut: 0 })).toBe("Shared copy saved (148 KB).");
    expect(sharedMessage({ bytes: 148_000, unusedCasesLeftOut: 1, foreignObjectsLeftOut: 0 })).toBe(
      "Shared copy saved (148 KB), 1 unused case study left out.",
    );
    expect(sharedMessage({ bytes: 148_000, unusedCasesLeftOut: 3, foreignObjectsLeftOut: 2 })).toBe(
      "Shared copy saved (148 KB), 3 unused case studies and 2 additions by other programs left out.",
    );
  });

  it("reads remembered options back defensively", () => {
    expect(parseShareOptions(null)).toEqual(DEFAULT_SHARE_OPTIONS);
    expect(parseShareOptions("not json")).toEqual(DEFAULT_SHARE_OPTIONS);
    expect(parseShareOptions("[true]")).toEqual(DEFAULT_SHARE_OPTIONS);
    expect(parseShareOptions('{"stripNotes":"yes","stripDismissed":true,"extra":1}')).toEqual({ stripNotes: false, stripDismissed: true });
  });

  it("remembers the last choice, and copes with storage that refuses", () => {
    const storage = memoryStorage();
    const choices = new ShareChoices(storage);
    expect(choices.value).toEqual({ stripNotes: false, stripDismissed: false });
    choices.remember({ stripNotes: true, stripDismissed: false });
    expect(JSON.parse(storage.getItem(SHARE_OPTIONS_KEY)!)).toEqual({ stripNotes: true, stripDismissed: false });
    expect(new ShareChoices(storage).value).toEqual({ stripNotes: true, stripDismissed: false });

    const refusing = new ShareChoices(memoryStorage(true));
    refusing.remember({ stripNotes: false, stripDismissed: true });
    expect(refusing.value).toEqual({ stripNotes: false, stripDismissed: true });
    expect(new ShareChoices(null).value).toEqual(DEFAULT_SHARE_OPTIONS);
  });
});
