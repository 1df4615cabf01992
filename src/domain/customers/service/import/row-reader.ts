import { isPersonal } from "./columns.ts";
import type { Problem } from "./messages.ts";
import type { Cell, Issue, RawRow, SheetData } from "./types.ts";
import { cellText, type Parsed } from "./values.ts";

/** The error report keeps at most this many problems; the count goes on. */
export const MAX_KEPT_ISSUES = 10_000;

/** Collects every problem of a file (not just the first), keeping the first 10,000 for the report. */
export class IssueSink {
  readonly kept: Issue[] = [];
  count = 0;
  push(issue: Issue): void {
    this.count++;
    if (this.kept.length < MAX_KEPT_ISSUES) this.kept.push(issue);
  }
}

/**
 * Reads the cells of one row by column key and files each problem under the row, the column's header
 * as the file spells it, and the value as the user typed it.
 */
export class RowReader {
  row: RawRow = { row: 0, cells: [] };
  /** Problems found in the current row. */
  problems = 0;

  constructor(
    readonly sheet: SheetData,
    private readonly sink: IssueSink,
  ) {}

  at(row: RawRow): this {
    this.row = row;
    this.problems = 0;
    return this;
  }

  cell(key: string): Cell {
    const i = this.sheet.index.get(key);
    return i === undefined ? null : (this.row.cells[i] ?? null);
  }

  report(key: string, problem: Problem, value: string = cellText(this.cell(key))): void {
    this.problems++;
    this.sink.push({
      sheet: this.sheet.name,
      row: this.row.row,
      column: this.sheet.headers.get(key) ?? key,
      field: key,
      value,
      personal: isPersonal(this.sheet.kind, key),
      code: problem.code,
      params: problem.params ?? {},
    });
  }

  /** The parsed value, or null after filing its problem (or "required" when it is empty but must not be). */
  take<T>(key: string, parse: (cell: Cell) => Parsed<T>, required = false): T | null {
    const parsed = parse(this.cell(key));
    if (!parsed.ok) {
      this.report(key, parsed.problem);
      return null;
    }
    if (parsed.value === null && required) this.report(key, { code: "required" });
    return parsed.value;
  }
}

/** Remembers the first row of each key, to name it when the key comes again. */
export class FirstSeen {
  private readonly rows = new Map<string, number>();
  /** The earlier row holding `key`, or undefined (and `key` is now taken by `row`). */
  check(key: string, row: number): number | undefined {
    const first = this.rows.get(key);
    if (first === undefined) this.rows.set(key, row);
    return first;
  }
}
