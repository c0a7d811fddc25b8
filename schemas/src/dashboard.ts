import { Type, type Static, type TSchema } from "@sinclair/typebox";
import { I18nTextSchema, IdSchema, Strict, TaggedUnion } from "./common.js";
import { PeriodUnitSchema } from "./kpi.js";
import { FilterFieldSchema, RecordFilterSchema } from "./record-filter.js";

/** Position on a 12-column grid. */
export const WidgetLayoutSchema = Strict({
  x: Type.Integer({ minimum: 0, maximum: 11 }),
  y: Type.Integer({ minimum: 0, maximum: 1000 }),
  w: Type.Integer({ minimum: 1, maximum: 12 }),
  h: Type.Integer({ minimum: 1, maximum: 24 }),
});

function widget<T extends string, P extends Record<string, TSchema>>(type: T, props: P, description: string) {
  return Strict(
    {
      id: IdSchema,
      type: Type.Literal(type),
      title: Type.Optional(I18nTextSchema),
      layout: Type.Optional(WidgetLayoutSchema),
      ...props,
    },
    { description },
  );
}

export const WidgetSchema = TaggedUnion([
  widget("number", { kpi: IdSchema }, "the KPI's value with its goal and achievement ratio"),
  widget("line", { kpi: IdSchema, period: PeriodUnitSchema }, "the KPI over periods, with its goal"),
  widget(
    "bar",
    { kpi: IdSchema, period: Type.Optional(PeriodUnitSchema), groupBy: Type.Optional(FilterFieldSchema) },
    "the KPI by period or by group",
  ),
  widget(
    "funnel",
    { form: IdSchema, stages: Type.Optional(Type.Array(IdSchema, { maxItems: 50 })) },
    "records per stage, in pipeline order",
  ),
  widget(
    "leaderboard",
    {
      kpi: IdSchema,
      groupBy: FilterFieldSchema,
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    },
    "groups ranked by the KPI",
  ),
  widget(
    "table",
    {
      form: IdSchema,
      columns: Type.Array(FilterFieldSchema, { minItems: 1, maxItems: 30 }),
      filter: Type.Optional(RecordFilterSchema),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    },
    "a list of records",
  ),
]);
/** A dashboard widget: a discriminated union on `type`. */
export type Widget = Static<typeof WidgetSchema>;

export const DashboardSchema = Strict({
  id: IdSchema,
  name: I18nTextSchema,
  period: Type.Optional(PeriodUnitSchema),
  widgets: Type.Array(WidgetSchema, { maxItems: 50 }),
});
export type Dashboard = Static<typeof DashboardSchema>;
