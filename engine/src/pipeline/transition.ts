import type { I18nText, ValidationIssue } from "@stagecraft/schemas";
import type { CompiledApp } from "../compiled-app.js";
import type { EngineContext } from "../context.js";
import type { Effect } from "../effects.js";
import { isEmptyValue } from "../form/field-value.js";
import { expressionData, type RecordState } from "../record-state.js";
import { conditionHolds, evalContextOf } from "../rules/condition.js";
import type { RecordEvent } from "../rules/record-event.js";
import { applicableSteps } from "./approval-steps.js";
import type { CompiledStage } from "./compile-pipeline.js";

/** Options of a transition. */
export interface TransitionOptions {
  /** The approvals the move needs have been granted: move without asking again. */
  readonly approved?: boolean;
  /** Cascade depth of the events the move emits: 0 for a person's move, +1 per rule. */
  readonly depth?: number;
}

/** The answer of a transition: moved (with the next state), waiting for approval, or refused. */
export type TransitionResult =
  | { status: "moved"; next: RecordState; effects: Effect[]; events: RecordEvent[] }
  | { status: "approval_required"; effects: Effect[] }
  | { status: "refused"; unmet: ValidationIssue[] };

/** Codes of refused transitions (ValidationIssue.code). */
export type TransitionRefusalCode =
  "no_pipeline" | "unknown_stage" | "same_stage" | "move_not_allowed" | "required" | "guard_failed";

function issue(
  path: string,
  code: TransitionRefusalCode,
  message: string,
  params: Readonly<Record<string, unknown>>,
): ValidationIssue {
  return { path, code, message, params };
}

function fieldLabel(app: CompiledApp, formId: string, field: string): string {
  return app.forms.get(formId)?.fields.get(field)?.label.en ?? field;
}

/** Every condition of the move that the record does not meet: moves, requires, guard. */
function unmetConditions(
  app: CompiledApp,
  record: RecordState,
  current: CompiledStage | undefined,
  target: CompiledStage,
  ctx: EngineContext,
): ValidationIssue[] {
  const to = target.stage.id;
  const name = target.stage.name.en;
  const unmet: ValidationIssue[] = [];
  if (current?.moves !== undefined && !current.moves.has(to)) {
    const message = `Stage "${current.stage.name.en}" cannot move to "${name}"`;
    unmet.push(issue("/to", "move_not_allowed", message, { from: current.stage.id, to }));
  }
  for (const field of target.stage.requires ?? []) {
    const value = Object.hasOwn(record.data, field) ? record.data[field] : undefined;
    if (!isEmptyValue(value)) continue;
    const message = `"${fieldLabel(app, record.formId, field)}" is required to enter "${name}"`;
    unmet.push(issue(`/data/${field}`, "required", message, { stage: to, field }));
  }
  if (!conditionHolds(target.guard, expressionData(record), evalContextOf(ctx, app.timeZone))) {
    const text: I18nText = target.stage.guardMessage ?? {
      zh: `不满足进入“${target.stage.name.zh}”的条件`,
      en: `The record does not meet the condition to enter "${name}"`,
    };
    unmet.push(issue("/to", "guard_failed", text.en, { stage: to, message: text }));
  }
  return unmet;
}

/** request_approval effects for the approvals the move needs (leaving `current`, entering `target`). */
function approvalRequests(
  app: CompiledApp,
  record: RecordState,
  current: CompiledStage | undefined,
  target: CompiledStage,
  ctx: EngineContext,
): Effect[] {
  const data = expressionData(record);
  const evalContext = evalContextOf(ctx, app.timeZone);
  const effects: Effect[] = [];
  const request = (stage: CompiledStage, on: "enter" | "leave"): void => {
    const approval = stage.approval;
    if (approval?.approval.on !== on) return;
    const steps = applicableSteps(approval, data, evalContext);
    if (steps.length === 0) return;
    effects.push({
      type: "request_approval",
      formId: record.formId,
      recordId: record.id,
      stage: stage.stage.id,
      on,
      ...(record.stage !== undefined ? { from: record.stage } : {}),
      to: target.stage.id,
      steps: steps.map((s) => s.id),
    });
  };
  if (current !== undefined) request(current, "leave");
  request(target, "enter");
  return effects;
}

/** The record in its new stage, with its stage, closing and update times stamped. */
function movedRecord(record: RecordState, target: CompiledStage, now: string): RecordState {
  const next: RecordState = { ...record, stage: target.stage.id, stageEnteredAt: now, updatedAt: now };
  if (target.stage.terminal !== undefined) next.closedAt = now;
  else delete next.closedAt;
  return next;
}

/**
 * Move a record to another stage of its form's pipeline, as a pure step that executes nothing
 * (XState's `transition`): the next state and the events it emits, the approvals it needs, or
 * every unmet condition at once.
 *
 * - A stage without `moves` may move to any stage, backward included; terminal stages re-open
 *   the same way, so a terminal stage is locked only by `moves: []` (or a list without the target).
 * - A record whose stage is unknown to the pipeline (removed by a publish) may move anywhere.
 * - Moving to the stage the record is in answers only `same_stage`: there is no move to check.
 * - Approvals are asked only for moves that meet every condition; `approved` skips them.
 * - Both events (stage.left, then stage.entered) carry the record as it is after the move.
 */
export function transition(
  app: CompiledApp,
  record: RecordState,
  to: string,
  ctx: EngineContext,
  options: TransitionOptions = {},
): TransitionResult {
  const pipeline = app.pipelines.get(record.formId);
  if (pipeline === undefined) {
    const message = `Form "${record.formId}" has no pipeline`;
    return { status: "refused", unmet: [issue("", "no_pipeline", message, { formId: record.formId })] };
  }
  const target = pipeline.stages.get(to);
  if (target === undefined) {
    const message = `Stage "${to}" is not a stage of form "${record.formId}"`;
    return { status: "refused", unmet: [issue("/to", "unknown_stage", message, { stage: to })] };
  }
  if (record.stage === to) {
    const message = `The record is already in "${target.stage.name.en}"`;
    return { status: "refused", unmet: [issue("/to", "same_stage", message, { stage: to })] };
  }
  const current = record.stage === undefined ? undefined : pipeline.stages.get(record.stage);
  const unmet = unmetConditions(app, record, current, target, ctx);
  if (unmet.length > 0) return { status: "refused", unmet };
  if (options.approved !== true) {
    const effects = approvalRequests(app, record, current, target, ctx);
    if (effects.length > 0) return { status: "approval_required", effects };
  }
  const next = movedRecord(record, target, ctx.now);
  const depth = options.depth ?? 0;
  const events: RecordEvent[] = [];
  const formId = record.formId;
  if (record.stage !== undefined) {
    events.push({ type: "stage.left", formId, record: next, depth, stage: record.stage, to });
  }
  const from = record.stage !== undefined ? { from: record.stage } : {};
  events.push({ type: "stage.entered", formId, record: next, depth, stage: to, ...from });
  return { status: "moved", next, effects: [], events };
}
