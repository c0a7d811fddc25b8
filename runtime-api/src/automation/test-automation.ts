// Test helpers of the automation suites: a small app with one rule per trigger the module runs,
// apps, records and runs inserted with Kysely, and a fake applyRecordEffect that counts calls.
import type { AppDefinition, Rule } from "@stagecraft/schemas";
import type { Kysely } from "kysely";
import { json } from "../db/sql-json.js";
import type { Database } from "../db/tables.js";
import { newId } from "../ids.js";
import {
  defaultWorkspaceId,
  insertPublishedApp,
  startTestRuntime,
  type TestRuntime,
} from "../test-runtime.js";
import { ruleRunRow } from "./new-run.js";
import type { ApplyRecordEffect } from "./rule-executor.js";

const t = (en: string) => ({ zh: en, en });

export const APP_ID = "deals";

/** Rules of the test app; `webhookUrl` is the target of the `ping` rule's outbound webhook. */
export function testRules(webhookUrl = "https://hooks.example.com/in"): Rule[] {
  return [
    {
      id: "tag",
      trigger: { type: "record.created", form: "deal" },
      actions: [
        { type: "set_field", field: "note", value: "first" },
        { type: "set_field", field: "label", value: { cat: [{ var: "name" }, "!"] } },
      ],
    },
    {
      id: "later",
      trigger: { type: "record.created", form: "deal" },
      actions: [
        { type: "set_field", field: "note", value: "before" },
        { type: "wait", minutes: 30 },
        { type: "set_field", field: "label", value: "after" },
      ],
    },
    {
      id: "ping",
      trigger: { type: "record.created", form: "deal" },
      actions: [
        { type: "set_field", field: "note", value: "pinged" },
        {
          type: "webhook",
          url: webhookUrl,
          headers: { "x-api-key": "secret-key-1" },
          body: { cat: ["deal ", { var: "name" }] },
        },
        { type: "set_field", field: "label", value: "done" },
      ],
    },
    {
      id: "daily",
      trigger: { type: "schedule", cron: "0 9 * * *", timeZone: "Asia/Shanghai" },
      actions: [{ type: "notify", to: [{ type: "role", role: "admin" }], title: t("Daily") }],
    },
    {
      id: "open_daily",
      trigger: {
        type: "schedule",
        cron: "0 9 * * *",
        timeZone: "Asia/Shanghai",
        form: "deal",
        filter: [{ field: "_stage", op: "eq", value: "lead" }],
      },
      when: { "!=": [{ var: "name" }, "skip me"] },
      actions: [{ type: "notify", to: [{ type: "owner" }], title: t("Open") }],
    },
    {
      id: "hooked",
      trigger: { type: "webhook" },
      when: { "==": [{ var: "_payload.kind" }, "go"] },
      actions: [{ type: "notify", to: [{ type: "role", role: "admin" }], title: t("Hooked") }],
    },
    {
      id: "stale",
      trigger: { type: "record.idle", form: "deal", days: 7 },
      actions: [{ type: "notify", to: [{ type: "owner" }], title: t("Stale") }],
    },
    {
      id: "renewal",
      trigger: { type: "date.offset", form: "deal", field: "close_date", days: -30 },
      when: { "!=": [{ var: "name" }, "skip me"] },
      actions: [{ type: "notify", to: [{ type: "owner" }], title: t("Renewal") }],
    },
  ];
}

/** The test app's definition. */
export function testDefinition(webhookUrl?: string): AppDefinition {
  return {
    id: "deals",
    name: t("Deals"),
    forms: [
      {
        id: "deal",
        name: t("Deal"),
        fields: [
          { id: "name", type: "text", label: t("Name") },
          { id: "note", type: "text", label: t("Note") },
          { id: "label", type: "text", label: t("Label") },
          { id: "close_date", type: "date", label: t("Close date") },
        ],
        pipeline: {
          initial: "lead",
          stages: [
            { id: "lead", name: t("Lead") },
            { id: "won", name: t("Won"), terminal: "won" },
          ],
        },
      },
    ],
    rules: testRules(webhookUrl),
    settings: { timeZone: "Asia/Shanghai" },
  };
}

/** Insert an app at version 1 with a definition. */
export async function insertApp(
  db: Kysely<Database>,
  workspaceId: string,
  definition: AppDefinition,
  appId = APP_ID,
): Promise<void> {
  await insertPublishedApp(db, workspaceId, appId, [definition]);
}

/** A test runtime (its clock at `now`) with the test app published in its default workspace. */
export async function openAutomationLab(
  now?: string,
): Promise<{ rt: TestRuntime; db: Kysely<Database>; ws: string }> {
  const rt = await startTestRuntime(now);
  const db = rt.database.db;
  const ws = await defaultWorkspaceId(db);
  await insertApp(db, ws, testDefinition());
  return { rt, db, ws };
}

/** Insert a record of the `deal` form (stage lead unless told). */
export async function insertRecord(
  db: Kysely<Database>,
  workspaceId: string,
  values: {
    data?: Record<string, unknown>;
    stage?: string;
    lastActivityAt?: string;
    closedAt?: string;
    id?: string;
  },
  appId = APP_ID,
): Promise<string> {
  const id = values.id ?? newId();
  const at = values.lastActivityAt ?? "2026-11-01T00:00:00.000Z";
  await db
    .insertInto("records")
    .values({
      workspace_id: workspaceId,
      id,
      app_id: appId,
      form_id: "deal",
      stage: values.stage ?? "lead",
      owner_id: null,
      version: 1,
      definition_version: 1,
      data: json(values.data ?? { name: "Acme" }),
      created_at: at,
      updated_at: at,
      last_activity_at: at,
      closed_at: values.closedAt ?? null,
    })
    .execute();
  return id;
}

/** Insert a queued run of a rule. */
export async function insertRun(
  db: Kysely<Database>,
  workspaceId: string,
  run: {
    ruleId: string;
    recordId?: string | null;
    runAt: Date;
    maxAttempts?: number;
    trigger?: unknown;
    depth?: number;
  },
  appId = APP_ID,
): Promise<string> {
  const id = newId();
  await db
    .insertInto("rule_runs")
    .values(
      ruleRunRow({
        workspaceId,
        id,
        appId,
        appVersion: 1,
        ruleId: run.ruleId,
        recordId: run.recordId ?? null,
        trigger: run.trigger ?? { type: "record.created" },
        depth: run.depth ?? 0,
        runAt: run.runAt,
        createdAt: run.runAt,
        ...(run.maxAttempts !== undefined ? { maxAttempts: run.maxAttempts } : {}),
      }),
    )
    .execute();
  return id;
}

/** A fake applyRecordEffect: records each call; `failOn` throws for chosen action indexes. */
export function countingApply(failOn: (actionIndex: number, callNumber: number) => boolean = () => false): {
  apply: ApplyRecordEffect;
  calls: { runId: string; actionIndex: number; type: string }[];
} {
  const calls: { runId: string; actionIndex: number; type: string }[] = [];
  let callNumber = 0;
  const apply: ApplyRecordEffect = async (_tx, run, effect, actionIndex) => {
    callNumber += 1;
    if (failOn(actionIndex, callNumber)) throw new Error(`effect ${actionIndex} failed`);
    calls.push({ runId: run.id, actionIndex, type: effect.type });
    await Promise.resolve();
  };
  return { apply, calls };
}

/** A run row read back. */
export async function runRow(db: Kysely<Database>, runId: string) {
  return db.selectFrom("rule_runs").selectAll().where("id", "=", runId).executeTakeFirstOrThrow();
}
