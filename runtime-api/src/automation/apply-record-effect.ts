import type { Transaction } from "kysely";
import type { Recipient } from "@stagecraft/schemas";
import type { Database } from "../db/tables.js";
import { json } from "../db/sql-json.js";
import { newId } from "../ids.js";
import { HttpProblem } from "../problem.js";
import {
  createRecord,
  transitionRecord,
  updateRecord,
  type Actor,
  type RecordScope,
} from "../records/index.js";
import { finiteNumber } from "../records/reverse-effects.js";
import type { Runtime } from "../runtime.js";
import type { RecordEffect } from "./effect-kind.js";
import { PermanentEffectError, type ApplyRecordEffect } from "./rule-executor.js";
import type { ClaimedRun } from "./rule-run.js";
import { targetRecordIds } from "./target-records.js";

type Tx = Transaction<Database>;

// What the record services answer while a pending approval holds the record (approvals/
// pending-approval.ts): a covered field cannot change, the record cannot move. Both end with the
// approval (approved, rejected or withdrawn), so the same write may then succeed.
const HELD_BY_APPROVAL = new Set(["locked_by_approval", "approval_pending"]);

/** Whether a refusal is only a pending approval holding the record (a 409 naming nothing else). */
function heldByApproval(problem: HttpProblem): boolean {
  return (
    problem.status === 409 &&
    problem.errors.length > 0 &&
    problem.errors.every((item) => HELD_BY_APPROVAL.has(item.code))
  );
}

/** What one effect needs: the transaction-bound runtime, the run's actor, scope and depth. */
interface EffectSite {
  runtime: Runtime;
  tx: Tx;
  run: ClaimedRun;
  actor: Actor;
  depth: number;
  actionIndex: number;
}

function scopeOf(run: ClaimedRun, formId: string): RecordScope {
  return { workspaceId: run.workspaceId, appId: run.appId, formId };
}

async function ownerOf(tx: Tx, run: ClaimedRun, recordId: string | null): Promise<string | null> {
  if (recordId === null) return null;
  const row = await tx
    .selectFrom("records")
    .select("owner_id")
    .where("workspace_id", "=", run.workspaceId)
    .where("id", "=", recordId)
    .executeTakeFirst();
  return row?.owner_id ?? null;
}

async function updateTargets(
  site: EffectSite,
  effect: Extract<RecordEffect, { type: "update_records" }>,
): Promise<void> {
  const { runtime, tx, run, actor, depth } = site;
  const ids = await targetRecordIds(runtime, tx, run, effect);
  for (const id of ids) {
    // Locked until the run's transaction ends: a concurrent run incrementing the same record waits
    // and then reads this run's result, so no increment is computed from a stale value and lost.
    const row = await tx
      .selectFrom("records")
      .select("data")
      .where("workspace_id", "=", run.workspaceId)
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const patch: Record<string, unknown> = { ...effect.set };
    for (const [field, by] of Object.entries(effect.increment)) {
      patch[field] = finiteNumber(Object.hasOwn(row.data, field) ? row.data[field] : 0) + by;
    }
    await updateRecord(runtime, scopeOf(run, effect.formId), actor, id, patch, { depth });
    if (effect.reverseOnLeave !== undefined && Object.keys(effect.increment).length > 0) {
      await tx
        .insertInto("reversible_effects")
        .values({
          workspace_id: run.workspaceId,
          source_record_id: effect.reverseOnLeave.recordId,
          source_stage: effect.reverseOnLeave.stage,
          target_record_id: id,
          increments: json(effect.increment),
        })
        .execute();
    }
  }
}

async function assignOwner(
  site: EffectSite,
  effect: Extract<RecordEffect, { type: "assign_owner" }>,
): Promise<void> {
  const { tx, run } = site;
  let userId = effect.userId;
  if (userId === undefined && effect.strategy.type === "round_robin") {
    // One cursor per (rule, action): each assignment takes the next candidate in turn.
    const key = `rr:${run.appId}:${run.ruleId}:${String(site.actionIndex)}`;
    const cursor = await tx
      .insertInto("counters")
      .values({ workspace_id: run.workspaceId, key, value: 0 })
      .onConflict((oc) =>
        oc.columns(["workspace_id", "key"]).doUpdateSet((eb) => ({ value: eb("counters.value", "+", 1) })),
      )
      .returning("value")
      .executeTakeFirstOrThrow();
    const candidates = effect.strategy.userIds;
    userId = candidates[Number(cursor.value) % candidates.length];
  }
  if (userId === undefined) return;
  const before = await tx
    .selectFrom("records")
    .select(["owner_id", "form_id"])
    .where("workspace_id", "=", run.workspaceId)
    .where("id", "=", effect.recordId)
    .executeTakeFirst();
  if (!before || before.owner_id === userId) return;
  const now = site.runtime.clock.now();
  await tx
    .updateTable("records")
    .set((eb) => ({ owner_id: userId, version: eb("version", "+", 1), updated_at: now, updated_by: null }))
    .where("workspace_id", "=", run.workspaceId)
    .where("id", "=", effect.recordId)
    .execute();
  await tx
    .insertInto("record_events")
    .values({
      workspace_id: run.workspaceId,
      app_id: run.appId,
      form_id: before.form_id,
      record_id: effect.recordId,
      kind: "updated",
      changes: json([{ field: "_owner", old: before.owner_id, new: userId }]),
      from_stage: null,
      to_stage: null,
      actor_type: "rule",
      actor_id: run.ruleId,
      run_id: run.id,
      at: now,
    })
    .execute();
}

