// BOLA / IDOR: the admin of one workspace aims at every kind of object of another workspace by its
// real id. Each answer is 404 (existence never leaks), nothing is written, the server stays up.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectNothingWritten,
  expectProblem,
  recordsUrl,
  startSecurityWorld,
  targetApp,
  type SecurityWorld,
} from "./security-harness.js";

let world: SecurityWorld;

beforeAll(async () => {
  world = await startSecurityWorld();
});

afterAll(async () => {
  await world.close();
});

describe("objects of another workspace are not found", () => {
  it("reads of the other workspace's app, versions, draft, runs, KPIs and dashboards → 404", async () => {
    const { rt, home, other } = world;
    const app = `/api/apps/${other.appId}`;
    await expectNothingWritten(rt, async () => {
      for (const url of [
        app,
        `${app}/versions`,
        `${app}/versions/1`,
        `${app}/draft`,
        `${app}/runs`,
        `${app}/kpis`,
        `${app}/kpis/deal_count`,
        `${app}/dashboards/main`,
        `${app}/forms/deal/shares`,
        `${app}/forms/deal/export?format=csv`,
      ]) {
        expectProblem(await rt.call("GET", url, home.token), 404);
      }
    });
  });

  it("reading, listing and the history of another workspace's record → 404", async () => {
    const { rt, home, other } = world;
    await expectNothingWritten(rt, async () => {
      const foreign = `${recordsUrl(other.appId)}/${other.recordId}`;
      expectProblem(await rt.call("GET", foreign, home.token), 404);
      expectProblem(await rt.call("GET", `${foreign}/history`, home.token), 404);
      expectProblem(await rt.call("GET", recordsUrl(other.appId), home.token), 404);
      // The other workspace's record id through the caller's own app: still not found.
      const viaOwnApp = `${recordsUrl(home.appId)}/${other.recordId}`;
      expectProblem(await rt.call("GET", viaOwnApp, home.token), 404);
    });
  });

  it("patching, transitioning and deleting another workspace's record → 404", async () => {
    const { rt, home, other } = world;
    const foreign = `${recordsUrl(other.appId)}/${other.recordId}`;
    const viaOwnApp = `${recordsUrl(home.appId)}/${other.recordId}`;
    const ifMatch = { "if-match": String(other.recordVersion) };
    await expectNothingWritten(rt, async () => {
      for (const url of [foreign, viaOwnApp]) {
        expectProblem(await rt.call("PATCH", url, home.token, { data: { title: "pwned" } }, ifMatch), 404);
        expectProblem(await rt.call("POST", `${url}/transition`, home.token, { to: "won" }, ifMatch), 404);
        expectProblem(await rt.call("DELETE", url, home.token, undefined, ifMatch), 404);
      }
    });
  });

  it("creating records in, importing into or sharing another workspace's app → 404", async () => {
    const { rt, home, other } = world;
    await expectNothingWritten(rt, async () => {
      const create = await rt.call("POST", recordsUrl(other.appId), home.token, { data: { title: "x" } });
      expectProblem(create, 404);
      const share = await rt.call("POST", `/api/apps/${other.appId}/forms/deal/share`, home.token, {});
      expectProblem(share, 404);
      const revoke = `/api/apps/${other.appId}/forms/deal/share/${other.shareToken}`;
      expectProblem(await rt.call("DELETE", revoke, home.token), 404);
      // The foreign share token revoked through the caller's own app: not found either.
      const crossRevoke = `/api/apps/${home.appId}/forms/deal/share/${other.shareToken}`;
      expectProblem(await rt.call("DELETE", crossRevoke, home.token), 404);
    });
    // The foreign link still works for the public: nothing was revoked.
    expect((await rt.call("GET", `/api/public/forms/${other.shareToken}`, null)).statusCode).toBe(200);
  });

  it("editing, publishing and deleting another workspace's app → 404", async () => {
    const { rt, home, other } = world;
    const app = `/api/apps/${other.appId}`;
    await expectNothingWritten(rt, async () => {
      const put = await rt.call("PUT", `${app}/draft`, home.token, { definition: targetApp() });
      expectProblem(put, 404);
      expectProblem(await rt.call("POST", `${app}/publish`, home.token, {}), 404);
      expectProblem(await rt.call("DELETE", app, home.token), 404);
    });
  });

  it("retrying another workspace's rule run → 404", async () => {
    const { rt, home, other } = world;
    await expectNothingWritten(rt, async () => {
      const foreign = `/api/apps/${other.appId}/runs/${other.runId}/retry`;
      expectProblem(await rt.call("POST", foreign, home.token, {}), 404);
      const viaOwnApp = `/api/apps/${home.appId}/runs/${other.runId}/retry`;
      expectProblem(await rt.call("POST", viaOwnApp, home.token, {}), 404);
    });
  });

  it("reading, deciding, transferring or withdrawing another workspace's approval → 404", async () => {
    const { rt, home, other } = world;
    const approval = `/api/approvals/${other.approvalId}`;
    await expectNothingWritten(rt, async () => {
      expectProblem(await rt.call("GET", approval, home.token), 404);
      const decide = await rt.call("POST", `${approval}/decision`, home.token, { decision: "approve" });
      expectProblem(decide, 404);
      const me = (await rt.call("GET", "/api/me", home.token)).json<{ id: string }>();
      const transfer = await rt.call("POST", `${approval}/transfer`, home.token, { to: me.id });
      expectProblem(transfer, 404);
      expectProblem(await rt.call("POST", `${approval}/withdraw`, home.token, {}), 404);
    });
    // The other workspace's inbox does not show up in the caller's.
    const inbox = await rt.call("GET", "/api/inbox", home.token);
    expect(inbox.statusCode).toBe(200);
    expect(inbox.body).not.toContain(other.approvalId);
  });

  it("a workspace admin cannot list workspaces, nor create users that land elsewhere", async () => {
    const { rt, other } = world;
    await expectNothingWritten(rt, async () => {
      expectProblem(await rt.call("GET", "/api/workspaces", other.token), 403);
      const make = await rt.call("POST", "/api/workspaces", other.token, {
        name: "Mine",
        adminEmail: "mine@example.com",
        adminPassword: "mine-password-1",
      });
      expectProblem(make, 403);
    });
    const users = await rt.call("GET", "/api/users", other.token);
    expect(users.statusCode).toBe(200);
    expect(users.body).not.toContain("owner@example.com");
  });
});
