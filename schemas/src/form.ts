import { Type, type Static } from "@sinclair/typebox";
import { I18nTextSchema, IdSchema, Strict, TaggedUnion } from "./common.js";
import { FIELD_LIMITS, FieldSchema } from "./field.js";
import { PipelineSchema } from "./pipeline.js";
import { FilterFieldSchema, RecordFilterSchema } from "./record-filter.js";

/**
 * A value computed from records of another form, resolved by the runtime with one SQL query and
 * handed to the engine; expressions read it with `{"aggregate": "<id>"}`.
 */
export const AggregateSchema = TaggedUnion([
  Strict(
    {
      id: IdSchema,
      type: Type.Literal("rollup"),
      form: IdSchema,
      measure: Type.Union([
        Type.Literal("count"),
        Type.Literal("sum"),
        Type.Literal("avg"),
        Type.Literal("min"),
        Type.Literal("max"),
        Type.Literal("percentile"),
      ]),
      field: Type.Optional(FilterFieldSchema),
      percentile: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
      filter: Type.Optional(RecordFilterSchema),
    },
    { description: "sum/count/avg/min/max/percentile of another form's matching records" },
  ),
  Strict(
    {
      id: IdSchema,
      type: Type.Literal("active"),
      form: IdSchema,
      from: IdSchema,
      to: Type.Optional(IdSchema),
      filter: Type.Optional(RecordFilterSchema),
    },
    { description: "the data of the config record in force today (from ≤ today ≤ to)" },
  ),
]);
export type Aggregate = Static<typeof AggregateSchema>;

/** A form: what people fill in, and the pipeline its records move through. */
export const FormSchema = Strict({
  id: IdSchema,
  name: I18nTextSchema,
  description: Type.Optional(I18nTextSchema),
  titleField: Type.Optional(IdSchema),
  fields: Type.Array(FieldSchema, { minItems: 1, maxItems: FIELD_LIMITS.fieldsPerForm }),
  pipeline: Type.Optional(PipelineSchema),
  aggregates: Type.Optional(Type.Array(AggregateSchema, { maxItems: 50 })),
});
export type Form = Static<typeof FormSchema>;