/** The user ids a notification goes to (the workspace's users only). */
async function recipientsOf(
  tx: Tx,
  run: ClaimedRun,
  to: readonly Recipient[],
  recordId: string | undefined,
): Promise<string[]> {
  const ids = new Set<string>();
  const record =
    recordId === undefined
      ? undefined
      : await tx
          .selectFrom("records")
          .select(["owner_id", "data"])
          .where("workspace_id", "=", run.workspaceId)
          .where("id", "=", recordId)
          .executeTakeFirst();
  for (const recipient of to) {
    if (recipient.type === "user") recipient.userIds.forEach((id) => ids.add(id));
    else if (recipient.type === "owner" && record?.owner_id) ids.add(record.owner_id);
    else if (recipient.type === "field" && record) {
      const value = Object.hasOwn(record.data, recipient.field) ? record.data[recipient.field] : undefined;
      for (const id of Array.isArray(value) ? value : [value]) if (typeof id === "string") ids.add(id);
    } else if (recipient.type === "manager" && record?.owner_id) {
      const owner = await tx
        .selectFrom("users")
        .select("manager_id")
        .where("workspace_id", "=", run.workspaceId)
        .where("id", "=", record.owner_id)
        .executeTakeFirst();
      if (owner?.manager_id) ids.add(owner.manager_id);
    } else if (recipient.type === "role") {
      const users = await tx
        .selectFrom("users")
        .select("id")
        .where("workspace_id", "=", run.workspaceId)
        .where("role", "=", recipient.role)
        .execute();
      users.forEach((u) => ids.add(u.id));
    }
  }
  if (ids.size === 0) return [];
  const known = await tx
    .selectFrom("users")
    .select("id")
    .where("workspace_id", "=", run.workspaceId)
    .where("id", "in", [...ids])
    .execute();
  return known.map((u) => u.id);
}

async function notify(site: EffectSite, effect: Extract<RecordEffect, { type: "notify" }>): Promise<void> {
  const { tx, run } = site;
  const now = site.runtime.clock.now();
  for (const userId of await recipientsOf(tx, run, effect.to, effect.recordId)) {
    await tx
      .insertInto("notifications")
      .values({
        workspace_id: run.workspaceId,
        id: newId(),
        user_id: userId,
        app_id: run.appId,
        record_id: effect.recordId ?? null,
        title: json(effect.title),
        body: effect.body === undefined ? null : json(effect.body),
        run_id: run.id,
        created_at: now,
      })
      .execute();
  }
}

async function apply(site: EffectSite, effect: RecordEffect): Promise<void> {
  const { runtime, tx, run, actor, depth } = site;
  switch (effect.type) {
    case "set_field":
      await updateRecord(
        runtime,
        scopeOf(run, effect.formId),
        actor,
        effect.recordId,
        { [effect.field]: effect.value },
        { depth },
      );
      return;
    case "create_record": {
      // Records a rule creates belong to the owner of the record that triggered it.
      const ownerId = await ownerOf(tx, run, run.recordId);
      for (let i = 0; i < effect.count; i++) {
        await createRecord(runtime, scopeOf(run, effect.formId), actor, effect.data, { depth, ownerId });
      }
      return;
    }
    case "update_records":
      await updateTargets(site, effect);
      return;
    case "assign_owner":
      await assignOwner(site, effect);
      return;
    case "notify":
      await notify(site, effect);
      return;
    case "move_stage":
      await transitionRecord(runtime, scopeOf(run, effect.formId), actor, effect.recordId, effect.to, {
        depth,
      });
      return;
    case "request_approval":
      // Only transition() plans this, and transitionRecord answers it itself; a rule never does.
      throw new PermanentEffectError("approval requests are not rule effects");
  }
}

/**
 * Perform one record effect of a rule run inside the worker's transaction, through the same
 * record services people use (validation, audit trail, stage log, follow-up rules at depth + 1).
 * A 4xx answer of those services (invalid value, unmet guard, record gone) cannot succeed on
 * retry: it ends the run as failed with the reason. Only a record held by a pending approval is
 * retried: the worker's backoff lets the approval finish first.
 */
export function createApplyRecordEffect(runtime: Runtime): ApplyRecordEffect {
  return async (tx, run, effect, actionIndex) => {
    const site: EffectSite = {
      runtime: { ...runtime, db: tx },
      tx,
      run,
      actor: { type: "rule", runId: run.id, ruleId: run.ruleId },
      depth: run.depth + 1,
      actionIndex,
    };
    try {
      await apply(site, effect);
    } catch (err) {
      if (err instanceof HttpProblem && err.status < 500) {
        const detail = err.errors.map((e) => `${e.path} ${e.message}`).join("; ");
        const reason = `${err.message}${detail ? `: ${detail}` : ""}`;
        if (heldByApproval(err)) throw new Error(`${reason} (retried once the approval is decided)`);
        throw new PermanentEffectError(reason);
      }
      throw err;
    }
  };
}
