/** A 0–1 rate as a percentage with one decimal: 0.9534 → 95.3. */
export const toPercent = (rate: number): number => Math.round(rate * 1000) / 10;

/** A 0–1 rate as text: 0.9534 → "95.3%". */
export const formatRate = (rate: number): string => `${toPercent(rate).toFixed(1)}%`;

export const MET_COLOR = "#389e0d";
export const NOT_MET_COLOR = "#cf1322";

/** Org levels whose units have no children to drill into. */
export const LEAF_LEVELS: ReadonlySet<string> = new Set(["grid"]);
