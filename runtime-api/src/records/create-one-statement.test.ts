import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runtime } from "../runtime.js";
import { startTestRuntime, type TestRuntime } from "../test-runtime.js";
import { createRecord } from "./create-record.js";
import type { RecordScope } from "./record-scope.js";
import { dealDefinition, installApp, whoIs } from "./test-records.js";

// A create on a form without serials, aggregates or dependents is ONE statement (the record, its
// stage entry, its audit event and its rule runs as data-modifying CTEs) outside any transaction:
// it must still be all or nothing, and join a caller's transaction when there is one.
describe("creating a record in one statement", () => {
  let rt: TestRuntime;
  let runtime: Runtime;
  let scope: RecordScope;
  let userId: string;

  const counts = async () => {
    const db = rt.database.db;
    const count = async (table: "records" | "record_events" | "stage_log" | "rule_runs") =>
      Number(
        (
          await db
            .selectFrom(table)
            .select(db.fn.countAll().as("n"))
            .where("app_id", "=", scope.appId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      records: await count("records"),
      events: await count("record_events"),
      stageLog: await count("stage_log"),
      runs: await count("rule_runs"),
    };
  };

  /** Run `work` while `constraint` (a check added NOT VALID to `table`) refuses some rows. */
  const refusing = async (table: string, check: string, work: () => Promise<void>) => {
    const db = rt.database.db;
    await sql`alter table ${sql.table(table)} add constraint refuse_for_test check (${sql.raw(check)}) not valid`.execute(
      db,
    );
    try {
      await work();
    } finally {
      await sql`alter table ${sql.table(table)} drop constraint refuse_for_test`.execute(db);
    }
  };

  beforeAll(async () => {
    rt = await startTestRuntime();
    runtime = rt.app.runtime;
    const me = await whoIs(rt, rt.ownerToken);
    userId = me.id;
    const definition = dealDefinition();
    // No serial number: nothing to allocate before the insert.
    for (const form of definition.forms) form.fields = form.fields.filter((f) => f.type !== "serial");
    scope = {
      workspaceId: me.workspaceId,
      appId: await installApp(rt.database.db, me.workspaceId, definition),
      formId: "deal",
    };
  });
  afterAll(async () => {
    await rt.close();
  });

  it("writes the record, its stage entry, its audit event and its rule runs", async () => {
    const before = await counts();
    const record = await createRecord(runtime, scope, { type: "user", userId }, { title: "One", amount: 5 });
    expect(await counts()).toEqual({
      records: before.records + 1,
      events: before.events + 1,
      stageLog: before.stageLog + 1,
      runs: before.runs + 2,
    });
    const db = rt.database.db;
    const stored = await db
      .selectFrom("records")
      .select(["version", "stage", "data", "owner_id"])
      .where("id", "=", record.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      version: 1,
      stage: "lead",
      data: record.data,
      owner_id: userId,
    });
    expect(record).toMatchObject({ version: 1, stage: "lead", ownerId: userId, data: { net_amount: 5 } });
    const runs = await db
      .selectFrom("rule_runs")
      .select("rule_id")
      .where("record_id", "=", record.id)
      .orderBy("rule_id")
      .execute();
    expect(runs.map((r) => r.rule_id)).toEqual(["on_created", "on_entered"]);
    const log = await db
      .selectFrom("stage_log")
      .select(["stage"])
      .where("record_id", "=", record.id)
      .execute();
    expect(log).toEqual([{ stage: "lead" }]);
  });

  it.each([
    ["its rule runs cannot be queued", "rule_runs", "rule_id <> 'on_entered'"],
    ["its stage entry cannot be logged", "stage_log", "stage <> 'lead'"],
  ] as const)("writes nothing when %s", async (_, table, check) => {
    const before = await counts();
    await refusing(table, check, async () => {
      await expect(
        createRecord(runtime, scope, { type: "user", userId }, { title: "Doomed", amount: 1 }),
      ).rejects.toThrow();
    });
    expect(await counts()).toEqual(before);
  });

  it("joins the caller's transaction and goes with its rollback", async () => {
    const before = await counts();
    await expect(
      rt.database.db.transaction().execute(async (tx) => {
        await createRecord(
          { ...runtime, db: tx },
          scope,
          { type: "user", userId },
          { title: "Inner", amount: 1 },
        );
        expect(
          (await tx.selectFrom("records").select("id").where("app_id", "=", scope.appId).execute()).length,
        ).toBe(before.records + 1);
        throw new Error("the caller fails");
      }),
    ).rejects.toThrow("the caller fails");
    expect(await counts()).toEqual(before);
  });

  it("writes a record of a form without a pipeline with no stage entry", async () => {
    const before = await counts();
    const note = await createRecord(
      runtime,
      { ...scope, formId: "note" },
      { type: "user", userId },
      { body: "x" },
    );
    expect(note.stage).toBeNull();
    expect(await counts()).toEqual({
      ...before,
      records: before.records + 1,
      events: before.events + 1,
      runs: before.runs + 1,
    });
  });
});
