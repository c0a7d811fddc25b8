import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  recordsUrl,
  startRecordRoutes,
  type Problem,
  type RecordBody,
  type RecordRoutesFixture,
  type TestUser,
} from "../records/test-record-routes.js";
import { dealDefinition, installApp, shareApp } from "../records/test-records.js";
import type { TestRuntime } from "../test-runtime.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("records routes: create, list, roles and workspaces", () => {
  let f: RecordRoutesFixture;
  let rt: TestRuntime;
  let workspaceId: string;
  let appId: string;
  let member: TestUser;
  let other: TestUser;
  let viewer: TestUser;
  const records = (app = appId, form = "deal"): string => recordsUrl(app, form);
  const create = (data: Record<string, unknown>, token?: string, app?: string, form?: string) =>
    f.create(data, token, app, form);
  const createOk = (data: Record<string, unknown>, token?: string, app?: string) =>
    f.createOk(data, token, app);
  const runsOf = (recordId: string) => f.runsOf(recordId);
  const eventsOf = (recordId: string) => f.eventsOf(recordId);
  const stageLogOf = (recordId: string) => f.stageLogOf(recordId);

  beforeAll(async () => {
    f = await startRecordRoutes();
    ({ rt, workspaceId, appId, member, other, viewer } = f);
  });
  afterAll(async () => {
    await rt.close();
  });

  describe("create", () => {
    it("answers 201 with the record: owner, initial stage, formulas computed, serial numbered", async () => {
      const res = await create({
        title: "Big deal",
        amount: 1200,
        discount: 0.1,
        region: "north",
        lines: [{ product: "Widget", qty: 2, price: 10 }],
        net_amount: 1,
      });
      expect(res.statusCode).toBe(201);
      expect(res.headers["etag"]).toBe('"1"');
      const body = res.json<RecordBody>();
      expect(res.headers["location"]).toBe(`${records()}/${body.id}`);
      expect(body.id).toMatch(UUID);
      expect(body).toMatchObject({
        formId: "deal",
        stage: "lead",
        version: 1,
        ownerId: member.id,
        createdAt: "2026-11-23T09:00:00.000Z",
        updatedAt: "2026-11-23T09:00:00.000Z",
      });
      expect(body.data).toEqual({
        title: "Big deal",
        deal_no: expect.stringMatching(/^D-\d{4}$/),
        amount: 1200,
        discount: 0.1,
        region: "north",
        lines: [{ product: "Widget", qty: 2, price: 10, line_total: 20 }],
        net_amount: 1080,
        opened_on: "lead@2026-11-23T09:00:00.000Z",
      });
      const stored = await rt.database.db
        .selectFrom("records")
        .selectAll()
        .where("id", "=", body.id)
        .executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ workspace_id: workspaceId, app_id: appId, definition_version: 1 });
      expect(stored.stage_entered_at?.toISOString()).toBe("2026-11-23T09:00:00.000Z");
    });

    it("numbers serial fields one after another", async () => {
      const a = await createOk({ title: "A", amount: 1 });
      const b = await createOk({ title: "B", amount: 2 });
      const number = (r: RecordBody) => Number(String(r.data["deal_no"]).slice(2));
      expect(number(b)).toBe(number(a) + 1);
    });

    it("writes the stage log, the audit event and one queued rule run per matching rule", async () => {
      const record = await createOk({ title: "Logged", amount: 5 });
      const log = await stageLogOf(record.id);
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ stage: "lead", entered_by: member.id, exited_at: null });
      const events = await eventsOf(record.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        kind: "created",
        actor_type: "user",
        actor_id: member.id,
        run_id: null,
        to_stage: "lead",
      });
      expect(events[0]!.changes).toContainEqual({ field: "title", old: null, new: "Logged" });
      const runs = await runsOf(record.id);
      expect(runs.map((r) => r.rule_id).sort()).toEqual(["on_created", "on_entered"]);
      for (const run of runs) {
        expect(run).toMatchObject({ status: "queued", depth: 0, app_version: 1, app_id: appId, attempts: 0 });
        expect(run.run_at.toISOString()).toBe("2026-11-23T09:00:00.000Z");
      }
      const trigger = runs.find((r) => r.rule_id === "on_entered")!.trigger;
      expect(trigger).toMatchObject({ type: "stage.entered", stage: "lead", record: { id: record.id } });
    });

    it("names every invalid field at once (422), unknown fields included, and uses no serial number", async () => {
      const before = await createOk({ title: "Before", amount: 1 });
      const res = await create({
        title: "",
        amount: -5,
        discount: 0.9,
        region: "west",
        close_date: "someday",
        lines: [{ qty: 0 }],
        bogus: 1,
      });
      expect(res.statusCode).toBe(422);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      const problem = res.json<Problem>();
      expect(problem.status).toBe(422);
      expect(problem.errors.map((e) => e.path).sort()).toEqual([
        "/data/amount",
        "/data/bogus",
        "/data/close_date",
        "/data/discount",
        "/data/lines/0/product",
        "/data/lines/0/qty",
        "/data/region",
        "/data/title",
      ]);
      expect(problem.errors.find((e) => e.path === "/data/bogus")?.code).toBe("unknown_field");
      const after = await createOk({ title: "After", amount: 1 });
      const number = (r: RecordBody) => Number(String(r.data["deal_no"]).slice(2));
      expect(number(after)).toBe(number(before) + 1);
    });

    it("refuses an unknown field alone with 422", async () => {
      const res = await create({ title: "x", amount: 1, nope: true });
      expect(res.statusCode).toBe(422);
      expect(res.json<Problem>().errors).toEqual([
        expect.objectContaining({ path: "/data/nope", code: "unknown_field" }),
      ]);
    });

    it("answers 400 for a body of the wrong shape", async () => {
      expect((await rt.call("POST", records(), member.token, { data: [] })).statusCode).toBe(400);
      expect((await rt.call("POST", records(), member.token, {})).statusCode).toBe(400);
      const extra = await rt.call("POST", records(), member.token, { data: {}, extra: 1 });
      expect(extra.statusCode).toBe(400);
      expect(extra.json<Problem>().errors.map((e) => e.path)).toEqual(["/extra"]);
    });

    it("answers 404 for an unknown app or form", async () => {
      const unknownApp = await create(
        { title: "x", amount: 1 },
        member.token,
        "6f1c1e8e-0000-4000-8000-000000000000",
      );
      expect(unknownApp.statusCode).toBe(404);
      const unknownForm = await create({ title: "x", amount: 1 }, member.token, appId, "nope");
      expect(unknownForm.statusCode).toBe(404);
      expect(unknownForm.headers["content-type"]).toContain("application/problem+json");
    });

    it("creates records of a form without a pipeline with no stage", async () => {
      const res = await create({ body: "hello" }, member.token, appId, "note");
      expect(res.statusCode).toBe(201);
      const note = res.json<RecordBody>();
      expect(note.stage).toBeNull();
      expect(await stageLogOf(note.id)).toEqual([]);
      expect((await runsOf(note.id)).map((r) => r.rule_id)).toEqual(["on_note"]);
    });
  });

  describe("list", () => {
    let listApp: string;
    const ids: string[] = [];
    beforeAll(async () => {
      listApp = await installApp(rt.database.db, workspaceId, dealDefinition());
      await shareApp(rt, listApp, [member.id, other.id, viewer.id]);
      const titles = ["Alpha 100%", "beta_one", "Gamma", "alphabet", "Delta", "Epsilon"];
      for (const [i, title] of titles.entries()) {
        rt.clock.advance(1000);
        const owner = i % 2 === 0 ? member.token : other.token;
        ids.push(
          (
            await createOk(
              { title, amount: 1000 + i, region: "north", close_date: "2027-01-01" },
              owner,
              listApp,
            )
          ).id,
        );
      }
      rt.clock.advance(1000);
      const moved = await rt.call("POST", `${records(listApp)}/${ids[1]!}/transition`, other.token, {
        to: "qualified",
      });
      expect(moved.statusCode, moved.body).toBe(200);
    });
    const list = async (query: string, token = member.token) => {
      const res = await rt.call("GET", `${records(listApp)}?${query}`, token);
      return res;
    };
    const listIds = async (query: string) =>
      (await list(query)).json<{ items: RecordBody[] }>().items.map((r) => r.id);

    it("lists newest first by default, and filters by stage and owner", async () => {
      const res = await list("");
      expect(res.statusCode).toBe(200);
      const body = res.json<{ items: RecordBody[]; nextCursor: string | null }>();
      expect(body.items.map((r) => r.id)).toEqual([...ids].reverse());
      expect(body.nextCursor).toBeNull();
      expect(await listIds("stage=qualified")).toEqual([ids[1]]);
      expect(await listIds("stage=lead")).toEqual([ids[5], ids[4], ids[3], ids[2], ids[0]]);
      expect(await listIds("stage=nowhere")).toEqual([]);
      expect(await listIds("owner=me")).toEqual([ids[4], ids[2], ids[0]]);
      expect(await listIds(`owner=${other.id}&stage=lead`)).toEqual([ids[5], ids[3]]);
    });

    it("searches the data case-insensitively, with % and _ taken literally", async () => {
      expect(await listIds("q=ALPHA")).toEqual([ids[3], ids[0]]);
      expect(await listIds(`q=${encodeURIComponent("%")}`)).toEqual([ids[0]]);
      expect(await listIds("q=l_h")).toEqual([]);
      expect(await listIds("q=a_one")).toEqual([ids[1]]);
      expect(await listIds(`q=${encodeURIComponent("'; drop table records; --")}`)).toEqual([]);
    });

    it("pages with a cursor in both orders", async () => {
      for (const [sort, expected] of [
        ["-createdAt", [...ids].reverse()],
        ["createdAt", ids],
        ["-updatedAt", [ids[1], ids[5], ids[4], ids[3], ids[2], ids[0]]],
      ] as const) {
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const query: string = `sort=${sort}&limit=4${cursor === null ? "" : `&cursor=${cursor}`}`;
          const page = (await list(query)).json<{ items: RecordBody[]; nextCursor: string | null }>();
          seen.push(...page.items.map((r) => r.id));
          cursor = page.nextCursor;
          pages++;
        } while (cursor !== null);
        expect(pages).toBe(2);
        expect(seen).toEqual(expected);
      }
    });

    it("pages exactly through rows written by others at microsecond precision", async () => {
      const preciseApp = await installApp(rt.database.db, workspaceId, dealDefinition());
      await shareApp(rt, preciseApp, [member.id, other.id]);
      const made: string[] = [];
      for (const title of ["one", "two", "three"])
        made.push((await createOk({ title, amount: 1 }, member.token, preciseApp)).id);
      // Same millisecond, different microseconds (as a writer using now() in SQL would store).
      for (const [i, id] of made.entries()) {
        await sql`update records set created_at = timestamptz '2026-11-23 10:00:00.123+00' + ${i}::int * interval '1 microsecond' where id = ${id}`.execute(
          rt.database.db,
        );
      }
      for (const [sort, expected] of [
        ["createdAt", made],
        ["-createdAt", [...made].reverse()],
      ] as const) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const query: string = `sort=${sort}&limit=1${cursor === null ? "" : `&cursor=${cursor}`}`;
          const res = await rt.call("GET", `${records(preciseApp)}?${query}`, member.token);
          const page = res.json<{ items: RecordBody[]; nextCursor: string | null }>();
          seen.push(...page.items.map((r) => r.id));
          cursor = page.nextCursor;
        } while (cursor !== null);
        expect(seen).toEqual(expected);
      }
    });

    it("answers 400 naming every bad parameter", async () => {
      const tooMany = await list("limit=501");
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json<Problem>().errors.map((e) => e.path)).toEqual(["/query/limit"]);
      const badSort = await list("sort=title");
      expect(badSort.statusCode).toBe(400);
      expect(badSort.json<Problem>().errors.map((e) => e.path)).toEqual(["/query/sort"]);
      const all = await list("sort=nope&limit=0&cursor=garbage!");
      expect(
        all
          .json<Problem>()
          .errors.map((e) => e.path)
          .sort(),
      ).toEqual(["/query/cursor", "/query/limit", "/query/sort"]);
      const page = (await list("limit=1")).json<{ nextCursor: string }>();
      const otherSort = await list(`sort=createdAt&cursor=${page.nextCursor}`);
      expect(otherSort.json<Problem>().errors.map((e) => e.path)).toEqual(["/query/cursor"]);
      expect((await list("stage=a&stage=b")).statusCode).toBe(400);
    });

    it("lets viewers read, and answers 404 for an unknown app or form", async () => {
      expect((await list("", viewer.token)).json<{ items: unknown[] }>().items).toHaveLength(6);
      expect((await rt.call("GET", records(listApp, "nope"), member.token)).statusCode).toBe(404);
    });
  });

  describe("roles and workspaces", () => {
    it("answers 403 to viewers on every write, whatever the body", async () => {
      const record = await createOk({ title: "Viewed", amount: 1 });
      const url = `${records()}/${record.id}`;
      expect(
        (await rt.call("POST", records(), viewer.token, { data: { title: "x", amount: 1 } })).statusCode,
      ).toBe(403);
      expect((await rt.call("POST", records(), viewer.token, { nonsense: true })).statusCode).toBe(403);
      expect((await rt.call("PATCH", url, viewer.token, { data: {} }, { "if-match": "1" })).statusCode).toBe(
        403,
      );
      expect((await rt.call("POST", `${url}/transition`, viewer.token, { to: "lost" })).statusCode).toBe(403);
      expect((await rt.call("DELETE", url, viewer.token)).statusCode).toBe(403);
      expect((await rt.call("GET", url, viewer.token)).statusCode).toBe(200);
      expect((await rt.call("GET", url, null)).statusCode).toBe(401);
    });

    it("answers 404 for apps and records of another workspace", async () => {
      const created = await rt.call("POST", "/api/workspaces", rt.ownerToken, {
        name: "Acme",
        adminEmail: "boss@acme.example",
        adminPassword: "acme-password",
      });
      expect(created.statusCode).toBe(201);
      const boss = await rt.login("boss@acme.example", "acme-password");
      const record = await createOk({ title: "Private", amount: 1 });
      const url = `${records()}/${record.id}`;
      expect((await rt.call("GET", url, boss)).statusCode).toBe(404);
      expect((await rt.call("GET", records(), boss)).statusCode).toBe(404);
      expect((await rt.call("GET", `${url}/history`, boss)).statusCode).toBe(404);
      expect(
        (await rt.call("PATCH", url, boss, { data: { amount: 2 } }, { "if-match": "1" })).statusCode,
      ).toBe(404);
      expect((await rt.call("POST", `${url}/transition`, boss, { to: "lost" })).statusCode).toBe(404);
      expect((await rt.call("DELETE", url, boss)).statusCode).toBe(404);
      expect((await rt.call("POST", records(), boss, { data: { title: "x", amount: 1 } })).statusCode).toBe(
        404,
      );

      const acmeApp = await installApp(rt.database.db, created.json<{ id: string }>().id, dealDefinition());
      const acmeRecord = await createOk({ title: "Acme deal", amount: 1 }, boss, acmeApp);
      expect((await rt.call("GET", `${records(acmeApp)}/${acmeRecord.id}`, member.token)).statusCode).toBe(
        404,
      );
      expect((await rt.call("GET", `${records(acmeApp)}/${acmeRecord.id}`, boss)).statusCode).toBe(200);
      const unchanged = (await rt.call("GET", url, member.token)).json<RecordBody>();
      expect(unchanged.version).toBe(1);
    });
  });
});
