import type { ActionType, Recipient } from "@stagecraft/schemas";
import type { CompiledApp } from "../compiled-app.js";
import type { EngineContext } from "../context.js";
import type { Effect, PlannedEffect, ResolvedTarget } from "../effects.js";
import type { EvalContext } from "../expression/index.js";
import { resolveFilter } from "../record-filter.js";
import { expressionData, type RecordState } from "../record-state.js";
import type {
  ActionOf,
  CompiledAction,
  CompiledActionParts,
  CompiledRule,
  FieldExpressions,
} from "./compile-rule.js";
import { evalContextOf } from "./condition.js";
import { parseInstant } from "./fire-times.js";
import { RuleError } from "./rule-error.js";
import { renderI18n } from "./template-text.js";

/** Options of planActions. */
export interface PlanOptions {
  /** The run's id: outbound calls get `${runId}:${actionIndex}` as idempotency key. */
  readonly runId: string;
  /** Index of the first action to plan (a wait's `resumeAt` when resuming); default 0. */
  readonly startAt?: number;
  /** A webhook trigger's body, read by expressions as `_payload`. */
  readonly payload?: unknown;
}

/** The planned effects of a rule run, each with its action's index; `resumeAt` when a wait stopped the planning. */
export interface ActionPlan {
  effects: PlannedEffect[];
  resumeAt?: number;
}

/** What a handler reads; `record` and `data` follow the set_field effects planned so far. */
interface PlanState {
  readonly app: CompiledApp;
  readonly ctx: EngineContext;
  readonly evalContext: EvalContext;
  readonly runId: string;
  /** Index of the action being planned. */
  index: number;
  record: RecordState | undefined;
  data: Record<string, unknown>;
}

type AssignOwnerEffect = Extract<Effect, { type: "assign_owner" }>;

type Handler<K extends ActionType> = (
  action: ActionOf<K>,
  parts: CompiledActionParts[K],
  state: PlanState,
) => Effect[];

function evaluateAll(values: FieldExpressions, state: PlanState): Record<string, unknown> {
  return Object.fromEntries(values.map(([field, expr]) => [field, expr(state.data, state.evalContext)]));
}

function finiteNumber(value: unknown, field: string): number {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof number === "number" && Number.isFinite(number)) return number;
  throw new RuleError("increment_not_finite", `field "${field}"`, { field, value });
}

function ownValue(data: Readonly<Record<string, unknown>>, field: string): unknown {
  return Object.hasOwn(data, field) ? data[field] : undefined;
}

/** The record ids a reference field holds (one id or a list of ids). */
function referencedIds(value: unknown): string[] {
  const values: readonly unknown[] = Array.isArray(value) ? value : [value];
  return values.filter((id): id is string => typeof id === "string" && id !== "");
}

function resolveTarget(action: ActionOf<"update_records">, state: PlanState): ResolvedTarget | undefined {
  const { target } = action;
  const record = state.record;
  if (target.type === "filter") {
    const timeZone = state.ctx.timeZone ?? state.app.timeZone;
    return { type: "filter", filter: resolveFilter(target.filter, record, state.ctx.now, timeZone) };
  }
  if (record === undefined) return undefined;
  if (target.type === "referencing") return { type: "referencing", field: target.field, recordId: record.id };
  const ids = referencedIds(ownValue(record.data, target.field));
  return ids.length > 0 ? { type: "ids", ids } : undefined;
}

/** Recipients that need a record (owner, manager, a user field) are dropped without one. */
function recipientsFor(to: readonly Recipient[], record: RecordState | undefined): Recipient[] {
  return record !== undefined ? [...to] : to.filter((r) => r.type === "user" || r.type === "role");
}

function byFieldUser(value: unknown, byValue: ReadonlyMap<string, string>): string | undefined {
  const keys = Array.isArray(value) ? value : [value];
  for (const key of keys) {
    if (typeof key !== "string" && typeof key !== "number" && typeof key !== "boolean") continue;
    const userId = byValue.get(String(key));
    if (userId !== undefined) return userId;
  }
  return undefined;
}

