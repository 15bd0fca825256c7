// Drag and drop of blocks and sections with svelte-dnd-action. The project is never changed
// here: while a drag is on, the zones show the library's preview of the lists; when it ends,
// the move becomes one Edit for the core, and the preview is dropped once the core replied
// (its state then shows the same order, or the old one if the edit was refused).
//
// Mouse drops send their edit at once. A keyboard drag moves the preview with each arrow key
// or Tab and sends one edit when the block is dropped (Space); Escape puts it back unsent.
//
// Case studies are dragged from the library pane's case list into the sections the same way
// (lib/caseDnd.ts): the list keeps a copy of the card, and a drop in a section adds the case
// there (one useLibraryCase, through the host) instead of moving a block.
import { SHADOW_ITEM_MARKER_PROPERTY_NAME, SOURCES, TRIGGERS, type DndEvent } from "svelte-dnd-action";
import { tick } from "svelte";
import type { Block, Edit, Place, Project, Section } from "./bindings";
import * as say from "./announce";
import { blockName, blocksIn, finalIndex, LIBRARY, locateBlock, moveEditForDrop, sectionMoveForDrop, sectionName, zoneName, type ZoneKey } from "./dnd";
import { windowed } from "./window";
import { CASES, caseItemId, droppedCase, placeForDroppedCase, withCopy, type CaseDrop, type CaseItem, type CasesZone } from "./caseDnd";

/** A block in a zone, or the drop placeholder the library puts where it would land. */
export type ZoneBlock = Block & { [SHADOW_ITEM_MARKER_PROPERTY_NAME]?: boolean };
export type ZoneSection = Section & { [SHADOW_ITEM_MARKER_PROPERTY_NAME]?: boolean };

export function isPlaceholder(item: { [SHADOW_ITEM_MARKER_PROPERTY_NAME]?: boolean }): boolean {
  return !!item[SHADOW_ITEM_MARKER_PROPERTY_NAME];
}

export type DragHost = {
  /** The project as the core last returned it. */
  project(): Project | null;
  /** Sends an edit; settles once the reply (or the failure and the core's state) is shown. */
  commit(edit: Edit): Promise<unknown>;
  /** Speaks a message through the app's live region. */
  announce(message: string): void;
  /** Makes sure a block is rendered (a long list shows a window of its cards, lib/window.ts). */
  reveal?(id: number): void;
};

export type BlockDragHost = DragHost & {
  /**
   * Adds a library case at `to` (one undoable edit) and says so; settles once the reply (or the
   * failure and the core's state) is shown, to the new story block's id, or null when refused.
   */
  addCase(drop: CaseDrop, to: Place): Promise<number | null>;
};

type DndCustomEvent<T> = CustomEvent<DndEvent<T>>;

function focusLater(selector: string) {
  void tick().then(() => document.querySelector<HTMLElement>(selector)?.focus());
}

function caseCard(caseId: number): string {
  return `[data-testid="case-card"][data-case-id="${caseId}"]`;
}

/** Dragging blocks between the library and the sections, and case studies into the sections. */
export class BlockDrag {
  /** Zones shown from the drag instead of the project, by zone. */
  preview = $state.raw<Partial<Record<ZoneKey, ZoneBlock[]>>>({});
  /** The case list as shown while one of its cards is dragged away (a copy stays in its place). */
  casePreview = $state.raw<CaseItem[] | null>(null);
  /** The block (or case) being moved with the keyboard, and the zone it is in now. */
  keyboard = $state.raw<{ id: number; zone: ZoneKey | CasesZone } | null>(null);
  /** Whether a pointer drag is on (to hide hover-only chrome). */
  pointer = $state(false);
  /** The id of the item being dragged (a block, or a case's item), while a drag is on. */
  dragged = $state.raw<number | null>(null);
  #cancelled = false;
  /** The case being dragged, by its item's id, while one is. */
  #case: { id: number; drop: CaseDrop } | null = null;
  #host: BlockDragHost;

  constructor(host: BlockDragHost) {
    this.#host = host;
  }

  /** The items the case list shows: the drag's copy of it, or the hits as found. */
  caseItems(shown: CaseItem[]): CaseItem[] {
    return this.casePreview ?? shown;
  }

