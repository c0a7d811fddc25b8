import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimRuns, failRun } from "../automation/queue.js";
import type { RunView } from "../automation/run-view.js";
import { insertApp, insertRun, testDefinition } from "../automation/test-automation.js";
import type { Database } from "../db/tables.js";
import { startTestRuntime, type TestRuntime, defaultWorkspaceId } from "../test-runtime.js";

describe("run log, retries and the webhook allow-list", () => {
  let rt: TestRuntime;
  let db: Kysely<Database>;
  let ws: string;
  let builderToken: string;
  let memberToken: string;
  let otherAdminToken: string;

  beforeAll(async () => {
    rt = await startTestRuntime();
    db = rt.database.db;
    ws = await defaultWorkspaceId(db);
    await insertApp(db, ws, testDefinition());
    for (const role of ["builder", "member"]) {
      const res = await rt.call("POST", "/api/users", rt.ownerToken, {
        email: `${role}@example.com`,
        name: role,
        password: `${role}-password`,
        role,
      });
      expect(res.statusCode).toBe(201);
      // Shared with the member, so the role (not sharing) is what refuses them below.
      const userId = res.json<{ id: string }>().id;
      expect((await rt.call("POST", "/api/apps/deals/members", rt.ownerToken, { userId })).statusCode).toBe(
        201,
      );
    }
    builderToken = await rt.login("builder@example.com", "builder-password");
    memberToken = await rt.login("member@example.com", "member-password");
    await rt.call("POST", "/api/workspaces", rt.ownerToken, {
      name: "Other",
      adminEmail: "other@example.com",
      adminPassword: "other-password",
    });
    otherAdminToken = await rt.login("other@example.com", "other-password");
  });
  afterAll(async () => {
    await rt.close();
  });

  it("lists an app's runs newest first, filtered by rule and status", async () => {
    const t0 = rt.clock.now().getTime();
    const first = await insertRun(db, ws, { ruleId: "tag", runAt: new Date(t0) });
    const second = await insertRun(db, ws, {
      ruleId: "daily",
      runAt: new Date(t0 + 1000),
      trigger: { type: "schedule", at: "x" },
    });
    const third = await insertRun(db, ws, { ruleId: "tag", runAt: new Date(t0 + 2000), maxAttempts: 1 });
    const [claimed] = await claimRuns(db, "w", new Date(t0), 1);
    expect(claimed?.id).toBe(first);

    const all = await rt.call("GET", "/api/apps/deals/runs", builderToken);
    expect(all.statusCode).toBe(200);
    const runs = all.json<RunView[]>();
    expect(runs.map((r) => r.id)).toEqual([third, second, first]);
    expect(runs[2]).toMatchObject({
      ruleId: "tag",
      recordId: null,
      trigger: { type: "record.created" },
      status: "running",
      attempts: 1,
      error: null,
      startedAt: new Date(t0).toISOString(),
      finishedAt: null,
      effects: [],
    });
    const tagged = await rt.call("GET", "/api/apps/deals/runs?ruleId=tag&status=queued", builderToken);
    expect(tagged.json<RunView[]>().map((r) => r.id)).toEqual([third]);
    const limited = await rt.call("GET", "/api/apps/deals/runs?limit=1", builderToken);
    expect(limited.json<RunView[]>().map((r) => r.id)).toEqual([third]);

    const bad = await rt.call("GET", "/api/apps/deals/runs?status=lost&limit=0", builderToken);
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<{ errors: { path: string }[] }>()
        .errors.map((e) => e.path)
        .sort(),
    ).toEqual(["/querystring/limit", "/querystring/status"]);
  });

  it("keeps runs to builders of the app's workspace", async () => {
    expect((await rt.call("GET", "/api/apps/deals/runs", memberToken)).statusCode).toBe(403);
    expect((await rt.call("GET", "/api/apps/deals/runs", otherAdminToken)).statusCode).toBe(404);
    expect((await rt.call("GET", "/api/apps/nope/runs", builderToken)).statusCode).toBe(404);
    expect((await rt.call("GET", "/api/apps/deals/runs", null)).statusCode).toBe(401);
  });

  it("retries a dead run, and only failed or dead ones", async () => {
    const now = rt.clock.now();
    await db.deleteFrom("rule_runs").execute();
    const id = await insertRun(db, ws, { ruleId: "tag", runAt: now, maxAttempts: 1 });
    const [run] = await claimRuns(db, "w", now, 1);
    await failRun(db, run!, "boom", now, { random: () => 0, effectsLog: [] });

    expect((await rt.call("POST", `/api/apps/deals/runs/${id}/retry`, memberToken)).statusCode).toBe(403);
    expect((await rt.call("POST", `/api/apps/deals/runs/${id}/retry`, otherAdminToken)).statusCode).toBe(404);
    const retried = await rt.call("POST", `/api/apps/deals/runs/${id}/retry`, builderToken);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ id, status: "queued", attempts: 0, error: null });
    const again = await rt.call("POST", `/api/apps/deals/runs/${id}/retry`, builderToken);
    expect(again.statusCode).toBe(409);
    expect((await rt.call("POST", "/api/apps/deals/runs/nope/retry", builderToken)).statusCode).toBe(404);
  });

  it("lets admins manage the workspace's allow-listed webhook hosts", async () => {
    const added = await rt.call("POST", "/api/webhook-allowlist", rt.ownerToken, {
      host: "Hooks.Internal.EXAMPLE.",
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ host: "hooks.internal.example" });
    expect(
      (await rt.call("POST", "/api/webhook-allowlist", rt.ownerToken, { host: "hooks.internal.example" }))
        .statusCode,
    ).toBe(200);
    expect(
      (await rt.call("POST", "/api/webhook-allowlist", rt.ownerToken, { host: "::1" })).json(),
    ).toMatchObject({
      host: "[::1]",
    });
    const bad = await rt.call("POST", "/api/webhook-allowlist", rt.ownerToken, { host: "http://x.com/a" });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ errors: [{ path: "/host", code: "invalid_host" }] });
    expect((await rt.call("POST", "/api/webhook-allowlist", rt.ownerToken, {})).statusCode).toBe(400);

    const list = await rt.call("GET", "/api/webhook-allowlist", rt.ownerToken);
    expect(list.json<{ host: string }[]>().map((h) => h.host)).toEqual(["[::1]", "hooks.internal.example"]);
    expect((await rt.call("GET", "/api/webhook-allowlist", otherAdminToken)).json()).toEqual([]);
    expect((await rt.call("GET", "/api/webhook-allowlist", builderToken)).statusCode).toBe(403);
    expect(
      (await rt.call("POST", "/api/webhook-allowlist", builderToken, { host: "x.com" })).statusCode,
    ).toBe(403);

    expect(
      (await rt.call("DELETE", "/api/webhook-allowlist/hooks.internal.example", otherAdminToken)).statusCode,
    ).toBe(404);
    expect(
      (await rt.call("DELETE", "/api/webhook-allowlist/hooks.internal.example", rt.ownerToken)).statusCode,
    ).toBe(204);
    expect(
      (await rt.call("DELETE", "/api/webhook-allowlist", rt.ownerToken, { host: "::1" })).statusCode,
    ).toBe(204);
    expect(
      (await rt.call("DELETE", "/api/webhook-allowlist", rt.ownerToken, { host: "::1" })).statusCode,
    ).toBe(404);
    expect((await rt.call("GET", "/api/webhook-allowlist", rt.ownerToken)).json()).toEqual([]);
  });
});
