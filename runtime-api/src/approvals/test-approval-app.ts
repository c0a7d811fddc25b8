// Test fixture of the approval suites: a review app with an enter approval (a manager step, then a
// finance step of two users when the amount is large), a leave approval, a stage SLA, rules on
// every approval event, and a team (rep → lead → boss, two finance users, two builders).
import type { AppDefinition, ApprovalStep, Calendar, Sla } from "@stagecraft/schemas";
import type { LightMyRequestResponse } from "fastify";
import { schedulerTick } from "../automation/scheduler.js";
import { t } from "../records/test-records.js";
import {
  defaultWorkspaceId,
  insertPublishedApp,
  startTestRuntime,
  type TestRuntime,
} from "../test-runtime.js";

/** What varies between the review apps of a suite. */
export interface ReviewAppOptions {
  onOverdue?: NonNullable<ApprovalStep["due"]>["onOverdue"];
  due?: NonNullable<ApprovalStep["due"]>["after"];
  financeUsers: readonly string[];
  builderRole?: boolean;
  sla?: Sla;
  calendars?: Calendar[];
  /** Without the enter approval of "review" (SLA suites). */
  noReviewApproval?: boolean;
  /** A guard of "review": only records without notes may enter. */
  noNotesGuard?: boolean;
}

const notifyOwner = (title: string) => [
  { type: "notify" as const, to: [{ type: "owner" as const }], title: t(title) },
];

/** The review app. */
export function reviewDefinition(options: ReviewAppOptions): AppDefinition {
  const review: AppDefinition["forms"][number]["pipeline"] = {
    initial: "draft",
    stages: [
      { id: "draft", name: t("Draft") },
      {
        id: "review",
        name: t("Review"),
        ...(options.noNotesGuard === true ? { guard: { "!": [{ var: "notes" }] } } : {}),
        ...(options.noReviewApproval === true
          ? {}
          : {
              approval: {
                on: "enter" as const,
                steps: [
                  {
                    id: "lead",
                    name: t("Lead"),
                    approvers: [{ type: "manager" as const }],
                    mode: "any" as const,
                    due: {
                      after: options.due ?? { amount: 1, unit: "working_days" },
                      onOverdue: options.onOverdue ?? "remind",
                    },
                  },
                  {
                    id: "finance",
                    approvers: [{ type: "user" as const, userIds: [...options.financeUsers] }],
                    mode: "all" as const,
                    when: { ">": [{ var: "amount" }, 1000] },
                  },
                ],
                covers: ["amount"],
              },
            }),
        ...(options.sla !== undefined ? { sla: options.sla } : {}),
      },
      {
        id: "published",
        name: t("Published"),
        approval: {
          on: "leave",
          steps: [{ id: "editors", approvers: [{ type: "role", role: "builder" }], mode: "any" }],
        },
      },
      { id: "archived", name: t("Archived"), terminal: "won" },
    ],
  };
  return {
    id: "review-desk",
    name: t("Review desk"),
    forms: [
      {
        id: "doc",
        name: t("Document"),
        fields: [
          { id: "title", type: "text", label: t("Title"), required: true },
          { id: "amount", type: "money", label: t("Amount"), min: 0 },
          { id: "notes", type: "textarea", label: t("Notes") },
          {
            id: "where",
            type: "formula",
            label: t("Where"),
            resultType: "text",
            expression: { cat: ["at ", { var: "_stage" }] },
          },
        ],
        pipeline: review,
      },
    ],
    rules: [
      {
        id: "on_requested",
        trigger: { type: "approval.requested", form: "doc" },
        actions: notifyOwner("requested"),
      },
      {
        id: "on_approved",
        trigger: { type: "approval.approved", form: "doc" },
        actions: notifyOwner("approved"),
      },
      {
        id: "on_rejected",
        trigger: { type: "approval.rejected", form: "doc" },
        actions: notifyOwner("rejected"),
      },
      {
        id: "on_overdue",
        trigger: { type: "approval.overdue", form: "doc" },
        actions: notifyOwner("overdue"),
      },
      {
        id: "on_stage_overdue",
        trigger: { type: "stage.overdue", form: "doc" },
        actions: notifyOwner("late"),
      },
    ],
    settings: { timeZone: "UTC" },
    ...(options.calendars !== undefined ? { calendars: options.calendars } : {}),
  };
}

/** A signed-in user of the fixture. */
export interface Person {
  id: string;
  token: string;
}

