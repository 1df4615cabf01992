import type { Actor } from "./auth/actor.ts";
import { can } from "./auth/actor.ts";

/** 13812345678 → 138****5678: the form staff recognise, without the digits that identify the person. */
export function maskMobile(value: string): string {
  // Keeping 3 + 4 digits of a 7-digit value (a landline without area code) would hide nothing.
  if (value.length <= 7) return "*".repeat(value.length);
  return `${value.slice(0, 3)}${"*".repeat(value.length - 7)}${value.slice(-4)}`;
}

/** zhang.san@example.com → z***@example.com */
export function maskEmail(value: string): string {
  const at = value.indexOf("@");
  if (at < 1) return "***";
  return `${value[0]}***${value.slice(at)}`;
}

export function mobileFor(actor: Actor, value: string | null): string | null {
  if (value === null) return null;
  return can(actor, "pii:read") ? value : maskMobile(value);
}

export function emailFor(actor: Actor, value: string | null): string | null {
  if (value === null) return null;
  return can(actor, "pii:read") ? value : maskEmail(value);
}
