// The storyboard view's state and handlers: the selection, the library pane's filter and tab,
// collapsed sections, the side panel's tab, the drags, and the edits a person makes on the
// board (add, duplicate, delete, move; sections; a case dropped in; a picture), each followed
// by what it says and where focus goes. Its `editor` is what the board's components share.
import { tick } from "svelte";
import { SvelteSet } from "svelte/reactivity";
import type { BlockKind, ImageRef, OpenedProject, Place } from "../bindings";
import { addPictureDialog, pictureThumbnail, toAppError, useLibraryCase } from "../backend";
import { countOf } from "../format";
import { BlockDrag, SectionDrag } from "../boardDnd.svelte";
import { blankBlock, blockAt, blockName, blocksIn, locateBlock, placeForNewBlock, placeIn, sectionName, zoneName, zoneSectionId, type MoveTarget, type Selection } from "../dnd";
import { isFiltering, matchesFilter, NO_FILTER, type LibraryFilter } from "../library";
import { caseAdded } from "../announce";
import type { CaseDrop } from "../caseDnd";
import type { Editor } from "../editor";
import { Thumbnails } from "../pictures.svelte";
import { addedBlocks, type Added } from "../pilotReport";
import type { PaneTab } from "../../components/LibraryPane.svelte";
import type { SideTab } from "../../components/SidePanel.svelte";
import type { View } from "../../components/Toolbar.svelte";
import type { ProjectListener, Session } from "./session.svelte";

export class StoryboardController implements ProjectListener {
  selection = $state.raw<Selection>(null);
  /** The block last asked to be shown; its list renders it (with the selected block) however long it is. */
  revealed = $state<number | null>(null);
  libraryFilter = $state.raw<LibraryFilter>(NO_FILTER);
  /** The library pane's tab, and its case list's search and option (kept while other views show). */
  paneTab = $state<PaneTab>("blocks");
  caseText = $state("");
  caseMetrics = $state(true);
  /** What the right-hand column shows. */
  sideTab = $state<SideTab>("inspector");
  readonly collapsed = new SvelteSet<number>();
  /** Small copies of the project's pictures, kept until another project is opened. */
  readonly thumbnails = new Thumbnails(pictureThumbnail);
  readonly blockDrag: BlockDrag;
  readonly sectionDrag: SectionDrag;
  /** What the storyboard's components share (lib/editor.ts); App provides it. */
  readonly editor: Editor;

  readonly #session: Session;
  readonly #chooseView: (view: View) => void;

  constructor(session: Session, chooseView: (view: View) => void) {
    this.#session = session;
    this.#chooseView = chooseView;
    const commit = (edit: Parameters<Session["submit"]>[0]) => {
      session.flushDrafts();
      return session.submit(edit);
    };
    this.blockDrag = new BlockDrag({
      project: () => session.opened?.project ?? null,
      commit,
      reveal: (id) => {
        this.revealed = id;
      },
      addCase: (drop, to) => this.addCaseAt(drop, to),
      announce: (message) => void session.announce(message),
    });
    this.sectionDrag = new SectionDrag({
      project: () => session.opened?.project ?? null,
      commit,
      announce: (message) => void session.announce(message),
    });
    this.editor = this.#makeEditor();
  }

  // ---- Told by the session ---------------------------------------------------------------

  shown(next: OpenedProject): void {
    // A selection whose block or section is gone (deleted, or an undone add) is dropped.
    const selected = this.selection;
    if (selected?.type === "block" && !locateBlock(next.project, selected.id)) this.selection = null;
    if (selected?.type === "section" && !next.project.sections.some((s) => s.id === selected.id)) this.selection = null;
  }

  forget(): void {
    this.selection = null;
    this.thumbnails.clear();
    this.collapsed.clear();
    this.libraryFilter = NO_FILTER;
  }

  // ---- Focus -------------------------------------------------------------------------------

  async focusCard(id: number): Promise<void> {
    this.revealed = id;
    await tick();
    const card = document.querySelector<HTMLElement>(`[data-block-id="${id}"]`);
    card?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
    card?.focus();
  }

  async focusInspector(selectText: boolean): Promise<void> {
    this.sideTab = "inspector";
    await tick();
    const field = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(
      '[data-testid="inspector"] [name="title"], [data-testid="inspector"] input, [data-testid="inspector"] textarea',
    );
    field?.focus();
    if (selectText) field?.select();
  }

  /** Reveals a block and scrolls it into view (without focusing it). */
  async scrollToBlock(id: number): Promise<void> {
    this.revealed = id;
    await tick();
    document.querySelector(`[data-block-id="${id}"]`)?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }

  // ---- Editing -----------------------------------------------------------------------------