  /**
   * The items a zone shows: the drag's preview, or what the project (or its filter) gives; of a
   * long list, the first `count` (lib/window.ts; the cards the window grew to during a drag come
   * after the preview).
   */
  items(zone: ZoneKey, shown: Block[], count = Infinity): ZoneBlock[] {
    return windowed<ZoneBlock>(shown, count, this.preview[zone], this.dragged);
  }

  get active(): boolean {
    return this.keyboard !== null || this.pointer;
  }

  #show(zone: ZoneKey, items: ZoneBlock[]) {
    this.preview = { ...this.preview, [zone]: items };
  }

  #clear() {
    this.preview = {};
    this.dragged = null;
    this.casePreview = null;
    this.#case = null;
  }

  #title(id: number): string {
    if (this.#case?.id === id) return this.#case.drop.title;
    const project = this.#host.project();
    const found = project && locateBlock(project, id);
    return found ? blockName(found.block) : "the block";
  }

  #where(zone: ZoneKey): string {
    const project = this.#host.project();
    return project ? zoneName(project, zone) : "";
  }

  consider(zone: ZoneKey, event: DndCustomEvent<ZoneBlock>) {
    const { items, info } = event.detail;
    this.#show(zone, items);
    const id = Number(info.id);
    if (info.trigger === TRIGGERS.DRAG_STARTED) {
      this.#case = null; // a block, picked up in a zone
      this.dragged = id;
    }
    if (info.source === SOURCES.POINTER) {
      if (info.trigger === TRIGGERS.DRAG_STARTED) this.pointer = true;
      return;
    }
    if (info.trigger === TRIGGERS.DRAG_STARTED) {
      this.keyboard = { id, zone };
      this.#cancelled = false;
      const { position, count } = this.#placeIn(zone, items, id);
      this.#host.announce(say.pickedUp(this.#title(id), this.#where(zone), position, count));
    } else if (info.trigger === TRIGGERS.DRAG_STOPPED) {
      this.#endKeyboardDrag(zone, items, id);
    }
  }

  finalize(zone: ZoneKey, event: DndCustomEvent<ZoneBlock>) {
    const { items, info } = event.detail;
    this.#show(zone, items);
    const id = Number(info.id);
    if (info.source === SOURCES.KEYBOARD) {
      // Each arrow key or Tab: the preview follows; the edit waits for the drop.
      if (info.trigger === TRIGGERS.DROPPED_INTO_ZONE) {
        this.keyboard = { id, zone };
        const { position, count } = this.#placeIn(zone, items, id);
        this.#host.announce(say.movedTo(this.#title(id), this.#where(zone), position, count));
      }
      return;
    }
    if (info.trigger === TRIGGERS.DROPPED_INTO_ANOTHER) return; // the origin; the target sent the edit
    this.pointer = false;
    if (info.trigger === TRIGGERS.DROPPED_OUTSIDE_OF_ANY) {
      this.#clear();
      return;
    }
    this.#send(zone, items, id, false);
  }

  /** Escape during a keyboard drag: the drop that follows puts the block back. */
  cancelKeyboardDrag() {
    if (this.keyboard) this.#cancelled = true;
  }

  /**
   * Tab during a keyboard drag: focuses the next zone (the library, then each open section, in
   * order, round again), which makes the drag library move the block there. A case goes from
   * its list to the first open section (the last one backwards), then round the sections only.
   */
  focusNextZone(backwards: boolean): boolean {
    if (!this.keyboard) return false;
    let zones = Array.from(document.querySelectorAll<HTMLElement>("[data-zone]"));
    // A case goes into a section: from the case list to the first (or last) one, then round them.
    if (this.#case) zones = zones.filter((zone) => zone.dataset.zone !== LIBRARY);
    if (this.keyboard.zone === CASES) {
      const first = backwards ? zones.at(-1) : zones[0];
      first?.focus();
      return first !== undefined;
    }
    const here = zones.findIndex((zone) => zone.dataset.zone === this.keyboard?.zone);
    if (this.#case && zones.length === 1 && here === 0) return true;
    if (zones.length < 2 || here < 0) return false;
    const next = zones[(here + (backwards ? -1 : 1) + zones.length) % zones.length];
    next.focus();
    return true;
  }

  /**
   * Where the block `id` stands in `zone` with the drag's items as they are, counted in the
   * whole list: a list may show only a window of its cards (lib/window.ts), so its shown
   * items are not all of it.
   */
  #placeIn(zone: ZoneKey, items: ZoneBlock[], id: number): { position: number; count: number } {
    const project = this.#host.project();
    const shownAt = items.findIndex((item) => item.id === id);
    if (!project) return { position: shownAt + 1, count: items.length };
    const index = finalIndex(project, zone, items, id) ?? shownAt;
    return { position: index + 1, count: blocksIn(project, zone).filter((b) => b.id !== id).length + 1 };
  }

  #endKeyboardDrag(zone: ZoneKey, items: ZoneBlock[], id: number) {
    this.keyboard = null;
    const selector = `[data-block-id="${id}"]`;
    if (this.#cancelled) {
      this.#cancelled = false;
      const drop = droppedCase(items, id);
      this.#clear();
      if (drop) {
        this.#host.announce(say.caseNotAdded(drop.title));
        focusLater(caseCard(drop.caseId));
        return;
      }
      const project = this.#host.project();
      const from = project && locateBlock(project, id);
      if (from) this.#host.announce(say.cancelled(this.#title(id), this.#where(from.zone), from.index + 1));
      focusLater(selector);
      return;
    }
    this.#send(zone, items, id, true);
  }

  #send(zone: ZoneKey, items: ZoneBlock[], id: number, keyboard: boolean) {
    const drop = droppedCase(items, id);
    if (drop) {
      this.#sendCase(zone, items, id, drop, keyboard);
      return;
    }
    const project = this.#host.project();
    const edit = project ? moveEditForDrop(project, zone, items, id) : null;
    if (keyboard || edit) {
      const { position, count } = this.#placeIn(zone, items, id);
      this.#host.announce(say.dropped(this.#title(id), this.#where(zone), position, count));
    }
    if (!edit) {
      this.#clear();
      if (keyboard) focusLater(`[data-block-id="${id}"]`);
      return;
    }
    // Shown after the drop even where its list shows only a window of its cards.
    this.#host.reveal?.(id);
    void this.#host.commit(edit).finally(() => {
      this.#clear();
      if (keyboard) focusLater(`[data-block-id="${id}"]`);
    });
  }

  /** A case dropped into a section is added there; anywhere else (the block library) nothing happens. */
  #sendCase(zone: ZoneKey, items: ZoneBlock[], id: number, drop: CaseDrop, keyboard: boolean) {
    const project = this.#host.project();
    const to = project ? placeForDroppedCase(project, zone, items, id) : null;
    if (!to) {
      this.#clear();
      if (keyboard) {
        this.#host.announce(say.caseNotAdded(drop.title));
        focusLater(caseCard(drop.caseId));
      }
      return;
    }
    const done = (storyId: number | null) => {
      if (storyId !== null) this.#host.reveal?.(storyId);
      this.#clear();
      if (keyboard) focusLater(storyId === null ? caseCard(drop.caseId) : `[data-block-id="${storyId}"]`);
    };
    void this.#host.addCase(drop, to).then(done, () => done(null));
  }

  /** The case list's consider: a drag starts (the card stays, as a copy), or a keyboard drag ends in it. */
  considerCase(shown: CaseItem[], event: DndCustomEvent<CaseItem>) {
    const { info } = event.detail;
    const id = Number(info.id);
    if (info.trigger === TRIGGERS.DRAG_STARTED) {
      const drop = droppedCase(shown, id);
      if (!drop) return;
      this.#case = { id, drop };
      this.dragged = id;
      if (info.source === SOURCES.POINTER) {
        // The dragged card leaves its place; a copy under a new id takes it.
        this.pointer = true;
        this.casePreview = withCopy(shown, id, caseItemId());
        return;
      }
      this.keyboard = { id, zone: CASES };
      this.#cancelled = false;
      this.casePreview = shown;
      this.#host.announce(say.casePickedUp(drop.title));
      return;
    }
    if (info.trigger === TRIGGERS.DRAG_STOPPED && info.source === SOURCES.KEYBOARD) {
      // Dropped (or cancelled) before it reached a section.
      const title = this.#case?.drop.title ?? "the case";
      const caseId = this.#case?.drop.caseId;
      this.keyboard = null;
      this.#cancelled = false;
      this.#clear();
      this.#host.announce(say.caseNotAdded(title));
      if (caseId !== undefined) focusLater(caseCard(caseId));
    }
    // The pointer passing over the list changes nothing there: no gap opens, the copy stays.
  }

  /** The case list's finalize: the case went to a section (a copy stays), or came back or fell outside. */
  finalizeCase(shown: CaseItem[], event: DndCustomEvent<CaseItem>) {
    const { info } = event.detail;
    const id = Number(info.id);
    if (info.source === SOURCES.KEYBOARD) {
      // Moved on to a section: the list keeps the card, under a new id (the original travels on).
      if (info.trigger === TRIGGERS.DROPPED_INTO_ANOTHER) {
        this.casePreview = withCopy(this.casePreview ?? shown, id, caseItemId());
      }
      return;
    }
    // Dropped in a section: that zone's finalize adds it and clears the drag once answered.
    if (info.trigger === TRIGGERS.DROPPED_INTO_ANOTHER) return;
    // Dropped back on the list, or outside any list: nothing is added.
    this.pointer = false;
    this.#clear();
  }
}

