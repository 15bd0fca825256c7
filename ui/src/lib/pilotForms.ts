// A pilot's plan as the planner's form holds it: every field as typed (numbers stay text, so a
// half-typed "12." is never rewritten under the caret), the success criteria with their
// results as a grid of cells or as counts, and how that becomes a Pilot again for one
// UpdatePilot. The core judges the plan (dates in order, targets on the better side); the form
// only checks what it must to build a Pilot: that numbers are numbers.
import type { Criterion, Design, Direction, Pilot, Rate, Results } from "./bindings";
import { numberText, parseNumber } from "./forms";

/** Successes and trials of one group, as typed. */
export type RateForm = { successes: string; trials: string };

export type CriterionForm = {
  /** The core's id; 0 for a criterion not saved yet. */
  id: number;
  metric: string;
  unit: string;
  direction: Direction;
  /** For rates (the proportion design) in percent: "35" is a rate of 0.35. */
  baseline: string;
  target: string;
  measure: string;
  design: Design;
  /** Independent: [pilot, comparison] cells; paired: [before, after]. A blank cell is skipped. */
  rows: [string, string][];
  /** The proportion design's counts. */
  pilot: RateForm;
  comparison: RateForm;
};

export type PilotForm = {
  name: string;
  team: string;
  headcount: string;
  /** ISO dates (YYYY-MM-DD) as a date field gives them; "" for none. */
  start: string;
  end: string;
  resultsUntil: string;
  hypothesis: string;
  readiness: string;
  criteria: CriterionForm[];
};

export const DESIGNS: { value: Design; label: string; help: string }[] = [
  { value: "independent", label: "Pilot group vs comparison group", help: "A value for each person or case in the pilot, and in a comparison group that did not take part." },
  { value: "paired", label: "Before and after, same people", help: "Each person or unit measured before the pilot and again after it." },
  { value: "proportion", label: "Successes out of trials", help: "How many of the cases succeeded in each group, e.g. 14 of 40 ideas adopted." },
];

/** The column headings of a design's grid. */
export function gridColumns(design: Design): [string, string] {
  return design === "paired" ? ["Before", "After"] : ["Pilot", "Comparison"];
}

/** Rates are typed as percentages: 0.35 shows as "35", without float noise (0.07 × 100). */
function percentText(rate: number | null): string {
  return rate === null ? "" : numberText(Number((rate * 100).toPrecision(12)));
}

function emptyRate(): RateForm {
  return { successes: "", trials: "" };
}

function rateForm(rate: Rate | null): RateForm {
  return rate ? { successes: String(rate.successes), trials: String(rate.trials) } : emptyRate();
}

/** The empty results of a design. */
export function emptyResults(design: Design): Results {
  switch (design) {
    case "independent":
      return { design, pilot: [], comparison: [] };
    case "paired":
      return { design, pairs: [] };
    case "proportion":
      return { design, pilot: null, comparison: null };
  }
}

export function isEmptyResults(results: Results): boolean {
  switch (results.design) {
    case "independent":
      return results.pilot.length === 0 && results.comparison.length === 0;
    case "paired":
      return results.pairs.length === 0;
    case "proportion":
      return results.pilot === null && results.comparison === null;
  }
}

/** The grid rows of independent or paired results (each column as long as the longer one). */
export function resultRows(results: Results): [string, string][] {
  if (results.design === "paired") return results.pairs.map(([before, after]) => [String(before), String(after)]);
  if (results.design === "independent") {
    const length = Math.max(results.pilot.length, results.comparison.length);
    return Array.from({ length }, (_, i) => [numberText(results.pilot[i] ?? null), numberText(results.comparison[i] ?? null)]);
  }
  return [];
}

/** Puts results in the form's criterion (an import): the grid or the counts, as the design has them. */
export function withResults(form: CriterionForm, results: Results): CriterionForm {
  const rows = resultRows(results);
  return {
    ...form,
    design: results.design,
    // An empty grid still has a row to type in.
    rows: rows.length === 0 && results.design !== "proportion" ? [["", ""]] : rows,
    pilot: results.design === "proportion" ? rateForm(results.pilot) : emptyRate(),
    comparison: results.design === "proportion" ? rateForm(results.comparison) : emptyRate(),
  };
}

