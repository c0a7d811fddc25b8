import { matchRules, type CompiledApp, type EngineContext, type RecordEvent } from "@stagecraft/engine";
import type { Insertable, Kysely } from "kysely";
import type { Database, RuleRunsTable } from "../db/tables.js";
import { newId } from "../ids.js";
import { ruleRunRow } from "./new-run.js";

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
  const { rows, cascadeLimited } = ruleRunRows(input);
  if (rows.length > 0) await tx.insertInto("rule_runs").values(rows).execute();
  return { runIds: rows.map((row) => row.id), cascadeLimited };
}

/** The rule runs a write's events start (rules matched, rows not yet written). */
export function ruleRunRows(input: EnqueueInput): {
  rows: Insertable<RuleRunsTable>[];
  cascadeLimited: boolean;
} {
  const rows: Insertable<RuleRunsTable>[] = [];
  let cascadeLimited = false;
  for (const event of input.events) {
    const match = matchRules(input.compiled, event, input.ctx);
    cascadeLimited ||= match.cascadeLimited;
    for (const rule of match.rules) {
      rows.push(
        ruleRunRow({
          workspaceId: input.workspaceId,
          id: newId(),
          appId: input.appId,
          appVersion: input.appVersion,
          ruleId: rule.id,
          recordId: event.record?.id ?? null,
          trigger: event,
          depth: event.depth,
          runAt: input.now,
          createdAt: input.now,
        }),
      );
    }
  }
  return { rows, cascadeLimited };
}
