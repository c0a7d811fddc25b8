// The hostile-input harness: a real server on a fresh database with a small deal app installed
// through the API, users of every role, a second workspace with its own app, record, share link
// and approval, and the checks every hostile request ends with (the right problem+json, nothing
// written, the server still healthy).
import { expect } from "vitest";
import type { AppDefinition } from "@stagecraft/schemas";
import { startTestRuntime, type TestRuntime } from "@stagecraft/runtime-api/testing";

/** The raw answer of an injected request. */
export type Answer = Awaited<ReturnType<TestRuntime["call"]>>;

function t(en: string): { zh: string; en: string } {
  return { zh: en, en };
}

/**
 * The app every suite attacks: deals with a validated code (pattern), a formula, a subform of
 * lines, a pipeline whose review stage needs an admin's approval, a KPI, a dashboard and a rule
 * that calls a webhook when a deal is created.
 */
export function targetApp(webhookUrl = "https://hooks.example.com/deal"): AppDefinition {
  return {
    id: "deal-desk",
    name: t("Deal desk"),
    forms: [
      {
        id: "deal",
        name: t("Deal"),
        titleField: "title",
        fields: [
          { id: "title", type: "text", label: t("Title"), required: true, maxLength: 200 },
          { id: "amount", type: "number", label: t("Amount") },
          { id: "code", type: "text", label: t("Code"), pattern: "^[A-Z]{2}-[0-9]{3}$" },
          {
            id: "net",
            type: "formula",
            label: t("Net"),
            resultType: "number",
            expression: { "*": [{ coalesce: [{ var: "amount" }, 0] }, 0.9] },
          },
          {
            id: "lines",
            type: "subform",
            label: t("Lines"),
            maxRows: 5,
            fields: [
              { id: "product", type: "text", label: t("Product"), required: true },
              { id: "qty", type: "number", label: t("Quantity") },
            ],
          },
        ],
        pipeline: {
          initial: "new",
          stages: [
            { id: "new", name: t("New") },
            {
              id: "review",
              name: t("Review"),
              approval: {
                on: "enter",
                steps: [{ id: "boss", approvers: [{ type: "role", role: "admin" }], mode: "any" }],
              },
            },
            { id: "won", name: t("Won"), terminal: "won" },
          ],
        },
      },
    ],
    rules: [
      {
        id: "tell_crm",
        trigger: { type: "record.created", form: "deal" },
        actions: [{ type: "webhook", url: webhookUrl, method: "POST", body: { var: "title" } }],
      },
    ],
    kpis: [
      {
        id: "deal_count",
        name: t("Deals"),
        form: "deal",
        measure: { type: "count" },
        format: "number",
      },
    ],
    dashboards: [
      {
        id: "main",
        name: t("Main"),
        widgets: [{ id: "count", type: "number", kpi: "deal_count" }],
      },
    ],
  };
}

/** The objects of one workspace a hostile caller aims at. */
export interface Tenant {
  token: string;
  appId: string;
  recordId: string;
  recordVersion: number;
  shareToken: string;
  approvalId: string;
  runId: string;
}

/** A server with the target app installed in two workspaces. */
export interface SecurityWorld {
  rt: TestRuntime;
  /** The default workspace (the instance owner is its admin). */
  home: Tenant;
  /** A second workspace made by the instance owner, with its own admin. */
  other: Tenant;
  builder: string;
  member: string;
  viewer: string;
  memberId: string;
  close(): Promise<void>;
}

function must(step: string, res: Answer, status: number): Answer {
  if (res.statusCode !== status) throw new Error(`${step}: ${res.statusCode} ${res.body}`);
  return res;
}

/** The records URL of the target form of an app. */
export function recordsUrl(appId: string): string {
  return `/api/apps/${appId}/forms/deal/records`;
}

async function furnish(rt: TestRuntime, token: string): Promise<Tenant> {
  const app = must(
    "install",
    await rt.call("POST", "/api/apps", token, { definition: targetApp() }),
    201,
  ).json<{ id: string }>();
  const base = recordsUrl(app.id);
  const record = must(
    "create",
    await rt.call("POST", base, token, { data: { title: "First deal", amount: 100 } }),
    201,
  ).json<{ id: string; version: number }>();
  const share = must(
    "share",
    await rt.call("POST", `/api/apps/${app.id}/forms/deal/share`, token, {}),
    201,
  ).json<{ shareToken: string }>();
  const second = must(
    "create second",
    await rt.call("POST", base, token, { data: { title: "To review" } }),
    201,
  ).json<{ id: string; version: number }>();
  const moved = must(
    "request approval",
    await rt.call("POST", `${base}/${second.id}/transition`, token, { to: "review" }, { "if-match": "1" }),
    202,
  ).json<{ approvalId: string }>();
  const run = await rt.database.db
    .selectFrom("rule_runs")
    .select("id")
    .where("app_id", "=", app.id)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  return {
    token,
    appId: app.id,
    recordId: record.id,
    recordVersion: record.version,
    shareToken: share.shareToken,
    approvalId: moved.approvalId,
    runId: run.id,
  };
}