export function toCriterionForm(criterion: Criterion): CriterionForm {
  const rates = criterion.results.design === "proportion";
  const number = rates ? percentText : numberText;
  return withResults(
    {
      id: criterion.id,
      metric: criterion.metric,
      unit: criterion.unit ?? "",
      direction: criterion.direction,
      baseline: number(criterion.baseline),
      target: number(criterion.target),
      measure: criterion.measure,
      design: criterion.results.design,
      rows: [],
      pilot: emptyRate(),
      comparison: emptyRate(),
    },
    criterion.results,
  );
}

export function toPilotForm(pilot: Pilot): PilotForm {
  return {
    name: pilot.name,
    team: pilot.team,
    headcount: pilot.headcount === null ? "" : String(pilot.headcount),
    start: pilot.start ?? "",
    end: pilot.end ?? "",
    resultsUntil: pilot.resultsUntil ?? "",
    hypothesis: pilot.hypothesis,
    readiness: pilot.readiness,
    criteria: pilot.criteria.map(toCriterionForm),
  };
}

/** A success criterion not written yet: what it measures is the first thing to type. */
export function blankCriterion(design: Design = "independent"): CriterionForm {
  return {
    id: 0,
    metric: "",
    unit: "",
    direction: "higher",
    baseline: "",
    target: "",
    measure: "",
    design,
    rows: design === "proportion" ? [] : [["", ""]],
    pilot: emptyRate(),
    comparison: emptyRate(),
  };
}

/** A new pilot as AddPilot sends it (the core requires a name; the person renames it). */
export function newPilot(name = "New pilot"): Pilot {
  return { id: 0, name, team: "", headcount: null, start: null, end: null, resultsUntil: null, hypothesis: "", readiness: "", criteria: [] };
}

// ---- From the form back to a Pilot -----------------------------------------------------------

export const NOT_A_NUMBER = "Enter a number, such as 12 or 12.5.";
export const NOT_A_COUNT = "Enter a whole number, such as 40.";
export const HALF_A_PAIR = "Each row needs both a before and an after value.";
export const HALF_A_RATE = "Enter both the successes and the trials.";

export type RateErrors = { successes?: string; trials?: string };

export type CriterionErrors = {
  baseline?: string;
  target?: string;
  /** Grid cells that are not numbers (or half a pair), by "row:column". */
  cells?: Record<string, string>;
  pilot?: RateErrors;
  comparison?: RateErrors;
};

export type PilotErrors = { headcount?: string; criteria: CriterionErrors[] };

export function cellKey(row: number, column: number): string {
  return `${row}:${column}`;
}

/** Whether the pilot form has anything that is not a number yet. */
export function hasErrors(errors: PilotErrors): boolean {
  return errors.headcount !== undefined || errors.criteria.some((c) => Object.keys(c).length > 0);
}

/** A whole number ≥ 0 as typed, null when blank, or not one. */
export function parseCount(text: string): { ok: true; value: number | null } | { ok: false } {
  const compact = text.trim().replace(/(\d)[,\s_](?=\d{3}\b)/g, "$1");
  if (compact === "") return { ok: true, value: null };
  if (!/^\d+$/.test(compact)) return { ok: false };
  const value = Number(compact);
  return Number.isSafeInteger(value) ? { ok: true, value } : { ok: false };
}

function parseRate(form: RateForm, errors: RateErrors): Rate | null | undefined {
  const successes = parseCount(form.successes);
  const trials = parseCount(form.trials);
  if (!successes.ok) errors.successes = NOT_A_COUNT;
  if (!trials.ok) errors.trials = NOT_A_COUNT;
  if (!successes.ok || !trials.ok) return undefined;
  if (successes.value === null && trials.value === null) return null;
  if (successes.value === null) {
    errors.successes = HALF_A_RATE;
    return undefined;
  }
  if (trials.value === null) {
    errors.trials = HALF_A_RATE;
    return undefined;
  }
  return { successes: successes.value, trials: trials.value };
}

