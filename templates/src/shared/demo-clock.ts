/** Dates for demo data, computed from the install time so dashboards show the current period. */

const DAY_MS = 86_400_000;

/** Demo dates relative to `now`, kept inside now's calendar year (dashboards default to the year). */
export interface DemoClock {
  /** The instant `days` before now (ISO), never before Jan 1 of now's year. */
  at(daysAgo: number, hour?: number): string;
  /** The date `days` before now ("YYYY-MM-DD"), never before Jan 1 of now's year. */
  day(daysAgo: number): string;
  /** The date `days` after now ("YYYY-MM-DD"). */
  ahead(days: number): string;
  /** The instant `days` after now at a China Standard Time hour (ISO). */
  aheadAt(days: number, hour: number): string;
}

/** China Standard Time is UTC+8 all year. */
const CST_OFFSET_MS = 8 * 3_600_000;

function cstDay(ms: number): string {
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** A clock for demo data installed at `now`. */
export function demoClock(now: Date): DemoClock {
  const nowMs = now.getTime();
  const yearStartMs = Date.UTC(new Date(nowMs + CST_OFFSET_MS).getUTCFullYear(), 0, 1) - CST_OFFSET_MS;
  // Spread offsets that fall before Jan 1 over the days of the year that have passed.
  const span = Math.max(1, Math.floor((nowMs - yearStartMs) / DAY_MS));
  const back = (daysAgo: number): number => {
    const days = daysAgo <= span ? daysAgo : Math.floor((daysAgo * span) / (daysAgo + span));
    return nowMs - days * DAY_MS;
  };
  const withHour = (ms: number, hour: number): string =>
    `${cstDay(ms)}T${String(hour).padStart(2, "0")}:00:00+08:00`;
  return {
    at: (daysAgo, hour = 10) => {
      const ms = back(daysAgo);
      const iso = withHour(ms, hour);
      return new Date(iso).getTime() > nowMs ? new Date(nowMs - 60_000).toISOString() : iso;
    },
    day: (daysAgo) => cstDay(back(daysAgo)),
    ahead: (days) => cstDay(nowMs + days * DAY_MS),
    aheadAt: (days, hour) => withHour(nowMs + days * DAY_MS, hour),
  };
}

/** A file value for demo data (the file itself is not stored). */
export function demoFile(
  name: string,
  mime = "application/pdf",
): { id: string; name: string; mime: string; size: number }[] {
  return [{ id: `demo-${name}`, name, mime, size: 102_400 }];
}