async function addUser(rt: TestRuntime, token: string, role: string): Promise<{ id: string; token: string }> {
  const email = `${role}@example.com`;
  const password = `password-of-${role}`;
  const res = must(
    `add ${role}`,
    await rt.call("POST", "/api/users", token, { email, name: role, password, role }),
    201,
  );
  return { id: res.json<{ id: string }>().id, token: await rt.login(email, password) };
}

/** Start the world: both workspaces furnished, a builder, a member and a viewer in the home one. */
export async function startSecurityWorld(): Promise<SecurityWorld> {
  const rt = await startTestRuntime("2026-11-23T09:00:00.000Z");
  const home = await furnish(rt, rt.ownerToken);
  must(
    "workspace",
    await rt.call("POST", "/api/workspaces", rt.ownerToken, {
      name: "Rival",
      adminEmail: "rival@example.com",
      adminPassword: "rival-password-1",
    }),
    201,
  );
  const other = await furnish(rt, await rt.login("rival@example.com", "rival-password-1"));
  const builder = await addUser(rt, rt.ownerToken, "builder");
  const member = await addUser(rt, rt.ownerToken, "member");
  const viewer = await addUser(rt, rt.ownerToken, "viewer");
  // Members and viewers work only apps shared with them: share the home app, so what they are
  // refused is refused by their role (403), not hidden (404).
  for (const userId of [member.id, viewer.id]) {
    must("share", await rt.call("POST", `/api/apps/${home.appId}/members`, rt.ownerToken, { userId }), 201);
  }
  return {
    rt,
    home,
    other,
    builder: builder.token,
    member: member.token,
    viewer: viewer.token,
    memberId: member.id,
    close: () => rt.close(),
  };
}

const COUNTED = [
  "workspaces",
  "users",
  "apps",
  "app_versions",
  "records",
  "record_events",
  "stage_log",
  "rule_runs",
  "notifications",
  "share_links",
  "webhook_allowlist",
  "approvals",
  "approval_tasks",
  "import_jobs",
] as const;

/** Rows per table of everything a request could write. */
export type RowCounts = Record<(typeof COUNTED)[number], number>;

/** Count the rows of every table a hostile request could write to. */
export async function rowCounts(rt: TestRuntime): Promise<RowCounts> {
  const counts: Partial<RowCounts> = {};
  for (const table of COUNTED) {
    const row = await rt.database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts as RowCounts;
}

/** A snapshot of every record's data, stage and version (detects in-place writes). */
export async function recordSnapshot(rt: TestRuntime): Promise<string> {
  const rows = await rt.database.db
    .selectFrom("records")
    .select(["id", "data", "stage", "version", "owner_id", "workspace_id"])
    .orderBy("id")
    .execute();
  const users = await rt.database.db
    .selectFrom("users")
    .select(["id", "role", "workspace_id"])
    .orderBy("id")
    .execute();
  const apps = await rt.database.db
    .selectFrom("apps")
    .select(["id", "version", "draft"])
    .orderBy("id")
    .execute();
  return JSON.stringify({ rows, users, apps });
}

/** Assert a problem+json answer with `status`, naming at least `paths` in `errors` when given. */
export function expectProblem(res: Answer, status: number, paths: readonly string[] = []): void {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const body = res.json<{ status: number; errors?: { path: string }[] }>();
  expect(body.status).toBe(status);
  if (paths.length > 0) {
    const named = (body.errors ?? []).map((e) => e.path);
    for (const path of paths) expect(named, res.body).toContain(path);
  }
}

/** Run `attack` and assert that it wrote nothing and that the server still answers health checks. */
export async function expectNothingWritten(rt: TestRuntime, attack: () => Promise<void>): Promise<void> {
  const counts = await rowCounts(rt);
  const snapshot = await recordSnapshot(rt);
  await attack();
  expect(await rowCounts(rt)).toEqual(counts);
  expect(await recordSnapshot(rt)).toBe(snapshot);
  const health = await rt.call("GET", "/api/health", null);
  expect(health.statusCode).toBe(200);
}
