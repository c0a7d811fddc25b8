import {
  dateIn,
  dateOffsetTargets,
  dueScheduleRules,
  resolveFilter,
  type CompiledApp,
  type CompiledRule,
} from "@stagecraft/engine";
import type { RecordFilter } from "@stagecraft/schemas";
import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type RawBuilder,
  type SqlBool,
  type Transaction,
} from "kysely";
import type { WorkspaceApp } from "../apps/published-apps-where.js";
import type { Database, RecordsTable } from "../db/tables.js";
import { filterSql } from "../kpis/filter-sql.js";
import { recordConditions } from "../kpis/record-conditions.js";
import { DEFAULT_MAX_ATTEMPTS, ruleRunRow } from "./new-run.js";
import { deterministicRunId, deterministicRunIdSql } from "./run-id.js";

// The runs one scheduler tick starts for one app, over the window (from, until]. Every run id is
// derived from what started it, and inserts skip existing ids: a tick that is replayed (a crash
// before its commit, two instances) starts nothing twice.

/** Records one rule may start per tick; the rest follow on the next ticks. */
export const RECORDS_PER_RULE_PER_TICK = 1000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * schedule rules: one run per (rule, fire time) in the window; a rule with a form starts one run
 * per record of it matching the trigger's filter (as of the fire time), the others none.
 */
export async function startScheduleRuns(
  tx: Transaction<Database>,
  app: WorkspaceApp,
  from: Date,
  until: Date,
): Promise<number> {
  const due = dueScheduleRules(app.compiled, from.toISOString(), until.toISOString());
  if (due.length === 0) return 0;
  let started = 0;
  const unbound: { ruleId: string; at: string }[] = [];
  for (const fire of due) {
    const trigger = app.compiled.rules.ruleById.get(fire.ruleId)?.rule.trigger;
    if (trigger?.type === "schedule" && trigger.form !== undefined) {
      started += await startRecordScheduleRuns(tx, app, fire, trigger.form, trigger.filter ?? []);
    } else unbound.push(fire);
  }
  if (unbound.length === 0) return started;
  const rows = unbound.map(({ ruleId, at }) =>
    ruleRunRow({
      workspaceId: app.workspaceId,
      id: deterministicRunId(["schedule", app.workspaceId, app.appId, ruleId, at]),
      appId: app.appId,
      appVersion: app.version,
      ruleId,
      recordId: null,
      trigger: { type: "schedule", at },
      depth: 0,
      runAt: new Date(at),
      createdAt: until,
    }),
  );
  const inserted = await tx
    .insertInto("rule_runs")
    .values(rows)
    .onConflict((oc) => oc.columns(["workspace_id", "id"]).doNothing())
    .returning("id")
    .execute();
  return started + inserted.length;
}

/** A form-bound schedule rule's runs at one fire time: one per record the filter selects then. */
function startRecordScheduleRuns(
  tx: Transaction<Database>,
  app: WorkspaceApp,
  fire: { ruleId: string; at: string },
  formId: string,
  filter: RecordFilter,
): Promise<number> {
  const { timeZone, definition } = app.compiled;
  const conditions = recordConditions(
    definition,
    formId,
    resolveFilter(filter, undefined, fire.at, timeZone),
  );
  const today = dateIn(fire.at, timeZone);
  return insertRecordRuns(tx, app, new Date(fire.at), {
    ruleId: fire.ruleId,
    idParts: [sql`'schedule'`, sql`${fire.at}::text`],
    trigger: sql`jsonb_build_object('type', 'schedule', 'at', ${fire.at}::text)`,
    where: (eb) => eb.and([eb("r.form_id", "=", formId), filterSql(conditions, { timeZone, today })]),
  });
}

/** The enabled record.idle rules of an app. */
function idleRules(app: CompiledApp): { rule: CompiledRule; form: string; days: number; stage?: string }[] {
  return app.rules.rules.flatMap((rule) => {
    const trigger = rule.rule.trigger;
    if (!rule.enabled || trigger.type !== "record.idle") return [];
    const stage = trigger.stage !== undefined ? { stage: trigger.stage } : {};
    return [{ rule, form: trigger.form, days: trigger.days, ...stage }];
  });
}

/** Records as the insert … select of scheduled record runs reads them. */
type RecordsAsR = Database & { r: RecordsTable };

/** A rule's runs for the records a condition selects (each once: ids derive from `idParts`). */
interface RecordRuns {
  ruleId: string;
  /** The parts of the run id after the record's workspace, app, rule and id. */
  idParts: readonly RawBuilder<unknown>[];
  trigger: RawBuilder<unknown>;
  where: (eb: ExpressionBuilder<RecordsAsR, "r">) => Expression<SqlBool>;
}

