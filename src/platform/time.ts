/** Business dates are Asia/Shanghai dates (DESIGN.md), whatever the server's own time zone. */
export const SHANGHAI = "Asia/Shanghai";

/** 'YYYY-MM-DD' of `at` in Shanghai. */
export const shanghaiDate = (at: Date = new Date()): string =>
  at.toLocaleDateString("sv-SE", { timeZone: SHANGHAI });

/** 'YYYY-MM' of `at` in Shanghai. */
export const shanghaiMonth = (at: Date = new Date()): string => shanghaiDate(at).slice(0, 7);