  async addBlock(kind: BlockKind): Promise<void> {
    const session = this.#session;
    const project = session.project;
    if (!project) return;
    session.flushDrafts();
    const to = placeForNewBlock(project, this.selection);
    const block = blankBlock(kind);
    if (to.in === "library" && isFiltering(this.libraryFilter) && !matchesFilter(block, this.libraryFilter)) this.libraryFilter = NO_FILTER;
    if (to.in === "section") this.collapsed.delete(to.sectionId);
    if (!(await session.submit({ op: "addBlock", block, to })) || !session.opened) return;
    const created = blockAt(session.opened.project, to);
    if (!created) return;
    this.selection = { type: "block", id: created.id };
    const where = to.in === "library" ? "the library" : zoneName(session.opened.project, `section:${to.sectionId}`);
    void session.announce(`Added a new ${kind} to ${where}.`);
    await tick();
    document.querySelector(`[data-block-id="${created.id}"]`)?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
    await this.focusInspector(true);
  }

  async duplicateBlock(id: number): Promise<void> {
    const session = this.#session;
    const project = session.project;
    if (!project) return;
    session.flushDrafts();
    const from = locateBlock(project, id);
    if (!from) return;
    if (!(await session.submit({ op: "duplicateBlock", id })) || !session.opened) return;
    const copy = blockAt(session.opened.project, placeIn(from.zone, from.index + 1));
    if (!copy) return;
    this.selection = { type: "block", id: copy.id };
    void session.announce(`Duplicated “${blockName(from.block)}”.`);
    await this.focusCard(copy.id);
  }

  async deleteBlock(id: number): Promise<void> {
    const session = this.#session;
    const project = session.project;
    if (!project) return;
    session.flushDrafts();
    const from = locateBlock(project, id);
    if (!from) return;
    const siblings = blocksIn(project, from.zone);
    const neighbour = siblings[from.index + 1] ?? siblings[from.index - 1] ?? null;
    const hadFocus = !!document.activeElement?.closest(`[data-block-id="${id}"]`);
    if (!(await session.submit({ op: "deleteBlock", id }))) return;
    if (this.selection?.type === "block" && this.selection.id === id) this.selection = null;
    session.statusMessage = `Deleted “${blockName(from.block)}”. Undo brings it back (Ctrl+Z).`;
    void session.announce(session.statusMessage);
    if (hadFocus && neighbour) await this.focusCard(neighbour.id);
  }

  async moveBlock(id: number, target: MoveTarget): Promise<void> {
    const session = this.#session;
    const project = session.project;
    if (!project) return;
    session.flushDrafts();
    const from = locateBlock(project, id);
    if (!from) return;
    if (target.edit.to.in === "section") this.collapsed.delete(target.edit.to.sectionId);
    if (!(await session.submit(target.edit)) || !session.opened) return;
    const count = blocksIn(session.opened.project, target.zone).length;
    void session.announce(`Moved “${blockName(from.block)}” to ${zoneName(session.opened.project, target.zone)}, position ${target.index + 1} of ${count}.`);
    await this.focusCard(id);
  }

  async addSection(index?: number): Promise<void> {
    const session = this.#session;
    const project = session.project;
    if (!project) return;
    session.flushDrafts();
    const at = index ?? project.sections.length;
    if (!(await session.submit({ op: "addSection", title: "New section", index: at })) || !session.opened) return;
    const created = session.opened.project.sections[at];
    if (!created) return;
    this.selection = { type: "section", id: created.id };
    void session.announce(`Added a section at position ${at + 1}.`);
    await tick();
    document.querySelector(`[data-section-id="${created.id}"]`)?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
    await this.focusInspector(true);
  }

  async renameSection(id: number, title: string): Promise<void> {
    const session = this.#session;
    const project = session.project;
    if (!project) return;
    session.flushDrafts();
    const section = project.sections.find((s) => s.id === id);
    if (!section) return;
    await session.submit({ op: "updateSection", id, text: { title, notes: section.notes } });
  }

  async moveSection(id: number, index: number): Promise<void> {
    const session = this.#session;
    const project = session.project;
    if (!project) return;
    session.flushDrafts();
    const from = project.sections.findIndex((s) => s.id === id);
    if (from < 0 || index < 0 || index >= project.sections.length || index === from) return;
    const name = sectionName(project.sections[from], from);
    if (!(await session.submit({ op: "moveSection", id, index }))) return;
    void session.announce(`Moved section “${name}” to position ${index + 1} of ${project.sections.length}.`);
    await tick();
    document.querySelector<HTMLElement>(`[data-section-handle="${id}"]`)?.focus();
  }

