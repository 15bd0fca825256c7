import { describe, expect, it } from "vitest";
import type { Criterion, Pilot } from "./bindings";
import {
  blankCriterion,
  cellKey,
  fromPilotForm,
  HALF_A_PAIR,
  hasErrors,
  isManyCells,
  NOT_A_NUMBER,
  pasteCells,
  sameCriteria,
  toPilotForm,
  withResults,
} from "./pilotForms";

function criterion(fields: Partial<Criterion> = {}): Criterion {
  return {
    id: 7,
    metric: "Days to resolve",
    unit: "days",
    direction: "lower",
    baseline: 19,
    target: 12,
    measure: "From the service desk export",
    results: { design: "independent", pilot: [9, 12, 10], comparison: [18, 22] },
    ...fields,
  };
}

function pilot(fields: Partial<Pilot> = {}): Pilot {
  return {
    id: 3,
    name: "Plant 2",
    team: "Maintenance",
    headcount: 85,
    start: "2026-09-01",
    end: "2026-12-18",
    resultsUntil: null,
    hypothesis: "Questions find answers.",
    readiness: "The director sponsors it.",
    criteria: [criterion()],
    ...fields,
  };
}

describe("the pilot form", () => {
  it("round-trips a pilot: text fields as typed, blanks as null", () => {
    const p = pilot();
    const form = toPilotForm(p);
    expect(form.headcount).toBe("85");
    expect(form.resultsUntil).toBe("");
    expect(form.criteria[0].rows).toEqual([
      ["9", "18"],
      ["12", "22"],
      ["10", ""],
    ]);
    expect(fromPilotForm(form, p)).toEqual({ pilot: p, errors: { criteria: [{}] } });
  });

  it("shows rates in percent and sends them as rates", () => {
    const p = pilot({
      criteria: [criterion({ unit: null, direction: "higher", baseline: 0.07, target: 0.29, results: { design: "proportion", pilot: { successes: 14, trials: 40 }, comparison: null } })],
    });
    const form = toPilotForm(p);
    expect([form.criteria[0].baseline, form.criteria[0].target]).toEqual(["7", "29"]);
    expect(form.criteria[0].pilot).toEqual({ successes: "14", trials: "40" });
    form.criteria[0].target = "35";
    const { pilot: next } = fromPilotForm(form, p);
    expect(next.criteria[0].target).toBe(0.35);
    expect(next.criteria[0].results).toEqual({ design: "proportion", pilot: { successes: 14, trials: 40 }, comparison: null });
  });

  it("keeps the saved value of a number not typed out yet, and says where", () => {
    const p = pilot();
    const form = toPilotForm(p);
    form.headcount = "about 80";
    form.criteria[0].target = "1O";
    form.criteria[0].rows[1][0] = "twelve";
    const { pilot: next, errors } = fromPilotForm(form, p);
    expect(next.headcount).toBe(85);
    expect(next.criteria[0].target).toBe(12);
    expect(next.criteria[0].results).toEqual(p.criteria[0].results);
    expect(errors.headcount).toMatch(/whole number/);
    expect(errors.criteria[0]).toEqual({ target: NOT_A_NUMBER, cells: { [cellKey(1, 0)]: NOT_A_NUMBER } });
    expect(hasErrors(errors)).toBe(true);
  });

  it("reads the grid by design: independent columns skip blanks; paired rows need both values", () => {
    const p = pilot();
    const form = toPilotForm(p);
    form.criteria[0].rows = [
      ["1", ""],
      ["", "4"],
      ["3", "5"],
      ["", ""],
    ];
    expect(fromPilotForm(form, p).pilot.criteria[0].results).toEqual({ design: "independent", pilot: [1, 3], comparison: [4, 5] });
    form.criteria[0].design = "paired";
    const { errors } = fromPilotForm(form, p);
    expect(errors.criteria[0].cells).toEqual({ [cellKey(0, 1)]: HALF_A_PAIR, [cellKey(1, 0)]: HALF_A_PAIR });
    form.criteria[0].rows = [
      ["10", "8"],
      ["", ""],
      ["12", "9.5"],
    ];
    expect(fromPilotForm(form, p).pilot.criteria[0].results).toEqual({ design: "paired", pairs: [[10, 8], [12, 9.5]] });
  });

  it("leaves out a criterion added and not typed in yet; a new one goes with id 0", () => {
    const p = pilot();
    const form = toPilotForm(p);
    form.criteria.push(blankCriterion());
    expect(fromPilotForm(form, p).pilot).toEqual(p);
    form.criteria[1].metric = "Ideas logged";
    const next = fromPilotForm(form, p).pilot;
    expect(next.criteria.map((c) => [c.id, c.metric])).toEqual([
      [7, "Days to resolve"],
      [0, "Ideas logged"],
    ]);
    expect(next.criteria[1].results).toEqual({ design: "independent", pilot: [], comparison: [] });
  });

  it("puts imported results in the grid or the counts, keeping the rest of the criterion", () => {
    const form = toPilotForm(pilot()).criteria[0];
    const paired = withResults(form, { design: "paired", pairs: [[3, 2.5]] });
    expect(paired).toMatchObject({ id: 7, metric: "Days to resolve", design: "paired", rows: [["3", "2.5"]] });
    const rates = withResults(form, { design: "proportion", pilot: { successes: 3, trials: 9 }, comparison: null });
    expect(rates).toMatchObject({ rows: [], pilot: { successes: "3", trials: "9" }, comparison: { successes: "", trials: "" } });
  });
});

