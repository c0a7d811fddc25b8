import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, dealDefinition, installApp, shareApp, whoIs } from "../records/test-records.js";
import { startTestRuntime, type TestRuntime } from "../test-runtime.js";

interface LinkBody {
  shareToken: string;
  url: string;
  createdBy: string | null;
  createdAt: string;
  revokedAt: string | null;
}

describe("share link routes", () => {
  let rt: TestRuntime;
  let appId: string;
  let builder: { token: string; id: string };
  let member: { token: string; id: string };
  const base = (app = appId, form = "deal") => `/api/apps/${app}/forms/${form}`;

  beforeAll(async () => {
    rt = await startTestRuntime();
    const { workspaceId } = await whoIs(rt, rt.ownerToken);
    appId = await installApp(rt.database.db, workspaceId, dealDefinition());
    builder = await addUser(rt, "builder", "bob");
    member = await addUser(rt, "member", "mia");
    await shareApp(rt, appId, [member.id]);
  });
  afterAll(async () => {
    await rt.close();
  });

  it("creates a new token each call, lists and revokes them", async () => {
    const first = await rt.call("POST", `${base()}/share`, builder.token);
    expect(first.statusCode).toBe(201);
    const a = first.json<LinkBody>();
    expect(a.shareToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.url).toBe(`/f/${a.shareToken}`);
    expect(a).toMatchObject({
      createdBy: builder.id,
      createdAt: "2026-11-23T09:00:00.000Z",
      revokedAt: null,
    });
    const b = (await rt.call("POST", `${base()}/share`, rt.ownerToken)).json<LinkBody>();
    expect(b.shareToken).not.toBe(a.shareToken);

    const listed = await rt.call("GET", `${base()}/shares`, builder.token);
    expect(listed.statusCode).toBe(200);
    expect(
      listed
        .json<LinkBody[]>()
        .map((l) => l.shareToken)
        .sort(),
    ).toEqual([a.shareToken, b.shareToken].sort());
    expect((await rt.call("GET", `${base(appId, "note")}/shares`, builder.token)).json()).toEqual([]);

    rt.clock.advance(60_000);
    const revoked = await rt.call("DELETE", `${base()}/share/${a.shareToken}`, builder.token);
    expect(revoked.statusCode).toBe(204);
    expect((await rt.call("DELETE", `${base()}/share/${a.shareToken}`, builder.token)).statusCode).toBe(204);
    const after = (await rt.call("GET", `${base()}/shares`, builder.token)).json<LinkBody[]>();
    expect(after.find((l) => l.shareToken === a.shareToken)?.revokedAt).toBe("2026-11-23T09:01:00.000Z");
    expect(after.find((l) => l.shareToken === b.shareToken)?.revokedAt).toBeNull();
    // A token of another form is not found through this form.
    expect(
      (await rt.call("DELETE", `${base(appId, "note")}/share/${b.shareToken}`, builder.token)).statusCode,
    ).toBe(404);
    expect((await rt.call("DELETE", `${base()}/share/nope`, builder.token)).statusCode).toBe(404);
  });

  it("answers 403 to members and 401 without a session", async () => {
    const denied = await rt.call("POST", `${base()}/share`, member.token);
    expect(denied.statusCode).toBe(403);
    expect(denied.headers["content-type"]).toContain("application/problem+json");
    expect((await rt.call("GET", `${base()}/shares`, member.token)).statusCode).toBe(403);
    expect((await rt.call("DELETE", `${base()}/share/x`, member.token)).statusCode).toBe(403);
    expect((await rt.call("POST", `${base()}/share`, null)).statusCode).toBe(401);
  });

  it("answers 404 for an unknown app or form and for another workspace", async () => {
    expect(
      (await rt.call("POST", `${base("00000000-0000-4000-8000-000000000000")}/share`, builder.token))
        .statusCode,
    ).toBe(404);
    expect((await rt.call("POST", `${base(appId, "nope")}/share`, builder.token)).statusCode).toBe(404);
    expect((await rt.call("GET", `${base(appId, "nope")}/shares`, builder.token)).statusCode).toBe(404);
    const link = (await rt.call("POST", `${base()}/share`, builder.token)).json<LinkBody>();
    const created = await rt.call("POST", "/api/workspaces", rt.ownerToken, {
      name: "Acme",
      adminEmail: "boss@acme.example",
      adminPassword: "acme-password",
    });
    expect(created.statusCode).toBe(201);
    const boss = await rt.login("boss@acme.example", "acme-password");
    expect((await rt.call("POST", `${base()}/share`, boss)).statusCode).toBe(404);
    expect((await rt.call("GET", `${base()}/shares`, boss)).statusCode).toBe(404);
    expect((await rt.call("DELETE", `${base()}/share/${link.shareToken}`, boss)).statusCode).toBe(404);
    const still = (await rt.call("GET", `${base()}/shares`, builder.token)).json<LinkBody[]>();
    expect(still.find((l) => l.shareToken === link.shareToken)?.revokedAt).toBeNull();
  });
});
