import { Type, type Static, type TSchema } from "@sinclair/typebox";
import {
  ExpressionSchema,
  I18nTextSchema,
  IdSchema,
  RoleSchema,
  Strict,
  TaggedUnion,
  UserIdSchema,
} from "./common.js";
import { RecordFilterSchema } from "./record-filter.js";

function trigger<T extends string, P extends Record<string, TSchema>>(
  type: T,
  props: P,
  description: string,
) {
  return Strict({ type: Type.Literal(type), ...props }, { description });
}
const form = IdSchema;
const optionalStage = Type.Optional(IdSchema);

export const TriggerSchema = TaggedUnion([
  trigger("record.created", { form }, "a record of the form is created"),
  trigger("record.updated", { form }, "a record of the form is changed"),
  trigger(
    "field.changed",
    { form, fields: Type.Array(IdSchema, { minItems: 1, maxItems: 100 }) },
    "one of the fields changes value",
  ),
  trigger("stage.entered", { form, stage: optionalStage }, "a record enters the stage (any stage if absent)"),
  trigger("stage.left", { form, stage: optionalStage }, "a record leaves the stage (any stage if absent)"),
  trigger("stage.overdue", { form, stage: optionalStage }, "a record passes its stage SLA"),
  trigger(
    "schedule",
    {
      cron: Type.String({
        minLength: 9,
        maxLength: 100,
        description: "5-field cron: minute hour day month weekday",
      }),
      timeZone: Type.String({ minLength: 1, maxLength: 64, default: "Asia/Shanghai" }),
      form: Type.Optional(IdSchema),
      filter: Type.Optional(RecordFilterSchema),
    },
    "on a schedule; with a form, once per record matching the filter",
  ),
  trigger(
    "date.offset",
    {
      form,
      field: IdSchema,
      days: Type.Integer({ minimum: -3650, maximum: 3650, description: "negative = before the date" }),
      at: Type.Optional(Type.String({ pattern: "^([01]\\d|2[0-3]):[0-5]\\d$" })),
      timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    },
    "N days before or after a date field of each record",
  ),
  trigger(
    "record.idle",
    { form, days: Type.Integer({ minimum: 1, maximum: 3650 }), stage: optionalStage },
    "no activity on a record for N days",
  ),
  trigger("approval.requested", { form, stage: optionalStage }, "an approval is requested"),
  trigger("approval.approved", { form, stage: optionalStage }, "an approval completes with approve"),
  trigger("approval.rejected", { form, stage: optionalStage }, "an approval is rejected or returned"),
  trigger("approval.overdue", { form, stage: optionalStage }, "an approval passes its due time"),
  trigger("webhook", { form: Type.Optional(IdSchema) }, "an inbound HTTP call to the rule's hook token"),
  trigger("manual", { form, label: I18nTextSchema }, "a person presses the rule's button on a record"),
]);
/** What starts a rule: a discriminated union on `type`. */
export type Trigger = Static<typeof TriggerSchema>;
export type TriggerType = Trigger["type"];

/** Who receives a notification. */
export const RecipientSchema = TaggedUnion([
  Strict({ type: Type.Literal("user"), userIds: Type.Array(UserIdSchema, { minItems: 1, maxItems: 100 }) }),
  Strict({ type: Type.Literal("role"), role: RoleSchema }),
  Strict({ type: Type.Literal("owner") }),
  Strict({ type: Type.Literal("manager") }),
  Strict({ type: Type.Literal("field"), field: IdSchema }),
]);
export type Recipient = Static<typeof RecipientSchema>;

/** Field id → expression computing its value. */
const FieldValues = Type.Record(Type.String({ pattern: "^[a-z][a-z0-9_]{0,62}$" }), ExpressionSchema, {
  maxProperties: 500,
});

