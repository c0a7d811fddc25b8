import type { RecordSystemValues } from "./record-state.js";

/**
 * Everything the engine knows about the world, passed in by the caller: the engine reads no clock,
 * no environment and no randomness of its own.
 */
export interface EngineContext {
  /** The current instant, ISO 8601 ("2026-11-23T09:30:00Z"). */
  now: string;
  /** IANA time zone for dates and periods; the app's setting or "UTC". */
  timeZone?: string;
  /** The acting user, absent for rule runs and anonymous submissions. */
  userId?: string;
  /** Values of the form's cross-form aggregates, resolved by the runtime (id → value). */
  aggregates?: Readonly<Record<string, unknown>>;
  /**
   * System columns of the record being submitted or previewed (stage, owner, times), so formulas
   * and conditions can read `_stage`, `_owner`, `_created_at`… as rules and guards do.
   */
  record?: RecordSystemValues;
  /** Numbers allocated by the runtime for serial fields of a new record (field id → number). */
  serials?: Readonly<Record<string, number>>;
}
