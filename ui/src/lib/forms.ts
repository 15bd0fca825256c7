// The inspector's forms: what the fields hold (text, as typed) and how that becomes a Block
// or a section's text again. Numbers stay text while typed ("1,2", "-", "12.") so a half-typed
// value is never rewritten under the caret; only a complete one is sent. A colour is text too
// ("#0b5c85" and "#0B5C85" are the same colour), and a picture is its ImageRef.
import type { Block, Direction, ImageRef, Project, Relation } from "./bindings";

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
  /** The block's photo (null: none) and its caption, which is also the photo's description. */
  photo: ImageRef | null;
  caption: string;
};

export type SectionForm = { title: string; notes: string };
export type ProjectForm = { title: string; author: string; audience: string; industry: string };
/** The project's branding: the logo, and the accent colour as typed ("" is the theme's own). */
export type BrandingForm = { logo: ImageRef | null; accent: string };

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

/** The house accent the briefing uses when the project has none (ACCENT in briefing/layout/style.rs). */
export const DEFAULT_ACCENT = "#0B5C85";

export type ParsedColour = { ok: true; value: string | null } | { ok: false };

/**
 * What an accent field means: null when blank (the theme's own colour), a colour as the core
 * stores it ("#RRGGBB", upper case), or not a colour yet. The "#" may be left out.
 */
export function parseHex(text: string): ParsedColour {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, value: null };
  const match = /^#?([0-9a-f]{6})$/i.exec(trimmed);
  return match ? { ok: true, value: `#${match[1].toUpperCase()}` } : { ok: false };
}

export function toBrandingForm(project: Project): BrandingForm {
  return { logo: project.logo ? { ...project.logo } : null, accent: project.accent ?? "" };
}

export type BrandingErrors = { accent?: string };

/**
 * The branding the form describes, for one SetBranding. An accent that is not a colour yet
 * keeps the project's current one and is reported in `errors`.
 */
export function fromBrandingForm(form: BrandingForm, current: Project): { logo: ImageRef | null; accent: string | null; errors: BrandingErrors } {
  const parsed = parseHex(form.accent);
  return {
    logo: form.logo ? { ...form.logo } : null,
    accent: parsed.ok ? parsed.value : current.accent,
    errors: parsed.ok ? {} : { accent: "Enter a colour as #RRGGBB, such as #0B5C85." },
  };
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
    photo: block.photo ? { ...block.photo.image } : null,
    caption: block.photo?.caption ?? "",
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
      // Without a photo there is no caption: removing the photo removes its caption too.
      photo: form.photo ? { image: { ...form.photo }, caption: form.caption } : null,
      ...numbers,
    },
    errors,
  };
}

/** Fields whose text can be written more than one way, and what the text means. */
const MEANINGS: Record<string, (text: string) => { ok: true; value: unknown } | { ok: false }> = {
  number: parseNumber,
  baseline: parseNumber,
  target: parseNumber,
  accent: parseHex,
};

/** Tags, a picture: compared by what they hold, not by identity. */
const structured = (value: unknown): boolean => typeof value === "object" && value !== null;

/** Whether two values of a form field mean the same: equal text, the same number or colour, equal contents. */
export function sameValue(field: string, a: unknown, b: unknown): boolean {
  if (structured(a) || structured(b)) return JSON.stringify(a) === JSON.stringify(b);
  if (a === b) return true;
  const meaning = Object.hasOwn(MEANINGS, field) ? MEANINGS[field] : undefined;
  if (meaning && typeof a === "string" && typeof b === "string") {
    const pa = meaning(a);
    const pb = meaning(b);
    return pa.ok && pb.ok && pa.value === pb.value;
  }
  return false;
}

/**
 * How some fields of a form are compared by what they mean, where `sameValue` would compare
 * their text (e.g. a list of a pilot's criteria, each with numbers typed as text).
 */
export type Comparers<F> = { [K in keyof F]?: (a: F[K], b: F[K]) => boolean };

function same<F extends object>(key: keyof F & string, a: F, b: F, comparers?: Comparers<F>): boolean {
  const compare = comparers?.[key];
  return compare ? compare(a[key], b[key]) : sameValue(key, a[key], b[key]);
}

export function sameForm<F extends object>(a: F, b: F, comparers?: Comparers<F>): boolean {
  return (Object.keys(a) as (keyof F & string)[]).every((key) => same(key, a, b, comparers));
}

/**
 * Three-way merge of the form after the core replied. `base` is what the form held when it
 * was last sent (or last received), `incoming` what the core now has. A field the person
 * changed since `base` keeps their text (they are still typing it); any other field takes the
 * core's value, unless that means the same as what is shown (then the text stays as typed).
 * Returns only the fields that change, so the caller can leave the others (and the caret) alone.
 */
export function rebase<F extends object>(draft: F, base: F, incoming: F, comparers?: Comparers<F>): Partial<F> {
  const changes: Partial<F> = {};
  for (const key of Object.keys(incoming) as (keyof F & string)[]) {
    if (!identical(draft[key], base[key])) continue; // edited since: keep what is being typed
    if (!same(key, draft, incoming, comparers)) changes[key] = incoming[key];
  }
  return changes;
}

function identical(a: unknown, b: unknown): boolean {
  return structured(a) || structured(b) ? JSON.stringify(a) === JSON.stringify(b) : a === b;
}
