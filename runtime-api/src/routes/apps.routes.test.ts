import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getTemplate } from "@stagecraft/templates";
import { dealApp, editedDealApp } from "../apps/test-app-definition.js";
import { startTestRuntime, type TestRuntime } from "../test-runtime.js";

interface AppBody {
  id: string;
  name: { en: string };
  version: number;
  templateId: string | null;
  definition: { id: string; forms: { id: string }[] };
}
interface Problem {
  status: number;
  detail: string;
  errors: { path: string; code: string }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("apps and their definitions", () => {
  let rt: TestRuntime;
  let builder: string;
  let viewer: string;
  let member: string;

  async function addUser(email: string, role: string): Promise<string> {
    const res = await rt.call("POST", "/api/users", rt.ownerToken, {
      email,
      name: role,
      password: `${role}-password`,
      role,
    });
    expect(res.statusCode).toBe(201);
    return rt.login(email, `${role}-password`);
  }

  async function install(token: string, body: unknown): Promise<AppBody> {
    const res = await rt.call("POST", "/api/apps", token, body);
    expect(res.statusCode).toBe(201);
    return res.json<AppBody>();
  }

  function paths(res: LightMyRequestResponse): string[] {
    return res
      .json<Problem>()
      .errors.map((e) => e.path)
      .sort();
  }

  beforeAll(async () => {
    rt = await startTestRuntime();
    builder = await addUser("builder@example.com", "builder");
    viewer = await addUser("viewer@example.com", "viewer");
    member = await addUser("member@example.com", "member");
  });
  afterAll(async () => {
    await rt.close();
  });

  it("installs a template as a new app, twice as two independent apps", async () => {
    const first = await install(rt.ownerToken, { templateId: "sales-plan" });
    const second = await install(builder, { templateId: "sales-plan" });
    expect(first.id).toMatch(UUID);
    expect(second.id).toMatch(UUID);
    expect(first.id).not.toBe(second.id);
    expect(first).toMatchObject({
      version: 1,
      templateId: "sales-plan",
      name: getTemplate("sales-plan")?.name,
    });
    expect(first.definition.id).toBe("sales-plan");
    expect(first.definition.forms.length).toBeGreaterThan(1);

    const list = await rt.call("GET", "/api/apps", viewer);
    expect(list.statusCode).toBe(200);
    const apps = list.json<{ id: string }[]>();
    expect(apps.map((a) => a.id)).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(apps.find((a) => a.id === first.id)).toEqual({
      id: first.id,
      name: first.name,
      version: 1,
      templateId: "sales-plan",
      createdAt: "2026-11-23T09:00:00.000Z",
      updatedAt: "2026-11-23T09:00:00.000Z",
      hasDraft: false,
    });
    expect(list.body).not.toContain('"definition"');

    // A draft of one leaves the other untouched.
    const edited = { ...first.definition, name: { zh: "改名", en: "Renamed" } };
    const put = await rt.call("PUT", `/api/apps/${first.id}/draft`, builder, { definition: edited });
    expect(put.statusCode).toBe(200);
    expect((await rt.call("GET", `/api/apps/${second.id}/draft`, builder)).statusCode).toBe(404);

    // Two publishes of one draft at once: one wins, the other finds no draft left.
    const racing = await Promise.all([
      rt.call("POST", `/api/apps/${first.id}/publish`, builder),
      rt.call("POST", `/api/apps/${first.id}/publish`, builder),
    ]);
    expect(racing.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const renamed = (await rt.call("GET", "/api/apps", viewer)).json<
      { id: string; name: unknown; version: number }[]
    >();
    expect(renamed.find((a) => a.id === first.id)).toMatchObject({ name: edited.name, version: 2 });
    expect(renamed.find((a) => a.id === second.id)).toMatchObject({ name: first.name, version: 1 });
  });

  it("installs a definition, or a single template given as templateIds", async () => {
    const app = await install(builder, { definition: dealApp() });
    expect(app).toMatchObject({ version: 1, templateId: null, name: { en: "Deal desk" } });
    expect(app.definition).toEqual(dealApp());
    const detail = await rt.call("GET", `/api/apps/${app.id}`, member);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toEqual({
      id: app.id,
      name: dealApp().name,
      version: 1,
      definition: dealApp(),
      templateId: null,
      createdAt: "2026-11-23T09:00:00.000Z",
      updatedAt: "2026-11-23T09:00:00.000Z",
      hasDraft: false,
    });
    const single = await install(builder, { templateIds: ["sales-plan"] });
    expect(single).toMatchObject({ templateId: "sales-plan", version: 1 });
  });

  it("rejects an invalid definition naming every problem under /definition", async () => {
    const bad = dealApp() as unknown as Record<string, unknown>;
    bad["id"] = "Not Kebab";
    bad["extra"] = true;
    bad["name"] = { zh: "x" };
    const res = await rt.call("POST", "/api/apps", builder, { definition: bad });
    expect(res.statusCode).toBe(422);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const found = paths(res);
    expect(found.length).toBeGreaterThanOrEqual(3);
    expect(found.every((p) => p.startsWith("/definition/"))).toBe(true);
    expect(found).toEqual(
      expect.arrayContaining(["/definition/id", "/definition/extra", "/definition/name/en"]),
    );
  });

  it("answers 422 for unknown templates, alone or combined, and 400 for a wrong shape", async () => {
    const unknown = await rt.call("POST", "/api/apps", builder, { templateId: "nope" });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json<Problem>().errors).toMatchObject([{ path: "/templateId", code: "unknown_template" }]);

    const combined = await rt.call("POST", "/api/apps", builder, { templateIds: ["sales-plan", "other"] });
    expect(combined.statusCode).toBe(422);
    expect(combined.json<Problem>().errors).toMatchObject([
      { path: "/templateIds/1", code: "unknown_template" },
    ]);
    const unknownSingle = await rt.call("POST", "/api/apps", builder, { templateIds: ["other"] });
    expect(unknownSingle.statusCode).toBe(422);
    expect(paths(unknownSingle)).toEqual(["/templateIds/0"]);
    const repeated = await rt.call("POST", "/api/apps", builder, {
      templateIds: ["sales-plan", "sales-plan"],
    });
    expect(repeated.statusCode).toBe(400);

    const both = await rt.call("POST", "/api/apps", builder, {
      templateId: "sales-plan",
      definition: dealApp(),
    });
    expect(both.statusCode).toBe(400);
    expect(paths(both)).toEqual(["/definition"]);
    const neither = await rt.call("POST", "/api/apps", builder, {});
    expect(neither.statusCode).toBe(400);
    const shape = await rt.call("POST", "/api/apps", builder, { definition: "x", templateIds: [], extra: 1 });
    expect(shape.statusCode).toBe(400);
    expect(paths(shape)).toEqual(["/definition", "/extra", "/templateIds"]);
    const nothing = await rt.call("POST", "/api/apps", builder);
    expect(nothing.statusCode).toBe(400);
  });

  it("keeps a draft apart from the published definition until it is published", async () => {
    const app = await install(builder, { definition: dealApp() });
    const url = `/api/apps/${app.id}`;
    expect((await rt.call("GET", `${url}/draft`, builder)).statusCode).toBe(404);
    expect((await rt.call("POST", `${url}/publish`, builder)).statusCode).toBe(409);

    const invalid = { ...editedDealApp(), forms: [] };
    const rejected = await rt.call("PUT", `${url}/draft`, builder, { definition: invalid });
    expect(rejected.statusCode).toBe(422);
    expect(paths(rejected)).toEqual(["/definition/forms"]);
    expect((await rt.call("GET", `${url}/draft`, builder)).statusCode).toBe(404);
    expect((await rt.call("PUT", `${url}/draft`, builder, { definition: {}, x: 1 })).statusCode).toBe(400);

    rt.clock.advance(60_000);
    const saved = await rt.call("PUT", `${url}/draft`, builder, { definition: editedDealApp() });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({
      id: app.id,
      draft: editedDealApp(),
      valid: true,
      draftUpdatedAt: "2026-11-23T09:01:00.000Z",
    });
    const read = await rt.call("GET", `${url}/draft`, viewer);
    expect(read.json()).toEqual({
      id: app.id,
      draft: editedDealApp(),
      draftUpdatedAt: "2026-11-23T09:01:00.000Z",
    });
    const current = await rt.call("GET", url, viewer);
    expect(current.json()).toMatchObject({ version: 1, definition: dealApp(), hasDraft: true });

    // A dry run reports and changes nothing.
    const dry = await rt.call("POST", `${url}/publish?dryRun=true`, builder);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ version: 2, dryRun: true });
    expect((await rt.call("GET", url, builder)).json()).toMatchObject({ version: 1, hasDraft: true });
    expect((await rt.call("GET", `${url}/versions`, builder)).json<unknown[]>()).toHaveLength(1);
    expect((await rt.call("POST", `${url}/publish?dryrun=true`, builder)).statusCode).toBe(400);

    rt.clock.advance(60_000);
    const published = await rt.call("POST", `${url}/publish`, builder);
    expect(published.statusCode).toBe(200);
    const result = published.json<{ version: number; changes: { kind: string }[] }>();
    expect(result.version).toBe(2);
    expect(result.changes.map((c) => c.kind)).toContain("form_removed");
    const after = await rt.call("GET", url, viewer);
    expect(after.json()).toMatchObject({
      version: 2,
      definition: editedDealApp(),
      hasDraft: false,
      createdAt: "2026-11-23T09:00:00.000Z",
      updatedAt: "2026-11-23T09:02:00.000Z",
    });
    expect((await rt.call("GET", `${url}/draft`, builder)).statusCode).toBe(404);
    expect((await rt.call("POST", `${url}/publish`, builder)).statusCode).toBe(409);

    const me = (await rt.call("GET", "/api/me", builder)).json<{ id: string }>();
    const versions = await rt.call("GET", `${url}/versions`, viewer);
    expect(versions.statusCode).toBe(200);
    expect(versions.json()).toEqual([
      { version: 2, publishedAt: "2026-11-23T09:02:00.000Z", publishedBy: me.id, changes: result.changes },
      { version: 1, publishedAt: "2026-11-23T09:00:00.000Z", publishedBy: me.id, changes: [] },
    ]);
    const v1 = await rt.call("GET", `${url}/versions/1`, viewer);
    expect(v1.json()).toMatchObject({
      version: 1,
      definition: dealApp(),
      publishedAt: "2026-11-23T09:00:00.000Z",
    });
    const v2 = await rt.call("GET", `${url}/versions/2`, viewer);
    expect(v2.json()).toMatchObject({ version: 2, definition: editedDealApp() });
    expect((await rt.call("GET", `${url}/versions/3`, viewer)).statusCode).toBe(404);
    expect((await rt.call("GET", `${url}/versions/0`, viewer)).statusCode).toBe(400);
    expect((await rt.call("GET", `${url}/versions/abc`, viewer)).statusCode).toBe(400);
    expect((await rt.call("GET", `${url}/versions/99999999999`, viewer)).statusCode).toBe(400);
  });

