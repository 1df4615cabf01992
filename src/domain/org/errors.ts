import { AppError } from "../../platform/errors.ts";

export class InvalidCredentials extends AppError {
  constructor() {
    super("unauthenticated", "invalid_credentials", "Wrong username or password.");
  }
}

export class AccountLocked extends AppError {
  constructor(until: Date) {
    super(
      "locked",
      "account_locked",
      `Too many failed sign-ins: this account is locked until ${until.toISOString()}. Try again later or ask an administrator to unlock it.`,
      { lockedUntil: until.toISOString() },
    );
  }
}

export class AccountDisabled extends AppError {
  constructor() {
    super("unauthenticated", "account_disabled", "This account is disabled. Ask an administrator.");
  }
}

export class UsernameTaken extends AppError {
  constructor(username: string) {
    super("conflict", "username_taken", `The username "${username}" is already in use. Choose another.`, {
      field: "username",
    });
  }
}

export class OrgCodeTaken extends AppError {
  constructor(code: string) {
    super("conflict", "org_code_taken", `The org unit code "${code}" is already used in this province.`, {
      field: "code",
    });
  }
}

export class InvalidOrgLevel extends AppError {
  constructor(parentLevel: string, childLevel: string, allowed: readonly string[]) {
    super(
      "unprocessable",
      "invalid_org_level",
      `A ${parentLevel} unit cannot hold a ${childLevel} unit; it may hold: ${allowed.join(", ") || "nothing"}.`,
      { field: "level", allowed },
    );
  }
}

export class InvalidOrgMove extends AppError {
  constructor(reason: string) {
    super("unprocessable", "invalid_org_move", reason, { field: "parentId" });
  }
}

export class UnknownRoles extends AppError {
  constructor(codes: string[]) {
    super("unprocessable", "unknown_roles", `No such role in this province: ${codes.join(", ")}.`, {
      field: "roles",
      codes,
    });
  }
}

export class RoleExists extends AppError {
  constructor(code: string) {
    super("conflict", "role_exists", `A role with code "${code}" already exists.`, { field: "code" });
  }
}

export class WrongCurrentPassword extends AppError {
  constructor() {
    super("validation", "wrong_current_password", "currentPassword: the current password is wrong.", {
      issues: [{ field: "currentPassword", message: "the current password is wrong" }],
    });
  }
}

export class SelfLockout extends AppError {
  constructor(what: string) {
    super("unprocessable", "self_lockout", `You cannot ${what} your own account; ask another administrator.`);
  }
}
