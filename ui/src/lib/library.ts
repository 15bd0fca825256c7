// Filtering the block library by kind and by text.
import type { Block, BlockKind } from "./bindings";

export type KindFilter = BlockKind | "all";
export type LibraryFilter = { kind: KindFilter; text: string };

export const NO_FILTER: LibraryFilter = { kind: "all", text: "" };

/** Whether a filter hides anything at all. */
export function isFiltering(filter: LibraryFilter): boolean {
  return filter.kind !== "all" || filter.text.trim() !== "";
}

/** Lower-cased, without accents, so "resume" finds "Résumé". */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

/** The text a search looks through: the words a person would remember a block by. */
function searchable(block: Block): string {
  return fold(
    [block.title, block.body, block.organisation, block.source, block.unit, block.tags.join(" ")]
      .filter((part): part is string => !!part)
      .join("\n"),
  );
}

/** Whether a block passes the filter: its kind, and every word of the text somewhere in it. */
export function matchesFilter(block: Block, filter: LibraryFilter): boolean {
  if (filter.kind !== "all" && block.kind !== filter.kind) return false;
  const words = fold(filter.text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = searchable(block);
  return words.every((word) => haystack.includes(word));
}

/** The library's blocks that pass the filter, in library order. */
export function filterLibrary(blocks: readonly Block[], filter: LibraryFilter): Block[] {
  return isFiltering(filter) ? blocks.filter((block) => matchesFilter(block, filter)) : [...blocks];
}
