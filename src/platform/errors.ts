/**
 * Typed application errors. Each context defines its own subclasses (e.g. `OrgUnitNotFound`); every error
 * has a `kind`, and `STATUS_BY_KIND` maps each kind to HTTP exactly once — a new kind without a status
 * fails to compile. The body is always `{ code, message, details }`.
 */
export type ErrorKind =
  | "validation" // the request is malformed: names the field
  | "unauthenticated" // no session, expired session or bad credentials
  | "forbidden" // authenticated, but the role lacks the permission or the object is outside the data scope
  | "not_found" // unknown or malformed id, or an object the caller may not know exists
  | "conflict" // optimistic-lock mismatch or a unique business key already taken
  | "unprocessable" // well-formed but breaks a business rule
  | "rate_limited" // too many attempts
  | "locked" // account locked after repeated failed logins
  | "unavailable"; // the service is still starting or shutting down

export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
  locked: 423,
  unavailable: 503,
};

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = code;
  }
  get status(): number {
    return STATUS_BY_KIND[this.kind];
  }
}

export class NotFound extends AppError {
  constructor(entity: string, id: string) {
    super(
      "not_found",
      `${entity}_not_found`,
      `No ${entity.replace(/_/g, " ")} with id ${id} in your scope.`,
      {
        entity,
        id,
      },
    );
  }
}

export class Forbidden extends AppError {
  constructor(permission: string) {
    super(
      "forbidden",
      "permission_denied",
      `Your roles do not grant "${permission}". Ask an administrator.`,
      {
        permission,
      },
    );
  }
}

export class OutOfScope extends AppError {
  constructor(what: string) {
    super("forbidden", "out_of_scope", `${what} is outside your data scope (your org unit's subtree).`);
  }
}

export class VersionConflict extends AppError {
  constructor(entity: string, expected: number, current: unknown) {
    super(
      "conflict",
      "version_conflict",
      `This ${entity.replace(/_/g, " ")} was changed by someone else (you had version ${expected}). Reload and apply your change again.`,
      { current },
    );
  }
}

export class Unauthenticated extends AppError {
  constructor(message = "Sign in first: this request has no valid session.") {
    super("unauthenticated", "unauthenticated", message);
  }
}

export class ValidationFailed extends AppError {
  constructor(field: string, message: string) {
    super("validation", "validation_failed", `${field}: ${message}`, { issues: [{ field, message }] });
  }
}

export interface ErrorBody {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

/** Group HQ oversees several provinces; an operation on one province needs it named. */
export class ProvinceRequired extends AppError {
  constructor(message = "Group HQ oversees several provinces: name the one to act on with provinceId.") {
    super("validation", "province_required", message, { field: "provinceId" });
  }
}
