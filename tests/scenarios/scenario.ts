// The scenario harness: a template installed through the API on a fresh database (PGlite, or
// Postgres when the suite runs against one), with the automation workers and the scheduler driven
// by hand, outbound webhooks captured instead of sent, and helpers that fail loudly with the
// server's answer when a step is refused.
import type { AppDefinition } from "@stagecraft/schemas";
import {
  createApplyRecordEffect,
  createRuleExecutor,
  schedulerTick,
  startTestRuntime,
  Worker,
  type OutboundRequest,
  type TestRuntime,
} from "@stagecraft/runtime-api/testing";

/** The raw answer of an injected request. */
export type Answer = Awaited<ReturnType<TestRuntime["call"]>>;

/** A record as the API answers it. */
export interface ScenarioRecord {
  id: string;
  formId: string;
  data: Record<string, unknown>;
  stage: string | null;
  version: number;
  ownerId: string;
  createdAt: string;
  updatedAt: string;
}

/** A rule run as `GET /api/apps/:appId/runs` answers it. */
export interface ScenarioRun {
  id: string;
  ruleId: string;
  recordId: string | null;
  status: string;
  attempts: number;
  error: string | null;
  effects: { actionIndex?: number | null; type?: string; outcome?: string; summary?: string }[];
}

/** A KPI result as `GET /api/apps/:appId/kpis/:kpiId` answers it. */
export interface ScenarioKpi {
  value: number | null;
  goal: number | null;
  ratio: number | null;
  series: { period: string; value: number | null; goal: number | null }[];
  groups: { key: string | null; value: number | null; goal: number | null }[];
}

/** An in-app notification as stored. */
export interface ScenarioNotification {
  userId: string;
  recordId: string | null;
  title: { zh: string; en: string };
  runId: string | null;
}

/** A signed-in user of the scenario's workspace. */
export interface ScenarioUser {
  id: string;
  email: string;
  token: string;
}

/** An outbound webhook the automation delivered (captured, never sent). */
export interface CapturedWebhook {
  url: string;
  method: string;
  headers: Readonly<Record<string, string>>;
  body: unknown;
}

export interface ScenarioOptions {
  /** The scenario's start time (the clock only moves when the scenario says so). */
  now?: string;
  /** Install with demo data. */
  withDemoData?: boolean;
}

/** A template installed through the API, ready to be worked like a team would. */
export interface Scenario {
  rt: TestRuntime;
  appId: string;
  /** The installed (published) definition. */
  definition: AppDefinition;
  owner: ScenarioUser;
  /** Webhooks delivered so far, oldest first. */
  webhooks: CapturedWebhook[];
  /**
   * Change a copy of the published definition, save it as the draft and publish it (what an
   * installer does to fill a template's placeholders); `definition` becomes the new version.
   */
  republish(change: (definition: AppDefinition) => void): Promise<AppDefinition>;
  /** Create a user of the workspace (admin by default) and sign them in. */
  addUser(name: string, options?: { role?: string; managerId?: string }): Promise<ScenarioUser>;
  /** POST a record; throws with the problem+json unless 201. */
  create(form: string, data: Record<string, unknown>, as?: ScenarioUser): Promise<ScenarioRecord>;
  /** POST a record and return the raw answer (for refusals). */
  tryCreate(form: string, data: Record<string, unknown>, as?: ScenarioUser): Promise<Answer>;
  /** PATCH fields of a record at its current version; throws unless 200. */
  patch(form: string, id: string, data: Record<string, unknown>, as?: ScenarioUser): Promise<ScenarioRecord>;
  /** Move a record to a stage at its current version; throws unless 200. */
  move(form: string, id: string, to: string, as?: ScenarioUser): Promise<ScenarioRecord>;
  /** Move a record and return the raw answer (422 refusals, 202 approvals). */
  tryMove(form: string, id: string, to: string, as?: ScenarioUser): Promise<Answer>;
  get(form: string, id: string): Promise<ScenarioRecord>;
  /** Every record of a form (all pages), with optional list query parameters. */
  list(form: string, query?: Record<string, string>): Promise<ScenarioRecord[]>;
  /** Run every due rule run, including those earlier runs enqueue, until the queue is idle. */
  settle(): Promise<number>;
  /** Move the clock forward, let the scheduler tick, then settle. */
  advance(ms: number): Promise<void>;
  /** Set the clock (forward only), tick the scheduler, settle. */
  advanceTo(iso: string): Promise<void>;
  /** Rule runs of the app (optionally of one rule), newest first as the API lists them. */
  runs(ruleId?: string): Promise<ScenarioRun[]>;
  /** Notifications sent so far (optionally to one user), oldest first. */
  notifications(userId?: string): Promise<ScenarioNotification[]>;
  kpi(kpiId: string, query?: Record<string, string>): Promise<ScenarioKpi>;
  dashboard(dashboardId: string, query?: Record<string, string>): Promise<{ widgets: unknown[] }>;
  close(): Promise<void>;
}

