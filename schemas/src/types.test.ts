import type { TSchema } from "@sinclair/typebox";
import { describe, expect, expectTypeOf, test } from "vitest";
import type { JsonValue } from "./common.js";
import { WidgetSchema, type Widget } from "./dashboard.js";
import {
  FIELD_TYPES,
  FieldSchema,
  RowFieldSchema,
  type Field,
  type FieldType,
  type Option,
  type RowField,
} from "./field.js";
import { AggregateSchema, type Aggregate } from "./form.js";
import {
  GoalSchema,
  MeasureSchema,
  type Goal,
  type Measure,
  type MeasureType,
  type RatioPart,
} from "./kpi.js";
import type { RecordFilter } from "./record-filter.js";
import {
  ActionSchema,
  TriggerSchema,
  type Action,
  type ActionType,
  type AssignStrategy,
  type RecordTarget,
  type Trigger,
  type TriggerType,
} from "./rule.js";

/** The `type` constants of a tagged union's branches, read off the JSON Schema. */
function tags(schema: TSchema): string[] {
  const branches = (schema as { oneOf?: { properties: { type: { const: string } } }[] }).oneOf ?? [];
  return branches.map((b) => b.properties.type.const);
}

// A Record over a union of tags must list every tag and no other: the compiler checks the lists.
const TRIGGER_TYPES: Record<TriggerType, true> = {
  "record.created": true,
  "record.updated": true,
  "field.changed": true,
  "stage.entered": true,
  "stage.left": true,
  "stage.overdue": true,
  schedule: true,
  "date.offset": true,
  "record.idle": true,
  "approval.requested": true,
  "approval.approved": true,
  "approval.rejected": true,
  "approval.overdue": true,
  webhook: true,
  manual: true,
};
const ACTION_TYPES: Record<ActionType, true> = {
  set_field: true,
  create_record: true,
  update_records: true,
  assign_owner: true,
  notify: true,
  webhook: true,
  move_stage: true,
  wait: true,
};
const MEASURE_TYPES: Record<MeasureType, true> = {
  count: true,
  sum: true,
  avg: true,
  min: true,
  max: true,
  ratio: true,
  duration: true,
  stage_conversion: true,
  time_in_stage: true,
};
const WIDGET_TYPES: Record<Widget["type"], true> = {
  number: true,
  line: true,
  bar: true,
  funnel: true,
  leaderboard: true,
  table: true,
};
const GOAL_TYPES: Record<Goal["type"], true> = { fixed: true, split: true, records: true };
const AGGREGATE_TYPES: Record<Aggregate["type"], true> = { rollup: true, active: true };

describe("types follow the schemas", () => {
  test("FIELD_TYPES lists exactly the branches of FieldSchema, without duplicates", () => {
    expect(new Set(FIELD_TYPES).size).toBe(FIELD_TYPES.length);
    expect([...FIELD_TYPES].sort()).toEqual(tags(FieldSchema).sort());
    expectTypeOf<(typeof FIELD_TYPES)[number]>().toEqualTypeOf<FieldType>();
  });

  test("subform rows take every field type but subform, section and serial", () => {
    expect(tags(RowFieldSchema).sort()).toEqual(
      FIELD_TYPES.filter((t) => !["subform", "section", "serial"].includes(t)).sort(),
    );
    expectTypeOf<Exclude<FieldType, RowField["type"]>>().toEqualTypeOf<"subform" | "section" | "serial">();
  });

  test.each([
    ["trigger", TriggerSchema, TRIGGER_TYPES],
    ["action", ActionSchema, ACTION_TYPES],
    ["measure", MeasureSchema, MEASURE_TYPES],
    ["widget", WidgetSchema, WIDGET_TYPES],
    ["goal", GoalSchema, GOAL_TYPES],
    ["aggregate", AggregateSchema, AGGREGATE_TYPES],
  ] as const)("%s types are the branches of its schema", (_name, schema, types) => {
    expect(tags(schema).sort()).toEqual(Object.keys(types).sort());
  });

  test("every union is discriminated by ajv on `type`", () => {
    for (const schema of [
      FieldSchema,
      RowFieldSchema,
      TriggerSchema,
      ActionSchema,
      MeasureSchema,
      WidgetSchema,
      GoalSchema,
    ]) {
      expect(schema).toMatchObject({ type: "object", discriminator: { propertyName: "type" } });
    }
  });
});

describe("the unions discriminate at the type level", () => {
  test("narrowing a Field on its type exposes that type's keys", () => {
    const field = { id: "tier", type: "select", label: { zh: "等级", en: "Tier" }, options: [] } as Field;
    if (field.type === "select") expectTypeOf(field.options).toEqualTypeOf<Option[]>();
    if (field.type === "subform") expectTypeOf(field.fields).toEqualTypeOf<RowField[]>();
    if (field.type === "formula") expectTypeOf(field.expression).toEqualTypeOf<JsonValue>();
    expectTypeOf<Extract<Field, { type: "text" }>>().not.toHaveProperty("options");
    expectTypeOf<Extract<Field, { type: "reference" }>["form"]>().toEqualTypeOf<string>();
  });

  test("narrowing an Action exposes update_records' target and assign_owner's strategy", () => {
    const action = { type: "wait", days: 1 } as Action;
    if (action.type === "update_records") expectTypeOf(action.target).toEqualTypeOf<RecordTarget>();
    if (action.type === "assign_owner") expectTypeOf(action.strategy).toEqualTypeOf<AssignStrategy>();
    expectTypeOf<Extract<Action, { type: "set_field" }>>().not.toHaveProperty("target");
    expectTypeOf<Extract<RecordTarget, { type: "filter" }>["filter"]>().toEqualTypeOf<RecordFilter>();
  });

  test("triggers, measures and widgets narrow too", () => {
    expectTypeOf<Extract<Trigger, { type: "schedule" }>["cron"]>().toEqualTypeOf<string>();
    expectTypeOf<Extract<Trigger, { type: "webhook" }>["form"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Extract<Trigger, { type: "record.created" }>["form"]>().toEqualTypeOf<string>();
    expectTypeOf<Extract<Measure, { type: "ratio" }>["numerator"]>().toEqualTypeOf<RatioPart>();
    expectTypeOf<Extract<Widget, { type: "funnel" }>>().toHaveProperty("form");
    expectTypeOf<Extract<Widget, { type: "number" }>>().not.toHaveProperty("form");
  });
});
