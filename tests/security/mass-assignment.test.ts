// Mass assignment: record bodies that try to set what only the server decides (ids, versions,
// owners, workspaces, stages, formula values) and definitions with keys the schema does not know.
// Refusals name every offending field and write nothing; formula values are ignored.
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

const SERVER_OWNED = ["id", "version", "ownerId", "workspaceId", "stage", "_stage", "_owner", "createdAt"];

describe("record bodies cannot set what the server owns", () => {
  it("server-owned keys inside `data` are unknown fields → 422 naming each", async () => {
    const { rt, home } = world;
    const data: Record<string, unknown> = { title: "Sneaky" };
    for (const key of SERVER_OWNED) data[key] = key === "version" ? 99 : "forged";
    await expectNothingWritten(rt, async () => {
      const res = await rt.call("POST", recordsUrl(home.appId), home.token, { data });
      expectProblem(
        res,
        422,
        SERVER_OWNED.map((key) => `/data/${key}`),
      );
    });
  });

  it("server-owned keys beside `data` in a create → 400 naming each", async () => {
    const { rt, home, other } = world;
    await expectNothingWritten(rt, async () => {
      const res = await rt.call("POST", recordsUrl(home.appId), home.token, {
        data: { title: "Sneaky" },
        id: "rec_chosen",
        version: 7,
        ownerId: "u_someone",
        workspaceId: "ws_other",
        stage: "won",
        appId: other.appId,
      });
      expectProblem(res, 400, ["/id", "/version", "/ownerId", "/workspaceId", "/stage", "/appId"]);
    });
  });

  it("a patch cannot move the stage, owner or version through its body", async () => {
    const { rt, home } = world;
    const record = `${recordsUrl(home.appId)}/${home.recordId}`;
    const ifMatch = { "if-match": String(home.recordVersion) };
    await expectNothingWritten(rt, async () => {
      const inside = await rt.call(
        "PATCH",
        record,
        home.token,
        { data: { _stage: "won", stage: "won", ownerId: "u_x", version: 1 } },
        ifMatch,
      );
      expectProblem(inside, 422, ["/data/_stage", "/data/stage", "/data/ownerId", "/data/version"]);
      const beside = await rt.call(
        "PATCH",
        record,
        home.token,
        { data: { title: "ok" }, stage: "won", version: 1, ownerId: "u_x" },
        ifMatch,
      );
      expectProblem(beside, 400, ["/stage", "/version", "/ownerId"]);
      const transition = await rt.call(
        "POST",
        `${record}/transition`,
        home.token,
        { to: "new", stage: "won", data: { title: "changed on the way" } },
        ifMatch,
      );
      expectProblem(transition, 400, ["/stage", "/data"]);
    });
  });

  it("a value sent for a formula field is ignored: the server computes it", async () => {
    const { rt, home } = world;
    const res = await rt.call("POST", recordsUrl(home.appId), home.token, {
      data: { title: "Formula", amount: 100, net: 1_000_000 },
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<{ data: Record<string, unknown>; stage: string; version: number }>();
    expect(created.data["net"]).toBe(90);
    expect(created.stage).toBe("new");
    expect(created.version).toBe(1);
    const row = await rt.database.db
      .selectFrom("records")
      .select("data")
      .where("id", "=", res.json<{ id: string }>().id)
      .executeTakeFirstOrThrow();
    expect(row.data["net"]).toBe(90);
  });

  it("subform rows with unknown keys or a formula-looking id are refused", async () => {
    const { rt, home } = world;
    await expectNothingWritten(rt, async () => {
      const res = await rt.call("POST", recordsUrl(home.appId), home.token, {
        data: { title: "Rows", lines: [{ product: "a", qty: 1, price: 5, _owner: "u_x" }] },
      });
      expectProblem(res, 422, ["/data/lines/0/price", "/data/lines/0/_owner"]);
    });
  });
});

describe("definitions cannot carry keys the schema does not know", () => {
  it("extra keys at every level of a draft → 422 naming each, the draft unchanged", async () => {
    const { rt, home } = world;
    const definition = targetApp() as unknown as Record<string, unknown>;
    definition["ownerId"] = "u_x";
    const forms = definition["forms"] as Record<string, unknown>[];
    const form = forms[0] as Record<string, unknown>;
    form["workspaceId"] = "ws_other";
    const fields = form["fields"] as Record<string, unknown>[];
    (fields[0] as Record<string, unknown>)["sqlDefault"] = "now()";
    await expectNothingWritten(rt, async () => {
      const res = await rt.call("PUT", `/api/apps/${home.appId}/draft`, home.token, { definition });
      expectProblem(res, 422, ["/definition/ownerId", "/definition/forms/0/workspaceId"]);
      const body = res.json<{ errors: { path: string }[] }>();
      expect(body.errors.some((e) => e.path.startsWith("/definition/forms/0/fields/0"))).toBe(true);
      const install = await rt.call("POST", "/api/apps", home.token, { definition, id: "app_chosen" });
      expectProblem(install, 400, ["/id"]);
    });
  });

  it("a publish body cannot pick the version", async () => {
    const { rt, home } = world;
    await expectNothingWritten(rt, async () => {
      const res = await rt.call("POST", `/api/apps/${home.appId}/publish`, home.token, { version: 99 });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expectProblem(res, res.statusCode);
    });
  });
});
