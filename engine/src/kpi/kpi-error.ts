/** The stable codes a KPI error can carry. */
export type KpiErrorCode =
  | "KPI_UNKNOWN_FORM"
  | "KPI_UNKNOWN_FIELD"
  | "KPI_UNKNOWN_STAGE"
  | "KPI_NO_PIPELINE"
  | "KPI_FIELD_NO_VALUE"
  | "KPI_FIELD_NOT_NUMERIC"
  | "KPI_FIELD_NOT_TEMPORAL"
  | "KPI_FIELD_NOT_GROUPABLE"
  | "KPI_FILTER_NOT_LITERAL"
  | "KPI_FILTER_VALUE_SHAPE"
  | "KPI_UNKNOWN_DIMENSION"
  | "KPI_BAD_DATE"
  | "KPI_BAD_PERIOD_KEY"
  | "KPI_TOO_MANY_PERIODS";

/** The catalogue of KPI error codes, one line each (kept in sync by a test). */
export const KPI_ERROR_CODES: Readonly<Record<KpiErrorCode, string>> = Object.freeze({
  KPI_UNKNOWN_FORM: "The KPI, a ratio part or a records goal names a form the app does not have.",
  KPI_UNKNOWN_FIELD: "A measure, filter, period, grouping or goal names a field its form does not have.",
  KPI_UNKNOWN_STAGE:
    "A stage id (conversion, time in stage, stage moment, `_stage` filter) is not in the pipeline.",
  KPI_NO_PIPELINE: "A stage-log measure or stage moment reads a form that has no pipeline.",
  KPI_FIELD_NO_VALUE: "The field holds no value (a section heading).",
  KPI_FIELD_NOT_NUMERIC: "sum/avg/min/max or a records goal reads a field that is not a number.",
  KPI_FIELD_NOT_TEMPORAL: "A period field, goal date or duration moment is not a date or date-time.",
  KPI_FIELD_NOT_GROUPABLE:
    "A grouping field holds several values (multiselect, multiple users, files, address).",
  KPI_FILTER_NOT_LITERAL: "A KPI filter value uses `this` or `today`; KPI filters take literals only.",
  KPI_FILTER_VALUE_SHAPE: "A filter value has the wrong shape for its operator (list, pair, number or none).",
  KPI_UNKNOWN_DIMENSION: "A query groups by a field that is not one of the KPI's dimensions.",
  KPI_BAD_DATE: "A date is not YYYY-MM-DD (or an instant not ISO 8601), or a range ends before it starts.",
  KPI_BAD_PERIOD_KEY: "A period key is not YYYY, YYYY-Qn, YYYY-MM, YYYY-Www or YYYY-MM-DD of the given unit.",
  KPI_TOO_MANY_PERIODS: "A query range holds more periods than the series limit.",
});

/**
 * A KPI definition the engine cannot compile (a bug guard: the definition validator runs first) or
 * a KPI query it cannot answer (bad dates, period keys or dimension: the runtime maps these to 400).
 * `path` is a JSON Pointer into the KPI definition, "" when the error is not about one.
 */
export class KpiError extends Error {
  override readonly name = "KpiError";
  readonly code: KpiErrorCode;
  readonly kpiId: string | undefined;
  readonly path: string;

  constructor(code: KpiErrorCode, detail: string, where: { kpiId?: string; path?: string } = {}) {
    const at =
      where.kpiId === undefined ? "" : ` in KPI "${where.kpiId}"${where.path ? ` at ${where.path}` : ""}`;
    super(`${detail} (${code}${at})`);
    this.code = code;
    this.kpiId = where.kpiId;
    this.path = where.path ?? "";
  }
}
