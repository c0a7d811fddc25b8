import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRuntime, type TestRuntime } from "../test-runtime.js";
import { dealDefinition, installApp, whoIs } from "./test-records.js";
import { inTransaction } from "./transaction.js";

const lost = (code: string) => Object.assign(new Error(`lost race ${code}`), { code });

describe("record transactions", () => {
  let rt: TestRuntime;
  let workspaceId: string;
  let appId: string;

  const counterValue = async (key: string): Promise<number | undefined> => {
    const row = await rt.database.db
      .selectFrom("counters")
      .select("value")
      .where("workspace_id", "=", workspaceId)
      .where("key", "=", key)
      .executeTakeFirst();
    return row === undefined ? undefined : Number(row.value);
  };

  beforeAll(async () => {
    rt = await startTestRuntime();
    workspaceId = (await whoIs(rt, rt.ownerToken)).workspaceId;
    appId = await installApp(rt.database.db, workspaceId, dealDefinition());
  });
  afterAll(async () => {
    await rt.close();
  });

  it("runs a transaction of its own again after a lost race; the aborted attempt wrote nothing", async () => {
    let attempts = 0;
    const result = await inTransaction(rt.database.db, async (tx) => {
      attempts += 1;
      // A second insert of the key would fail unless the first attempt's insert was rolled back.
      await tx
        .insertInto("counters")
        .values({ workspace_id: workspaceId, key: "race-own", value: attempts })
        .execute();
      if (attempts === 1) throw lost("40P01");
      return "committed";
    });
    expect(result).toBe("committed");
    expect(attempts).toBe(2);
    expect(await counterValue("race-own")).toBe(2);
  });

  it("never retries inside the caller's transaction: the lost race reaches the caller", async () => {
    let attempts = 0;
    await expect(
      rt.database.db.transaction().execute((outer) =>
        inTransaction(outer, async (tx) => {
          attempts += 1;
          await tx
            .insertInto("counters")
            .values({ workspace_id: workspaceId, key: "race-nested", value: 1 })
            .execute();
          throw lost("40001");
        }),
      ),
    ).rejects.toMatchObject({ code: "40001" });
    expect(attempts).toBe(1);
    expect(await counterValue("race-nested")).toBeUndefined();
  });

  it("throws any other error of its own transaction at once", async () => {
    let attempts = 0;
    await expect(
      inTransaction(rt.database.db, async () => {
        attempts += 1;
        await Promise.resolve();
        throw lost("23505");
      }),
    ).rejects.toMatchObject({ code: "23505" });
    expect(attempts).toBe(1);
  });

  // PGlite has one connection, so two transactions never hold locks at once there.
  it.runIf(process.env["TEST_DATABASE"] === "postgres")(
    "answers a person's change that deadlocked with another transaction by retrying it",
    async () => {
      const { db } = rt.database;
      const url = `/api/apps/${appId}/forms/note/records`;
      const created = await rt.call("POST", url, rt.ownerToken, { data: { body: "before" } });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json<{ id: string }>().id;
      const lockedWaits = async (): Promise<number> => {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
        return rows[0]?.n ?? 0;
      };

      // The other transaction takes the app's KPI rollup lock (every record write takes it shared
      // in its trigger), waits until the change holds the record's row and waits for that lock,
      // then wants the record's row itself: a deadlock in which the change waited first, so its
      // deadlock check runs first and Postgres aborts the change.
      let rollupLocked!: () => void;
      const locked = new Promise<void>((resolve) => (rollupLocked = resolve));
      const other = db.transaction().execute(async (tx) => {
        await sql`select pg_advisory_xact_lock(hashtext('kpi_rollups'), hashtext(${`${workspaceId}/${appId}`}))`.execute(
          tx,
        );
        rollupLocked();
        while ((await lockedWaits()) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
        await sql`select id from records where workspace_id = ${workspaceId} and id = ${id} for update`.execute(
          tx,
        );
        return "other committed";
      });
      await locked;
      const changed = await rt.call(
        "PATCH",
        `${url}/${id}`,
        rt.ownerToken,
        { data: { body: "after" } },
        { "if-match": "1" },
      );
      expect(await other).toBe("other committed");
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({ version: 2, data: { body: "after" } });
    },
  );
});
