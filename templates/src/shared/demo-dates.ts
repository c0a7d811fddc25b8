/** Date helpers for demo data: demo records fall in the install's current month (China time). */

const CST_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The first instant of `now`'s calendar month in China Standard Time. */
function monthStart(now: Date): number {
  const local = new Date(now.getTime() + CST_OFFSET_MS);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - CST_OFFSET_MS;
}

/** An instant `days` before `now` (hours may be fractional), never before the month began. */
export function demoInstant(now: Date, days: number): string {
  return new Date(Math.max(monthStart(now), now.getTime() - days * DAY_MS)).toISOString();
}

/** The China-time date ("YYYY-MM-DD") `days` before `now` (clamped to the month), or after when negative. */
export function demoDate(now: Date, days: number): string {
  const at = days >= 0 ? Date.parse(demoInstant(now, days)) : now.getTime() - days * DAY_MS;
  return new Date(at + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The China-time date of the Monday of `now`'s week, or of an earlier week (`weeksBack`). */
export function demoMonday(now: Date, weeksBack = 0): string {
  const local = new Date(now.getTime() + CST_OFFSET_MS);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  const monday = local.getTime() - (sinceMonday + 7 * weeksBack) * DAY_MS;
  return new Date(monday).toISOString().slice(0, 10);
}
