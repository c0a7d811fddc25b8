/**
 * Every code `validateDefinition` can report, with what it means. Structural codes are ajv's
 * keywords in snake_case; semantic codes come from the checks in this folder. A test keeps this
 * catalogue and the checks in sync (every code emitted is listed, every listed code is emitted).
 */
export const DEFINITION_ERROR_CODES = {
  // Structure (the JSON Schema of the app, checked by ajv)
  forbidden_key: "an object key is __proto__, constructor or prototype (they reach object prototypes)",
  type: "a value has the wrong JSON type",
  required: "a required property is missing",
  additional_properties: "a property the schema does not know (a typo?)",
  pattern: "a string does not have the required shape (ids are snake_case, the app id kebab-case)",
  min_length: "a string is too short",
  max_length: "a string is too long",
  minimum: "a number is below its minimum",
  maximum: "a number is above its maximum",
  exclusive_minimum: "a number must be greater than its minimum",
  min_items: "a list has too few items",
  max_items: "a list has too many items (a limit: fields per form, options per select, rules, …)",
  max_properties: "an object has too many keys",
  not: "a reserved value (an id may not be __proto__, constructor or prototype)",
  enum: "a value is not one of the allowed constants",
  any_of: "a value matches none of the allowed shapes",
  discriminator: "a `type` is missing or names no known type",
  // Ids and references
  duplicate_id: "an id is used twice in the same scope",
  unknown_form: "names a form the app does not have",
  unknown_field: "names a field the form does not have (or an expression reads one)",
  unknown_stage: "names a stage the form's pipeline does not have",
  unknown_kpi: "names a KPI the app does not have",
  unknown_calendar: "names a calendar the app does not have",
  unknown_aggregate: "an expression reads an aggregate the form does not declare",
  no_pipeline: "needs the form's pipeline, but the form has none",
  wrong_field_type: "names a field whose type does not fit (e.g. a text field where a date is needed)",
  field_not_writable: "writes a field that holds no input (formula, serial, section)",
  reference_target_mismatch: "a reference field points to another form than the one needed",
  no_current_record: "needs the current record where there is none (a trigger without a form, a KPI filter)",
  missing_property: "a property another property's value makes necessary is absent",
  invalid_time_zone: "not an IANA time zone (e.g. Asia/Shanghai)",
  invalid_cron: "not a 5-field cron expression (minute hour day month weekday)",
  // Expressions
  unknown_operator: "an expression uses an operator outside the whitelist",
  forbidden_path: "an expression reads __proto__, constructor or prototype",
  expression_too_deep: "an expression is nested deeper than the limit",
  expression_shape: "an expression object does not have exactly one operator key",
  formula_cycle: "formula fields depend on each other in a circle",
  // Limits, goals, field options
  too_many_rules: "the app has more rules than the limit",
  goal_split_mismatch: "split goal amounts do not add up to their parent",
  invalid_default: "a field's default is not one of its options",
  invalid_range: "a lower limit is above its upper limit (min > max, minLength > maxLength, …)",
  invalid_pattern: "a text pattern is not valid RE2 syntax",
} as const satisfies Readonly<Record<string, string>>;

/** A stable code of the definition error catalogue. */
export type DefinitionErrorCode = keyof typeof DEFINITION_ERROR_CODES;

/** Whether `code` is listed in the definition error catalogue. */
export function isDefinitionErrorCode(code: string): code is DefinitionErrorCode {
  return Object.hasOwn(DEFINITION_ERROR_CODES, code);
}
