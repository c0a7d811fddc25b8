// Dates of demo records, relative to the install time so dashboards show the current period.

const DAY_MS = 86_400_000;

/** The instant `days` days before `now` (ISO), for a demo record's `at` or a datetime field. */
export function daysAgo(now: Date, days: number): string {
  return new Date(now.getTime() - days * DAY_MS).toISOString();
}

/** The calendar date `days` days from `now` ("YYYY-MM-DD"; negative for the past). */
export function dateFrom(now: Date, days: number): string {
  return new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** The first day of the month `offset` months from `now`'s ("YYYY-MM-DD"). */
export function monthStart(now: Date, offset = 0): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
}

/** The last day of the month `offset` months from `now`'s ("YYYY-MM-DD"). */
export function monthEnd(now: Date, offset = 0): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset + 1, 0))
    .toISOString()
    .slice(0, 10);
}

/** A demo attachment (file fields take a list of them). */
export function demoFile(id: string, name: string): { id: string; name: string }[] {
  return [{ id, name }];
}
