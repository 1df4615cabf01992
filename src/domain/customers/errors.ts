import { AppError } from "../../platform/errors.ts";

export class InvalidCreditCode extends AppError {
  constructor(problem: "length" | "characters" | "check_digit") {
    const why = {
      length: "must be 18 characters",
      characters: "may hold only digits and the letters A–H, J–N, P–R, T, U, W–Y",
      check_digit: "its last character does not match the check character (GB 32100-2015); check for a typo",
    }[problem];
    super("validation", "invalid_credit_code", `creditCode: ${why}.`, {
      issues: [{ field: "creditCode", message: why }],
      field: "creditCode",
    });
  }
}

export class InvalidIndustry extends AppError {
  constructor(section: string, division: string) {
    super(
      "validation",
      "invalid_industry",
      `industryDivision: division ${division} is not in GB/T 4754 section ${section}.`,
      {
        issues: [{ field: "industryDivision", message: `not in section ${section}` }],
        field: "industryDivision",
      },
    );
  }
}

export class CustomerCodeTaken extends AppError {
  constructor(code: string) {
    super(
      "conflict",
      "customer_code_taken",
      `The customer code "${code}" is already used in this province.`,
      {
        field: "code",
      },
    );
  }
}

export class NotStaff extends AppError {
  constructor(field: string, role: string) {
    super(
      "unprocessable",
      "not_staff",
      `${field}: no active ${role.replace("_", " ")} with that id in this province.`,
      {
        field,
        issues: [{ field, message: `must be an active ${role}` }],
      },
    );
  }
}

export class InvalidStatusChange extends AppError {
  constructor(from: string, to: string, allowed: readonly string[]) {
    super(
      "unprocessable",
      "invalid_status_change",
      `A ${from} customer cannot become ${to}; it may become: ${allowed.join(", ")}.`,
      {
        field: "status",
        allowed,
      },
    );
  }
}

export class MemberInGroup extends AppError {
  constructor(msisdn: string) {
    super(
      "conflict",
      "member_in_group",
      `The line ${msisdn} already belongs to a group; it must leave that group first.`,
      {
        field: "msisdn",
      },
    );
  }
}

export class InvalidParent extends AppError {
  constructor(reason: string) {
    super("unprocessable", "invalid_parent", reason, { field: "parentId" });
  }
}

export class InvalidReportsTo extends AppError {
  constructor() {
    super(
      "unprocessable",
      "invalid_reports_to",
      "reportsToId must be another key person of the same customer, without a loop.",
      {
        field: "reportsToId",
      },
    );
  }
}
