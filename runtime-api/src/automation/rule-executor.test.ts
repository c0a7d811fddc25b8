import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../db/tables.js";
import type { Runtime } from "../runtime.js";
import { startTestRuntime, type TestRuntime, defaultWorkspaceId } from "../test-runtime.js";
import type { RunExecutor } from "./executor.js";
import { claimRuns } from "./queue.js";
import { createRuleExecutor, PermanentEffectError } from "./rule-executor.js";
import type { RunLogEntry } from "./rule-run.js";
import {
  countingApply,
  insertApp,
  insertRecord,
  insertRun,
  runRow,
  testDefinition,
} from "./test-automation.js";
import { startTestServer, type TestServer } from "./test-http-server.js";
import { webhookSecretText, webhookSigningKey } from "./webhook-signature.js";
import { Worker } from "./worker.js";
import { createHmac } from "node:crypto";

const SECRET = "test-server-secret";
const MINUTE = 60_000;

describe("the rule executor and its worker", () => {
  let rt: TestRuntime;
  let runtime: Runtime;
  let db: Kysely<Database>;
  let ws: string;
  let server: TestServer;
  let status = 204;
  let recordId: string;

  beforeAll(async () => {
    server = await startTestServer((_req, res) => {
      res.statusCode = status;
      res.end();
    });
    rt = await startTestRuntime();
    runtime = rt.app.runtime;
    db = rt.database.db;
    ws = await defaultWorkspaceId(db);
    await insertApp(db, ws, testDefinition(`${server.origin}/hook?token=query-secret`));
  });
  afterAll(async () => {
    await rt.close();
    await server.close();
  });
  beforeEach(async () => {
    await db.deleteFrom("rule_runs").execute();
    await db.deleteFrom("applied_effects").execute();
    await db.deleteFrom("webhook_allowlist").execute();
    await db.deleteFrom("records").execute();
    recordId = await insertRecord(db, ws, { data: { name: "Acme" } });
    server.requests.length = 0;
    status = 204;
  });

  function worker(executor: RunExecutor, id = "w1"): Worker {
    return new Worker(runtime, executor, { workerId: id, random: () => 0.5, leaseMs: 5 * MINUTE });
  }

  async function log(runId: string): Promise<RunLogEntry[]> {
    const row = await runRow(db, runId);
    return row.effects as RunLogEntry[];
  }

  it("applies a rule's record effects in order, each in its own keyed transaction", async () => {
    const { apply, calls } = countingApply();
    const runId = await insertRun(db, ws, { ruleId: "tag", recordId, runAt: rt.clock.now() });
    expect(await worker(createRuleExecutor(runtime, apply, { webhookSecret: SECRET })).runOnce()).toBe(1);
    expect(calls).toEqual([
      { runId, actionIndex: 0, type: "set_field" },
      { runId, actionIndex: 1, type: "set_field" },
    ]);
    const row = await runRow(db, runId);
    expect(row).toMatchObject({ status: "succeeded", attempts: 1, error: null });
    expect((await log(runId)).map((e) => [e.actionIndex, e.outcome, e.summary])).toEqual([
      [0, "applied", `set deal.note of record ${recordId}`],
      [1, "applied", `set deal.label of record ${recordId}`],
    ]);
    const keys = await db
      .selectFrom("applied_effects")
      .select("action_index")
      .where("run_id", "=", runId)
      .execute();
    expect(keys.map((k) => k.action_index).sort()).toEqual([0, 1]);
  });

  it("parks a run at a wait and resumes it after the delay with the next action", async () => {
    const { apply, calls } = countingApply();
    const w = worker(createRuleExecutor(runtime, apply, { webhookSecret: SECRET }));
    const start = rt.clock.now();
    const runId = await insertRun(db, ws, { ruleId: "later", recordId, runAt: start });
    await w.runOnce();
    expect(calls.map((c) => c.actionIndex)).toEqual([0]);
    const parked = await runRow(db, runId);
    expect(parked).toMatchObject({ status: "queued", next_action: 2, attempts: 0, locked_by: null });
    expect(parked.run_at.getTime()).toBe(start.getTime() + 30 * MINUTE);
    expect(await w.runOnce()).toBe(0);
    rt.clock.advance(30 * MINUTE);
    expect(await w.runOnce()).toBe(1);
    expect(calls.map((c) => c.actionIndex)).toEqual([0, 2]);
    expect(await runRow(db, runId)).toMatchObject({ status: "succeeded", attempts: 1 });
    expect((await log(runId)).map((e) => [e.actionIndex, e.outcome])).toEqual([
      [0, "applied"],
      [1, "waiting"],
      [2, "applied"],
    ]);
  });

  it("skips effects a failed attempt already applied when the run is retried", async () => {
    const { apply, calls } = countingApply((actionIndex, call) => actionIndex === 1 && call === 2);
    const w = worker(createRuleExecutor(runtime, apply, { webhookSecret: SECRET }));
    const runId = await insertRun(db, ws, { ruleId: "tag", recordId, runAt: rt.clock.now() });
    await w.runOnce();
    const failed = await runRow(db, runId);
    expect(failed).toMatchObject({ status: "queued", attempts: 1, error: "effect 1 failed" });
    rt.clock.set(failed.run_at);
    await w.runOnce();
    expect(calls.map((c) => c.actionIndex)).toEqual([0, 1]);
    expect(await runRow(db, runId)).toMatchObject({ status: "succeeded", attempts: 2 });
    expect((await log(runId)).map((e) => [e.attempt, e.actionIndex, e.outcome])).toEqual([
      [1, 0, "applied"],
      [1, null, "failed"],
      [2, 0, "skipped"],
      [2, 1, "applied"],
    ]);
  });

  it("finishes a run exactly once after its worker is killed mid-run", async () => {
    // The first worker applies action 0, then "dies" inside action 1: its transaction rolls
    // back and nothing records the outcome, so the run stays running under its lease.
    const dying = countingApply((actionIndex) => actionIndex === 1);
    const runId = await insertRun(db, ws, { ruleId: "tag", recordId, runAt: rt.clock.now() });
    const [claimed] = await claimRuns(db, "killed", rt.clock.now(), 1, 5 * MINUTE);
    await createRuleExecutor(runtime, dying.apply, { webhookSecret: SECRET }).execute(
      claimed!,
      new AbortController().signal,
    );
    expect(await runRow(db, runId)).toMatchObject({ status: "running", locked_by: "killed" });

    const survivor = countingApply();
    const w = worker(createRuleExecutor(runtime, survivor.apply, { webhookSecret: SECRET }), "w2");
    expect(await w.runOnce()).toBe(0);
    rt.clock.advance(5 * MINUTE);
    expect(await w.runOnce()).toBe(1);
    expect(await w.runOnce()).toBe(0);
    expect(dying.calls.map((c) => c.actionIndex)).toEqual([0]);
    expect(survivor.calls.map((c) => c.actionIndex)).toEqual([1]);
    expect(await runRow(db, runId)).toMatchObject({ status: "succeeded", attempts: 2, locked_by: null });
  });

  it("does not apply effects again when a worker died after applying them all", async () => {
    const first = countingApply();
    const runId = await insertRun(db, ws, { ruleId: "tag", recordId, runAt: rt.clock.now() });
    const [claimed] = await claimRuns(db, "killed", rt.clock.now(), 1, 5 * MINUTE);
    const outcome = await createRuleExecutor(runtime, first.apply, { webhookSecret: SECRET }).execute(
      claimed!,
      new AbortController().signal,
    );
    // Killed before it could record the outcome.
    expect(outcome.kind).toBe("succeeded");
    rt.clock.advance(5 * MINUTE);
    const second = countingApply();
    expect(
      await worker(createRuleExecutor(runtime, second.apply, { webhookSecret: SECRET }), "w2").runOnce(),
    ).toBe(1);
    expect(first.calls.map((c) => c.actionIndex)).toEqual([0, 1]);
    expect(second.calls).toEqual([]);
    expect(await runRow(db, runId)).toMatchObject({ status: "succeeded", attempts: 2 });
    expect((await log(runId)).map((e) => e.outcome)).toEqual(["skipped", "skipped"]);
  });

  it("delivers a signed webhook effect, logging no secret, and does not repeat it on retry", async () => {
    await db
      .insertInto("webhook_allowlist")
      .values({ workspace_id: ws, host: "127.0.0.1", created_at: rt.clock.now() })
      .execute();
    const { apply, calls } = countingApply((actionIndex, call) => actionIndex === 2 && call === 2);
    const w = worker(createRuleExecutor(runtime, apply, { webhookSecret: SECRET }));
    const runId = await insertRun(db, ws, { ruleId: "ping", recordId, runAt: rt.clock.now() });
    await w.runOnce();
    const [req] = server.requests;
    expect(req).toMatchObject({ method: "POST", url: "/hook?token=query-secret", body: '"deal Acme"' });
    expect(req!.headers).toMatchObject({
      "webhook-id": `${runId}:1`,
      "webhook-timestamp": String(Math.floor(rt.clock.now().getTime() / 1000)),
      "x-api-key": "secret-key-1",
    });
    const secret = webhookSecretText(webhookSigningKey(SECRET, ws));
    const keyBytes = Buffer.from(secret.slice(6), "base64");
    const signed = `${runId}:1.${String(req!.headers["webhook-timestamp"])}.${req!.body}`;
    expect(req!.headers["webhook-signature"]).toBe(
      `v1,${createHmac("sha256", keyBytes).update(signed).digest("base64")}`,
    );

    // Action 2 failed after the delivery: the retry neither re-applies action 0 nor calls again.
    const failed = await runRow(db, runId);
    expect(failed.status).toBe("queued");
    rt.clock.set(failed.run_at);
    await w.runOnce();
    expect(server.requests).toHaveLength(1);
    expect(calls.map((c) => c.actionIndex)).toEqual([0, 2]);
    expect(await runRow(db, runId)).toMatchObject({ status: "succeeded" });
    const text = JSON.stringify(await log(runId));
    expect(text).toContain("already delivered");
    expect(text).toContain(`POST ${server.origin}/hook → HTTP 204`);
    expect(text).not.toContain("query-secret");
    expect(text).not.toContain("secret-key-1");
  });

  it("retries a webhook the receiver refused with 5xx, and fails one the SSRF policy refuses", async () => {
    await db
      .insertInto("webhook_allowlist")
      .values({ workspace_id: ws, host: "127.0.0.1", created_at: rt.clock.now() })
      .execute();
    const w = worker(createRuleExecutor(runtime, countingApply().apply, { webhookSecret: SECRET }));
    status = 500;
    const runId = await insertRun(db, ws, { ruleId: "ping", recordId, runAt: rt.clock.now() });
    await w.runOnce();
    const retried = await runRow(db, runId);
    expect(retried).toMatchObject({
      status: "queued",
      error: `webhook ${server.origin}/hook: answered HTTP 500`,
    });
    status = 204;
    rt.clock.set(retried.run_at);
    await w.runOnce();
    expect(await runRow(db, runId)).toMatchObject({ status: "succeeded" });
    expect(server.requests.map((r) => r.headers["webhook-id"])).toEqual([`${runId}:1`, `${runId}:1`]);

    await db.deleteFrom("webhook_allowlist").execute();
    server.requests.length = 0;
    const refusedId = await insertRun(db, ws, { ruleId: "ping", recordId, runAt: rt.clock.now() });
    await w.runOnce();
    const refused = await runRow(db, refusedId);
    expect(refused).toMatchObject({ status: "failed", attempts: 1 });
    expect(refused.error).toContain("refused: 127.0.0.1 resolves to 127.0.0.1: loopback");
    expect(server.requests).toHaveLength(0);
  });

  it("sends a poison run to dead after max_attempts without blocking other runs", async () => {
    const { apply, calls } = countingApply();
    const rules = createRuleExecutor(runtime, apply, { webhookSecret: SECRET });
    const poisonId = await insertRun(db, ws, {
      ruleId: "tag",
      recordId,
      runAt: rt.clock.now(),
      maxAttempts: 3,
    });
    const executor: RunExecutor = {
      execute: (run, signal) =>
        run.id === poisonId ? Promise.reject(new Error("poison")) : rules.execute(run, signal),
    };
    const w = worker(executor);
    rt.clock.advance(1);
    const goodId = await insertRun(db, ws, { ruleId: "tag", recordId, runAt: rt.clock.now() });
    for (let i = 0; i < 3; i++) {
      await w.runOnce(rt.clock.now(), 10);
      rt.clock.advance(3_600_000);
    }
    expect(await runRow(db, goodId)).toMatchObject({ status: "succeeded", attempts: 1 });
    expect(calls.every((c) => c.runId === goodId)).toBe(true);
    expect(await runRow(db, poisonId)).toMatchObject({ status: "dead", attempts: 3, error: "poison" });
  });

  it("declares dead a run whose worker keeps dying, without running it again", async () => {
    const runId = await insertRun(db, ws, { ruleId: "tag", recordId, runAt: rt.clock.now(), maxAttempts: 2 });
    for (const id of ["k1", "k2"]) {
      await claimRuns(db, id, rt.clock.now(), 1, MINUTE);
      rt.clock.advance(MINUTE);
    }
    const { apply, calls } = countingApply();
    await worker(createRuleExecutor(runtime, apply, { webhookSecret: SECRET })).runOnce();
    expect(calls).toEqual([]);
    expect(await runRow(db, runId)).toMatchObject({ status: "dead", attempts: 3 });
    expect((await runRow(db, runId)).error).toContain("interrupted 2 times");
  });

  it("fails runs that cannot succeed, and skips runs whose record is gone", async () => {
    const { apply, calls } = countingApply();
    const w = worker(createRuleExecutor(runtime, apply, { webhookSecret: SECRET }));
    const now = rt.clock.now();
    const missingRule = await insertRun(db, ws, { ruleId: "nope", recordId, runAt: now });
    const tooDeep = await insertRun(db, ws, { ruleId: "tag", recordId, runAt: now, depth: 5 });
    const gone = await insertRun(db, ws, { ruleId: "tag", recordId: "deleted-record", runAt: now });
    await w.runOnce(now, 10);
    expect(await runRow(db, missingRule)).toMatchObject({
      status: "failed",
      error: "rule nope is not in app version 1",
    });
    expect(await runRow(db, tooDeep)).toMatchObject({ status: "failed" });
    expect((await runRow(db, tooDeep)).error).toContain("cascade depth limit (5)");
    expect(await runRow(db, gone)).toMatchObject({ status: "succeeded" });
    expect(JSON.stringify(await log(gone))).toContain("the record no longer exists");
    expect(calls).toEqual([]);
  });

  it("fails a run at once when the effect says retrying cannot help", async () => {
    const apply = async (): Promise<void> => {
      await Promise.resolve();
      throw new PermanentEffectError("note is too long");
    };
    const runId = await insertRun(db, ws, { ruleId: "tag", recordId, runAt: rt.clock.now() });
    await worker(createRuleExecutor(runtime, apply, { webhookSecret: SECRET })).runOnce();
    expect(await runRow(db, runId)).toMatchObject({ status: "failed", error: "note is too long" });
    expect(await db.selectFrom("applied_effects").selectAll().execute()).toEqual([]);
  });

  it("polls in the background and releases its in-flight run when stopped", async () => {
    const { apply } = countingApply();
    const polling = new Worker(runtime, createRuleExecutor(runtime, apply, { webhookSecret: SECRET }), {
      pollIntervalMs: 10,
    });
    polling.start();
    const done = await insertRun(db, ws, { ruleId: "tag", recordId, runAt: rt.clock.now() });
    for (let i = 0; i < 200 && (await runRow(db, done)).status !== "succeeded"; i++) await sleep(10);
    expect((await runRow(db, done)).status).toBe("succeeded");
    await polling.stop();

    const progress = { started: false };
    const stuck: RunExecutor = {
      execute: (_run, signal) =>
        new Promise((_resolve, reject) => {
          progress.started = true;
          signal.addEventListener("abort", () => {
            reject(new Error("aborted"));
          });
        }),
    };
    const stopping = new Worker(runtime, stuck, { pollIntervalMs: 10 });
    const held = await insertRun(db, ws, { ruleId: "tag", recordId, runAt: rt.clock.now() });
    stopping.start();
    for (let i = 0; i < 200 && !progress.started; i++) await sleep(10);
    expect(await runRow(db, held)).toMatchObject({ status: "running", attempts: 1 });
    await stopping.stop(50);
    expect(await runRow(db, held)).toMatchObject({ status: "queued", attempts: 0, locked_by: null });
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
