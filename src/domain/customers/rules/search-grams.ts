/**
 * The search grams of a customer's names: every character and every pair of adjacent characters of
 * "<name> <short name>", in order, Latin letters lower-cased, no gram holding whitespace. The database
 * computes the same array with search_grams() (drizzle/0021) — for rows written without it and for the
 * grams of a search — so both must stay identical, character for character: an integration test holds
 * them to it on PGlite and PostgreSQL. Working them out here lets a large import send them ready-made
 * instead of paying a PL/pgSQL call per row (about a fifth of the insert's cost).
 */

/** Whitespace as search_fold() knows it: ASCII spaces and controls, no-break space, ideographic space. */
const WHITESPACE = new Set([" ", "\t", "\n", "\r", "\f", "\v", "\u00a0", "\u3000"]);

/** A–Z only, the same in every database locale (lower() is not: PGlite's C ctype folds ASCII alone). */
export const searchFold = (text: string): string => text.replace(/[A-Z]+/g, (s) => s.toLowerCase());

export function searchGrams(name: string, shortName: string | null): string[] {
  const grams: string[] = [];
  let previous: string | null = null;
  // for…of walks code points, as PostgreSQL's substr() does.
  for (const c of searchFold(`${name} ${shortName ?? ""}`)) {
    if (WHITESPACE.has(c)) {
      previous = null;
      continue;
    }
    grams.push(c);
    if (previous !== null) grams.push(previous + c);
    previous = c;
  }
  return grams;
}
