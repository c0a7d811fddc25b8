import { compileKpi, type ResolvedCondition, type SpecCondition } from "@stagecraft/engine";
import type { AppDefinition, FilterCondition, FilterValue } from "@stagecraft/schemas";

// A KPI id the schema cannot produce (ids start with a letter), so no widget's groupBy attaches to it.
const FILTER_KPI_ID = "_filter";

function literal(value: unknown): FilterValue {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null;
}

/**
 * A resolved record filter (literal values only) as checked SpecConditions for `filterSql`: compiled
 * by the engine (compileKpi of a count), so field ids reach SQL only as FieldRefs checked against
 * the form. Throws KpiError for a field the form does not have. Used by dashboard tables and by
 * rules' update_records targets.
 */
export function recordConditions(
  app: AppDefinition,
  formId: string,
  filter: readonly ResolvedCondition[],
): SpecCondition[] {
  if (filter.length === 0) return [];
  const conditions: FilterCondition[] = filter.map((c) => {
    const base = { field: c.field, op: c.op };
    if (c.value === undefined) return base;
    return { ...base, value: Array.isArray(c.value) ? c.value.map(literal) : literal(c.value) };
  });
  const spec = compileKpi(
    {
      id: FILTER_KPI_ID,
      name: { zh: FILTER_KPI_ID, en: FILTER_KPI_ID },
      form: formId,
      measure: { type: "count" },
      filter: conditions,
    },
    app,
  );
  return spec.parts[0]?.filter ?? [];
}
