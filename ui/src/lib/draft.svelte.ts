// An inspector form being edited: what the fields show, committed after typing pauses or
// when a field loses focus, never per keystroke; the core's replies are merged in without
// touching a field the person is still typing in.
import { rebase, sameForm, type Comparers } from "./forms";

export const COMMIT_DELAY_MS = 600;

function copy<F extends object>(form: F): F {
  return structuredClone($state.snapshot(form)) as F;
}

export type DraftOptions<F extends object> = {
  /** The fields as the core has them now (read again whenever a commit settles). */
  current: () => F;
  /**
   * Sends the form as one edit and settles once the core's reply (or the failure) is shown;
   * returns nothing when there was nothing to send.
   */
  commit: (form: F, base: F) => Promise<unknown> | void;
  /** Fields to keep as typed whatever the core says (e.g. a number field that is not a number yet). */
  keep?: (form: F) => (keyof F)[];
  /** Fields compared by what they mean rather than as typed (see `Comparers`). */
  same?: Comparers<F>;
  /**
   * A commit that settles with `false` was refused (the core said why): the form keeps what
   * was typed, so it can be corrected, and that same form is not sent again until it changes.
   * Without this, a refused form takes the core's version back like any other reply.
   */
  keepRefused?: boolean;
  delay?: number;
};

export class Draft<F extends object> {
  /** The fields as shown; bind inputs to these. */
  form: F;
  #base: F;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #inFlight = 0;
  /** The last form the core refused (keepRefused), not to be sent again as it is. */
  #refused: F | null = null;
  #options: DraftOptions<F>;

  constructor(options: DraftOptions<F>) {
    const initial = options.current();
    this.form = $state(copy(initial));
    this.#base = copy(initial);
    this.#options = options;
  }

  /** Call after each change a person makes: commits once they pause typing. */
  changed(): void {
    this.#cancelTimer();
    this.#timer = setTimeout(() => this.flush(), this.#options.delay ?? COMMIT_DELAY_MS);
  }

  /** Whether the form holds changes not sent yet. */
  get dirty(): boolean {
    const same = this.#options.same;
    if (sameForm(this.form, this.#base, same)) return false;
    return this.#refused === null || !sameForm(this.form, this.#refused, same);
  }


  /** Sends the changes now (on blur, before another edit, when the form goes away). */
  flush(): void {
    this.#cancelTimer();
    if (!this.dirty) return;
    const sent = copy(this.form);
    const result = this.#options.commit(copy(sent), copy(this.#base));
    if (result === undefined) return;
    this.#base = sent;
    this.#inFlight++;
    let refused = false;
    void result
      .then(
        (outcome) => {
          refused = outcome === false && this.#options.keepRefused === true;
        },
        () => {},
      )
      .finally(() => {
        this.#inFlight--;
        // Replies to edits sent before this one carried the old text; only now is the core's
        // version worth merging (it is this edit's result, or the state after its failure).
        if (this.#inFlight > 0) return;
        if (refused) {
          // The core kept its version: that is the base now, and the form stays as typed.
          this.#refused = sent;
          this.#base = copy(this.#options.current());
        } else {
          this.#refused = null;
          this.receive(this.#options.current());
        }
      });
  }

  /**
   * Takes in the core's version of the fields (after any reply, an undo, a failed edit). Fields
   * changed since the last commit keep their text; while a commit is on its way nothing is taken.
   */
  receive(incoming: F): void {
    if (this.#inFlight > 0) return;
    const changes = rebase(this.form, this.#base, incoming, this.#options.same);
    const keep = new Set(this.#options.keep?.(this.form) ?? []);
    for (const key of Object.keys(changes) as (keyof F)[]) {
      if (keep.has(key)) continue;
      this.form[key] = changes[key] as F[keyof F];
    }
    this.#base = copy(incoming);
  }

  /** Stops the pending timer without sending (after a flush, when the form goes away). */
  dispose(): void {
    this.#cancelTimer();
  }

  #cancelTimer() {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
