import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { BriefingPreview, BriefingSettings, Project } from "./bindings";
import { parseSettings, PreviewState, PrintSettings, SETTINGS_KEY, settingsName, svgDataUrl } from "./preview.svelte";
import { deferred } from "../test/backend";

const A4: BriefingSettings = { paper: "a4", handout: false };
const LETTER: BriefingSettings = { paper: "letter", handout: false };

function project(title: string): Project {
  return { title, author: "", audience: "", industry: "", sections: [], library: [], logo: null, accent: null, pilots: [], cases: [] };
}

function answer(page: string, settings = A4): BriefingPreview {
  return {
    pages: [`<svg xmlns="http://www.w3.org/2000/svg"><!-- ${page} --></svg>`],
    width: settings.paper === "a4" ? 595.28 : 612,
    height: settings.paper === "a4" ? 841.89 : 792,
    warnings: [],
  };
}

/** A storage that keeps items in a Map. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe("svgDataUrl", () => {
  it("makes a data: URL that gives the SVG back exactly, whatever it holds", () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10"><text>#1 & “Café” 100% <b></text></svg>\n`;
    const url = svgDataUrl(svg);
    expect(url.startsWith("data:image/svg+xml;charset=utf-8,")).toBe(true);
    expect(url).not.toMatch(/[#<>"\s]/);
    expect(decodeURIComponent(url.slice(url.indexOf(",") + 1))).toBe(svg);
  });
});

describe("print settings", () => {
  it("reads what was stored, and the default for anything else", () => {
    expect(parseSettings(JSON.stringify({ paper: "letter", handout: true }))).toEqual({ paper: "letter", handout: true });
    expect(parseSettings(null)).toEqual(A4);
    expect(parseSettings("not json")).toEqual(A4);
    expect(parseSettings("[]")).toEqual(A4);
    expect(parseSettings(JSON.stringify({ paper: "a3", handout: "yes" }))).toEqual(A4);
    expect(parseSettings(JSON.stringify({ handout: true }))).toEqual({ paper: "a4", handout: true });
  });

  it("are remembered in storage and read back", () => {
    const storage = memoryStorage();
    const first = new PrintSettings(storage);
    expect(first.value).toEqual(A4);
    first.set({ paper: "letter" });
    first.set({ handout: true });
    expect(JSON.parse(storage.getItem(SETTINGS_KEY)!)).toEqual({ paper: "letter", handout: true });
    expect(new PrintSettings(storage).value).toEqual({ paper: "letter", handout: true });
  });

  it("still hold for the session when storage refuses them", () => {
    const storage = memoryStorage();
    storage.getItem = () => {
      throw new Error("SecurityError");
    };
    storage.setItem = () => {
      throw new Error("QuotaExceededError");
    };
    const settings = new PrintSettings(storage);
    settings.set({ paper: "letter" });
    expect(settings.value).toEqual(LETTER);
    expect(new PrintSettings(null).value).toEqual(A4);
  });

  it("are named as they print", () => {
    expect(settingsName(A4)).toBe("A4");
    expect(settingsName({ paper: "letter", handout: true })).toBe("US Letter handout");
    expect(settingsName({ paper: "a4", handout: false, theme: "bold" })).toBe("A4, bold");
  });

  it("carry the bold look only when chosen, and remember it", () => {
    const storage = memoryStorage();
    const settings = new PrintSettings(storage);
    settings.set({ theme: "bold" });
    expect(settings.value).toEqual({ paper: "a4", handout: false, theme: "bold" });
    expect(new PrintSettings(storage).value).toEqual({ paper: "a4", handout: false, theme: "bold" });
    settings.set({ theme: "board" });
    expect(settings.value).toEqual(A4);
    expect(parseSettings(JSON.stringify({ paper: "a4", handout: false, theme: "loud" }))).toEqual(A4);
  });
});

describe("PreviewState", () => {
  const DELAY = 100;
  let fetch: ReturnType<typeof vi.fn<(settings: BriefingSettings) => Promise<BriefingPreview>>>;
  let pending: ReturnType<typeof deferred<BriefingPreview>>[];

  beforeEach(() => {
    vi.useFakeTimers();
    pending = [];
    fetch = vi.fn((_settings: BriefingSettings) => {
      const next = deferred<BriefingPreview>();
      pending.push(next);
      return next.promise;
    });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  const flush = () => vi.advanceTimersByTimeAsync(0);
  const shownPage = (state: PreviewState) => state.shown && decodeURIComponent(state.shown.pages[0]);

  it("asks at once when nothing is shown, then once per pause in a burst of changes", async () => {
    const state = new PreviewState(fetch, DELAY);
    const p1 = project("one");
    state.want(p1, A4);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(state.updating).toBe(true);
    pending[0].resolve(answer("one"));
    await flush();
    expect(shownPage(state)).toContain("one");
    expect(state.updating).toBe(false);

    // The same project and settings again: nothing to ask.
    state.want(p1, { ...A4 });
    expect(state.updating).toBe(false);

    state.want(project("two"), A4);
    state.want(project("three"), A4);
    expect(state.updating).toBe(true);
    await vi.advanceTimersByTimeAsync(DELAY - 1);
    expect(fetch).toHaveBeenCalledTimes(1);
    state.want(project("four"), LETTER);
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch).toHaveBeenLastCalledWith(LETTER);
    // The old pages stay while the new ones are made.
    expect(shownPage(state)).toContain("one");
    pending[1].resolve(answer("four", LETTER));
    await flush();
    expect(shownPage(state)).toContain("four");
    expect(state.shown?.settings).toEqual(LETTER);
    expect(state.shown?.width).toBe(612);
  });

  it("asks at once when told to (the tab opened on out-of-date pages)", async () => {
    const state = new PreviewState(fetch, DELAY);
    state.want(project("one"), A4);
    pending[0].resolve(answer("one"));
    await flush();
    state.want(project("two"), A4, { now: true });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("lets an older answer on the same paper stand in until the latest comes, then never over it", async () => {
    const state = new PreviewState(fetch, 0);
    state.want(project("one"), A4);
    state.want(project("two"), A4);
    state.want(project("three"), A4);
    expect(fetch).toHaveBeenCalledTimes(3);
    pending[1].resolve(answer("two"));
    await flush();
    expect(shownPage(state)).toContain("two");
    expect(state.updating).toBe(true);
    pending[2].resolve(answer("three"));
    await flush();
    expect(shownPage(state)).toContain("three");
    expect(state.updating).toBe(false);
    pending[0].resolve(answer("one"));
    await flush();
    expect(shownPage(state)).toContain("three");
  });

  it("shows only the latest failure, keeping the pages, and tries again", async () => {
    const state = new PreviewState(fetch, 0);
    const p = project("one");
    state.want(p, A4);
    pending[0].resolve(answer("one"));
    await flush();
    state.want(project("old"), A4);
    state.want(p, LETTER);
    pending[1].reject({ code: "io", message: "an older failure" });
    await flush();
    expect(state.error).toBeNull();
    pending[2].reject({ code: "io", message: "the disk went away" });
    await flush();
    expect(state.error).toEqual({ code: "io", message: "the disk went away" });
    expect(shownPage(state)).toContain("one");
    expect(state.updating).toBe(false);

    state.retry();
    expect(fetch).toHaveBeenLastCalledWith(LETTER);
    pending[3].resolve(answer("one, on Letter", LETTER));
    await flush();
    expect(state.error).toBeNull();
    expect(shownPage(state)).toContain("one, on Letter");
  });

  it("asks nothing while paused (the tab hidden), and asks again when wanted", async () => {
    const state = new PreviewState(fetch, DELAY);
    const p1 = project("one");
    state.want(p1, A4);
    pending[0].resolve(answer("one"));
    await flush();

    const p2 = project("two");
    state.want(p2, A4);
    state.pause();
    expect(state.updating).toBe(false);
    await vi.advanceTimersByTimeAsync(DELAY * 3);
    expect(fetch).toHaveBeenCalledTimes(1);

    state.want(p2, A4, { now: true });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("drops what it had and what is on its way when another project is opened", async () => {
    const state = new PreviewState(fetch, 0);
    state.want(project("one"), A4);
    pending[0].resolve(answer("one"));
    await flush();
    state.want(project("one, edited"), A4);
    state.reset();
    expect(state.shown).toBeNull();
    expect(state.updating).toBe(false);
    pending[1].resolve(answer("one, edited"));
    await flush();
    expect(state.shown).toBeNull();

    state.want(project("other"), A4);
    expect(fetch).toHaveBeenCalledTimes(3);
    pending[2].resolve(answer("other"));
    await flush();
    expect(shownPage(state)).toContain("other");
  });
});
