// What an error from the core says, as the UI shows it. The UI branches on `code` (a closed
// union generated from the core's ErrorCode) and reads structured `details`, never the
// message text.
import type { AppError, TableError } from "./bindings";

/** One bad row as a person reads it: "line 3, column value: …". */
export function rowProblemText(problem: TableError): string {
  if (problem.line === 0) return problem.message;
  const where = problem.column === null ? `line ${problem.line}` : `line ${problem.line}, column ${problem.column}`;
  return `${where}: ${problem.message}`;
}

/** A bad row as a list shows it: what is wrong, and the row's first cells to recognise it by. */
export type RowProblem = { text: string; row: string[] };

/** The bad rows of a refused spreadsheet with their cells; else the message alone. */
export function rowProblemList(error: AppError): RowProblem[] {
  if (error.details?.kind === "rows" && error.details.problems.length > 0) {
    return error.details.problems.map((problem) => ({ text: rowProblemText(problem), row: problem.row }));
  }
  return [{ text: error.message, row: [] }];
}

/** The bad rows of a refused spreadsheet, one each; else the message alone. */
export function rowProblems(error: AppError): string[] {
  if (error.details?.kind === "rows" && error.details.problems.length > 0) {
    return error.details.problems.map(rowProblemText);
  }
  return [error.message];
}
