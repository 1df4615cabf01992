import type { Dictionary, MessageParams } from "./types.ts";

type Tree = { readonly [key: string]: string | Tree };

/** Flattens a nested dictionary into dotted keys: `{ org: { title } }` → `org.title`. */
export function flatten(dictionary: Dictionary): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  const walk = (node: Tree, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === "string") out.set(prefix + key, value);
      else walk(value, `${prefix}${key}.`);
    }
  };
  walk(dictionary as Tree, "");
  return out;
}

/** Replaces `{name}` placeholders; a placeholder without a value stays visible so a gap is noticed. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
