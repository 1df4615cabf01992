import { describe, expect, it } from "vitest";
import { ImportRejected, isUniqueViolation } from "./errors.ts";

describe("import errors", () => {
  it("recognises a unique violation, wrapped by Drizzle or bare", () => {
    expect(isUniqueViolation({ cause: { code: "23505" } })).toBe(true);
    expect(isUniqueViolation({ code: "23505" })).toBe(true);
    expect(isUniqueViolation({ cause: { code: "23503" } })).toBe(false);
    expect(isUniqueViolation(new Error("boom"))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });

  it("rejects a file with the first 200 problems, their count and the report's address", () => {
    const problem = {
      sheet: "客户 Customers",
      row: 2,
      column: "客户编码 (code)",
      field: "code",
      value: "",
      code: "required",
      message: "必填项为空",
      fix: "填写这一格",
    };
    const error = new ImportRejected("0190a0b0-0000-7000-8000-000000000001", Array(250).fill(problem), 250);
    expect(error.status).toBe(422);
    expect(error.code).toBe("import_rejected");
    expect(error.details).toMatchObject({
      errorCount: 250,
      errorReport: "/api/v1/customers/imports/0190a0b0-0000-7000-8000-000000000001/errors.xlsx",
    });
    expect((error.details.errors as unknown[]).length).toBe(200);
  });
});
