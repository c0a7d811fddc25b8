import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppDefinition } from "@stagecraft/schemas";
import { startRecordRoutes, type RecordBody, type TestUser } from "../records/test-record-routes.js";
import { dealDefinition, installApp, t } from "../records/test-records.js";
import { multipartFile } from "../transfer/test-transfer.js";
import type { TestRuntime } from "../test-runtime.js";

interface MemberBody {
  userId: string;
  email: string;
  name: string;
  role: string;
  addedBy: string | null;
  addedAt: string;
}

/** The deal app with a KPI and a dashboard, so every kind of app route has something to answer. */
function hiddenDefinition(): AppDefinition {
  return {
    ...dealDefinition(),
    kpis: [{ id: "deals", name: t("Deals"), form: "deal", measure: { type: "count" } }],
    dashboards: [{ id: "board", name: t("Board"), widgets: [{ id: "total", type: "number", kpi: "deals" }] }],
  };
}

describe("app sharing: members and viewers work only the apps shared with them", () => {
  let rt: TestRuntime;
  let workspaceId: string;
  let sharedApp: string;
  let hidden: string;
  let member: TestUser;
  let viewer: TestUser;
  let builder: TestUser;
  let recordId: string;

  const members = (app = hidden): string => `/api/apps/${app}/members`;
  const records = (app = hidden): string => `/api/apps/${app}/forms/deal/records`;
  const appIds = async (token: string): Promise<string[]> =>
    (await rt.call("GET", "/api/apps", token)).json<{ id: string }[]>().map((a) => a.id);

  beforeAll(async () => {
    const f = await startRecordRoutes();
    ({ rt, workspaceId, member, viewer, builder } = f);
    sharedApp = f.appId;
    hidden = await installApp(rt.database.db, workspaceId, hiddenDefinition());
    const created = await rt.call("POST", records(), rt.ownerToken, { data: { title: "Hidden", amount: 5 } });
    expect(created.statusCode).toBe(201);
    recordId = created.json<RecordBody>().id;
  });
  afterAll(async () => {
    await rt.close();
  });

  /** Every kind of route of an app: the app, records, history, moves, KPIs, dashboards, runs, transfer, links. */
  function appRoutes(): [method: string, url: string, body?: unknown, headers?: Record<string, string>][] {
    const app = `/api/apps/${hidden}`;
    const record = `${records()}/${recordId}`;
    const upload = multipartFile("a.csv", "Title,Amount\nA,1\n", "text/csv");
    return [
      ["GET", app],
      ["GET", `${app}/versions`],
      ["GET", `${app}/versions/1`],
      ["GET", records()],
      ["GET", record],
      ["GET", `${record}/history`],
      ["GET", `${app}/kpis`],
      ["GET", `${app}/kpis/deals`],
      ["GET", `${app}/dashboards`],
      ["GET", `${app}/dashboards/board`],
      ["GET", `${app}/forms/deal/export?format=csv`],
      ["GET", `${app}/runs`],
      ["GET", `${app}/imports/${crypto.randomUUID()}`],
      ["GET", `${app}/forms/deal/shares`],
      ["GET", members()],
      ["POST", records(), { data: { title: "x", amount: 1 } }],
      ["PATCH", record, { data: { amount: 2 } }, { "if-match": '"1"' }],
      ["POST", `${record}/transition`, { to: "lost" }, { "if-match": '"1"' }],
      ["DELETE", record],
      ["POST", `${app}/forms/deal/import`, upload.body, upload.headers],
      ["POST", `${app}/forms/deal/share`],
      ["POST", members(), { userId: member.id }],
      ["DELETE", `${members()}/${member.id}`],
    ];
  }

  it("lists to members and viewers only the apps shared with them, every app to builders", async () => {
    expect(await appIds(member.token)).toEqual([sharedApp]);
    expect(await appIds(viewer.token)).toEqual([sharedApp]);
    expect(await appIds(builder.token)).toEqual([sharedApp, hidden]);
    expect(await appIds(rt.ownerToken)).toEqual([sharedApp, hidden]);
  });

  it("answers 404 on every route of an app not shared with a member or viewer, as for no app", async () => {
    for (const [method, url, body, headers] of appRoutes()) {
      for (const token of [member.token, viewer.token]) {
        const res = await rt.call(method, url, token, body, headers);
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.headers["content-type"]).toContain("application/problem+json");
        expect(res.json<{ detail: string }>().detail).toBe("app not found");
      }
    }
    // The same reads answer a builder, so the 404s above are about sharing, not the routes.
    for (const [method, url] of appRoutes().filter(([m, u]) => m === "GET" && !u.includes("/imports/"))) {
      expect((await rt.call(method, url, builder.token)).statusCode, `${method} ${url}`).toBe(200);
    }
    // Nothing was written by the refused calls.
    const record = await rt.call("GET", `${records()}/${recordId}`, builder.token);
    expect(record.json<RecordBody>()).toMatchObject({ version: 1, data: { amount: 5 }, stage: "lead" });
  });

  it("lets a member work a shared app's records and a viewer read them, until unshared", async () => {
    const add = async (userId: string): Promise<LightMyRequestResponse> =>
      rt.call("POST", members(), builder.token, { userId });
    expect((await add(member.id)).statusCode).toBe(201);
    expect((await add(viewer.id)).statusCode).toBe(201);
    expect(await appIds(member.token)).toEqual([sharedApp, hidden]);

    const created = await rt.call("POST", records(), member.token, { data: { title: "Mine", amount: 3 } });
    expect(created.statusCode).toBe(201);
    const mine = created.json<RecordBody>();
    const patched = await rt.call(
      "PATCH",
      `${records()}/${mine.id}`,
      member.token,
      { data: { amount: 4 } },
      {
        "if-match": '"1"',
      },
    );
    expect(patched.statusCode).toBe(200);
    expect((await rt.call("GET", `/api/apps/${hidden}/kpis/deals`, member.token)).json()).toMatchObject({
      value: 2,
    });
    expect((await rt.call("GET", `${records()}/${mine.id}`, viewer.token)).statusCode).toBe(200);
    expect((await rt.call("GET", `/api/apps/${hidden}/dashboards/board`, viewer.token)).statusCode).toBe(200);
    expect(
      (await rt.call("GET", `/api/apps/${hidden}/forms/deal/export?format=csv`, viewer.token)).statusCode,
    ).toBe(200);
    const write = await rt.call("POST", records(), viewer.token, { data: { title: "No", amount: 1 } });
    expect(write.statusCode).toBe(403);

    expect((await rt.call("DELETE", `${members()}/${member.id}`, builder.token)).statusCode).toBe(204);
    expect((await rt.call("GET", `${records()}/${mine.id}`, member.token)).statusCode).toBe(404);
    expect(await appIds(member.token)).toEqual([sharedApp]);
    expect(await appIds(viewer.token)).toEqual([sharedApp, hidden]);
    expect((await rt.call("DELETE", `${members()}/${viewer.id}`, rt.ownerToken)).statusCode).toBe(204);
    expect(await appIds(viewer.token)).toEqual([sharedApp]);
  });

  it("keeps sharing to builders and admins and names every bad input", async () => {
    // On a shared app the role decides: 403, not 404.
    for (const token of [member.token, viewer.token]) {
      expect((await rt.call("GET", members(sharedApp), token)).statusCode).toBe(403);
      expect((await rt.call("POST", members(sharedApp), token, { userId: member.id })).statusCode).toBe(403);
      expect((await rt.call("DELETE", `${members(sharedApp)}/${member.id}`, token)).statusCode).toBe(403);
    }
    expect((await rt.call("GET", members(sharedApp), null)).statusCode).toBe(401);

    const bad = await rt.call("POST", members(), builder.token, { userId: "", extra: 1 });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<{ errors: { path: string }[] }>()
        .errors.map((e) => e.path)
        .sort(),
    ).toEqual(["/extra", "/userId"]);
    expect((await rt.call("POST", members(), builder.token, {})).statusCode).toBe(400);
    const unknown = await rt.call("POST", members(), builder.token, { userId: crypto.randomUUID() });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<{ detail: string }>().detail).toBe("user not found");
    expect((await rt.call("POST", members("nope"), builder.token, { userId: member.id })).statusCode).toBe(
      404,
    );
    expect((await rt.call("GET", members("nope"), builder.token)).statusCode).toBe(404);
    expect((await rt.call("DELETE", `${members()}/${member.id}`, builder.token)).statusCode).toBe(404);

    const first = await rt.call("POST", members(), builder.token, { userId: member.id });
    expect(first.statusCode).toBe(201);
    const again = await rt.call("POST", members(), rt.ownerToken, { userId: member.id });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(first.json<MemberBody>()).toEqual({
      userId: member.id,
      email: "mia@example.com",
      name: "mia",
      role: "member",
      addedBy: builder.id,
      addedAt: expect.any(String),
    });
    expect((await rt.call("GET", members(), builder.token)).json()).toEqual([first.json()]);
  });

  it("keeps workspaces apart: another workspace's apps and users are 404", async () => {
    const acme = await rt.call("POST", "/api/workspaces", rt.ownerToken, {
      name: "Acme",
      adminEmail: "boss@acme.example",
      adminPassword: "acme-password",
    });
    expect(acme.statusCode).toBe(201);
    const boss = await rt.login("boss@acme.example", "acme-password");
    const bossId = (await rt.call("GET", "/api/me", boss)).json<{ id: string }>().id;
    const acmeApp = await installApp(rt.database.db, acme.json<{ id: string }>().id, dealDefinition());
    // A user of another workspace cannot be added to this one's app, nor this one's to theirs.
    expect((await rt.call("POST", members(), builder.token, { userId: bossId })).statusCode).toBe(404);
    expect((await rt.call("POST", members(acmeApp), boss, { userId: member.id })).statusCode).toBe(404);
    // Their app is invisible from here, for every role.
    for (const [method, url, body] of [
      ["GET", members(acmeApp)],
      ["POST", members(acmeApp), { userId: member.id }],
      ["DELETE", `${members(acmeApp)}/${member.id}`],
    ] as const) {
      expect((await rt.call(method, url, rt.ownerToken, body)).statusCode).toBe(404);
      expect((await rt.call(method, url, member.token, body)).statusCode).toBe(404);
    }
    expect((await rt.call("GET", members(acmeApp), boss)).json()).toEqual([]);
  });
});
