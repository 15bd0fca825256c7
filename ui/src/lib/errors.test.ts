import { describe, expect, it } from "vitest";
import { rowProblemText, rowProblems } from "./errors";

describe("the rows of a refused spreadsheet", () => {
  it("are read from the error's details, each with its line and column", () => {
    const error = {
      code: "invalid_csv" as const,
      message: "the whole message, not parsed",
      details: {
        kind: "rows" as const,
        problems: [
          { line: 3, column: "value", message: '"twelve" is not a number', row: [] },
          { line: 7, column: null, message: "no title", row: [] },
          { line: 0, column: null, message: "the file has no rows", row: [] },
        ],
      },
    };
    expect(rowProblems(error)).toEqual(['line 3, column value: "twelve" is not a number', "line 7: no title", "the file has no rows"]);
  });

  it("fall back to the message when the error has no rows", () => {
    expect(rowProblems({ code: "io", message: "Cannot read results.csv" })).toEqual(["Cannot read results.csv"]);
    expect(rowProblemText({ line: 2, column: "year", message: "not a year", row: [] })).toBe("line 2, column year: not a year");
  });
});
