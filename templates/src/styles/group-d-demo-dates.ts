/** Date helpers for the group-D demo data, relative to the install time (UTC calendar). */

const DAY_MS = 86_400_000;

/** The date `days` after `now` ("YYYY-MM-DD"; negative = before). */
export function dayOffset(now: Date, days: number): string {
  return new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** The instant `days` after `now` (ISO 8601). */
export function instantOffset(now: Date, days: number): string {
  return new Date(now.getTime() + days * DAY_MS).toISOString();
}

/** The first day of the month `months` after `now`'s month. */
export function monthStart(now: Date, months = 0): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1)).toISOString().slice(0, 10);
}

/** The last day of the month `months` after `now`'s month. */
export function monthEnd(now: Date, months = 0): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months + 1, 0))
    .toISOString()
    .slice(0, 10);
}

/** The installing user, for the user fields of demo records. */
export const INSTALLER = { $user: "installer" } as const;
