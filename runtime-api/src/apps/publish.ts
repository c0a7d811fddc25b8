import type { Kysely } from "kysely";
import type { AppDefinition } from "@stagecraft/schemas";
import type { Caller } from "../auth/roles.js";
import type { Database } from "../db/tables.js";
import { json } from "../db/sql-json.js";
import { HttpProblem, notFound } from "../problem.js";
import type { Runtime } from "../runtime.js";
import { requireValidDefinition } from "./definition-check.js";
import { impactReport, type Change } from "./impact-report.js";

/** What publishing answers: the version the draft becomes, and its impact on existing records. */
export interface PublishResult {
  version: number;
  changes: Change[];
  /** True when nothing was written (`?dryRun=true`): `version` is the one a publish would create. */
  dryRun: boolean;
}

/** A draft ready to publish, the version it becomes and its impact report. */
interface PublishPlan {
  draft: AppDefinition;
  version: number;
  changes: Change[];
}

async function planPublish(
  db: Kysely<Database>,
  workspaceId: string,
  appId: string,
  lock: boolean,
): Promise<PublishPlan> {
  const query = db
    .selectFrom("apps")
    .select(["version", "draft"])
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", appId);
  // Publishing locks the app row, so two concurrent publishes of one draft cannot both succeed.
  const app = await (lock ? query.forUpdate() : query).executeTakeFirst();
  if (!app) throw notFound("app");
  if (app.draft === null) {
    throw new HttpProblem(409, "there is no draft to publish; save one with PUT /api/apps/:appId/draft");
  }
  // Drafts were valid when saved; the schemas may have grown stricter since.
  const draft = requireValidDefinition(app.draft, "/draft");
  const published = await db
    .selectFrom("app_versions")
    .select("definition")
    .where("workspace_id", "=", workspaceId)
    .where("app_id", "=", appId)
    .where("version", "=", app.version)
    .executeTakeFirstOrThrow();
  const changes = await impactReport(db, workspaceId, appId, published.definition, draft);
  return { draft, version: app.version + 1, changes };
}

/**
 * Publish an app's draft as a new immutable version (the app's version bumps, the draft clears),
 * or with `dryRun` only report what it would do. Records keep their data and stage ids: removed
 * fields and stages are reported, never rewritten. 409 when there is no draft.
 */
export async function publishDraft(
  runtime: Runtime,
  caller: Caller,
  appId: string,
  dryRun: boolean,
): Promise<PublishResult> {
  const { workspaceId } = caller;
  if (dryRun) {
    const plan = await planPublish(runtime.db, workspaceId, appId, false);
    return { version: plan.version, changes: plan.changes, dryRun: true };
  }
  return runtime.db.transaction().execute(async (trx) => {
    const plan = await planPublish(trx, workspaceId, appId, true);
    const now = runtime.clock.now();
    await trx
      .insertInto("app_versions")
      .values({
        workspace_id: workspaceId,
        app_id: appId,
        version: plan.version,
        definition: json(plan.draft),
        changes: json(plan.changes),
        published_by: caller.userId,
        published_at: now,
      })
      .execute();
    await trx
      .updateTable("apps")
      .set({
        version: plan.version,
        name: json(plan.draft.name),
        draft: null,
        draft_updated_at: null,
        updated_at: now,
      })
      .where("workspace_id", "=", workspaceId)
      .where("id", "=", appId)
      .execute();
    return { version: plan.version, changes: plan.changes, dryRun: false };
  });
}
