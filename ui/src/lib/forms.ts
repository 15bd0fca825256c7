// The inspector's forms: what the fields hold (text, as typed) and how that becomes a Block
// or a section's text again. Numbers stay text while typed ("1,2", "-", "12.") so a half-typed
// value is never rewritten under the caret; only a complete one is sent.
import type { Block, Direction, Relation } from "./bindings";

export type BlockForm = {
  title: string;
  body: string;
  number: string;
  unit: string;
  source: string;
  sourceLink: string;
  sourceDate: string;
  organisation: string;
  relation: Relation | "";
  direction: Direction | "";
  baseline: string;
  target: string;
  tags: string[];
};

export type SectionForm = { title: string; notes: string };
export type ProjectForm = { title: string; author: string; audience: string };

export const NUMBER_FIELDS = ["number", "baseline", "target"] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

/** A number as the field shows it: plain digits, no grouping, so it edits easily. */
export function numberText(value: number | null): string {
  return value === null ? "" : String(value);
}

export type Parsed = { ok: true; value: number | null } | { ok: false };

/** What a number field means: null when blank, a finite number, or not a number yet. */
export function parseNumber(text: string): Parsed {
  // Thousands separators and spaces between digits are how people write figures ("1,200").
  const compact = text.trim().replace(/(\d)[,\s_](?=\d{3}\b)/g, "$1");
  if (compact === "") return { ok: true, value: null };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(compact)) return { ok: false };
  const value = Number(compact);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}

export function toBlockForm(block: Block): BlockForm {
  return {
    title: block.title,
    body: block.body,
    number: numberText(block.number),
    unit: block.unit ?? "",
    source: block.source ?? "",
    sourceLink: block.sourceLink ?? "",
    sourceDate: block.sourceDate ?? "",
    organisation: block.organisation ?? "",
    relation: block.relation ?? "",
    direction: block.direction ?? "",
    baseline: numberText(block.baseline),
    target: numberText(block.target),
    tags: [...block.tags],
  };
}

const optional = (text: string): string | null => (text.trim() === "" ? null : text);

export type FormErrors = Partial<Record<NumberField, string>>;

/**
 * The block the form describes, on top of `current` (the block as the core has it). A number
 * field that is not a number yet keeps the current value and is reported in `errors`.
 */
export function fromBlockForm(form: BlockForm, current: Block): { block: Block; errors: FormErrors } {
  const errors: FormErrors = {};
  const numbers = {} as Record<NumberField, number | null>;
  for (const field of NUMBER_FIELDS) {
    const parsed = parseNumber(form[field]);
    if (parsed.ok) {
      numbers[field] = parsed.value;
    } else {
      numbers[field] = current[field];
      errors[field] = "Enter a number, such as 1200 or 12.5.";
    }
  }
  return {
    block: {
      ...current,
      title: form.title,
      body: form.body,
      unit: optional(form.unit),
      source: optional(form.source),
      sourceLink: optional(form.sourceLink),
      sourceDate: optional(form.sourceDate),
      organisation: optional(form.organisation),
      relation: form.relation === "" ? null : form.relation,
      direction: form.direction === "" ? null : form.direction,
      tags: [...form.tags],
      ...numbers,
    },
    errors,
  };
}

/** Whether two values of a form field mean the same: equal text, or the same number. */
export function sameValue(field: string, a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  if (a === b) return true;
  if ((NUMBER_FIELDS as readonly string[]).includes(field) && typeof a === "string" && typeof b === "string") {
    const pa = parseNumber(a);
    const pb = parseNumber(b);
    return pa.ok && pb.ok && pa.value === pb.value;
  }
  return false;
}

export function sameForm<F extends object>(a: F, b: F): boolean {
  return (Object.keys(a) as (keyof F & string)[]).every((key) => sameValue(key, a[key], b[key]));
}

/**
 * Three-way merge of the form after the core replied. `base` is what the form held when it
 * was last sent (or last received), `incoming` what the core now has. A field the person
 * changed since `base` keeps their text (they are still typing it); any other field takes the
 * core's value, unless that means the same as what is shown (then the text stays as typed).
 * Returns only the fields that change, so the caller can leave the others (and the caret) alone.
 */
export function rebase<F extends object>(draft: F, base: F, incoming: F): Partial<F> {
  const changes: Partial<F> = {};
  for (const key of Object.keys(incoming) as (keyof F & string)[]) {
    if (!identical(draft[key], base[key])) continue; // edited since: keep what is being typed
    if (!sameValue(key, draft[key], incoming[key])) changes[key] = incoming[key];
  }
  return changes;
}

function identical(a: unknown, b: unknown): boolean {
  return Array.isArray(a) || Array.isArray(b) ? JSON.stringify(a) === JSON.stringify(b) : a === b;
}
