import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json } from "../db/sql-json.js";
import { newId } from "../ids.js";
import { startTestRuntime, type TestRuntime } from "../test-runtime.js";
import { dealApp, editedDealApp } from "./test-app-definition.js";

interface Installed {
  id: string;
}

describe("the impact report of a publish", () => {
  let rt: TestRuntime;
  let workspaceId: string;
  let appId: string;

  async function install(): Promise<string> {
    const res = await rt.call("POST", "/api/apps", rt.ownerToken, { definition: dealApp() });
    expect(res.statusCode).toBe(201);
    return res.json<Installed>().id;
  }

  async function insertRecord(
    app: string,
    formId: string,
    stage: string | null,
    data: Record<string, unknown>,
  ): Promise<string> {
    const id = newId();
    const now = rt.clock.now();
    await rt.database.db
      .insertInto("records")
      .values({
        workspace_id: workspaceId,
        id,
        app_id: app,
        form_id: formId,
        stage,
        owner_id: null,
        version: 1,
        definition_version: 1,
        data: json(data),
        created_at: now,
        updated_at: now,
        last_activity_at: now,
      })
      .execute();
    return id;
  }

  beforeAll(async () => {
    rt = await startTestRuntime();
    workspaceId = (await rt.call("GET", "/api/me", rt.ownerToken)).json<{ workspaceId: string }>()
      .workspaceId;
    appId = await install();
    await insertRecord(appId, "deal", "new", { title: "A", amount: 5, notes: "call back" });
    await insertRecord(appId, "deal", "qualified", { title: "B", amount: 7 });
    await insertRecord(appId, "deal", "qualified", { title: "C", notes: null, region: "" });
    await insertRecord(appId, "deal", "won", { title: "D", region: "east", priority: "high" });
    await insertRecord(appId, "legacy", null, { memo: "x" });
    await insertRecord(appId, "legacy", null, {});
    // Another app with the same forms: its records never count for this one.
    const other = await install();
    await insertRecord(other, "deal", "qualified", { title: "E", amount: 1, notes: "n" });
    await insertRecord(other, "legacy", null, {});
  });
  afterAll(async () => {
    await rt.close();
  });

  const expected = [
    { kind: "field_retyped", formId: "deal", fieldId: "amount", from: "number", to: "money", records: 2 },
    { kind: "field_removed", formId: "deal", fieldId: "notes", records: 2 },
    { kind: "required_added", formId: "deal", fieldId: "region", records: 3 },
    { kind: "field_added", formId: "deal", fieldId: "priority", records: 3 },
    { kind: "required_added", formId: "deal", fieldId: "priority", records: 3 },
    { kind: "stage_removed", formId: "deal", stageId: "qualified", records: 2 },
    { kind: "stage_added", formId: "deal", stageId: "lost", records: 0 },
    { kind: "form_removed", formId: "legacy", records: 2 },
    { kind: "form_added", formId: "contact", records: 0 },
  ];

  it("counts the records each change touches, first as a dry run, then for real", async () => {
    const draft = await rt.call("PUT", `/api/apps/${appId}/draft`, rt.ownerToken, {
      definition: editedDealApp(),
    });
    expect(draft.statusCode).toBe(200);

    const dry = await rt.call("POST", `/api/apps/${appId}/publish?dryRun=true`, rt.ownerToken);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toEqual({ version: 2, changes: expected, dryRun: true });
    expect((await rt.call("GET", `/api/apps/${appId}`, rt.ownerToken)).json()).toMatchObject({ version: 1 });

    const published = await rt.call("POST", `/api/apps/${appId}/publish`, rt.ownerToken);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toEqual({ version: 2, changes: expected, dryRun: false });

    const versions = await rt.call("GET", `/api/apps/${appId}/versions`, rt.ownerToken);
    expect(versions.json<{ version: number; changes: unknown[] }[]>()[0]).toMatchObject({
      version: 2,
      changes: expected,
    });
  });

  it("leaves the records as they were: removed stages and fields stay in their data", async () => {
    const rows = await rt.database.db
      .selectFrom("records")
      .select(["stage", "data", "definition_version"])
      .where("app_id", "=", appId)
      .where("form_id", "=", "deal")
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    expect(rows.map((r) => r.stage).sort()).toEqual(["new", "qualified", "qualified", "won"]);
    expect(rows.filter((r) => "notes" in r.data)).toHaveLength(2);
    expect(rows.every((r) => r.definition_version === 1)).toBe(true);
  });
});