/** Insert the runs of one rule for the records `where` selects, at most RECORDS_PER_RULE_PER_TICK. */
async function insertRecordRuns(
  tx: Transaction<Database>,
  app: WorkspaceApp,
  now: Date,
  runs: RecordRuns,
): Promise<number> {
  const runId = deterministicRunIdSql([
    sql.ref("r.workspace_id"),
    sql.ref("r.app_id"),
    sql`${runs.ruleId}::text`,
    sql.ref("r.id"),
    ...runs.idParts,
  ]);
  const inserted = await tx
    .insertInto("rule_runs")
    .columns([
      "workspace_id",
      "id",
      "app_id",
      "app_version",
      "rule_id",
      "record_id",
      "trigger",
      "depth",
      "status",
      "attempts",
      "max_attempts",
      "next_action",
      "run_at",
      "effects",
      "created_at",
    ])
    .expression((eb) =>
      eb
        .selectFrom("records as r")
        .select([
          "r.workspace_id",
          runId.as("id"),
          "r.app_id",
          sql<number>`${app.version}::int`.as("app_version"),
          sql<string>`${runs.ruleId}::text`.as("rule_id"),
          "r.id as record_id",
          runs.trigger.as("trigger"),
          sql<number>`0`.as("depth"),
          sql<string>`'queued'`.as("status"),
          sql<number>`0`.as("attempts"),
          sql<number>`${DEFAULT_MAX_ATTEMPTS}::int`.as("max_attempts"),
          sql<number>`0`.as("next_action"),
          sql<Date>`${now}::timestamptz`.as("run_at"),
          sql`'[]'::jsonb`.as("effects"),
          sql<Date>`${now}::timestamptz`.as("created_at"),
        ])
        .where("r.workspace_id", "=", app.workspaceId)
        .where("r.app_id", "=", app.appId)
        .where(runs.where)
        // Records that already have their run are skipped here (primary key lookups), so the
        // limit moves on to the next records on the following tick.
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom("rule_runs as rr")
                .select("rr.id")
                .whereRef("rr.workspace_id", "=", "r.workspace_id")
                .where(sql<boolean>`rr.id = ${runId}`),
            ),
          ),
        )
        .orderBy("r.id")
        .limit(RECORDS_PER_RULE_PER_TICK),
    )
    .onConflict((oc) => oc.columns(["workspace_id", "id"]).doNothing())
    .returning("id")
    .execute();
  return inserted.length;
}

/**
 * record.idle rules: a run per record of the form whose last activity is at least `days` old (in
 * the rule's stage if it names one, else open records only), once per idle period: the run id
 * derives from the record and its last activity, so new activity starts a new period.
 */
export async function startIdleRuns(
  tx: Transaction<Database>,
  app: WorkspaceApp,
  now: Date,
): Promise<number> {
  let started = 0;
  for (const { rule, form, days, stage } of idleRules(app.compiled)) {
    const cutoff = new Date(now.getTime() - days * DAY_MS);
    started += await insertRecordRuns(tx, app, now, {
      ruleId: rule.id,
      idParts: [
        sql`'idle'`,
        sql`to_char(r.last_activity_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
      ],
      trigger: sql`jsonb_build_object('type', 'record.idle', 'days', ${days}::int,
        'lastActivityMs', floor(extract(epoch from r.last_activity_at) * 1000)::bigint)`,
      where: (eb) =>
        eb.and([
          eb("r.form_id", "=", form),
          eb("r.last_activity_at", "<=", cutoff),
          stage !== undefined ? eb("r.stage", "=", stage) : eb("r.closed_at", "is", null),
        ]),
    });
  }
  return started;
}

/**
 * The date.offset targets of every day in the window: the engine answers for one instant, so the
 * window is sampled each minute (an `at` time has minute precision); one sample in a live tick.
 */
function dateTargets(app: CompiledApp, from: Date, until: Date): ReturnType<typeof dateOffsetTargets> {
  if (app.rules.dateOffsets.length === 0) return [];
  const found = new Map<string, ReturnType<typeof dateOffsetTargets>[number]>();
  for (let t = until.getTime(); t > from.getTime() || t === until.getTime(); t -= MINUTE_MS) {
    for (const target of dateOffsetTargets(app, { now: new Date(t).toISOString(), timeZone: app.timeZone }))
      found.set(`${target.ruleId}|${target.date}`, target);
  }
  return [...found.values()];
}

/**
 * date.offset rules: a run per record whose date field holds a target date (the first ten
 * characters of the value, so datetime values count by their date), once per (rule, record, date).
 */
export async function startDateOffsetRuns(
  tx: Transaction<Database>,
  app: WorkspaceApp,
  from: Date,
  until: Date,
): Promise<number> {
  let started = 0;
  for (const { ruleId, formId, field, date } of dateTargets(app.compiled, from, until)) {
    const days = app.compiled.rules.dateOffsets.find((d) => d.rule.id === ruleId)?.trigger.days ?? 0;
    started += await insertRecordRuns(tx, app, until, {
      ruleId,
      idParts: [sql`'date'`, sql`${date}::text`],
      trigger: sql`jsonb_build_object('type', 'date.offset', 'field', ${field}::text, 'days', ${days}::int,
        'date', ${date}::text)`,
      where: (eb) =>
        eb.and([
          eb("r.form_id", "=", formId),
          eb(sql<string>`left(r.data ->> ${field}::text, 10)`, "=", date),
        ]),
    });
  }
  return started;
}
