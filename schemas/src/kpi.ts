import { Type, type Static } from "@sinclair/typebox";
import { I18nTextSchema, IdSchema, Strict, TaggedUnion } from "./common.js";
import { FilterFieldSchema, RecordFilterSchema } from "./record-filter.js";

export const PeriodUnitSchema = Type.Union([
  Type.Literal("day"),
  Type.Literal("week"),
  Type.Literal("month"),
  Type.Literal("quarter"),
  Type.Literal("year"),
]);
export type PeriodUnit = Static<typeof PeriodUnitSchema>;

/** count, or sum/avg/min/max of a numeric field. */
export const SimpleMeasureSchema = TaggedUnion([
  Strict({ type: Type.Literal("count") }),
  Strict({ type: Type.Literal("sum"), field: FilterFieldSchema }),
  Strict({ type: Type.Literal("avg"), field: FilterFieldSchema }),
  Strict({ type: Type.Literal("min"), field: FilterFieldSchema }),
  Strict({ type: Type.Literal("max"), field: FilterFieldSchema }),
]);
export type SimpleMeasure = Static<typeof SimpleMeasureSchema>;

/** One side of a ratio; may read another form (e.g. contracts ÷ goal rows). */
export const RatioPartSchema = Strict({
  form: Type.Optional(IdSchema),
  measure: SimpleMeasureSchema,
  filter: Type.Optional(RecordFilterSchema),
  periodField: Type.Optional(FilterFieldSchema),
  groupField: Type.Optional(FilterFieldSchema),
});
export type RatioPart = Static<typeof RatioPartSchema>;

/** A moment in a record's life, for durations. */
export const MomentSchema = TaggedUnion([
  Strict({ type: Type.Literal("created") }),
  Strict({ type: Type.Literal("closed") }),
  Strict({ type: Type.Literal("field"), field: IdSchema }),
  Strict({ type: Type.Literal("stage_entered"), stage: IdSchema }),
]);
export type Moment = Static<typeof MomentSchema>;

const statistic = Type.Union([
  Type.Literal("avg"),
  Type.Literal("median"),
  Type.Literal("min"),
  Type.Literal("max"),
]);
const timeUnit = Type.Union([Type.Literal("days"), Type.Literal("hours")]);

export const MeasureSchema = TaggedUnion([
  Strict({ type: Type.Literal("count") }),
  Strict({ type: Type.Literal("sum"), field: FilterFieldSchema }),
  Strict({ type: Type.Literal("avg"), field: FilterFieldSchema }),
  Strict({ type: Type.Literal("min"), field: FilterFieldSchema }),
  Strict({ type: Type.Literal("max"), field: FilterFieldSchema }),
  Strict(
    { type: Type.Literal("ratio"), numerator: RatioPartSchema, denominator: RatioPartSchema },
    { description: "numerator ÷ denominator, each an aggregate with its own filter" },
  ),
  Strict(
    { type: Type.Literal("duration"), from: MomentSchema, to: MomentSchema, statistic, unit: timeUnit },
    { description: "time between two moments of each record, e.g. cycle time" },
  ),
  Strict(
    { type: Type.Literal("stage_conversion"), from: IdSchema, to: IdSchema },
    { description: "records that entered `to` ÷ records that entered `from` (stage log)" },
  ),
  Strict(
    { type: Type.Literal("time_in_stage"), stage: Type.Optional(IdSchema), statistic, unit: timeUnit },
    { description: "time records spent in a stage (stage log)" },
  ),
]);
/** What a KPI measures: a discriminated union on `type`. */
export type Measure = Static<typeof MeasureSchema>;
export type MeasureType = Measure["type"];

/** A goal: fixed per period, split top-down from a year, or read from records (goal rows). */
export const GoalSchema = TaggedUnion([
  Strict({
    type: Type.Literal("fixed"),
    value: Type.Number(),
    per: Type.Optional(PeriodUnitSchema),
  }),
  Strict(
    {
      type: Type.Literal("split"),
      year: Type.Integer({ minimum: 1900, maximum: 2999 }),
      total: Type.Number({ minimum: 0 }),
      mode: Type.Union([Type.Literal("weights"), Type.Literal("amounts")]),
      quarters: Type.Optional(Type.Array(Type.Number({ minimum: 0 }), { minItems: 4, maxItems: 4 })),
      months: Type.Optional(Type.Array(Type.Number({ minimum: 0 }), { minItems: 12, maxItems: 12 })),
      members: Type.Optional(
        Type.Array(
          Strict({ key: Type.String({ minLength: 1, maxLength: 200 }), value: Type.Number({ minimum: 0 }) }),
          {
            maxItems: 1000,
          },
        ),
      ),
    },
    { description: "year → quarters → months → members; amounts must add up to their parent" },
  ),
  Strict(
    {
      type: Type.Literal("records"),
      form: IdSchema,
      field: IdSchema,
      from: IdSchema,
      to: Type.Optional(IdSchema),
      groupField: Type.Optional(FilterFieldSchema),
      filter: Type.Optional(RecordFilterSchema),
    },
    { description: "the goal is stored in records, e.g. goal breakdown rows per person and month" },
  ),
]);
export type Goal = Static<typeof GoalSchema>;

/** A key performance indicator over the records of a form. */
export const KpiSchema = Strict({
  id: IdSchema,
  name: I18nTextSchema,
  form: IdSchema,
  measure: MeasureSchema,
  filter: Type.Optional(RecordFilterSchema),
  periodField: Type.Optional(FilterFieldSchema),
  groupBy: Type.Optional(Type.Array(FilterFieldSchema, { maxItems: 3 })),
  format: Type.Optional(
    Type.Union([
      Type.Literal("number"),
      Type.Literal("money"),
      Type.Literal("percent"),
      Type.Literal("days"),
    ]),
  ),
  better: Type.Optional(Type.Union([Type.Literal("higher"), Type.Literal("lower")])),
  goal: Type.Optional(GoalSchema),
});
export type Kpi = Static<typeof KpiSchema>;