/** The results the form's cells or counts describe, or undefined when some are not numbers yet. */
export function parseResults(form: CriterionForm, errors: CriterionErrors = {}): Results | undefined {
  if (form.design === "proportion") {
    const pilotErrors: RateErrors = {};
    const comparisonErrors: RateErrors = {};
    const pilot = parseRate(form.pilot, pilotErrors);
    const comparison = parseRate(form.comparison, comparisonErrors);
    if (Object.keys(pilotErrors).length) errors.pilot = pilotErrors;
    if (Object.keys(comparisonErrors).length) errors.comparison = comparisonErrors;
    if (pilot === undefined || comparison === undefined) return undefined;
    return { design: "proportion", pilot, comparison };
  }
  const cells: Record<string, string> = {};
  const columns: [number[], number[]] = [[], []];
  const pairs: [number, number][] = [];
  form.rows.forEach((row, r) => {
    const values = row.map((text) => parseNumber(text));
    values.forEach((parsed, c) => {
      if (!parsed.ok) cells[cellKey(r, c)] = NOT_A_NUMBER;
    });
    const [a, b] = values.map((parsed) => (parsed.ok ? parsed.value : undefined));
    if (form.design === "independent") {
      if (typeof a === "number") columns[0].push(a);
      if (typeof b === "number") columns[1].push(b);
      return;
    }
    if (a === null && b === null) return;
    if (a === null) cells[cellKey(r, 0)] = HALF_A_PAIR;
    if (b === null) cells[cellKey(r, 1)] = HALF_A_PAIR;
    if (typeof a === "number" && typeof b === "number") pairs.push([a, b]);
  });
  if (Object.keys(cells).length > 0) {
    errors.cells = cells;
    return undefined;
  }
  return form.design === "paired" ? { design: "paired", pairs } : { design: "independent", pilot: columns[0], comparison: columns[1] };
}

/** A criterion added in the form and not typed in yet: nothing to send. */
export function isUntouched(form: CriterionForm): boolean {
  const blank = blankCriterion(form.design);
  return form.id === 0 && JSON.stringify({ ...form, rows: form.rows.filter((row) => row.some((cell) => cell.trim() !== "")) }) === JSON.stringify({ ...blank, rows: [] });
}

const optional = (text: string): string | null => (text.trim() === "" ? null : text);

function fromCriterionForm(form: CriterionForm, current: Criterion | undefined): { criterion: Criterion; errors: CriterionErrors } {
  const errors: CriterionErrors = {};
  const rates = form.design === "proportion";
  const number = (field: "baseline" | "target"): number | null => {
    const parsed = parseNumber(form[field]);
    if (!parsed.ok) {
      errors[field] = NOT_A_NUMBER;
      return current?.[field] ?? null;
    }
    if (parsed.value === null || !rates) return parsed.value;
    return Number((parsed.value / 100).toPrecision(12));
  };
  const baseline = number("baseline");
  const target = number("target");
  // Cells that are not numbers yet keep the results the core has (of this design, else none).
  const results =
    parseResults(form, errors) ?? (current && current.results.design === form.design ? current.results : emptyResults(form.design));
  return {
    criterion: {
      id: form.id,
      metric: form.metric,
      unit: optional(form.unit),
      direction: form.direction,
      baseline,
      target,
      measure: form.measure,
      results,
    },
    errors,
  };
}

/**
 * The pilot the form describes, on top of `current` (the pilot as the core has it), for one
 * UpdatePilot. A field that is not a number yet keeps its current value and is reported in
 * `errors`; a criterion added and not typed in yet is left out.
 */
