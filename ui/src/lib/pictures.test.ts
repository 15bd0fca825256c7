import { describe, expect, it, vi } from "vitest";
import { Thumbnails } from "./pictures.svelte";
import { deferred } from "../test/backend";

function setup() {
  const pending = new Map<number, ReturnType<typeof deferred<string>>[]>();
  const load = vi.fn((id: number) => {
    const reply = deferred<string>();
    pending.set(id, [...(pending.get(id) ?? []), reply]);
    return reply.promise;
  });
  const answer = async (id: number, url: string, which = 0) => {
    pending.get(id)![which].resolve(url);
    await Promise.resolve();
  };
  return { thumbnails: new Thumbnails(load), load, pending, answer };
}

describe("Thumbnails", () => {
  it("asks the core once per picture and keeps the answer by id", async () => {
    const { thumbnails, load, answer } = setup();
    expect(thumbnails.get(3)).toEqual({ state: "loading" });
    expect(load).not.toHaveBeenCalled();
    thumbnails.request(3);
    thumbnails.request(3);
    thumbnails.request(5);
    expect(load.mock.calls).toEqual([[3], [5]]);
    expect(thumbnails.get(3)).toEqual({ state: "loading" });
    await answer(3, "data:image/png;base64,AAA");
    expect(thumbnails.get(3)).toEqual({ state: "ready", url: "data:image/png;base64,AAA" });
    expect(thumbnails.get(5)).toEqual({ state: "loading" });
    thumbnails.request(3);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("keeps a failure as the core's message, without asking again until cleared", async () => {
    const { thumbnails, load, pending } = setup();
    thumbnails.request(7);
    pending.get(7)![0].reject({ code: "not_found", message: "There is no picture 7 in this project." });
    await vi.waitFor(() => expect(thumbnails.get(7)).toEqual({ state: "failed", message: "There is no picture 7 in this project." }));
    thumbnails.request(7);
    expect(load).toHaveBeenCalledTimes(1);
    thumbnails.clear();
    thumbnails.request(7);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("forgets everything when cleared, including answers still on their way", async () => {
    const { thumbnails, load, answer } = setup();
    thumbnails.request(1);
    await answer(1, "data:old-project-1");
    thumbnails.request(2);
    thumbnails.clear();
    expect(thumbnails.get(1)).toEqual({ state: "loading" });
    // The old project's answer for picture 2 arrives after the switch: not kept.
    await answer(2, "data:old-project-2");
    expect(thumbnails.get(2)).toEqual({ state: "loading" });
    thumbnails.request(2);
    expect(load.mock.calls).toEqual([[1], [2], [2]]);
    await answer(2, "data:new-project-2", 1);
    expect(thumbnails.get(2)).toEqual({ state: "ready", url: "data:new-project-2" });
  });
});
