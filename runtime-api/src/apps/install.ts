import type { CompositionNote } from "@stagecraft/templates";
import type { Caller } from "../auth/roles.js";
import { json } from "../db/sql-json.js";
import { newId } from "../ids.js";
import type { Runtime } from "../runtime.js";
import type { AppSource } from "./app-source.js";
import type { AppView } from "./app-view.js";
import { installDemoData } from "./demo-data.js";

/** What installing answers: the app, what combining templates changed, how many demo records it got. */
export interface InstalledApp extends AppView {
  notes?: CompositionNote[];
  demoRecords?: number;
}

/**
 * Install a definition as a new app of the caller's workspace: a fresh app id (the definition keeps
 * its own `id` inside), and version 1 published at once, so installing twice gives two apps; demo
 * records, when asked for, are added in the same transaction.
 */
export async function installApp(runtime: Runtime, caller: Caller, source: AppSource): Promise<InstalledApp> {
  const id = newId();
  const now = runtime.clock.now();
  const { definition, templateId } = source;
  const demo = await runtime.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("apps")
      .values({
        workspace_id: caller.workspaceId,
        id,
        name: json(definition.name),
        template_id: templateId,
        version: 1,
        draft: null,
        draft_updated_at: null,
        created_by: caller.userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto("app_versions")
      .values({
        workspace_id: caller.workspaceId,
        app_id: id,
        version: 1,
        definition: json(definition),
        changes: json([]),
        published_by: caller.userId,
        published_at: now,
      })
      .execute();
    if (source.demo === undefined) return undefined;
    // A combination's demo records may not all fit the merged app: those are left out, with a note.
    const lenient = source.demo.length > 1;
    return installDemoData({ ...runtime, db: trx }, caller, id, source.demo, lenient);
  });
  const notes: CompositionNote[] = [
    ...(source.notes ?? []),
    ...(demo?.leftOut ?? []).map((message) => ({ path: "/demo", code: "dropped" as const, message })),
  ];
  return {
    id,
    name: definition.name,
    version: 1,
    templateId,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    hasDraft: false,
    definition,
    ...(notes.length === 0 && source.notes === undefined ? {} : { notes }),
    ...(demo === undefined ? {} : { demoRecords: demo.count }),
  };
}
