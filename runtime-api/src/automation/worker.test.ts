import type { Kysely, KyselyPlugin } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../clock.js";
import type { Database } from "../db/tables.js";
import type { TestRuntime } from "../test-runtime.js";
import type { RunExecutor } from "./executor.js";
import { insertRun, openAutomationLab } from "./test-automation.js";
import { Worker } from "./worker.js";

// The worker records a run's outcome after executing it; if the database is unreachable just
// then (a restart), it tries again rather than leaving the run `running` for its whole lease.

/** A plugin that fails the next `failures` UPDATE statements with `message`. */
function failUpdates(message: string): { plugin: KyselyPlugin; arm(failures: number): void } {
  let pending = 0;
  return {
    arm: (failures) => {
      pending = failures;
    },
    plugin: {
      transformQuery: (args) => {
        if (pending > 0 && args.node.kind === "UpdateQueryNode") {
          pending--;
          throw new Error(message);
        }
        return args.node;
      },
      transformResult: (args) => Promise.resolve(args.result),
    },
  };
}

describe("the worker", () => {
  let rt: TestRuntime;
  let db: Kysely<Database>;
  let ws: string;
  const clock = new ManualClock("2026-11-23T09:00:00Z");

  beforeAll(async () => {
    ({ rt, db, ws } = await openAutomationLab());
  });
  afterAll(async () => {
    await rt.close();
  });

  it("records an outcome once the database answers again", async () => {
    // What pg throws when Postgres cut the connection.
    const cut = failUpdates("Connection terminated unexpectedly");
    const errors: unknown[] = [];
    // The database goes away while the run executes: its outcome cannot be written at first.
    const executor: RunExecutor = {
      execute: () => {
        cut.arm(2);
        return Promise.resolve({ kind: "succeeded", log: [] });
      },
    };
    const worker = new Worker({ db: db.withPlugin(cut.plugin), clock }, executor, {
      pollIntervalMs: 5,
      onError: (err) => errors.push(err),
    });
    const id = await insertRun(db, ws, { ruleId: "tag", runAt: clock.now() });
    expect(await worker.runOnce()).toBe(1);
    const run = await db.selectFrom("rule_runs").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(run).toMatchObject({ status: "succeeded", attempts: 1, locked_by: null });
    expect(errors).toHaveLength(2);
  });

  it("does not retry an error other than an unreachable database", async () => {
    const bug = failUpdates("a bug");
    const executor: RunExecutor = {
      execute: () => {
        bug.arm(1);
        return Promise.resolve({ kind: "succeeded", log: [] });
      },
    };
    const worker = new Worker({ db: db.withPlugin(bug.plugin), clock }, executor, { pollIntervalMs: 5 });
    const id = await insertRun(db, ws, { ruleId: "tag", runAt: clock.now() });
    await expect(worker.runOnce()).rejects.toThrow("a bug");
    const run = await db.selectFrom("rule_runs").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(run.status).toBe("running");
  });
});
