/** What an evaluation may know besides the data; the engine never reads the clock itself. */
export interface EvalContext {
  /** The current instant, ISO 8601, e.g. "2026-11-23T10:00:00Z"; date operators give null without it. */
  readonly now?: string;
  /** IANA time zone in which instants become calendar dates; default "UTC". */
  readonly timeZone?: string;
  /** Cross-form aggregates the runtime resolved beforehand, by id (read through own properties only). */
  readonly aggregates?: Readonly<Record<string, unknown>>;
}