/** How update_records finds the records it changes. */
export const RecordTargetSchema = TaggedUnion([
  Strict(
    { type: Type.Literal("reference"), field: IdSchema },
    { description: "the record(s) a reference field of this record points to" },
  ),
  Strict(
    { type: Type.Literal("referencing"), field: IdSchema },
    { description: "records of the target form whose reference field points to this record" },
  ),
  Strict(
    { type: Type.Literal("filter"), filter: RecordFilterSchema },
    { description: "records matching a filter" },
  ),
]);
export type RecordTarget = Static<typeof RecordTargetSchema>;

/** How assign_owner picks the owner. */
export const AssignStrategySchema = TaggedUnion([
  Strict({ type: Type.Literal("fixed"), userId: UserIdSchema }),
  Strict({
    type: Type.Literal("round_robin"),
    userIds: Type.Array(UserIdSchema, { minItems: 1, maxItems: 500 }),
  }),
  Strict({
    type: Type.Literal("by_field"),
    field: IdSchema,
    map: Type.Array(Strict({ value: Type.String({ maxLength: 200 }), userId: UserIdSchema }), {
      maxItems: 500,
    }),
    fallback: Type.Optional(UserIdSchema),
  }),
]);
export type AssignStrategy = Static<typeof AssignStrategySchema>;

function action<T extends string, P extends Record<string, TSchema>>(type: T, props: P, description: string) {
  return Strict({ type: Type.Literal(type), ...props }, { description });
}

export const ActionSchema = TaggedUnion([
  action("set_field", { field: IdSchema, value: ExpressionSchema }, "set a field of this record"),
  action(
    "create_record",
    {
      form: IdSchema,
      data: FieldValues,
      linkField: Type.Optional(IdSchema),
      count: Type.Optional(
        Type.Integer({ minimum: 1, maximum: 100, description: "how many records to create" }),
      ),
    },
    "create a record of a form from expressions over this record (linkField: the new record's reference back)",
  ),
  action(
    "update_records",
    {
      form: IdSchema,
      target: RecordTargetSchema,
      set: Type.Optional(FieldValues),
      increment: Type.Optional(FieldValues),
      reverseOnLeave: Type.Optional(
        Type.Boolean({
          description: "undo the increments when the record leaves the stage that caused them",
        }),
      ),
    },
    "change records found through a reference or a filter",
  ),
  action("assign_owner", { strategy: AssignStrategySchema }, "set the record's owner"),
  action(
    "notify",
    {
      to: Type.Array(RecipientSchema, { minItems: 1, maxItems: 20 }),
      title: I18nTextSchema,
      body: Type.Optional(I18nTextSchema),
    },
    "an in-app notification; {{field_id}} in the text is replaced by the record's value",
  ),
  action(
    "webhook",
    {
      url: Type.String({ pattern: "^https?://", maxLength: 2000 }),
      method: Type.Optional(Type.Union([Type.Literal("POST"), Type.Literal("PUT"), Type.Literal("PATCH")])),
      headers: Type.Optional(
        Type.Record(Type.String({ pattern: "^[A-Za-z0-9-]{1,64}$" }), Type.String({ maxLength: 2000 }), {
          maxProperties: 20,
        }),
      ),
      body: Type.Optional(ExpressionSchema),
    },
    "an outbound HTTP call (signed, with retries); body is an expression over the record",
  ),
  action("move_stage", { to: IdSchema }, "move this record to a stage (its guards apply)"),
  action(
    "wait",
    {
      minutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 525_600 })),
      hours: Type.Optional(Type.Integer({ minimum: 0, maximum: 8760 })),
      days: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
    },
    "wait, then run the following actions",
  ),
]);
/** What a rule does: a discriminated union on `type`. */
export type Action = Static<typeof ActionSchema>;
export type ActionType = Action["type"];

/** An automation rule: when the trigger fires and the condition holds, run the actions in order. */
export const RuleSchema = Strict({
  id: IdSchema,
  name: Type.Optional(I18nTextSchema),
  enabled: Type.Optional(Type.Boolean({ default: true })),
  trigger: TriggerSchema,
  when: Type.Optional(ExpressionSchema),
  actions: Type.Array(ActionSchema, { minItems: 1, maxItems: 50 }),
});
export type Rule = Static<typeof RuleSchema>;