describe("comparing criteria by what they mean", () => {
  it("takes numbers written differently, and blank rows, as the same", () => {
    const a = toPilotForm(pilot()).criteria;
    const b = structuredClone(a);
    b[0].baseline = "19.0";
    b[0].rows.push(["", ""]);
    b[0].rows[0][0] = " 9 ";
    expect(sameCriteria(a, b)).toBe(true);
  });

  it("tells apart other numbers, ids, designs and text that is not a number yet", () => {
    const a = toPilotForm(pilot()).criteria;
    const changed = (edit: (c: (typeof a)[number]) => void) => {
      const b = structuredClone(a);
      edit(b[0]);
      return sameCriteria(a, b);
    };
    expect(changed((c) => (c.rows[0][0] = "9.5"))).toBe(false);
    expect(changed((c) => (c.id = 0))).toBe(false);
    expect(changed((c) => (c.design = "paired"))).toBe(false);
    expect(changed((c) => (c.target = "12x"))).toBe(false);
    expect(changed((c) => (c.metric = "Days"))).toBe(false);
  });
});

describe("pasting into the grid", () => {
  it("fills a column from the cell down, adding rows as needed", () => {
    const rows: [string, string][] = [
      ["1", "a"],
      ["2", "b"],
    ];
    expect(pasteCells(rows, 1, 0, "12\n13.5\n\n14\n")).toEqual([
      ["1", "a"],
      ["12", "b"],
      ["13.5", ""],
      ["", ""],
      ["14", ""],
    ]);
    expect(rows[1][0]).toBe("2");
  });

  it("puts a second copied column in the grid's second column and drops any further ones", () => {
    expect(pasteCells([], 0, 0, "9\t18\textra\r\n12\t22\r\n")).toEqual([
      ["9", "18"],
      ["12", "22"],
    ]);
    expect(pasteCells([["", ""]], 0, 1, "4\t5\n6")).toEqual([
      ["", "4"],
      ["", "6"],
    ]);
  });

  it("treats one value (even with a trailing line break) as an ordinary paste", () => {
    expect(isManyCells("12")).toBe(false);
    expect(isManyCells("12\n")).toBe(false);
    expect(isManyCells("12\n13")).toBe(true);
    expect(isManyCells("12\t13")).toBe(true);
  });
});
