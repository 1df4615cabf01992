import { type Actor, can } from "../../../../platform/auth/actor.ts";
import { maskEmail, maskMobile } from "../../../../platform/pii.ts";
import type { ImportError } from "./types.ts";

export type PublicImportError = Omit<ImportError, "personal">;

/** 张三丰 → 张**: a person's name in the form staff see without pii:read. */
const maskName = (name: string): string => {
  const chars = [...name];
  return chars.length <= 1 ? "*" : `${chars[0]}${"*".repeat(chars.length - 1)}`;
};

function maskValue(field: string, value: string): string {
  if (value === "") return value;
  if (field === "email") return maskEmail(value);
  if (field === "msisdn" || field === "mobile") return maskMobile(value);
  if (field === "birthday") return "****-**-**";
  return maskName(value);
}

/** Problems as a reader sees them: personal values masked unless the reader holds pii:read. */
export function presentErrors(actor: Actor, errors: readonly ImportError[]): PublicImportError[] {
  const clear = can(actor, "pii:read");
  return errors.map(({ personal, ...error }) =>
    personal && !clear ? { ...error, value: maskValue(error.field, error.value) } : error,
  );
}
