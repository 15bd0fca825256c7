// What the editor's components share: the project as the core last returned it, the
// selection, and the actions that turn a person's intent into Edits. App provides it.
import { getContext, setContext } from "svelte";
import type { BlockKind, Edit, ImageRef, MetricChart, Place, Project } from "./bindings";
import type { BlockDrag, SectionDrag } from "./boardDnd.svelte";
import type { CaseDrop } from "./caseDnd";
import type { MoveTarget, Selection } from "./dnd";
import type { Thumbnails } from "./pictures.svelte";

export type Flushable = { flush(): void };

export interface Editor {
  readonly project: Project;
  /**
   * Whether the project is open read-only here (someone else has it open): the core refuses
   * every change, so nothing invites one (fields locked, no adding, moving or deleting).
   */
  readonly readOnly: boolean;
  readonly selection: Selection;
  readonly blocks: BlockDrag;
  readonly sections: SectionDrag;
  /** Small copies of the open project's pictures, by id. */
  readonly pictures: Thumbnails;
  /** Each metric's chart by block id, as the core drew it for the project last returned (saved state). */
  readonly charts: Record<number, MetricChart>;
  select(selection: Selection): void;
  /**
   * The block last asked to be shown (moved, focused, dropped): its list renders it even when it
   * lies past the cards the list shows at first (lib/window.ts), as it does the selected block.
   */
  readonly revealed: number | null;
  reveal(id: number): void;
  /**
   * Sends one edit, after any on its way; settles once its reply (or failure) is shown. A
   * function is called to make the edit when it is sent (from the project as it then is).
   */
  submit(edit: Edit | (() => Edit)): Promise<boolean>;
  addBlock(kind: BlockKind): Promise<void>;
  duplicateBlock(id: number): Promise<void>;
  deleteBlock(id: number): Promise<void>;
  moveBlock(id: number, target: MoveTarget): Promise<void>;
  addSection(index?: number): Promise<void>;
  renameSection(id: number, title: string): Promise<void>;
  moveSection(id: number, index: number): Promise<void>;
  removeSection(id: number): Promise<void>;
  /**
   * Copies a library case in at `to` as a story (and its numbers as metrics when asked), one
   * undoable edit, and says where it went; the new story's id, or null when refused.
   */
  addCase(drop: CaseDrop, to: Place): Promise<number | null>;
  /**
   * Asks for a picture and stores it in the project file (after any edit on its way); null when
   * the person cancels or it is refused (the refusal is shown). Using it is a separate edit.
   */
  addPicture(): Promise<ImageRef | null>;
  /** Whether a picture dialog is open (its buttons wait meanwhile). */
  readonly addingPicture: boolean;
  isCollapsed(id: number): boolean;
  toggleCollapsed(id: number): void;
  /** Puts focus in the inspector's first field (Enter on a card). */
  focusInspector(): void;
  /** Inspector forms register so their typing is sent before any other edit. */
  registerDraft(draft: Flushable): () => void;
}

const KEY = Symbol("casewright-editor");

export function setEditor(editor: Editor): void {
  setContext(KEY, editor);
}

export function getEditor(): Editor {
  const editor = getContext<Editor | undefined>(KEY);
  if (!editor) throw new Error("getEditor() outside the editor (App provides it)");
  return editor;
}
