import { AppError } from "../../../../platform/errors.ts";
import type { PublicImportError } from "./present.ts";

/** The file could not be read at all: not an .xlsx or CSV, damaged, or cut off. */
export class ImportFileUnreadable extends AppError {
  /** `problem` names a known reason (a password, a damaged zip…) the web words with its own fix. */
  constructor(reason: string, problem?: string) {
    super(
      "validation",
      "import_file_unreadable",
      `The file cannot be read (${reason}). Upload an .xlsx workbook or a .csv file, for instance the template from GET /api/v1/customers/import/template.`,
      problem ? { field: "file", reason: problem } : { field: "file" },
    );
  }
}

export class ImportFileMissing extends AppError {
  constructor() {
    super("validation", "import_file_missing", 'Send the file as multipart/form-data in the field "file".', {
      field: "file",
    });
  }
}

export class ImportFileTooLarge extends AppError {
  constructor(limitMiB = 50) {
    super(
      "validation",
      "import_file_too_large",
      `The file is larger than the upload limit (${limitMiB} MB). Split it into several files.`,
      { field: "file", limitMiB },
    );
  }
}

/** All or nothing: one bad row rejects the file, and the answer lists every problem found. */
export class ImportRejected extends AppError {
  constructor(importId: string, errors: PublicImportError[], errorCount: number) {
    super(
      "unprocessable",
      "import_rejected",
      `Nothing was imported: the file has ${errorCount} problem${errorCount === 1 ? "" : "s"}. Fix them (see errors, or download errorReport) and import the whole file again.`,
      {
        importId,
        errors: errors.slice(0, 200),
        errorCount,
        errorReport: `/api/v1/customers/imports/${importId}/errors.xlsx`,
      },
    );
  }
}

/** A code or line the file adds was taken by someone else between the checks and the write. */
export class ImportConflict extends AppError {
  constructor() {
    super(
      "conflict",
      "import_conflict",
      "Someone else added the same customer code or line while this file was being imported. Nothing was imported: import the file again.",
    );
  }
}

/** PostgreSQL's unique_violation, through Drizzle's wrapper or bare. */
export const isUniqueViolation = (error: unknown): boolean => {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  return (cause as { code?: string })?.code === "23505";
};
