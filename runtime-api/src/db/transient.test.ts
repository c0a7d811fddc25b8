import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseTarget } from "../test-database.js";
import { openDatabase, type OpenDatabase } from "./database.js";
import { isLostRace, retryLostRace } from "./transient.js";

const lost = (code: string) => Object.assign(new Error(`lost race ${code}`), { code });

describe("retrying a transaction that lost a race", () => {
  it("knows deadlocks and serialization failures from other errors", () => {
    expect(isLostRace(lost("40P01"))).toBe(true);
    expect(isLostRace(lost("40001"))).toBe(true);
    expect(isLostRace(lost("23505"))).toBe(false);
    expect(isLostRace(new Error("plain"))).toBe(false);
    expect(isLostRace({ code: 40001 })).toBe(false);
    expect(isLostRace(null)).toBe(false);
    expect(isLostRace("40P01")).toBe(false);
  });

  it("runs the work again after a lost race, up to the attempts it is given", async () => {
    let calls = 0;
    const flaky = async () => {
      calls += 1;
      await Promise.resolve();
      if (calls < 3) throw lost("40P01");
      return "done";
    };
    await expect(retryLostRace(flaky)).resolves.toBe("done");
    expect(calls).toBe(3);

    calls = 0;
    const always = async () => {
      calls += 1;
      await Promise.resolve();
      throw lost("40001");
    };
    await expect(retryLostRace(always, 2)).rejects.toMatchObject({ code: "40001" });
    expect(calls).toBe(2);
  });

  it("throws any other error at once", async () => {
    let calls = 0;
    const broken = async () => {
      calls += 1;
      await Promise.resolve();
      throw lost("23505");
    };
    await expect(retryLostRace(broken)).rejects.toMatchObject({ code: "23505" });
    expect(calls).toBe(1);
  });

  // PGlite has one connection, so two transactions never hold locks at once there.
  describe.runIf(process.env["TEST_DATABASE"] === "postgres")("on Postgres", () => {
    let database: OpenDatabase;
    beforeAll(async () => {
      database = await openDatabase(await testDatabaseTarget());
      await sql`create table race_rows (id int primary key, n int not null)`.execute(database.db);
      await sql`insert into race_rows values (1, 0), (2, 0)`.execute(database.db);
    });
    afterAll(async () => {
      await sql`drop table race_rows`.execute(database.db);
      await database.close();
    });

    it("lets both of two deadlocked transactions commit, the loser on its second attempt", async () => {
      // Each takes one row, waits until the other has taken its row, then wants the other's.
      let taken = 0;
      const bothTaken = async () => {
        taken += 1;
        while (taken < 2) await new Promise((resolve) => setTimeout(resolve, 5));
      };
      const attempts = { a: 0, b: 0 };
      const swap = (name: "a" | "b", first: number, second: number) =>
        retryLostRace(() =>
          database.db.transaction().execute(async (tx) => {
            attempts[name] += 1;
            await sql`update race_rows set n = n + 1 where id = ${first}`.execute(tx);
            if (attempts[name] === 1) await bothTaken();
            await sql`update race_rows set n = n + 1 where id = ${second}`.execute(tx);
          }),
        );
      await Promise.all([swap("a", 1, 2), swap("b", 2, 1)]);
      expect(attempts.a + attempts.b).toBe(3);
      const rows = await sql<{ n: number }>`select n from race_rows order by id`.execute(database.db);
      expect(rows.rows.map((row) => row.n)).toEqual([2, 2]);
    });
  });
});
