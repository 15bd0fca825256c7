// Merge Changes From… and Import Blocks From… (File menu): what their dialogs say and the
// choices they send. The core plans a merge (their changes taken without asking, the conflicts
// left to the person) and applies it with one choice per conflict; an import copies chosen
// blocks of another project, by uid, to one place here. Everything the other file holds is a
// colleague's text: it is shown as text, never as markup.
import type { Block, Choice, Conflict, MergePlan, Place, Project, Resolution } from "./bindings";
import { countOf } from "./format";
import { openSince } from "./sharing";
import { blockName, sectionName } from "./dnd";
import { matchesFilter } from "./library";

// ---- Merge --------------------------------------------------------------------------------

/** How many of their changes show before "Show all". */
export const TAKEN_SHOWN = 8;

/** "Your copies parted on 27 Nov 2026, 11:14." (local date and time), or that it is not known. */
export function partedText(baseMadeAt: number, locale?: string): string {
  const when = openSince(baseMadeAt, locale);
  return when === "an unknown time" ? "When your copies parted is not recorded." : `Your copies parted on ${when}.`;
}

/** What kind of conflict it is, in plain words ("Changed in both copies: text"). */
export function conflictKindText(conflict: Pick<Conflict, "kind" | "field">): string {
  switch (conflict.kind) {
    case "changedBothWays":
      return conflict.field ? `Changed in both copies: ${conflict.field}` : "Changed in both copies";
    case "deletedHereChangedThere":
      return "You deleted it; they changed it";
    case "changedHereDeletedThere":
      return "You changed it; they deleted it";
  }
}

/** Whether this side of the conflict is a deletion (the core then shows "Deleted" or "Removed"). */
export function sideDeleted(conflict: Pick<Conflict, "kind">, side: Choice): boolean {
  return side === "ours" ? conflict.kind === "deletedHereChangedThere" : conflict.kind === "changedHereDeletedThere";
}

/** The person's choice for each conflict decided so far, by conflict id. */
export type Choices = Readonly<Partial<Record<number, Choice>>>;

/** How many conflicts still wait for a choice. */
export function leftToDecide(plan: Pick<MergePlan, "conflicts">, choices: Choices): number {
  return plan.conflicts.filter((c) => choices[c.id] === undefined).length;
}

/** The same choice for every conflict (Keep all mine, Take all theirs). */
export function chooseAll(plan: Pick<MergePlan, "conflicts">, choice: Choice): Choices {
  return Object.fromEntries(plan.conflicts.map((c) => [c.id, choice]));
}

/** One resolution per conflict, in the plan's order; null while any is undecided. */
export function resolutionsFor(plan: Pick<MergePlan, "conflicts">, choices: Choices): Resolution[] | null {
  const resolutions: Resolution[] = [];
  for (const conflict of plan.conflicts) {
    const choice = choices[conflict.id];
    if (choice === undefined) return null;
    resolutions.push({ conflict: conflict.id, choice });
  }
  return resolutions;
}

/** Whether the plan has anything to merge at all. */
export function nothingToMerge(plan: Pick<MergePlan, "taken" | "conflicts">): boolean {
  return plan.taken.length === 0 && plan.conflicts.length === 0;
}

/** "2 left to decide", or that all are decided. */
export function decideText(left: number, total: number): string {
  if (total === 0) return "";
  return left === 0 ? (total === 1 ? "Decided" : `All ${total} decided`) : `${left} left to decide`;
}

/** The status line after a merge: "Merged Ben.casewright: 5 of their changes, 2 conflicts decided. Undo with Ctrl+Z." */
export function mergedMessage(plan: Pick<MergePlan, "fileName" | "taken">, decided: number): string {
  const parts: string[] = [];
  if (plan.taken.length > 0 || decided === 0) parts.push(`${plan.taken.length} of their changes`);
  if (decided > 0) parts.push(`${countOf(decided, "conflict")} decided`);
  return `Merged ${plan.fileName}: ${parts.join(", ")}. Undo with Ctrl+Z.`;
}

// ---- Import blocks ------------------------------------------------------------------------

/** A group of the other project's blocks: one of its sections (in order), or its library. */
export type ImportGroup = { key: string; name: string; blocks: Block[] };

/** The other project's sections in order, then its library; groups without blocks are left out. */
export function importGroups(project: Pick<Project, "sections" | "library">): ImportGroup[] {
  const groups: ImportGroup[] = project.sections.map((section, index) => ({
    key: `section-${index}`,
    name: sectionName(section, index),
    blocks: section.blocks,
  }));
  groups.push({ key: "library", name: "Library", blocks: project.library });
  return groups.filter((group) => group.blocks.length > 0);
}

/** Whether a block of the other project passes the dialog's filter (every word in its title, text, source…). */
export function importMatches(block: Block, text: string): boolean {
  return matchesFilter(block, { kind: "all", text });
}

/** The uids chosen, in the other project's order (its sections, then its library), as the core copies them. */
export function chosenUids(groups: readonly ImportGroup[], chosen: ReadonlySet<string>): string[] {
  const uids: string[] = [];
  for (const group of groups) for (const block of group.blocks) if (chosen.has(block.uid) && !uids.includes(block.uid)) uids.push(block.uid);
  return uids;
}

/** Where imported blocks can go: the end of the library or of a section of the open project. */
export type Destination = {
  /** The select's value: "library" or "section:ID". */
  key: string;
  /** What the select shows. */
  label: string;
  /** How the status line names it after the import. */
  name: string;
  place: Place;
};

export function destinations(project: Pick<Project, "sections" | "library">): Destination[] {
  return [
    { key: "library", label: "Block library", name: "the block library", place: { in: "library", index: project.library.length } },
    ...project.sections.map((section, index) => {
      const name = sectionName(section, index);
      return {
        key: `section:${section.id}`,
        label: `End of section “${name}”`,
        name: `“${name}”`,
        place: { in: "section", sectionId: section.id, index: section.blocks.length } satisfies Place,
      };
    }),
  ];
}

/** "Import 3 blocks". */
export function importButtonText(count: number): string {
  return `Import ${countOf(count, "block")}`;
}

/** The status line after an import. */
export function importedMessage(count: number, fileName: string, destination: string): string {
  return `Imported ${countOf(count, "block")} from ${fileName} into ${destination}. Undo with Ctrl+Z.`;
}

/** A block's title as the import list shows it. */
export function importTitle(block: Pick<Block, "title" | "kind">): string {
  return blockName(block);
}
