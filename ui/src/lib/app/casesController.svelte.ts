// The Cases view as App sees it: Add to storyboard (a library case copied in where the
// storyboard's selection says, one undoable edit), and the view itself, asked before it is left
// (a case being edited may have unsaved changes). The view's own state is lib/caseBrowser.svelte.ts.
import type { Relation } from "../bindings";
import { useLibraryCase } from "../backend";
import { placeForCase } from "../cases";
import { addedBlocks, describeBlocks, type Added } from "../pilotReport";
import type CasesView from "../../components/CasesView.svelte";
import type { Session } from "./session.svelte";
import type { StoryboardController } from "./storyboardController.svelte";

export class CasesController {
  readonly #session: Session;
  readonly #board: StoryboardController;
  /** The Cases view while it shows (bound by App). */
  view = $state<ReturnType<typeof CasesView>>();

  constructor(session: Session, board: StoryboardController) {
    this.#session = session;
    this.#board = board;
  }

  /** Does `go` once the Cases view may be left: at once, or after its unsaved case is discarded. */
  leave(go: () => void): void {
    if (this.view) this.view.leave(go);
    else go();
  }

  /** Add to storyboard (Cases view): the case as a story (and metrics) where placeForCase says, one undoable edit. */
  async useCase(id: number, relation: Relation | null, metrics: boolean): Promise<string | null> {
    const session = this.#session;
    if (!session.opened || session.task) return null;
    session.flushDrafts();
    const outcome: { added: Added | null } = { added: null };
    const ok = await session.change(async () => {
      const before = session.opened?.project;
      if (!before) throw { code: "no_project", message: "No project is open." };
      const next = await useLibraryCase(id, relation, placeForCase(before, this.#board.selection), metrics);
      outcome.added = addedBlocks(before, next.project);
      return next;
    }, "Could not add the case to the storyboard");
    const added = outcome.added;
    if (!ok || !added) return null;
    const where = added.section ? `“${added.section.title}”` : "the library";
    const text = `Added ${describeBlocks(added.blocks)} to ${where}. Ctrl+Z takes ${added.blocks.length === 1 ? "it" : "them"} back.`;
    session.say(text);
    return text;
  }
}
