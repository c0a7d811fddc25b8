import type { I18nText } from "@stagecraft/schemas";
import { isRecord, numberAt, stringAt } from "../shared/json-guards.js";

/** A KPI result as the API answers it. */
export interface KpiData {
  value: number | null;
  goal: number | null;
  ratio: number | null;
  series: { period: string; value: number | null; goal: number | null }[];
  groups: { key: string; value: number | null; goal: number | null }[];
}

/** A widget's data: a KPI result, funnel steps, or table rows. */
export type WidgetData =
  | { kind: "kpi"; kpi: KpiData }
  | { kind: "funnel"; steps: { stage: string; name: I18nText | undefined; count: number }[] }
  | { kind: "table"; rows: Record<string, unknown>[] };

function pointsOf(
  value: unknown,
  key: "period" | "key",
): { label: string; value: number | null; goal: number | null }[] {
  return (Array.isArray(value) ? value : [])
    .filter(isRecord)
    .map((p) => ({ label: stringAt(p, key), value: numberAt(p, "value"), goal: numberAt(p, "goal") }));
}

/** A KPI result read from an API answer, or undefined when it is not one. */
export function kpiDataOf(body: unknown): KpiData | undefined {
  if (!isRecord(body) || !("value" in body)) return undefined;
  return {
    value: numberAt(body, "value"),
    goal: numberAt(body, "goal"),
    ratio: numberAt(body, "ratio"),
    series: pointsOf(body["series"], "period").map((p) => ({
      period: p.label,
      value: p.value,
      goal: p.goal,
    })),
    groups: pointsOf(body["groups"], "key").map((p) => ({ key: p.label, value: p.value, goal: p.goal })),
  };
}

function i18nOf(value: unknown): I18nText | undefined {
  return isRecord(value) && typeof value["zh"] === "string" && typeof value["en"] === "string"
    ? { zh: value["zh"], en: value["en"] }
    : undefined;
}

/** A widget's data from the dashboard answer's `data`, by its shape. */
export function widgetDataOf(data: unknown): WidgetData | undefined {
  if (!isRecord(data)) return undefined;
  if (Array.isArray(data["steps"])) {
    return {
      kind: "funnel",
      steps: data["steps"].filter(isRecord).map((s) => ({
        stage: stringAt(s, "stage"),
        name: i18nOf(s["name"]),
        count: numberAt(s, "count") ?? 0,
      })),
    };
  }
  if (Array.isArray(data["rows"])) return { kind: "table", rows: data["rows"].filter(isRecord) };
  const kpi = kpiDataOf(data);
  return kpi === undefined ? undefined : { kind: "kpi", kpi };
}

/** Widget id → data of a `GET …/dashboards/:id` answer. */
export function dashboardDataOf(body: unknown): Map<string, WidgetData> {
  const found = new Map<string, WidgetData>();
  if (!isRecord(body) || !Array.isArray(body["widgets"])) return found;
  for (const widget of body["widgets"]) {
    if (!isRecord(widget)) continue;
    const data = widgetDataOf(widget["data"]);
    if (data !== undefined) found.set(stringAt(widget, "id"), data);
  }
  return found;
}
