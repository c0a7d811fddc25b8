import {
  insertPublishedApp,
  defaultWorkspaceId,
  startTestRuntime,
  type TestRuntime,
} from "../test-runtime.js";
/** Test fixtures of the KPI suites: an app with every measure, goal and widget type, and its rows. */
import type { AppDefinition, Field, FilterCondition } from "@stagecraft/schemas";
import type { Kysely } from "kysely";
import type { Database } from "../db/tables.js";
import { json } from "../db/sql-json.js";

const t = (en: string) => ({ zh: en, en });
const f = (id: string, type: string, extra: object = {}): Field =>
  ({ id, type, label: t(id), ...extra }) as Field;
const where = (
  field: string,
  op: FilterCondition["op"],
  value?: FilterCondition["value"],
): FilterCondition => (value === undefined ? { field, op } : { field, op, value });

/** Deal and target forms, ten KPIs and one dashboard with every widget type; time zone Asia/Shanghai. */
export function kpiLabDefinition(): AppDefinition {
  return {
    id: "kpi-lab",
    name: t("KPI lab"),
    settings: { timeZone: "Asia/Shanghai" },
    forms: [
      {
        id: "deal",
        name: t("Deal"),
        fields: [
          f("deal_name", "text"),
          f("amount", "money"),
          f("region", "select", {
            options: [
              { value: "east", label: t("East") },
              { value: "west", label: t("West") },
            ],
          }),
          f("close_date", "date"),
          f("signed_at", "datetime"),
          f("hot", "boolean"),
          f("tags", "multiselect", {
            options: [
              { value: "vip", label: t("VIP") },
              { value: "new", label: t("New") },
            ],
          }),
        ],
        pipeline: {
          initial: "lead",
          stages: [
            { id: "lead", name: t("Lead") },
            { id: "proposal", name: t("Proposal") },
            { id: "won", name: t("Won"), terminal: "won" },
            { id: "lost", name: t("Lost"), terminal: "lost" },
          ],
        },
      },
      {
        id: "target",
        name: t("Target"),
        fields: [
          f("rep", "user"),
          f("kind", "select", {
            options: [
              { value: "person", label: t("Person") },
              { value: "team", label: t("Team") },
            ],
          }),
          f("amount", "money"),
          f("start", "date"),
          f("end", "date"),
        ],
      },
    ],
    kpis: [
      {
        id: "deal_count",
        name: t("Deals"),
        form: "deal",
        measure: { type: "count" },
        groupBy: ["_owner"],
        goal: { type: "fixed", value: 2, per: "month" },
      },
      {
        id: "amount_sum",
        name: t("Amount"),
        form: "deal",
        measure: { type: "sum", field: "amount" },
        groupBy: ["_owner"],
        goal: {
          type: "split",
          year: 2026,
          total: 1200,
          mode: "weights",
          members: [
            { key: "u1", value: 3 },
            { key: "u2", value: 1 },
          ],
        },
      },
      {
        id: "amount_avg",
        name: t("Average"),
        form: "deal",
        measure: { type: "avg", field: "amount" },
        groupBy: ["region"],
      },
      { id: "amount_min", name: t("Smallest"), form: "deal", measure: { type: "min", field: "amount" } },
      { id: "amount_max", name: t("Largest"), form: "deal", measure: { type: "max", field: "amount" } },
      {
        id: "win_ratio",
        name: t("Won amount per target"),
        form: "deal",
        measure: {
          type: "ratio",
          numerator: { measure: { type: "sum", field: "amount" }, filter: [where("_stage", "eq", "won")] },
          denominator: {
            form: "target",
            measure: { type: "sum", field: "amount" },
            filter: [where("kind", "eq", "person")],
            periodField: "start",
            groupField: "rep",
          },
        },
        groupBy: ["_owner"],
        goal: { type: "fixed", value: 0.5 },
      },
      {
        id: "cycle_days",
        name: t("Cycle"),
        form: "deal",
        measure: {
          type: "duration",
          from: { type: "created" },
          to: { type: "stage_entered", stage: "won" },
          statistic: "median",
          unit: "days",
        },
        filter: [where("region", "in", ["east", "west"])],
      },
      {
        id: "sign_hours",
        name: t("Hours from close date to signature"),
        form: "deal",
        measure: {
          type: "duration",
          from: { type: "field", field: "close_date" },
          to: { type: "field", field: "signed_at" },
          statistic: "avg",
          unit: "hours",
        },
      },
      {
        id: "proposal_conversion",
        name: t("Proposal to won"),
        form: "deal",
        measure: { type: "stage_conversion", from: "proposal", to: "won" },
        groupBy: ["_owner"],
      },
      {
        id: "proposal_days",
        name: t("Days in proposal"),
        form: "deal",
        measure: { type: "time_in_stage", stage: "proposal", statistic: "avg", unit: "days" },
      },
      {
        id: "proposal_days_median",
        name: t("Median days in proposal"),
        form: "deal",
        measure: { type: "time_in_stage", stage: "proposal", statistic: "median", unit: "days" },
      },
      {
        id: "amount_vs_target",
        name: t("Amount against targets"),
        form: "deal",
        measure: { type: "sum", field: "amount" },
        groupBy: ["_owner"],
        goal: {
          type: "records",
          form: "target",
          field: "amount",
          from: "start",
          to: "end",
          groupField: "rep",
          filter: [where("kind", "eq", "person")],
        },
      },
    ],
    dashboards: [
      {
        id: "overview",
        name: t("Overview"),
        period: "quarter",
        widgets: [
          { id: "total", type: "number", kpi: "amount_sum" },
          { id: "trend", type: "line", kpi: "deal_count", period: "month" },
          { id: "by_owner", type: "bar", kpi: "amount_sum", groupBy: "_owner" },
          { id: "by_region", type: "bar", kpi: "amount_avg", groupBy: "region", period: "year" },
          { id: "funnel", type: "funnel", form: "deal" },
          { id: "open_funnel", type: "funnel", form: "deal", stages: ["proposal", "lead"] },
          { id: "ranking", type: "leaderboard", kpi: "amount_sum", groupBy: "_owner", limit: 1 },
          { id: "slowest", type: "leaderboard", kpi: "cycle_days", groupBy: "_owner" },
          {
            id: "latest",
            type: "table",
            form: "deal",
            columns: ["deal_name", "amount", "_stage", "_owner", "_created_at", "tags"],
            filter: [where("amount", "gte", 100), where("_created_at", "lte", { today: true })],
            limit: 3,
          },
        ],
      },
    ],
  };
}