  it("lets viewers and members read but not write, builders write but not delete", async () => {
    const app = await install(rt.ownerToken, { definition: dealApp() });
    const url = `/api/apps/${app.id}`;
    const draft = { definition: editedDealApp() };
    for (const token of [viewer, member]) {
      expect((await rt.call("GET", "/api/apps", token)).statusCode).toBe(200);
      expect((await rt.call("GET", url, token)).statusCode).toBe(200);
      expect((await rt.call("GET", `${url}/versions`, token)).statusCode).toBe(200);
      expect((await rt.call("GET", `${url}/versions/1`, token)).statusCode).toBe(200);
      expect((await rt.call("POST", "/api/apps", token, { definition: dealApp() })).statusCode).toBe(403);
      expect((await rt.call("PUT", `${url}/draft`, token, draft)).statusCode).toBe(403);
      expect((await rt.call("POST", `${url}/publish`, token)).statusCode).toBe(403);
      expect((await rt.call("POST", `${url}/publish?dryRun=true`, token)).statusCode).toBe(403);
      expect((await rt.call("DELETE", url, token)).statusCode).toBe(403);
    }
    expect((await rt.call("PUT", `${url}/draft`, builder, draft)).statusCode).toBe(200);
    expect((await rt.call("POST", `${url}/publish`, builder)).statusCode).toBe(200);
    const denied = await rt.call("DELETE", url, builder);
    expect(denied.statusCode).toBe(403);
    expect(denied.headers["content-type"]).toContain("application/problem+json");
    expect((await rt.call("GET", url, builder)).statusCode).toBe(200);
    expect((await rt.call("GET", "/api/apps", null)).statusCode).toBe(401);
  });

