/** What an import reads, in the shape every step after parsing shares, whatever the file format. */

/** One cell as the parsers hand it over: CSV gives text; .xlsx also numbers, booleans and dates. */
export type Cell = string | number | boolean | Date | null;

/** The three archive sheets a file may carry. */
export type SheetKind = "customers" | "members" | "contacts";
export const SHEET_KINDS: readonly SheetKind[] = ["customers", "members", "contacts"];

/** Messages and fixes are written in the importer's language (Accept-Language), Chinese by default. */
export type Locale = "zh-CN" | "en-US";

/** A data row: its number as Excel shows it (header = 1) and its cells in the order of the sheet's columns. */
export interface RawRow {
  row: number;
  cells: Cell[];
}

/** One sheet (or one CSV file) after its header row was matched to the known columns. */
export interface SheetData {
  kind: SheetKind;
  /** The sheet name as the user sees it (for a CSV, the file name). */
  name: string;
  /** key → the header text in the file, for the columns present. */
  headers: Map<string, string>;
  /** key → position in `RawRow.cells`. */
  index: Map<string, number>;
  rows: RawRow[];
}

/** A problem found in the file, before it is put into words. */
export interface Issue {
  sheet: string;
  row: number;
  column: string;
  /** The column's key (`msisdn`), or "" for a problem with the whole file or sheet. */
  field: string;
  value: string;
  /** The value is personal data (a line, a person's name): masked for readers without pii:read. */
  personal: boolean;
  code: string;
  params: Record<string, string | number>;
}

/** A problem as the user reads it: where, what is wrong, and how to fix it. */
export interface ImportError {
  sheet: string;
  row: number;
  column: string;
  field: string;
  value: string;
  personal: boolean;
  code: string;
  message: string;
  fix: string;
}

export interface ImportCounts {
  rows: Record<SheetKind, number>;
  created: Record<SheetKind, number>;
  updated: Record<SheetKind, number>;
  unchanged: Record<SheetKind, number>;
}

export const zeroCounts = (): Record<SheetKind, number> => ({ customers: 0, members: 0, contacts: 0 });