  async removeSection(id: number): Promise<void> {
    const session = this.#session;
    const project = session.project;
    if (!project) return;
    session.flushDrafts();
    const at = project.sections.findIndex((s) => s.id === id);
    if (at < 0) return;
    const section = project.sections[at];
    if (!(await session.submit({ op: "removeSection", id }))) return;
    this.collapsed.delete(id);
    session.statusMessage = section.blocks.length
      ? `Removed section “${sectionName(section, at)}”; its ${countOf(section.blocks.length, "block")} went to the library. Undo brings it back (Ctrl+Z).`
      : `Removed section “${sectionName(section, at)}”. Undo brings it back (Ctrl+Z).`;
    void session.announce(session.statusMessage);
  }

  /** Choose logo…, Choose photo…: the dialog, after any edit on its way; a refusal goes to the error banner. */
  async addPicture(): Promise<ImageRef | null> {
    const session = this.#session;
    if (!session.opened || session.task) return null;
    session.task = "picture";
    session.flushDrafts();
    try {
      const picture = await session.queue.run(addPictureDialog);
      if (picture) session.failure = null;
      return picture;
    } catch (e) {
      session.failure = { heading: "Could not add the picture", error: toAppError(e) };
      return null;
    } finally {
      session.task = null;
    }
  }

  /**
   * A case from the library pane (dropped in a section, or its "Add to…" menu): copied in at
   * `to` as one undoable edit, then said where it went. Resolves to the new story's id.
   */
  async addCaseAt(drop: CaseDrop, to: Place): Promise<number | null> {
    const session = this.#session;
    if (!session.opened) return null;
    session.flushDrafts();
    if (to.in === "section") this.collapsed.delete(to.sectionId);
    const outcome: { added: Added | null } = { added: null };
    const ok = await session.change(async () => {
      const before = session.opened?.project;
      if (!before) throw { code: "no_project", message: "No project is open." };
      const next = await useLibraryCase(drop.caseId, drop.relation, to, drop.metrics);
      outcome.added = addedBlocks(before, next.project);
      return next;
    }, "Could not add the case to the storyboard");
    const added = outcome.added;
    if (!ok || !session.opened || !added) return null;
    const story = added.blocks.find((b) => b.kind === "story") ?? added.blocks[0];
    const section = added.section;
    if (!story || !section) return null;
    const position = section.blocks.findIndex((b) => b.id === story.id) + 1;
    const at = session.opened.project.sections.findIndex((s) => s.id === section.id);
    session.say(caseAdded(drop.title, sectionName(section, at), position, section.blocks.length, added.blocks.length - 1));
    await this.scrollToBlock(story.id);
    return story.id;
  }

  /** After a leverage: the storyboard, with a block it added selected and in view. */
  async showBlock(id: number): Promise<void> {
    const opened = this.#session.opened;
    if (!opened) return;
    this.#chooseView("storyboard");
    const found = locateBlock(opened.project, id);
    if (!found) return;
    const sectionId = zoneSectionId(found.zone);
    if (sectionId !== null) this.collapsed.delete(sectionId);
    this.selection = { type: "block", id };
    this.sideTab = "inspector";
    await this.focusCard(id);
  }

  #makeEditor(): Editor {
    const session = this.#session;
    const board = this;
    return {
      get project() {
        if (!session.opened) throw new Error("no project is open");
        return session.opened.project;
      },
      get readOnly() {
        return session.readOnly !== null;
      },
      get selection() {
        return board.selection;
      },
      blocks: board.blockDrag,
      sections: board.sectionDrag,
      pictures: board.thumbnails,
      get charts() {
        return session.opened?.charts ?? {};
      },
      select: (next) => {
        board.selection = next;
      },
      get revealed() {
        return board.revealed;
      },
      reveal: (id) => {
        board.revealed = id;
      },
      submit: (edit) => session.submit(edit),
      addBlock: (kind) => board.addBlock(kind),
      duplicateBlock: (id) => board.duplicateBlock(id),
      deleteBlock: (id) => board.deleteBlock(id),
      moveBlock: (id, target) => board.moveBlock(id, target),
      addSection: (index) => board.addSection(index),
      renameSection: (id, title) => board.renameSection(id, title),
      moveSection: (id, index) => board.moveSection(id, index),
      removeSection: (id) => board.removeSection(id),
      addCase: (drop, to) => board.addCaseAt(drop, to),
      addPicture: () => board.addPicture(),
      get addingPicture() {
        return session.task === "picture";
      },
      isCollapsed: (id) => board.collapsed.has(id),
      toggleCollapsed: (id) => {
        if (board.collapsed.has(id)) board.collapsed.delete(id);
        else board.collapsed.add(id);
      },
      focusInspector: () => void board.focusInspector(false),
      registerDraft: (draft) => session.registerDraft(draft),
    };
  }
}