/** One handler per action type: a new action type without a handler is a compile error. */
const HANDLERS: { readonly [K in ActionType]: Handler<K> } = {
  set_field(action, parts, state) {
    const record = state.record;
    if (record === undefined) return [];
    const value = parts.value(state.data, state.evalContext);
    // Later actions of the run see the value, as they would after the runtime applied it.
    state.record = { ...record, data: { ...record.data, [action.field]: value } };
    state.data[action.field] = value;
    return [{ type: "set_field", formId: record.formId, recordId: record.id, field: action.field, value }];
  },
  create_record(action, parts, state) {
    const data = evaluateAll(parts.data, state);
    if (action.linkField !== undefined && state.record !== undefined)
      data[action.linkField] = state.record.id;
    return [{ type: "create_record", formId: action.form, data, count: action.count ?? 1 }];
  },
  update_records(action, parts, state) {
    const target = resolveTarget(action, state);
    if (target === undefined) return [];
    const increments = evaluateAll(parts.increment, state);
    const increment = Object.fromEntries(
      Object.entries(increments).map(([field, value]) => [field, finiteNumber(value, field)]),
    );
    const source = state.record;
    const stage = source?.stage;
    const reverse =
      action.reverseOnLeave === true && source !== undefined && stage !== undefined
        ? { reverseOnLeave: { recordId: source.id, stage } }
        : {};
    const set = evaluateAll(parts.set, state);
    return [{ type: "update_records", formId: action.form, target, set, increment, ...reverse }];
  },
  assign_owner(action, parts, state) {
    const record = state.record;
    if (record === undefined) return [];
    const { strategy } = action;
    const base: AssignOwnerEffect = {
      type: "assign_owner",
      formId: record.formId,
      recordId: record.id,
      strategy,
    };
    if (strategy.type === "round_robin") return [base];
    if (strategy.type === "fixed") return [{ ...base, userId: strategy.userId }];
    const userId = byFieldUser(ownValue(record.data, strategy.field), parts.byValue) ?? strategy.fallback;
    return userId === undefined ? [] : [{ ...base, userId }];
  },
  notify(action, _parts, state) {
    const to = recipientsFor(action.to, state.record);
    if (to.length === 0) return [];
    const fields = state.record?.data ?? {};
    return [
      {
        type: "notify",
        ...(state.record !== undefined ? { recordId: state.record.id } : {}),
        to,
        title: renderI18n(action.title, fields),
        ...(action.body !== undefined ? { body: renderI18n(action.body, fields) } : {}),
      },
    ];
  },
  webhook(action, parts, state) {
    const body: unknown = parts.body === undefined ? null : parts.body(state.data, state.evalContext);
    return [
      {
        type: "webhook",
        url: action.url,
        method: action.method ?? "POST",
        headers: { ...action.headers },
        body,
        idempotencyKey: `${state.runId}:${state.index}`,
      },
    ];
  },
  move_stage(action, _parts, state) {
    const record = state.record;
    if (record === undefined) return [];
    return [{ type: "move_stage", formId: record.formId, recordId: record.id, to: action.to }];
  },
  wait(_action, parts, state) {
    const until = new Date(parseInstant(state.ctx.now) + parts.delayMs).toISOString();
    return [{ type: "wait", until, resumeAt: state.index + 1 }];
  },
};

function planOne<K extends ActionType>(compiled: CompiledAction<K>, state: PlanState): Effect[] {
  const handler: Handler<K> = HANDLERS[compiled.type];
  return handler(compiled.action, compiled.parts, state);
}

/**
 * Plan a rule run's actions in order as effects, from `startAt`; planning stops after a wait
 * (`resumeAt` says where to continue once it is over). Actions that need a record (set_field,
 * assign_owner, move_stage, update_records through a reference) are skipped without one.
 * Throws ExpressionError when a value fails to evaluate, RuleError for a non-numeric increment.
 */
export function planActions(
  app: CompiledApp,
  rule: CompiledRule,
  record: RecordState | undefined,
  ctx: EngineContext,
  options: PlanOptions,
): ActionPlan {
  const data: Record<string, unknown> = record !== undefined ? expressionData(record) : {};
  if (options.payload !== undefined) data["_payload"] = options.payload;
  const state: PlanState = {
    app,
    ctx,
    evalContext: evalContextOf(ctx, app.timeZone),
    runId: options.runId,
    index: 0,
    record,
    data,
  };
  const effects: PlannedEffect[] = [];
  const start = options.startAt ?? 0;
  for (const [offset, compiled] of rule.actions.slice(start).entries()) {
    state.index = start + offset;
    for (const effect of planOne(compiled, state)) effects.push({ ...effect, actionIndex: state.index });
    if (compiled.type === "wait") return { effects, resumeAt: state.index + 1 };
  }
  return { effects };
}