/** A record row for direct inserts. */
export interface RecordSeed {
  id: string;
  form: string;
  owner?: string | null;
  stage?: string | null;
  createdAt?: string;
  closedAt?: string | null;
  data: Record<string, unknown>;
}

/** A stage-log row: record, stage, entered and (optionally) exited. */
export type LogSeed = [recordId: string, stage: string, enteredAt: string, exitedAt: string | null];

/** Insert the app (version 1, published) in a workspace. */
export async function insertApp(
  db: Kysely<Database>,
  workspaceId: string,
  appId: string,
  definition: AppDefinition,
): Promise<void> {
  await insertPublishedApp(db, workspaceId, appId, [definition]);
}

/** Insert records of an app. */
export async function insertRecords(
  db: Kysely<Database>,
  workspaceId: string,
  appId: string,
  records: readonly RecordSeed[],
): Promise<void> {
  if (records.length === 0) return;
  await db
    .insertInto("records")
    .values(
      records.map((r) => {
        const at = r.createdAt ?? "2026-01-01T00:00:00Z";
        return {
          workspace_id: workspaceId,
          id: r.id,
          app_id: appId,
          form_id: r.form,
          stage: r.stage ?? null,
          owner_id: r.owner ?? null,
          version: 1,
          definition_version: 1,
          data: json(r.data),
          created_at: at,
          updated_at: at,
          last_activity_at: at,
          closed_at: r.closedAt ?? null,
        };
      }),
    )
    .execute();
}