const DAY_MS = 86_400_000;
export const DAY = DAY_MS;
export const HOUR = 3_600_000;

function fail(step: string, res: Answer): never {
  throw new Error(`${step}: ${res.statusCode} ${res.body}`);
}

function queryString(query: Record<string, string> | undefined): string {
  if (query === undefined) return "";
  const params = new URLSearchParams(query).toString();
  return params === "" ? "" : `?${params}`;
}

/**
 * Install `templateId` (or several, combined) through `POST /api/apps` as the instance owner and
 * return the scenario. Webhook deliveries resolve every host to a public documentation address and
 * are captured in `webhooks` with a 200 answer.
 */
export async function startScenario(
  templateId: string | readonly string[],
  options: ScenarioOptions = {},
): Promise<Scenario> {
  const rt = await startTestRuntime(options.now ?? "2026-11-23T01:00:00.000Z");
  const runtime = rt.app.runtime;
  const webhooks: CapturedWebhook[] = [];
  const transport = async (request: OutboundRequest) => {
    await Promise.resolve();
    let body: unknown = request.body;
    if (request.body !== undefined) {
      try {
        body = JSON.parse(request.body) as unknown;
      } catch {
        body = request.body;
      }
    }
    webhooks.push({ url: request.url.toString(), method: request.method, headers: request.headers, body });
    return { status: 200, location: undefined };
  };
  const executor = createRuleExecutor(runtime, createApplyRecordEffect(runtime), {
    webhookSecret: "scenario-secret",
    resolve: async () => {
      await Promise.resolve();
      return [{ address: "93.184.216.34", family: 4 }];
    },
    transport,
  });
  const worker = new Worker(runtime, executor, { random: () => 0.5 });

  const install = typeof templateId === "string" ? { templateId } : { templateIds: [...templateId] };
  const installed = await rt.call("POST", "/api/apps", rt.ownerToken, {
    ...install,
    ...(options.withDemoData === true ? { withDemoData: true } : {}),
  });
  if (installed.statusCode !== 201) fail(`install ${JSON.stringify(templateId)}`, installed);
  const app = installed.json<{ id: string; definition: AppDefinition }>();
  const me = (await rt.call("GET", "/api/me", rt.ownerToken)).json<{ id: string; email: string }>();
  const owner: ScenarioUser = { id: me.id, email: me.email, token: rt.ownerToken };
  const base = (form: string) => `/api/apps/${app.id}/forms/${form}/records`;
  const tokenOf = (as: ScenarioUser | undefined) => (as ?? owner).token;

  const get = async (form: string, id: string): Promise<ScenarioRecord> => {
    const res = await rt.call("GET", `${base(form)}/${id}`, owner.token);
    if (res.statusCode !== 200) fail(`get ${form}/${id}`, res);
    return res.json<ScenarioRecord>();
  };
  const tryCreate: Scenario["tryCreate"] = (form, data, as) =>
    rt.call("POST", base(form), tokenOf(as), { data });
  const tryMove: Scenario["tryMove"] = async (form, id, to, as) => {
    const current = await get(form, id);
    return rt.call(
      "POST",
      `${base(form)}/${id}/transition`,
      tokenOf(as),
      { to },
      {
        "if-match": String(current.version),
      },
    );
  };
  // A run that failed leaves the scenario half-applied: say which at once, not in a later assertion.
  let failedSeen = 0;
  const expectNoFailedRuns = async (): Promise<void> => {
    const failed = await rt.database.db
      .selectFrom("rule_runs")
      .select(["rule_id", "error"])
      .where("app_id", "=", app.id)
      .where("status", "in", ["failed", "dead"])
      .orderBy("created_at")
      .execute();
    if (failed.length <= failedSeen) return;
    failedSeen = failed.length;
    throw new Error(
      `rule runs failed: ${failed.map((run) => `${run.rule_id}: ${run.error ?? "?"}`).join("; ")}`,
    );
  };
  const settle = async (): Promise<number> => {
    let ran = 0;
    for (let pass = 0; pass < 200; pass++) {
      const now = rt.clock.now();
      const count = await worker.runOnce(now, 20);
      if (count === 0) {
        await expectNoFailedRuns();
        return ran;
      }
      ran += count;
    }
    throw new Error("automation did not settle after 200 passes (a rule loop?)");
  };
  const tick = async (): Promise<void> => {
    const result = await schedulerTick(runtime, rt.clock.now());
    if (result.errors.length > 0) throw new Error(`scheduler: ${JSON.stringify(result.errors)}`);
    await settle();
  };
  // The first tick starts the scheduler's clock: nothing before the install fires.
  await tick();

  let users = 0;
  const scenario: Scenario = {
    rt,
    appId: app.id,
    definition: app.definition,
    owner,
    webhooks,
    republish: async (change) => {
      const definition = structuredClone(scenario.definition);
      change(definition);
      const draft = await rt.call("PUT", `/api/apps/${app.id}/draft`, owner.token, { definition });
      if (draft.statusCode !== 200) fail("draft", draft);
      const published = await rt.call("POST", `/api/apps/${app.id}/publish`, owner.token, {});
      if (published.statusCode !== 200) fail("publish", published);
      scenario.definition = definition;
      return definition;
    },
    addUser: async (name, userOptions = {}) => {
      users += 1;
      const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}.${users}@example.com`;
      const password = `password-${users}-of-scenario`;
      const res = await rt.call("POST", "/api/users", owner.token, {
        email,
        name,
        password,
        role: userOptions.role ?? "admin",
        ...(userOptions.managerId === undefined ? {} : { managerId: userOptions.managerId }),
      });
      if (res.statusCode !== 201) fail(`add user ${name}`, res);
      const { id } = res.json<{ id: string }>();
      // Members and viewers see only the apps shared with them: a scenario's team works its app.
      if (userOptions.role === "member" || userOptions.role === "viewer") {
        const shared = await rt.call("POST", `/api/apps/${app.id}/members`, owner.token, { userId: id });
        if (shared.statusCode !== 201) fail(`share the app with ${name}`, shared);
      }
      return { id, email, token: await rt.login(email, password) };
    },
    create: async (form, data, as) => {
      const res = await tryCreate(form, data, as);
      if (res.statusCode !== 201) fail(`create ${form}`, res);
      return res.json<ScenarioRecord>();
    },
    tryCreate,
    patch: async (form, id, data, as) => {
      const current = await get(form, id);
      const res = await rt.call(
        "PATCH",
        `${base(form)}/${id}`,
        tokenOf(as),
        { data },
        {
          "if-match": String(current.version),
        },
      );
      if (res.statusCode !== 200) fail(`patch ${form}/${id}`, res);
      return res.json<ScenarioRecord>();
    },
    move: async (form, id, to, as) => {
      const res = await tryMove(form, id, to, as);
      if (res.statusCode !== 200) fail(`move ${form}/${id} to ${to}`, res);
      return res.json<ScenarioRecord>();
    },
    tryMove,
    get,
    list: async (form, query = {}) => {
      const items: ScenarioRecord[] = [];
      let cursor: string | null = null;
      do {
        const page: Record<string, string> = { ...query, limit: "500" };
        if (cursor !== null) page["cursor"] = cursor;
        const res = await rt.call("GET", `${base(form)}${queryString(page)}`, owner.token);
        if (res.statusCode !== 200) fail(`list ${form}`, res);
        const body = res.json<{ items: ScenarioRecord[]; nextCursor: string | null }>();
        items.push(...body.items);
        cursor = body.nextCursor;
      } while (cursor !== null);
      return items;
    },
    settle,
    advance: async (ms) => {
      rt.clock.advance(ms);
      await tick();
    },
    advanceTo: async (iso) => {
      const to = new Date(iso);
      if (to < rt.clock.now()) throw new Error(`the scenario clock only moves forward (to ${iso})`);
      rt.clock.set(to);
      await tick();
    },
    runs: async (ruleId) => {
      const res = await rt.call(
        "GET",
        `/api/apps/${app.id}/runs${queryString(ruleId === undefined ? { limit: "500" } : { ruleId, limit: "500" })}`,
        owner.token,
      );
      if (res.statusCode !== 200) fail("runs", res);
      return res.json<ScenarioRun[]>();
    },
    notifications: async (userId) => {
      let query = rt.database.db
        .selectFrom("notifications")
        .select(["user_id", "record_id", "title", "run_id", "created_at", "id"])
        .where("app_id", "=", app.id);
      if (userId !== undefined) query = query.where("user_id", "=", userId);
      const rows = await query.orderBy("created_at").orderBy("id").execute();
      return rows.map((row) => ({
        userId: row.user_id,
        recordId: row.record_id,
        title: row.title,
        runId: row.run_id,
      }));
    },
    kpi: async (kpiId, query) => {
      const res = await rt.call("GET", `/api/apps/${app.id}/kpis/${kpiId}${queryString(query)}`, owner.token);
      if (res.statusCode !== 200) fail(`kpi ${kpiId}`, res);
      return res.json<ScenarioKpi>();
    },
    dashboard: async (dashboardId, query) => {
      const res = await rt.call(
        "GET",
        `/api/apps/${app.id}/dashboards/${dashboardId}${queryString(query)}`,
        owner.token,
      );
      if (res.statusCode !== 200) fail(`dashboard ${dashboardId}`, res);
      return res.json<{ widgets: unknown[] }>();
    },
    close: () => rt.close(),
  };
  return scenario;
}

/** Every rule id of the definition that has at least one succeeded run. */
export function firedRules(runs: readonly ScenarioRun[]): Set<string> {
  return new Set(runs.filter((run) => run.status === "succeeded").map((run) => run.ruleId));
}
