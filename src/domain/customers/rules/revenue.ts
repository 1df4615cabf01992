/**
 * What a monthly revenue import compares: the month as it was and as the file leaves it. The usual
 * mistake with a billing export is a half-empty file (one city's extract missing, a cut-off download),
 * so a month that shrinks sharply is pointed out to the operator rather than replaced silently.
 */
export interface MonthFigures {
  rows: number;
  totalFen: number;
}

/** Jike's own choice (not in the seeds): more than a fifth fewer rows or less revenue is worth a look. */
export const MONTH_DROP_ALERT = 0.2;

export type MonthAlert = "rows_dropped" | "total_dropped";

/** The alerts a replaced month raises; a month that held nothing before raises none. */
export function monthAlerts(before: MonthFigures, after: MonthFigures): MonthAlert[] {
  const alerts: MonthAlert[] = [];
  if (before.rows > 0 && after.rows < before.rows * (1 - MONTH_DROP_ALERT)) alerts.push("rows_dropped");
  if (before.totalFen > 0 && after.totalFen < before.totalFen * (1 - MONTH_DROP_ALERT))
    alerts.push("total_dropped");
  return alerts;
}

/** The months after `latest` ('YYYY-MM') cannot have been billed yet. */
export const isFutureMonth = (month: string, latest: string): boolean => month > latest;
