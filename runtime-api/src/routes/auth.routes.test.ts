import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OWNER_EMAIL, OWNER_PASSWORD, startTestRuntime, type TestRuntime } from "../test-runtime.js";

describe("auth, users and workspaces", () => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await startTestRuntime();
  });
  afterAll(async () => {
    await rt.close();
  });

  it("signs in with a cookie and a bearer token, and signs out", async () => {
    const res = await rt.call("POST", "/api/auth/login", null, {
      email: OWNER_EMAIL.toUpperCase(),
      password: OWNER_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ token: string; user: { role: string } }>();
    expect(body.user.role).toBe("admin");
    const cookie = res.cookies.find((c) => c.name === "sc_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.value).toBe(body.token);

    const viaCookie = await rt.app.inject({
      method: "GET",
      url: "/api/me",
      cookies: { sc_session: body.token },
    });
    expect(viaCookie.json()).toMatchObject({ email: OWNER_EMAIL, role: "admin", isOwner: true });
    const viaBearer = await rt.call("GET", "/api/me", body.token);
    expect(viaBearer.statusCode).toBe(200);

    const out = await rt.call("POST", "/api/auth/logout", body.token);
    expect(out.statusCode).toBe(204);
    expect((await rt.call("GET", "/api/me", body.token)).statusCode).toBe(401);
  });

  it("answers 401 for a wrong password, an unknown email, a forged token and no token", async () => {
    const wrong = await rt.call("POST", "/api/auth/login", null, {
      email: OWNER_EMAIL,
      password: "nope-nope",
    });
    const unknown = await rt.call("POST", "/api/auth/login", null, {
      email: "who@example.com",
      password: "nope-nope",
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json<{ detail: string }>().detail).toBe(unknown.json<{ detail: string }>().detail);
    expect((await rt.call("GET", "/api/me", "forged-token")).statusCode).toBe(401);
    expect((await rt.call("GET", "/api/me", null)).statusCode).toBe(401);
    const malformed = await rt.call("GET", "/api/me", null, undefined, { authorization: "Basic abc" });
    expect(malformed.statusCode).toBe(401);
  });

  it("expires sessions", async () => {
    const token = await rt.login(OWNER_EMAIL, OWNER_PASSWORD);
    rt.clock.advance(31 * 24 * 3600 * 1000);
    expect((await rt.call("GET", "/api/me", token)).statusCode).toBe(401);
    rt.clock.advance(-31 * 24 * 3600 * 1000);
  });

  it("lets an admin add members, and names every bad field at once", async () => {
    const bad = await rt.call("POST", "/api/users", rt.ownerToken, {
      email: "not-an-email",
      name: "",
      password: "short",
      role: "king",
      extra: 1,
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad
      .json<{ errors: { path: string }[] }>()
      .errors.map((e) => e.path)
      .sort();
    expect(paths).toEqual(["/email", "/extra", "/name", "/password", "/role"]);

    const ok = await rt.call("POST", "/api/users", rt.ownerToken, {
      email: "rep@example.com",
      name: "Rep",
      password: "rep-password",
      role: "member",
    });
    expect(ok.statusCode).toBe(201);
    const rep = ok.json<{ id: string }>();
    const dup = await rt.call("POST", "/api/users", rt.ownerToken, {
      email: "REP@example.com",
      name: "Rep 2",
      password: "rep-password",
      role: "member",
    });
    expect(dup.statusCode).toBe(409);
    const managed = await rt.call("POST", "/api/users", rt.ownerToken, {
      email: "junior@example.com",
      name: "Junior",
      password: "junior-password",
      role: "member",
      managerId: rep.id,
    });
    expect(managed.json()).toMatchObject({ managerId: rep.id });
    const noManager = await rt.call("POST", "/api/users", rt.ownerToken, {
      email: "x@example.com",
      name: "X",
      password: "x-password",
      role: "member",
      managerId: "nobody",
    });
    expect(noManager.statusCode).toBe(422);

    const repToken = await rt.login("rep@example.com", "rep-password");
    const forbidden = await rt.call("POST", "/api/users", repToken, {
      email: "y@example.com",
      name: "Y",
      password: "y-password",
      role: "admin",
    });
    expect(forbidden.statusCode).toBe(403);
    const list = await rt.call("GET", "/api/users", repToken);
    expect(list.json<{ email: string }[]>().map((u) => u.email)).toEqual([
      OWNER_EMAIL,
      "rep@example.com",
      "junior@example.com",
    ]);
    expect(list.body).not.toContain("password");
  });

  it("keeps workspaces apart, and only the owner creates them", async () => {
    const created = await rt.call("POST", "/api/workspaces", rt.ownerToken, {
      name: "Acme",
      adminEmail: "boss@acme.example",
      adminPassword: "acme-password",
    });
    expect(created.statusCode).toBe(201);
    const acme = created.json<{ id: string }>();
    const bossToken = await rt.login("boss@acme.example", "acme-password");
    const me = await rt.call("GET", "/api/me", bossToken);
    expect(me.json()).toMatchObject({ workspaceId: acme.id, role: "admin", isOwner: false });
    const users = await rt.call("GET", "/api/users", bossToken);
    expect(users.json<{ email: string }[]>().map((u) => u.email)).toEqual(["boss@acme.example"]);
    expect(
      (
        await rt.call("POST", "/api/workspaces", bossToken, {
          name: "X",
          adminEmail: "x@x.example",
          adminPassword: "xxxxxxxx",
        })
      ).statusCode,
    ).toBe(403);
    expect((await rt.call("GET", "/api/workspaces", bossToken)).statusCode).toBe(403);
    const all = await rt.call("GET", "/api/workspaces", rt.ownerToken);
    expect(all.json<{ name: string }[]>().map((w) => w.name)).toEqual(["Default", "Acme"]);
    const taken = await rt.call("POST", "/api/workspaces", rt.ownerToken, {
      name: "Again",
      adminEmail: "boss@acme.example",
      adminPassword: "acme-password",
    });
    expect(taken.statusCode).toBe(409);
    expect((await rt.call("GET", "/api/workspaces", rt.ownerToken)).json<unknown[]>()).toHaveLength(2);
  });
});