/** Insert stage-log rows of a form's records. */
export async function insertLog(
  db: Kysely<Database>,
  workspaceId: string,
  appId: string,
  formId: string,
  rows: readonly LogSeed[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto("stage_log")
    .values(
      rows.map(([recordId, stage, enteredAt, exitedAt]) => ({
        workspace_id: workspaceId,
        app_id: appId,
        form_id: formId,
        record_id: recordId,
        stage,
        entered_at: enteredAt,
        exited_at: exitedAt,
      })),
    )
    .execute();
}

/**
 * The deals, targets and stage log of kpiLabDefinition (Asia/Shanghai, UTC+8). d2 is created on
 * Jan 31 UTC = Feb 1 local; d6 on Dec 31 local (outside 2026); d7 on Dec 31 UTC = Jan 1 local.
 * Record ids are unique in a workspace: a second app of the same workspace takes an id prefix.
 */
export async function seedKpiLab(
  db: Kysely<Database>,
  workspaceId: string,
  appId: string,
  idPrefix = "",
): Promise<void> {
  const deal = (
    id: string,
    owner: string,
    stage: string,
    createdAt: string,
    data: Record<string, unknown>,
  ): RecordSeed => ({
    id: idPrefix + id,
    form: "deal",
    owner,
    stage,
    createdAt,
    data: { deal_name: id, ...data },
  });
  await insertRecords(db, workspaceId, appId, [
    deal("d1", "u1", "won", "2026-01-10T02:00:00Z", {
      amount: 100,
      region: "east",
      close_date: "2026-01-15",
      signed_at: "2026-01-15T10:00:00+08:00",
      hot: true,
      tags: ["vip"],
    }),
    deal("d2", "u1", "won", "2026-01-31T20:00:00Z", {
      amount: 200,
      region: "east",
      close_date: "2026-02-03",
      signed_at: "2026-02-03T06:00:00Z",
      hot: false,
      tags: ["vip", "new"],
    }),
    deal("d3", "u2", "lost", "2026-02-15T03:00:00Z", { amount: 300, region: "west", tags: [] }),
    deal("d4", "u2", "proposal", "2026-03-03T03:00:00Z", {
      amount: 400,
      region: "west",
      deal_name: "Big Deal",
    }),
    deal("d5", "u1", "lead", "2026-03-20T03:00:00Z", { region: "east", amount: null }),
    deal("d6", "u1", "won", "2025-12-31T15:00:00Z", { amount: 1000, region: "east" }),
    deal("d7", "u2", "won", "2025-12-31T17:00:00Z", { amount: 50, region: "west" }),
    ...[
      ["t1", "u1", "person", 900, "2026-01-01", "2026-03-31"],
      ["t2", "u2", "person", 300, "2026-02-15", "2026-03-16"],
      ["t3", "u2", "team", 5000, "2026-01-01", "2026-12-31"],
      ["t4", "u1", "person", 400, "2025-12-01", "2026-01-09"],
      ["t5", "u2", "person", 70, "2026-04-10", null],
    ].map(([id, rep, kind, amount, start, end]) => ({
      id: idPrefix + String(id),
      form: "target",
      data: { rep, kind, amount, start, ...(end === null ? {} : { end }) },
    })),
  ]);
  const log: LogSeed[] = [
    ["d1", "lead", "2026-01-10T02:00:00Z", "2026-01-12T02:00:00Z"],
    ["d1", "proposal", "2026-01-12T02:00:00Z", "2026-01-15T02:00:00Z"],
    ["d1", "won", "2026-01-15T02:00:00Z", null],
    ["d2", "lead", "2026-01-31T20:00:00Z", "2026-02-02T20:00:00Z"],
    ["d2", "proposal", "2026-02-02T20:00:00Z", "2026-02-03T08:00:00Z"],
    ["d2", "won", "2026-02-03T08:00:00Z", null],
    ["d3", "lead", "2026-02-15T03:00:00Z", "2026-02-16T03:00:00Z"],
    ["d3", "proposal", "2026-02-16T03:00:00Z", "2026-02-20T03:00:00Z"],
    ["d3", "lost", "2026-02-20T03:00:00Z", null],
    ["d4", "lead", "2026-03-03T03:00:00Z", "2026-03-05T03:00:00Z"],
    ["d4", "proposal", "2026-03-05T03:00:00Z", "2026-03-06T03:00:00Z"],
    ["d4", "lead", "2026-03-06T03:00:00Z", "2026-03-07T03:00:00Z"],
    ["d4", "proposal", "2026-03-07T03:00:00Z", null],
    ["d5", "lead", "2026-03-20T03:00:00Z", null],
    ["d6", "lead", "2025-12-31T15:00:00Z", "2025-12-31T16:00:00Z"],
    ["d6", "won", "2025-12-31T16:00:00Z", null],
    ["d7", "lead", "2025-12-31T17:00:00Z", "2026-01-02T17:00:00Z"],
    ["d7", "proposal", "2026-01-02T17:00:00Z", "2026-01-03T17:00:00Z"],
    ["d7", "won", "2026-01-03T17:00:00Z", null],
  ];
  await insertLog(
    db,
    workspaceId,
    appId,
    "deal",
    log.map(([id, ...rest]) => [idPrefix + id, ...rest]),
  );
}

/** A test runtime with the KPI lab app ("lab") installed and seeded in the default workspace. */
export async function startKpiLab(): Promise<{ rt: TestRuntime; workspaceId: string }> {
  const rt = await startTestRuntime();
  const workspaceId = await defaultWorkspaceId(rt.database.db);
  await insertApp(rt.database.db, workspaceId, "lab", kpiLabDefinition());
  await seedKpiLab(rt.database.db, workspaceId, "lab");
  return { rt, workspaceId };
}