/** The runtime, the team and helpers of the approval suites. */
export interface ApprovalFixture {
  rt: TestRuntime;
  workspaceId: string;
  rep: Person;
  lead: Person;
  boss: Person;
  fin1: Person;
  fin2: Person;
  editor1: Person;
  editor2: Person;
  outsider: Person;
  install(options?: Partial<ReviewAppOptions>): Promise<string>;
  create(appId: string, data: Record<string, unknown>, as?: Person): Promise<{ id: string; version: number }>;
  move(appId: string, id: string, to: string, as?: Person): Promise<LightMyRequestResponse>;
  get(
    appId: string,
    id: string,
  ): Promise<{ stage: string; version: number; data: Record<string, unknown>; ownerId: string }>;
  decide(approvalId: string, as: Person, body: Record<string, unknown>): Promise<LightMyRequestResponse>;
  approval(approvalId: string): Promise<ApprovalBody>;
  tick(): Promise<void>;
  close(): Promise<void>;
}

/** An approval as the API answers it (the parts the suites read). */
export interface ApprovalBody {
  id: string;
  status: string;
  stepIndex: number;
  dueAt: string | null;
  toStage: string;
  tasks: {
    userId: string;
    status: string;
    stepId: string;
    comment: string | null;
    transferredFrom: string | null;
  }[];
  trail: { action: string; actor: { type: string; id: string | null } }[];
}

/** Start a runtime with the team. */
export async function startApprovalFixture(now = "2026-11-20T09:00:00.000Z"): Promise<ApprovalFixture> {
  const rt = await startTestRuntime(now);
  const workspaceId = await defaultWorkspaceId(rt.database.db);
  let count = 0;
  const person = async (name: string, role: string, managerId?: string): Promise<Person> => {
    count += 1;
    const email = `${name}.${count}@example.com`;
    const res = await rt.call("POST", "/api/users", rt.ownerToken, {
      email,
      name,
      password: `${name}-password`,
      role,
      ...(managerId === undefined ? {} : { managerId }),
    });
    if (res.statusCode !== 201) throw new Error(`add ${name}: ${res.body}`);
    return { id: res.json<{ id: string }>().id, token: await rt.login(email, `${name}-password`) };
  };
  const boss = await person("boss", "admin");
  const lead = await person("lead", "member", boss.id);
  const rep = await person("rep", "member", lead.id);
  const fin1 = await person("fin1", "member");
  const fin2 = await person("fin2", "member");
  const editor1 = await person("editor1", "builder");
  const editor2 = await person("editor2", "builder");
  const outsider = await person("outsider", "member");
  const url = (appId: string) => `/api/apps/${appId}/forms/doc/records`;
  const get: ApprovalFixture["get"] = async (appId, id) => {
    const res = await rt.call("GET", `${url(appId)}/${id}`, rt.ownerToken);
    if (res.statusCode !== 200) throw new Error(`get: ${res.body}`);
    return res.json();
  };
  let apps = 0;
  return {
    rt,
    workspaceId,
    rep,
    lead,
    boss,
    fin1,
    fin2,
    editor1,
    editor2,
    outsider,
    install: async (options = {}) => {
      apps += 1;
      const appId = `review-${apps}`;
      const definition = reviewDefinition({ financeUsers: [fin1.id, fin2.id], ...options });
      await insertPublishedApp(rt.database.db, workspaceId, appId, [definition]);
      return appId;
    },
    create: async (appId, data, as = rep) => {
      const res = await rt.call("POST", url(appId), as.token, { data });
      if (res.statusCode !== 201) throw new Error(`create: ${res.body}`);
      return res.json();
    },
    move: async (appId, id, to, as = rep) => {
      const current = await get(appId, id);
      return rt.call(
        "POST",
        `${url(appId)}/${id}/transition`,
        as.token,
        { to },
        { "if-match": String(current.version) },
      );
    },
    get,
    decide: (approvalId, as, body) =>
      rt.call("POST", `/api/approvals/${approvalId}/decision`, as.token, body),
    approval: async (approvalId) => {
      const res = await rt.call("GET", `/api/approvals/${approvalId}`, rt.ownerToken);
      if (res.statusCode !== 200) throw new Error(`approval: ${res.body}`);
      return res.json();
    },
    tick: async () => {
      const result = await schedulerTick(rt.app.runtime, rt.clock.now());
      if (result.errors.length > 0) throw new Error(`tick: ${JSON.stringify(result.errors)}`);
    },
    close: () => rt.close(),
  };
}
