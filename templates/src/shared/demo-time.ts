/** Time helpers for templates' demo data, relative to the install time. */

const DAY_MS = 86_400_000;

/** The ISO instant `days` before `now`. */
export function daysAgo(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

/** The calendar date "YYYY-MM-DD" (UTC) `days` after `now`; negative days are before it. */
export function dateAfter(now: Date, days: number): string {
  return new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** The installing user, for user fields of demo records. */
export const INSTALLER = { $user: "installer" } as const;
