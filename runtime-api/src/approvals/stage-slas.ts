import { addDuration, appCalendar, minimumDurationMs, type WorkingCalendar } from "@stagecraft/engine";
import type { I18nText, Sla } from "@stagecraft/schemas";
import { sql } from "kysely";
import { publishedAppsWhere, type WorkspaceApp } from "../apps/published-apps-where.js";
import { enqueueRuleRuns } from "../automation/enqueue.js";
import { insertAuditEvent } from "../records/audit.js";
import { engineContext } from "../records/engine-context.js";
import { recordState, type RecordRow } from "../records/record-view.js";
import type { Runtime } from "../runtime.js";
import { managerOf, notifyUsers } from "./approval-notify.js";

/** Records one SLA stage is checked for per tick; the rest follow on the next ticks. */
export const SLA_RECORDS_PER_TICK = 1000;

const ACTOR = { type: "system", reason: "stage_sla" } as const;

/** Current versions of apps with at least one stage SLA (compiled outside the tick's transaction). */
export async function slaApps(
  runtime: Runtime,
  errors: { appId: string; error: string }[],
): Promise<WorkspaceApp[]> {
  return publishedAppsWhere(
    runtime,
    (definition) =>
      sql<boolean>`(${definition} -> 'forms') @> '[{"pipeline":{"stages":[{"sla":{}}]}}]'::jsonb`,
    errors,
  );
}

interface SlaSite {
  runtime: Runtime;
  app: WorkspaceApp;
  calendar: WorkingCalendar;
  now: Date;
}

/** Perform one escalation step on a record past its SLA. */
async function escalate(site: SlaSite, row: RecordRow, step: Sla["escalation"][number], stageName: I18nText) {
  const tx = site.runtime.db;
  const base = { workspaceId: row.workspace_id, appId: row.app_id, recordId: row.id, at: site.now };
  const title = { zh: `阶段已超时：${stageName.zh}`, en: `Stage overdue: ${stageName.en}` };
  const manager = await managerOf(tx, row.workspace_id, row.owner_id);
  if (step.action === "remind_owner") {
    if (row.owner_id !== null) await notifyUsers(tx, [row.owner_id], { ...base, title });
    return;
  }
  if (step.action === "notify_manager") {
    if (manager !== null) await notifyUsers(tx, [manager], { ...base, title });
    return;
  }
  const to = step.to ?? manager;
  if (to === null || to === row.owner_id) return;
  await tx
    .updateTable("records")
    .set((eb) => ({ owner_id: to, version: eb("version", "+", 1), updated_at: site.now }))
    .where("workspace_id", "=", row.workspace_id)
    .where("id", "=", row.id)
    .execute();
  await insertAuditEvent(
    tx,
    { workspaceId: row.workspace_id, appId: row.app_id, formId: row.form_id },
    {
      recordId: row.id,
      kind: "updated",
      changes: [{ field: "_owner", old: row.owner_id, new: to }],
      actor: ACTOR,
      at: site.now,
    },
  );
  await notifyUsers(tx, [to], {
    ...base,
    title: {
      zh: `超时记录已转给你：${stageName.zh}`,
      en: `Overdue record reassigned to you: ${stageName.en}`,
    },
  });
}

/** Check one SLA stage: mark records past the limit overdue (stage.overdue rules), run due escalations. */
async function checkStage(
  site: SlaSite,
  formId: string,
  stage: string,
  name: I18nText,
  sla: Sla,
): Promise<number> {
  const tx = site.runtime.db;
  const { app, now, calendar } = site;
  const zone = app.compiled.timeZone;
  const rows = await tx
    .selectFrom("records as r")
    .leftJoin("record_slas as s", (join) =>
      join
        .onRef("s.workspace_id", "=", "r.workspace_id")
        .onRef("s.record_id", "=", "r.id")
        .onRef("s.stage", "=", "r.stage")
        .onRef("s.entered_at", "=", "r.stage_entered_at"),
    )
    .selectAll("r")
    .select(["s.escalations_fired", "s.due_at as sla_due_at"])
    .where("r.workspace_id", "=", app.workspaceId)
    .where("r.app_id", "=", app.appId)
    .where("r.form_id", "=", formId)
    .where("r.stage", "=", stage)
    .where("r.stage_entered_at", "<=", new Date(now.getTime() - minimumDurationMs(sla.limit)))
    .where((eb) =>
      eb.or([eb("s.record_id", "is", null), eb("s.escalations_fired", "<", sla.escalation.length)]),
    )
    .orderBy("r.stage_entered_at")
    .orderBy("r.id")
    .limit(SLA_RECORDS_PER_TICK)
    .execute();
  let fired = 0;
  for (const row of rows) {
    const enteredAt = row.stage_entered_at;
    if (enteredAt === null) continue;
    const dueText =
      row.sla_due_at?.toISOString() ?? addDuration(enteredAt.toISOString(), sla.limit, zone, calendar);
    if (dueText === null || new Date(dueText) > now) continue;
    if (row.escalations_fired === null) {
      await tx
        .insertInto("record_slas")
        .values({
          workspace_id: row.workspace_id,
          record_id: row.id,
          stage,
          entered_at: enteredAt,
          app_id: row.app_id,
          form_id: formId,
          due_at: dueText,
          escalations_fired: 0,
        })
        .execute();
      await enqueueRuleRuns(tx, {
        workspaceId: row.workspace_id,
        appId: row.app_id,
        appVersion: app.version,
        compiled: app.compiled,
        events: [{ type: "stage.overdue", formId, record: recordState(row), depth: 0, stage }],
        ctx: engineContext(app.compiled, ACTOR, now),
        now,
      });
      fired += 1;
    }
    let done = row.escalations_fired ?? 0;
    for (const step of sla.escalation.slice(done)) {
      const at = addDuration(dueText, step.after, zone, calendar);
      if (at === null || new Date(at) > now) break;
      await escalate(site, row, step, name);
      done += 1;
      fired += 1;
    }
    if (done !== (row.escalations_fired ?? 0)) {
      await tx
        .updateTable("record_slas")
        .set({ escalations_fired: done })
        .where("workspace_id", "=", row.workspace_id)
        .where("record_id", "=", row.id)
        .where("stage", "=", stage)
        .where("entered_at", "=", enteredAt)
        .execute();
    }
  }
  return fired;
}

/**
 * Stage SLAs of one app at `now` (inside the scheduler's transaction, `runtime.db` being it): a
 * record whose time in its stage passed the limit (counted with the app's calendar) is marked
 * overdue once per stage entry and fires the stage.overdue rules; each escalation step (remind
 * the owner, notify the owner's manager, reassign to `to` or the manager) fires once its `after`
 * has passed since the limit. State, not a time window, decides what fires, so time that passed
 * while the server was down is caught up on the next tick.
 */
export async function fireStageSlas(runtime: Runtime, app: WorkspaceApp, now: Date): Promise<number> {
  const site: SlaSite = { runtime, app, calendar: appCalendar(app.compiled.definition), now };
  let fired = 0;
  for (const [formId, pipeline] of app.compiled.pipelines) {
    for (const stageId of pipeline.order) {
      const stage = pipeline.stages.get(stageId)?.stage;
      if (stage?.sla === undefined) continue;
      fired += await checkStage(site, formId, stageId, stage.name, stage.sla);
    }
  }
  return fired;
}
