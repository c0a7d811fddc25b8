/** Calendar dates "YYYY-MM-DD" of query ranges and filter bounds: pure arithmetic, no host time zone. */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date "YYYY-MM-DD" (2026-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (m === null) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text && date.getUTCFullYear() === Number(m[1]);
}

/** The date `days` days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  const epochMs = Date.parse(`${date}T00:00:00Z`) + days * DAY_MS;
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** January 1st of `year`, "YYYY-01-01". */
export function yearStart(year: number): string {
  return `${String(year).padStart(4, "0")}-01-01`;
}
