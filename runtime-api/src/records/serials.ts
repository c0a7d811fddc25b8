import type { CompiledForm } from "@stagecraft/engine";
import { sql, type Kysely } from "kysely";
import type { Database } from "../db/tables.js";
import type { RecordScope } from "./record-scope.js";

/** The counters key of a serial field. */
export function serialKey(scope: RecordScope, fieldId: string): string {
  return `serial:${scope.appId}:${scope.formId}:${fieldId}`;
}

/**
 * Allocate the next number of every serial field of the form (field id → number). Call inside
 * the record's transaction: a write that rolls back gives its numbers back, so serials have no gaps.
 */
export async function allocateSerials(
  tx: Kysely<Database>,
  scope: RecordScope,
  form: CompiledForm,
): Promise<Record<string, number>> {
  const serials: [string, number][] = [];
  for (const plan of form.plan.serials) {
    const row = await tx
      .insertInto("counters")
      .values({ workspace_id: scope.workspaceId, key: serialKey(scope, plan.id), value: 1 })
      .onConflict((oc) => oc.columns(["workspace_id", "key"]).doUpdateSet({ value: sql`counters.value + 1` }))
      .returning("value")
      .executeTakeFirstOrThrow();
    serials.push([plan.id, Number(row.value)]);
  }
  // Keys are field ids of the definition (validated snake_case), never user text.
  return Object.fromEntries(serials);
}