export function fromPilotForm(form: PilotForm, current: Pilot): { pilot: Pilot; errors: PilotErrors } {
  const errors: PilotErrors = { criteria: [] };
  const headcount = parseCount(form.headcount);
  if (!headcount.ok) errors.headcount = "Enter a whole number of people, such as 85.";
  const criteria: Criterion[] = [];
  for (const criterionForm of form.criteria) {
    const { criterion, errors: criterionErrors } = fromCriterionForm(
      criterionForm,
      criterionForm.id > 0 ? current.criteria.find((c) => c.id === criterionForm.id) : undefined,
    );
    errors.criteria.push(criterionErrors);
    if (!isUntouched(criterionForm)) criteria.push(criterion);
  }
  return {
    pilot: {
      ...current,
      name: form.name,
      team: form.team,
      headcount: headcount.ok ? headcount.value : current.headcount,
      start: optional(form.start),
      end: optional(form.end),
      resultsUntil: optional(form.resultsUntil),
      hypothesis: form.hypothesis,
      readiness: form.readiness,
      criteria,
    },
    errors,
  };
}

// ---- Comparing forms by what they mean --------------------------------------------------------

/** What a criterion's form means: its fields as the core would get them (the text of a cell that is not a number yet as typed). */
function meaning(form: CriterionForm): string {
  const { criterion } = fromCriterionForm(form, undefined);
  const results = parseResults(form) ?? { design: form.design, typed: form.design === "proportion" ? [form.pilot, form.comparison] : form.rows };
  const baseline = parseNumber(form.baseline).ok ? criterion.baseline : `typed:${form.baseline}`;
  const target = parseNumber(form.target).ok ? criterion.target : `typed:${form.target}`;
  return JSON.stringify({ ...criterion, baseline, target, results });
}

/**
 * Whether two lists of criteria mean the same: the same criteria with the same numbers, whatever
 * way they are written ("12.0" and "12", a blank row or none). The planner's draft compares
 * criteria this way, so a reply that means what was typed leaves the text (and the caret) alone.
 */
export function sameCriteria(a: CriterionForm[], b: CriterionForm[]): boolean {
  return a.length === b.length && a.every((criterion, i) => meaning(criterion) === meaning(b[i]));
}

export function sameCount(a: string, b: string): boolean {
  if (a === b) return true;
  const pa = parseCount(a);
  const pb = parseCount(b);
  return pa.ok && pb.ok && pa.value === pb.value;
}

/** For the draft: criteria and the headcount compared by what they mean. */
export const PILOT_COMPARERS = { criteria: sameCriteria, headcount: sameCount } as const;

// ---- Pasting from a spreadsheet ---------------------------------------------------------------

/** Whether pasted text is more than one cell (several lines, or tab-separated columns). */
export function isManyCells(text: string): boolean {
  return /[\t\r\n]/.test(text.replace(/[\r\n]+$/, ""));
}

/**
 * The grid after pasting `text` (lines of tab-separated cells, as spreadsheets copy them) with
 * its first cell at `row`, `column`: the rows below are filled (and added as needed); a
 * second column of the paste goes to the grid's second column; cells beyond it are dropped.
 * Blank cells in the paste leave blanks.
 */
export function pasteCells(rows: readonly [string, string][], row: number, column: 0 | 1, text: string): [string, string][] {
  const lines = text.replace(/\r\n?/g, "\n").replace(/\n+$/, "").split("\n");
  const next = rows.map(([a, b]) => [a, b] as [string, string]);
  lines.forEach((line, offset) => {
    const at = row + offset;
    while (next.length <= at) next.push(["", ""]);
    line.split("\t").forEach((cell, c) => {
      const target = column + c;
      if (target > 1) return;
      next[at][target] = cell.trim();
    });
  });
  return next;
}

/** How many values a criterion's form holds (cells that are filled in; counts given). */
export function valueCount(form: CriterionForm): number {
  if (form.design === "proportion") return [form.pilot, form.comparison].filter((r) => r.successes.trim() || r.trials.trim()).length;
  return form.rows.reduce((sum, row) => sum + row.filter((cell) => cell.trim() !== "").length, 0);
}
