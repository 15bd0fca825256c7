// The project's pictures as the editor shows them: small copies the core makes (at most 480 px
// a side), asked for once per picture and kept by id. Ids are stable while a project is open,
// so the cache is cleared only when another project is opened.
import { SvelteMap } from "svelte/reactivity";
import { toAppError } from "./backend";

export type Thumbnail = { state: "loading" } | { state: "ready"; url: string } | { state: "failed"; message: string };

const LOADING: Thumbnail = { state: "loading" };

export class Thumbnails {
  #load: (id: number) => Promise<string>;
  #shown = new SvelteMap<number, Thumbnail>();
  /** Bumped by clear(), so an answer about the project before does not land in the cache. */
  #generation = 0;

  constructor(load: (id: number) => Promise<string>) {
    this.#load = load;
  }

  /** What to show for picture `id` now (loading until request() has an answer). Only reads. */
  get(id: number): Thumbnail {
    return this.#shown.get(id) ?? LOADING;
  }

  /**
   * Asks the core for picture `id`'s thumbnail unless it is cached or on its way (call it from
   * an effect, not while rendering). A failure is kept too, so it is not asked for again and
   * again; it is asked for again after clear().
   */
  request(id: number): void {
    if (this.#shown.has(id)) return;
    this.#shown.set(id, LOADING);
    const generation = this.#generation;
    this.#load(id).then(
      (url) => {
        if (generation === this.#generation) this.#shown.set(id, { state: "ready", url });
      },
      (e: unknown) => {
        if (generation === this.#generation) this.#shown.set(id, { state: "failed", message: toAppError(e).message });
      },
    );
  }

  /** Forgets every thumbnail (another project is open: its ids mean other pictures). */
  clear(): void {
    this.#generation++;
    this.#shown.clear();
  }
}
