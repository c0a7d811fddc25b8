import { matchRules, type CompiledApp, type EngineContext, type RecordEvent } from "@stagecraft/engine";
import type { Insertable, Kysely } from "kysely";
import { json } from "../db/sql-json.js";
import type { Database, RuleRunsTable } from "../db/tables.js";
import { newId } from "../ids.js";

/** Attempts a run gets before it is dead (the worker retries with backoff until then). */
const MAX_ATTEMPTS = 5;

/** What a write hands to the outbox: the events it produced and the app version they matched under. */
export interface EnqueueInput {
  workspaceId: string;
  appId: string;
  appVersion: number;
  compiled: CompiledApp;
  events: readonly RecordEvent[];
  ctx: EngineContext;
  now: Date;
}

/** The outbox rows a write queued. */
export interface EnqueueResult {
  runIds: string[];
  /** Some event reached the app's cascade depth: the rules it would have started did not run. */
  cascadeLimited: boolean;
}

/**
 * The transactional outbox: one queued rule run per rule each event starts, written in the
 * caller's transaction so the runs commit together with the write that caused them (or not at all).
 * A run's `trigger` is the event itself; its `depth` the event's cascade depth.
 */
export async function enqueueRuleRuns(tx: Kysely<Database>, input: EnqueueInput): Promise<EnqueueResult> {
  const rows: Insertable<RuleRunsTable>[] = [];
  let cascadeLimited = false;
  for (const event of input.events) {
    const match = matchRules(input.compiled, event, input.ctx);
    cascadeLimited ||= match.cascadeLimited;
    for (const rule of match.rules) {
      rows.push({
        workspace_id: input.workspaceId,
        id: newId(),
        app_id: input.appId,
        app_version: input.appVersion,
        rule_id: rule.id,
        record_id: event.record?.id ?? null,
        trigger: json(event),
        depth: event.depth,
        status: "queued",
        attempts: 0,
        max_attempts: MAX_ATTEMPTS,
        next_action: 0,
        effects: json([]),
        run_at: input.now,
        created_at: input.now,
      });
    }
  }
  if (rows.length > 0) await tx.insertInto("rule_runs").values(rows).execute();
  return { runIds: rows.map((row) => row.id), cascadeLimited };
}
