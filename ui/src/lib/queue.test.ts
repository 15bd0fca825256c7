import { describe, expect, it } from "vitest";
import { SerialQueue } from "./queue";
import { deferred } from "../test/backend";

describe("SerialQueue", () => {
  it("runs tasks one at a time in order, a failure not stopping the next", async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const first = deferred<string>();
    const a = queue.run(async () => {
      log.push("a starts");
      return first.promise;
    });
    const b = queue.run(async () => {
      log.push("b starts");
      throw new Error("b failed");
    });
    const c = queue.run(async () => {
      log.push("c starts");
      return "c";
    });
    await Promise.resolve();
    expect(log).toEqual(["a starts"]);
    first.resolve("a");
    await expect(a).resolves.toBe("a");
    await expect(b).rejects.toThrow("b failed");
    await expect(c).resolves.toBe("c");
    expect(log).toEqual(["a starts", "b starts", "c starts"]);
  });
});
