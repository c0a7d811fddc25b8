import { Type, type Static } from "@sinclair/typebox";
import {
  ExpressionSchema,
  I18nTextSchema,
  IdSchema,
  RoleSchema,
  Strict,
  TaggedUnion,
  UserIdSchema,
} from "./common.js";

/** Who decides an approval step. */
export const ApproverSchema = TaggedUnion([
  Strict({ type: Type.Literal("user"), userIds: Type.Array(UserIdSchema, { minItems: 1, maxItems: 50 }) }),
  Strict({ type: Type.Literal("role"), role: RoleSchema }),
  Strict({ type: Type.Literal("owner") }),
  Strict({ type: Type.Literal("manager") }),
]);
export type Approver = Static<typeof ApproverSchema>;

/** A span of time; working days skip weekends and the app calendar's holidays. */
export const DurationSchema = Strict({
  amount: Type.Number({ exclusiveMinimum: 0, maximum: 3650 }),
  unit: Type.Union([
    Type.Literal("minutes"),
    Type.Literal("hours"),
    Type.Literal("days"),
    Type.Literal("working_days"),
  ]),
});
export type Duration = Static<typeof DurationSchema>;

/** One step of an approval chain. */
export const ApprovalStepSchema = Strict({
  id: IdSchema,
  name: Type.Optional(I18nTextSchema),
  approvers: Type.Array(ApproverSchema, { minItems: 1, maxItems: 20 }),
  mode: Type.Union([Type.Literal("all"), Type.Literal("any")], {
    description: "all = every approver must approve (会签); any = the first decision counts (或签)",
  }),
  when: Type.Optional(ExpressionSchema),
  due: Type.Optional(
    Strict({
      after: DurationSchema,
      onOverdue: Type.Union([
        Type.Literal("remind"),
        Type.Literal("escalate"),
        Type.Literal("auto_approve"),
        Type.Literal("auto_reject"),
      ]),
    }),
  ),
});
export type ApprovalStep = Static<typeof ApprovalStepSchema>;

/** An approval a record needs to enter (or leave) a stage. */
export const ApprovalSchema = Strict({
  on: Type.Union([Type.Literal("enter"), Type.Literal("leave")]),
  steps: Type.Array(ApprovalStepSchema, { minItems: 1, maxItems: 10 }),
  covers: Type.Optional(
    Type.Array(IdSchema, { maxItems: 500, description: "fields locked against edits while pending" }),
  ),
});
export type Approval = Static<typeof ApprovalSchema>;

/** A time limit on a stage with its escalation chain. */
export const SlaSchema = Strict({
  limit: DurationSchema,
  escalation: Type.Array(
    Strict({
      after: DurationSchema,
      action: Type.Union([
        Type.Literal("remind_owner"),
        Type.Literal("notify_manager"),
        Type.Literal("reassign"),
      ]),
      to: Type.Optional(UserIdSchema),
    }),
    { maxItems: 10 },
  ),
});
export type Sla = Static<typeof SlaSchema>;

/** One stage of a pipeline. */
export const StageSchema = Strict({
  id: IdSchema,
  name: I18nTextSchema,
  requires: Type.Optional(
    Type.Array(IdSchema, { maxItems: 500, description: "fields that must be filled to enter" }),
  ),
  guard: Type.Optional(ExpressionSchema),
  guardMessage: Type.Optional(I18nTextSchema),
  terminal: Type.Optional(Type.Union([Type.Literal("won"), Type.Literal("lost")])),
  probability: Type.Optional(Type.Number({ minimum: 0, maximum: 100, description: "win probability, %" })),
  moves: Type.Optional(
    Type.Array(IdSchema, { maxItems: 100, description: "stages it may move to; absent = any stage" }),
  ),
  approval: Type.Optional(ApprovalSchema),
  sla: Type.Optional(SlaSchema),
  color: Type.Optional(Type.String({ pattern: "^#[0-9a-fA-F]{6}$" })),
});
export type Stage = Static<typeof StageSchema>;

/** The stages a record of a form moves through. */
export const PipelineSchema = Strict({
  initial: IdSchema,
  stages: Type.Array(StageSchema, { minItems: 1, maxItems: 50 }),
});
export type Pipeline = Static<typeof PipelineSchema>;