  it("deletes an app with its versions and records (admin only)", async () => {
    const app = await install(builder, { definition: dealApp() });
    const keep = await install(builder, { definition: dealApp() });
    const { db } = rt.database;
    const me = (await rt.call("GET", "/api/me", rt.ownerToken)).json<{ workspaceId: string }>();
    const now = rt.clock.now();
    for (const appId of [app.id, keep.id]) {
      await db
        .insertInto("records")
        .values({
          workspace_id: me.workspaceId,
          id: `r-${appId}`,
          app_id: appId,
          form_id: "deal",
          stage: "new",
          owner_id: null,
          version: 1,
          definition_version: 1,
          data: JSON.stringify({ title: "x" }),
          created_at: now,
          updated_at: now,
          last_activity_at: now,
        })
        .execute();
      await db
        .insertInto("share_links")
        .values({
          token: `t-${appId}`,
          workspace_id: me.workspaceId,
          app_id: appId,
          form_id: "deal",
          created_at: now,
        })
        .execute();
    }
    const res = await rt.call("DELETE", `/api/apps/${app.id}`, rt.ownerToken);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe("");
    expect((await rt.call("GET", `/api/apps/${app.id}`, rt.ownerToken)).statusCode).toBe(404);
    expect((await rt.call("GET", `/api/apps/${app.id}/versions`, rt.ownerToken)).statusCode).toBe(404);
    expect((await rt.call("DELETE", `/api/apps/${app.id}`, rt.ownerToken)).statusCode).toBe(404);
    const left = async (table: "records" | "app_versions" | "share_links", appId: string): Promise<number> =>
      (await db.selectFrom(table).select("app_id").where("app_id", "=", appId).execute()).length;
    expect(await left("records", app.id)).toBe(0);
    expect(await left("app_versions", app.id)).toBe(0);
    expect(await left("share_links", app.id)).toBe(0);
    expect(await left("records", keep.id)).toBe(1);
    expect(await left("app_versions", keep.id)).toBe(1);
    expect(await left("share_links", keep.id)).toBe(1);
  });

