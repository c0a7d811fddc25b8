/** Stable codes of errors thrown while compiling or planning rules. */
export const RULE_ERROR_CODES = Object.freeze({
  cron_invalid: "the cron expression is not a valid 5-field cron",
  time_zone_invalid: "the time zone is not a known IANA time zone",
  instant_invalid: "the instant is not a valid ISO 8601 date-time",
  increment_not_finite: "an increment did not evaluate to a finite number",
});

/** A code of the rule error catalogue. */
export type RuleErrorCode = keyof typeof RULE_ERROR_CODES;

/** A definition or input problem found while compiling or planning rules (a user error, 4xx). */
export class RuleError extends Error {
  override readonly name = "RuleError";
  readonly code: RuleErrorCode;
  readonly params: Readonly<Record<string, unknown>>;

  constructor(code: RuleErrorCode, detail: string, params: Readonly<Record<string, unknown>> = {}) {
    super(`${RULE_ERROR_CODES[code]}: ${detail}`);
    this.code = code;
    this.params = params;
  }
}