/** Reordering sections by their drag handles. */
export class SectionDrag {
  preview = $state.raw<ZoneSection[] | null>(null);
  keyboard = $state.raw<{ id: number } | null>(null);
  #cancelled = false;
  #host: DragHost;

  constructor(host: DragHost) {
    this.#host = host;
  }

  items(sections: Section[]): ZoneSection[] {
    return this.preview ?? sections;
  }

  #name(id: number): string {
    const sections = this.#host.project()?.sections ?? [];
    const index = sections.findIndex((s) => s.id === id);
    return index < 0 ? "the section" : sectionName(sections[index], index);
  }

  consider(event: DndCustomEvent<ZoneSection>) {
    const { items, info } = event.detail;
    this.preview = items;
    if (info.source !== SOURCES.KEYBOARD) return;
    const id = Number(info.id);
    if (info.trigger === TRIGGERS.DRAG_STARTED) {
      this.keyboard = { id };
      this.#cancelled = false;
      const at = items.findIndex((s) => s.id === id);
      this.#host.announce(say.sectionPickedUp(this.#name(id), at + 1, items.length));
    } else if (info.trigger === TRIGGERS.DRAG_STOPPED) {
      this.keyboard = null;
      if (this.#cancelled) {
        this.#cancelled = false;
        this.preview = null;
        const at = (this.#host.project()?.sections ?? []).findIndex((s) => s.id === id);
        this.#host.announce(say.sectionCancelled(this.#name(id), at + 1));
        focusLater(`[data-section-handle="${id}"]`);
        return;
      }
      this.#send(items, id, true);
    }
  }

  finalize(event: DndCustomEvent<ZoneSection>) {
    const { items, info } = event.detail;
    this.preview = items;
    const id = Number(info.id);
    if (info.source === SOURCES.KEYBOARD) {
      const at = items.findIndex((s) => s.id === id);
      this.#host.announce(say.sectionMovedTo(this.#name(id), at + 1, items.length));
      return;
    }
    this.#send(items, id, false);
  }

  cancelKeyboardDrag() {
    if (this.keyboard) this.#cancelled = true;
  }

  #send(items: ZoneSection[], id: number, keyboard: boolean) {
    const sections = this.#host.project()?.sections ?? [];
    const edit = sectionMoveForDrop(sections, items, id);
    const at = items.findIndex((s) => s.id === id);
    if (keyboard || edit) this.#host.announce(say.sectionDropped(this.#name(id), at + 1, items.length));
    const done = () => {
      this.preview = null;
      if (keyboard) focusLater(`[data-section-handle="${id}"]`);
    };
    if (!edit) done();
    else void this.#host.commit(edit).finally(done);
  }
}
