import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  recordsUrl,
  startRecordRoutes,
  type Problem,
  type RecordBody,
  type RecordRoutesFixture,
  type TestUser,
} from "../records/test-record-routes.js";
import { dealDefinition, installApp, publishVersion } from "../records/test-records.js";
import type { TestRuntime } from "../test-runtime.js";

describe("records routes: read, change, move, delete, history", () => {
  let f: RecordRoutesFixture;
  let rt: TestRuntime;
  let workspaceId: string;
  let appId: string;
  let member: TestUser;
  let other: TestUser;
  let viewer: TestUser;
  let builder: TestUser;
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
    ({ rt, workspaceId, appId, member, other, viewer, builder } = f);
  });
  afterAll(async () => {
    await rt.close();
  });

  describe("get, patch, transition, delete, history", () => {
    it("reads one record with its ETag, 404 from another form or for an unknown id", async () => {
      const record = await createOk({ title: "Readable", amount: 3 });
      const res = await rt.call("GET", `${records()}/${record.id}`, viewer.token);
      expect(res.statusCode).toBe(200);
      expect(res.headers["etag"]).toBe('"1"');
      expect(res.json()).toEqual(record);
      expect((await rt.call("GET", `${records(appId, "note")}/${record.id}`, member.token)).statusCode).toBe(
        404,
      );
      expect((await rt.call("GET", `${records()}/${crypto.randomUUID()}`, member.token)).statusCode).toBe(
        404,
      );
    });

    it("patches with If-Match: merges, recomputes, bumps the version, queues field.changed rules", async () => {
      const record = await createOk({ title: "Patchable", amount: 100, discount: 0.2 });
      rt.clock.advance(60_000);
      const res = await rt.call(
        "PATCH",
        `${records()}/${record.id}`,
        member.token,
        { data: { amount: 2_000_000 } },
        {
          "if-match": '"1"',
        },
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers["etag"]).toBe('"2"');
      const body = res.json<RecordBody>();
      expect(body.version).toBe(2);
      expect(body.createdAt).toBe(record.createdAt);
      expect(body.updatedAt).toBe(rt.clock.now().toISOString());
      expect(body.data).toMatchObject({
        title: "Patchable",
        amount: 2_000_000,
        discount: 0.2,
        net_amount: 1_600_000,
      });
      expect(body.data["deal_no"]).toBe(record.data["deal_no"]);
      const runs = await runsOf(record.id);
      const changedRuns = runs.filter((r) => r.rule_id.startsWith("on_") && r.rule_id.includes("amount"));
      expect(changedRuns.map((r) => r.rule_id).sort()).toEqual(["on_amount", "on_big_amount"]);
      expect(changedRuns[0]!.trigger).toMatchObject({
        type: "record.updated",
        changed: ["amount", "net_amount"],
        previous: { amount: 100 },
      });
      const events = await eventsOf(record.id);
      expect(events.at(-1)).toMatchObject({ kind: "updated", actor_id: member.id });
      expect(events.at(-1)!.changes).toEqual([
        { field: "amount", old: 100, new: 2_000_000 },
        { field: "net_amount", old: 80, new: 1_600_000 },
      ]);

      const weak = await rt.call(
        "PATCH",
        `${records()}/${record.id}`,
        member.token,
        { data: { amount: 5 } },
        {
          "if-match": 'W/"2"',
        },
      );
      expect(weak.statusCode).toBe(200);
      const bare = await rt.call(
        "PATCH",
        `${records()}/${record.id}`,
        member.token,
        { data: { amount: 6 } },
        {
          "if-match": "3",
        },
      );
      expect(bare.json<RecordBody>().version).toBe(4);
      const small = (await runsOf(record.id)).filter((r) => r.rule_id === "on_big_amount");
      expect(small).toHaveLength(1);
    });

    it("writes nothing when no value changes", async () => {
      const record = await createOk({ title: "Same", amount: 10 });
      const res = await rt.call(
        "PATCH",
        `${records()}/${record.id}`,
        member.token,
        { data: { amount: "10.00" } },
        {
          "if-match": '"1"',
        },
      );
      expect(res.statusCode).toBe(200);
      expect(res.json<RecordBody>()).toEqual(record);
      expect(await eventsOf(record.id)).toHaveLength(1);
    });

    it("answers 428 without If-Match, 409 on a stale version, 400 for a malformed one, 422 for bad data", async () => {
      const record = await createOk({ title: "Guarded", amount: 10 });
      const url = `${records()}/${record.id}`;
      const missing = await rt.call("PATCH", url, member.token, { data: { amount: 11 } });
      expect(missing.statusCode).toBe(428);
      expect(missing.headers["content-type"]).toContain("application/problem+json");
      const stale = await rt.call(
        "PATCH",
        url,
        member.token,
        { data: { amount: 11 } },
        { "if-match": '"7"' },
      );
      expect(stale.statusCode).toBe(409);
      expect(stale.json<Problem>().detail).toContain("version 1");
      expect(stale.json<Problem>().errors[0]?.params).toMatchObject({
        currentVersion: 1,
        expectedVersion: 7,
      });
      expect(stale.headers["etag"]).toBe('"1"');
      const malformed = await rt.call("PATCH", url, member.token, { data: {} }, { "if-match": "*" });
      expect(malformed.statusCode).toBe(400);
      const invalid = await rt.call(
        "PATCH",
        url,
        member.token,
        { data: { amount: -1, title: null, x: 1 } },
        {
          "if-match": "1",
        },
      );
      expect(invalid.statusCode).toBe(422);
      expect(
        invalid
          .json<Problem>()
          .errors.map((e) => e.path)
          .sort(),
      ).toEqual(["/data/amount", "/data/title", "/data/x"]);
      expect((await rt.call("GET", url, member.token)).json<RecordBody>().version).toBe(1);
    });

    it("lets exactly one of two concurrent patches of the same version win", async () => {
      const record = await createOk({ title: "Race", amount: 1 });
      const url = `${records()}/${record.id}`;
      const [a, b] = await Promise.all([
        rt.call("PATCH", url, member.token, { data: { amount: 2 } }, { "if-match": '"1"' }),
        rt.call("PATCH", url, other.token, { data: { amount: 3 } }, { "if-match": '"1"' }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const winner = a.statusCode === 200 ? a : b;
      const current = (await rt.call("GET", url, member.token)).json<RecordBody>();
      expect(current.version).toBe(2);
      expect(current.data["amount"]).toBe(winner.json<RecordBody>().data["amount"]);
      expect((await eventsOf(record.id)).filter((e) => e.kind === "updated")).toHaveLength(1);

      const crowd = await Promise.all(
        [10, 11, 12, 13, 14].map((amount) =>
          rt.call("PATCH", url, member.token, { data: { amount } }, { "if-match": '"2"' }),
        ),
      );
      expect(crowd.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
      expect((await rt.call("GET", url, member.token)).json<RecordBody>().version).toBe(3);
    });

    it("stamps the current app version on a patched record", async () => {
      const versionedApp = await installApp(rt.database.db, workspaceId, dealDefinition());
      const record = await createOk({ title: "Old", amount: 1 }, member.token, versionedApp);
      const next = dealDefinition();
      next.forms[0]!.fields.push({ id: "notes", type: "text", label: { zh: "备注", en: "Notes" } });
      expect(await publishVersion(rt.database.db, workspaceId, versionedApp, next)).toBe(2);
      rt.clock.advance(1000);
      const res = await rt.call(
        "PATCH",
        `${records(versionedApp)}/${record.id}`,
        member.token,
        {
          data: { notes: "new field", amount: 2 },
        },
        { "if-match": "1" },
      );
      expect(res.statusCode, res.body).toBe(200);
      const stored = await rt.database.db
        .selectFrom("records")
        .select("definition_version")
        .where("id", "=", record.id)
        .executeTakeFirstOrThrow();
      expect(stored.definition_version).toBe(2);
      expect((await runsOf(record.id)).at(-1)?.app_version).toBe(2);
    });

    it("moves a record: 422 naming every unmet condition, then 200 with stage log, audit and rule runs", async () => {
      const record = await createOk({ title: "Mover", amount: 10 });
      const url = `${records()}/${record.id}/transition`;
      const refused = await rt.call("POST", url, member.token, { to: "qualified" });
      expect(refused.statusCode).toBe(422);
      expect(refused.json<Problem>().errors.map((e) => [e.path, e.code])).toEqual([
        ["/data/region", "required"],
        ["/data/close_date", "required"],
        ["/to", "guard_failed"],
      ]);
      const notAllowed = await rt.call("POST", url, member.token, { to: "won" });
      expect(notAllowed.json<Problem>().errors.map((e) => e.code)).toEqual(["move_not_allowed"]);
      const unknown = await rt.call("POST", url, member.token, { to: "nowhere" });
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json<Problem>().errors.map((e) => e.code)).toEqual(["unknown_stage"]);
      expect((await rt.call("POST", url, member.token, { to: "lead" })).statusCode).toBe(422);
      expect((await rt.call("POST", url, member.token, {})).statusCode).toBe(400);

      const patched = await rt.call(
        "PATCH",
        `${records()}/${record.id}`,
        member.token,
        {
          data: { amount: 5000, region: "south", close_date: "2027-03-01" },
        },
        { "if-match": "1" },
      );
      expect(patched.statusCode).toBe(200);
      const stale = await rt.call("POST", url, member.token, { to: "qualified" }, { "if-match": '"1"' });
      expect(stale.statusCode).toBe(409);
      rt.clock.advance(5000);
      const moved = await rt.call("POST", url, member.token, { to: "qualified" }, { "if-match": '"2"' });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.headers["etag"]).toBe('"3"');
      expect(moved.json<RecordBody>()).toMatchObject({ stage: "qualified", version: 3 });

      const log = await stageLogOf(record.id);
      expect(log.map((l) => [l.stage, l.exited_at?.toISOString() ?? null])).toEqual([
        ["lead", rt.clock.now().toISOString()],
        ["qualified", null],
      ]);
      expect(log[0]!.exited_by).toBe(member.id);
      expect((await eventsOf(record.id)).at(-1)).toMatchObject({
        kind: "transitioned",
        from_stage: "lead",
        to_stage: "qualified",
        // The move recomputes the formula that reads `_stage`.
        changes: [
          {
            field: "opened_on",
            old: expect.stringMatching(/^lead@/),
            new: expect.stringMatching(/^qualified@/),
          },
        ],
      });
      expect(moved.json<RecordBody>().data["opened_on"]).toMatch(/^qualified@/);
      const runs = (await runsOf(record.id)).filter(
        (r) => r.created_at.getTime() === rt.clock.now().getTime(),
      );
      expect(runs.map((r) => r.rule_id).sort()).toEqual(["on_entered", "on_left_lead"]);
      expect(runs.find((r) => r.rule_id === "on_left_lead")!.trigger).toMatchObject({
        type: "stage.left",
        stage: "lead",
        to: "qualified",
        record: { stage: "qualified" },
      });
    });

    it("answers 202 with the approval it created and leaves the record where it is", async () => {
      const record = await createOk({
        title: "Approve me",
        amount: 5000,
        region: "north",
        close_date: "2027-01-01",
      });
      const url = `${records()}/${record.id}/transition`;
      expect((await rt.call("POST", url, member.token, { to: "qualified" })).statusCode).toBe(200);
      const before = { events: (await eventsOf(record.id)).length, runs: (await runsOf(record.id)).length };
      const res = await rt.call("POST", url, member.token, { to: "won" });
      expect(res.statusCode).toBe(202);
      const { approvalId } = res.json<{ approvalId: string }>();
      expect(res.json()).toEqual({ approvalId: expect.any(String), status: "approval_required" });
      const after = (await rt.call("GET", `${records()}/${record.id}`, member.token)).json<RecordBody>();
      expect(after).toMatchObject({ stage: "qualified", version: 2 });
      // Only the request lands in the trail; no rule of this app listens to approval events.
      expect((await eventsOf(record.id)).slice(before.events)).toEqual([
        expect.objectContaining({ kind: "approval", detail: expect.objectContaining({ approvalId }) }),
      ]);
      expect((await runsOf(record.id)).length).toBe(before.runs);
      expect((await stageLogOf(record.id)).length).toBe(2);
    });

    it("closes a record entering a terminal stage", async () => {
      const record = await createOk({ title: "Lost one", amount: 1, loss_reason: "price" });
      const res = await rt.call("POST", `${records()}/${record.id}/transition`, member.token, { to: "lost" });
      expect(res.statusCode).toBe(200);
      const stored = await rt.database.db
        .selectFrom("records")
        .select(["closed_at", "stage"])
        .where("id", "=", record.id)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({ stage: "lost", closed_at: rt.clock.now() });
    });

    it("refuses to move a record of a form without a pipeline", async () => {
      const note = (await create({ body: "n" }, member.token, appId, "note")).json<RecordBody>();
      const res = await rt.call("POST", `${records(appId, "note")}/${note.id}/transition`, member.token, {
        to: "x",
      });
      expect(res.statusCode).toBe(422);
      expect(res.json<Problem>().errors.map((e) => e.code)).toEqual(["no_pipeline"]);
    });

    it("deletes: members their own records, builders any; the trail stays", async () => {
      const mine = await createOk({ title: "Mine", amount: 1 });
      const theirs = await createOk({ title: "Theirs", amount: 1 }, other.token);
      expect((await rt.call("DELETE", `${records()}/${theirs.id}`, member.token)).statusCode).toBe(403);
      expect(
        (await rt.call("DELETE", `${records()}/${mine.id}`, member.token, undefined, { "if-match": "2" }))
          .statusCode,
      ).toBe(409);
      const deleted = await rt.call("DELETE", `${records()}/${mine.id}`, member.token);
      expect(deleted.statusCode).toBe(204);
      expect(deleted.body).toBe("");
      expect((await rt.call("GET", `${records()}/${mine.id}`, member.token)).statusCode).toBe(404);
      expect((await rt.call("DELETE", `${records()}/${mine.id}`, member.token)).statusCode).toBe(404);
      expect((await rt.call("DELETE", `${records()}/${theirs.id}`, builder.token)).statusCode).toBe(204);
      expect((await stageLogOf(mine.id))[0]?.exited_at).not.toBeNull();
      const history = await rt.call("GET", `${records()}/${mine.id}/history`, member.token);
      expect(history.statusCode).toBe(200);
      const last = history.json<{ kind: string; changes: unknown[] }[]>().at(-1)!;
      expect(last.kind).toBe("deleted");
      expect(last.changes).toContainEqual({ field: "title", old: "Mine", new: null });
    });

    it("answers the history oldest first with diffs and actors", async () => {
      const record = await createOk({
        title: "Story",
        amount: 1000,
        region: "north",
        close_date: "2027-01-01",
      });
      const base = `${records()}/${record.id}`;
      rt.clock.advance(1000);
      expect(
        (await rt.call("PATCH", base, other.token, { data: { title: "Story 2" } }, { "if-match": "1" }))
          .statusCode,
      ).toBe(200);
      rt.clock.advance(1000);
      expect(
        (await rt.call("POST", `${base}/transition`, member.token, { to: "qualified" })).statusCode,
      ).toBe(200);
      const res = await rt.call("GET", `${base}/history`, viewer.token);
      expect(res.statusCode).toBe(200);
      const history = res.json<
        {
          id: string;
          kind: string;
          changes: unknown[];
          fromStage: string | null;
          toStage: string | null;
          actor: unknown;
          runId: string | null;
          at: string;
        }[]
      >();
      expect(history.map((h) => h.kind)).toEqual(["created", "updated", "transitioned"]);
      expect(history[1]).toMatchObject({
        changes: [{ field: "title", old: "Story", new: "Story 2" }],
        actor: { type: "user", id: other.id },
        runId: null,
      });
      expect(history[2]).toMatchObject({
        fromStage: "lead",
        toStage: "qualified",
        actor: { type: "user", id: member.id },
      });
      expect(history[0]!.at < history[1]!.at && history[1]!.at < history[2]!.at).toBe(true);
      expect(
        (await rt.call("GET", `${records()}/${crypto.randomUUID()}/history`, member.token)).statusCode,
      ).toBe(404);
    });
  });
});
