// Test fixture of the records route suites: a runtime with the deal app and a user of each role.
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { startTestRuntime, type TestRuntime } from "../test-runtime.js";
import { addUser, dealDefinition, installApp, shareApp, whoIs } from "./test-records.js";

export interface RecordBody {
  id: string;
  formId: string;
  data: Record<string, unknown>;
  stage: string | null;
  version: number;
  ownerId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Problem {
  status: number;
  detail: string;
  errors: { path: string; code: string; params?: Record<string, unknown> }[];
}

export interface TestUser {
  token: string;
  id: string;
}

export interface RecordRoutesFixture {
  rt: TestRuntime;
  workspaceId: string;
  /** The deal app every suite starts with. */
  appId: string;
  /** Two members (mia, max), a viewer and a builder of the owner's workspace. */
  member: TestUser;
  other: TestUser;
  viewer: TestUser;
  builder: TestUser;
  /** POST a record (member by default). */
  create(
    data: Record<string, unknown>,
    token?: string,
    app?: string,
    form?: string,
  ): Promise<LightMyRequestResponse>;
  /** POST a record and expect 201. */
  createOk(data: Record<string, unknown>, token?: string, app?: string): Promise<RecordBody>;
  runsOf(recordId: string): ReturnType<typeof selectRuns>;
  eventsOf(recordId: string): ReturnType<typeof selectEvents>;
  stageLogOf(recordId: string): ReturnType<typeof selectStageLog>;
}

/** The records collection URL of a form. */
export function recordsUrl(app: string, form = "deal"): string {
  return `/api/apps/${app}/forms/${form}/records`;
}

function selectRuns(rt: TestRuntime, recordId: string) {
  return rt.database.db
    .selectFrom("rule_runs")
    .selectAll()
    .where("record_id", "=", recordId)
    .orderBy("created_at")
    .orderBy("rule_id")
    .execute();
}

function selectEvents(rt: TestRuntime, recordId: string) {
  return rt.database.db
    .selectFrom("record_events")
    .selectAll()
    .where("record_id", "=", recordId)
    .orderBy("id")
    .execute();
}

function selectStageLog(rt: TestRuntime, recordId: string) {
  return rt.database.db
    .selectFrom("stage_log")
    .selectAll()
    .where("record_id", "=", recordId)
    .orderBy("id")
    .execute();
}

/** Start a runtime, install the deal app and add the users. */
export async function startRecordRoutes(): Promise<RecordRoutesFixture> {
  const rt = await startTestRuntime();
  const workspaceId = (await whoIs(rt, rt.ownerToken)).workspaceId;
  const appId = await installApp(rt.database.db, workspaceId, dealDefinition());
  const member = await addUser(rt, "member", "mia");
  const create: RecordRoutesFixture["create"] = (data, token = member.token, app = appId, form = "deal") =>
    rt.call("POST", recordsUrl(app, form), token, { data });
  const other = await addUser(rt, "member", "max");
  const viewer = await addUser(rt, "viewer", "vic");
  await shareApp(rt, appId, [member.id, other.id, viewer.id]);
  return {
    rt,
    workspaceId,
    appId,
    member,
    other,
    viewer,
    builder: await addUser(rt, "builder", "bob"),
    create,
    createOk: async (data, token, app) => {
      const res = await create(data, token, app);
      expect(res.statusCode, res.body).toBe(201);
      return res.json<RecordBody>();
    },
    runsOf: (recordId) => selectRuns(rt, recordId),
    eventsOf: (recordId) => selectEvents(rt, recordId),
    stageLogOf: (recordId) => selectStageLog(rt, recordId),
  };
}