  it("answers 404 for every route on an app of another workspace", async () => {
    const app = await install(builder, { definition: dealApp() });
    expect(
      (await rt.call("PUT", `/api/apps/${app.id}/draft`, builder, { definition: editedDealApp() }))
        .statusCode,
    ).toBe(200);
    const created = await rt.call("POST", "/api/workspaces", rt.ownerToken, {
      name: "Acme",
      adminEmail: "boss@acme.example",
      adminPassword: "acme-password",
    });
    expect(created.statusCode).toBe(201);
    const boss = await rt.login("boss@acme.example", "acme-password");
    const url = `/api/apps/${app.id}`;
    const attempts: [string, string, unknown?][] = [
      ["GET", url],
      ["GET", `${url}/draft`],
      ["PUT", `${url}/draft`, { definition: dealApp() }],
      ["POST", `${url}/publish`],
      ["POST", `${url}/publish?dryRun=true`],
      ["GET", `${url}/versions`],
      ["GET", `${url}/versions/1`],
      ["DELETE", url],
    ];
    for (const [method, path, body] of attempts) {
      const res = await rt.call(method, path, boss, body);
      expect(res.statusCode, `${method} ${path}`).toBe(404);
    }
    expect((await rt.call("GET", "/api/apps", boss)).json()).toEqual([]);
    const own = await install(boss, { templateId: "sales-plan" });
    expect((await rt.call("GET", `/api/apps/${own.id}`, rt.ownerToken)).statusCode).toBe(404);
    const mine = (await rt.call("GET", "/api/apps", rt.ownerToken)).json<{ id: string }[]>();
    expect(mine.map((a) => a.id)).not.toContain(own.id);
    // Nothing changed on the first workspace's app.
    expect((await rt.call("GET", url, builder)).json()).toMatchObject({ version: 1, hasDraft: true });
  });
});
