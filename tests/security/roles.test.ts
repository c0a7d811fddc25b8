// Role escalation: viewers, members and builders call routes above their role; a member tries to
// make an admin or to raise their own role. Each answer is 403 (or 404 where no such route
// exists), nothing is written, and the caller's role is what it was.
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

describe("callers cannot act above their role", () => {
  it("a viewer cannot create, patch, transition or delete records", async () => {
    const { rt, home, viewer } = world;
    const base = recordsUrl(home.appId);
    const record = `${base}/${home.recordId}`;
    const ifMatch = { "if-match": String(home.recordVersion) };
    await expectNothingWritten(rt, async () => {
      expectProblem(await rt.call("POST", base, viewer, { data: { title: "x" } }), 403);
      expectProblem(await rt.call("PATCH", record, viewer, { data: { title: "y" } }, ifMatch), 403);
      expectProblem(await rt.call("POST", `${record}/transition`, viewer, { to: "won" }, ifMatch), 403);
      expectProblem(await rt.call("DELETE", record, viewer, undefined, ifMatch), 403);
    });
    // Reading stays allowed: the refusals above are about the role, not a broken route.
    expect((await rt.call("GET", record, viewer)).statusCode).toBe(200);
  });

  it("members and viewers cannot edit, publish, install, share or delete apps", async () => {
    const { rt, home, member, viewer } = world;
    const app = `/api/apps/${home.appId}`;
    await expectNothingWritten(rt, async () => {
      for (const token of [member, viewer]) {
        expectProblem(await rt.call("PUT", `${app}/draft`, token, { definition: targetApp() }), 403);
        expectProblem(await rt.call("POST", `${app}/publish`, token, {}), 403);
        expectProblem(await rt.call("POST", "/api/apps", token, { definition: targetApp() }), 403);
        expectProblem(await rt.call("POST", `${app}/forms/deal/share`, token, {}), 403);
        const revoke = `${app}/forms/deal/share/${home.shareToken}`;
        expectProblem(await rt.call("DELETE", revoke, token), 403);
        expectProblem(await rt.call("DELETE", app, token), 403);
        expectProblem(await rt.call("POST", `${app}/runs/${home.runId}/retry`, token, {}), 403);
      }
    });
  });

  it("a builder cannot delete an app, manage users or the webhook allow-list", async () => {
    const { rt, home, builder } = world;
    await expectNothingWritten(rt, async () => {
      expectProblem(await rt.call("DELETE", `/api/apps/${home.appId}`, builder), 403);
      const user = { email: "x@example.com", name: "X", password: "password-x-1", role: "member" };
      expectProblem(await rt.call("POST", "/api/users", builder, user), 403);
      expectProblem(await rt.call("GET", "/api/webhook-allowlist", builder), 403);
      expectProblem(await rt.call("POST", "/api/webhook-allowlist", builder, { host: "127.0.0.1" }), 403);
      expectProblem(await rt.call("GET", "/api/workspaces", builder), 403);
    });
  });

  it("a member cannot create an admin (or any user) nor a workspace", async () => {
    const { rt, member } = world;
    await expectNothingWritten(rt, async () => {
      for (const role of ["admin", "builder", "member"]) {
        const user = { email: `${role}-by-member@example.com`, name: "Evil", password: "password-e-1", role };
        expectProblem(await rt.call("POST", "/api/users", member, user), 403);
      }
      const workspace = { name: "Evil", adminEmail: "evil@example.com", adminPassword: "evil-password-1" };
      expectProblem(await rt.call("POST", "/api/workspaces", member, workspace), 403);
    });
  });

  it("a member cannot change their own role by any spelling of the request", async () => {
    const { rt, member, memberId } = world;
    await expectNothingWritten(rt, async () => {
      for (const [method, url] of [
        ["PATCH", "/api/me"],
        ["PUT", "/api/me"],
        ["PATCH", `/api/users/${memberId}`],
        ["PUT", `/api/users/${memberId}`],
      ] as const) {
        const res = await rt.call(method, url, member, { role: "admin" });
        expect([403, 404, 405]).toContain(res.statusCode);
        expectProblem(res, res.statusCode);
      }
      // Signing in again with a role in the body does not grant it.
      const login = await rt.call("POST", "/api/auth/login", null, {
        email: "member@example.com",
        password: "password-of-member",
        role: "admin",
      });
      expectProblem(login, 400, ["/role"]);
    });
    const me = (await rt.call("GET", "/api/me", member)).json<{ role: string }>();
    expect(me.role).toBe("member");
  });

  it("an admin cannot create a user with an unknown role, another workspace or an id", async () => {
    const { rt, other } = world;
    const base = { email: "new@example.com", name: "New", password: "password-n-1" };
    await expectNothingWritten(rt, async () => {
      expectProblem(await rt.call("POST", "/api/users", rt.ownerToken, { ...base, role: "owner" }), 400, [
        "/role",
      ]);
      const foreign = await rt.call("POST", "/api/users", rt.ownerToken, {
        ...base,
        role: "member",
        workspaceId: "ws_other",
        id: "u_chosen",
      });
      expectProblem(foreign, 400, ["/workspaceId", "/id"]);
      // A manager from another workspace does not exist here.
      const rival = (await rt.call("GET", "/api/me", other.token)).json<{ id: string }>();
      const managed = await rt.call("POST", "/api/users", rt.ownerToken, {
        ...base,
        role: "member",
        managerId: rival.id,
      });
      expect([404, 422]).toContain(managed.statusCode);
      expectProblem(managed, managed.statusCode);
    });
  });
});
