import { insertPublishedApp } from "../test-runtime.js";
// Test helpers of the records suites: a small deal app, and apps installed straight into the database.
import type { Action, AppDefinition, I18nText } from "@stagecraft/schemas";
import type { Kysely } from "kysely";
import { json } from "../db/sql-json.js";
import type { Database } from "../db/tables.js";
import { newId } from "../ids.js";
import type { TestRuntime } from "../test-runtime.js";

export function t(en: string): I18nText {
  return { zh: `${en}（中文）`, en };
}

function notifyOwner(): Action[] {
  return [{ type: "notify", to: [{ type: "owner" }], title: t("Heads up") }];
}

/**
 * A deal form with text, serial, money, percent, select, date, subform and formula fields; a
 * pipeline with requires, a guard, an approval and terminal stages; rules on record.created,
 * field.changed and stage.entered. A note form without a pipeline.
 */
export function dealDefinition(): AppDefinition {
  return {
    id: "deal-desk",
    name: t("Deal desk"),
    forms: [
      {
        id: "deal",
        name: t("Deal"),
        fields: [
          { id: "title", type: "text", label: t("Title"), required: true, maxLength: 100 },
          { id: "deal_no", type: "serial", label: t("Number"), prefix: "D-", digits: 4 },
          { id: "amount", type: "money", label: t("Amount"), required: true, min: 0 },
          { id: "discount", type: "percent", label: t("Discount"), min: 0, max: 0.5 },
          {
            id: "region",
            type: "select",
            label: t("Region"),
            options: [
              { value: "north", label: t("North") },
              { value: "south", label: t("South") },
            ],
          },
          { id: "close_date", type: "date", label: t("Close date") },
          {
            id: "lines",
            type: "subform",
            label: t("Lines"),
            fields: [
              { id: "product", type: "text", label: t("Product"), required: true },
              { id: "qty", type: "number", label: t("Quantity"), min: 1 },
              { id: "price", type: "money", label: t("Price"), min: 0 },
              {
                id: "line_total",
                type: "formula",
                label: t("Line total"),
                resultType: "money",
                expression: { "*": [{ var: "qty" }, { var: "price" }] },
              },
            ],
          },
          {
            id: "net_amount",
            type: "formula",
            label: t("Net amount"),
            resultType: "money",
            expression: { "*": [{ var: "amount" }, { "-": [1, { coalesce: [{ var: "discount" }, 0] }] }] },
          },
          {
            id: "opened_on",
            type: "formula",
            label: t("Opened on"),
            resultType: "text",
            expression: { cat: [{ var: "_stage" }, "@", { var: "_created_at" }] },
          },
          { id: "loss_reason", type: "textarea", label: t("Loss reason") },
        ],
        pipeline: {
          initial: "lead",
          stages: [
            { id: "lead", name: t("Lead"), moves: ["qualified", "lost"] },
            {
              id: "qualified",
              name: t("Qualified"),
              requires: ["region", "close_date"],
              guard: { ">=": [{ var: "amount" }, 1000] },
              guardMessage: t("Deals start at 1000"),
            },
            {
              id: "won",
              name: t("Won"),
              terminal: "won",
              approval: {
                on: "enter",
                steps: [{ id: "manager_ok", approvers: [{ type: "manager" }], mode: "any" }],
              },
            },
            { id: "lost", name: t("Lost"), terminal: "lost", requires: ["loss_reason"] },
          ],
        },
      },
      {
        id: "note",
        name: t("Note"),
        fields: [{ id: "body", type: "text", label: t("Body"), required: true }],
      },
    ],
    rules: [
      { id: "on_created", trigger: { type: "record.created", form: "deal" }, actions: notifyOwner() },
      {
        id: "on_amount",
        trigger: { type: "field.changed", form: "deal", fields: ["amount"] },
        actions: notifyOwner(),
      },
      {
        id: "on_big_amount",
        trigger: { type: "field.changed", form: "deal", fields: ["amount"] },
        when: { ">": [{ var: "amount" }, 1_000_000] },
        actions: notifyOwner(),
      },
      { id: "on_entered", trigger: { type: "stage.entered", form: "deal" }, actions: notifyOwner() },
      {
        id: "on_left_lead",
        trigger: { type: "stage.left", form: "deal", stage: "lead" },
        actions: notifyOwner(),
      },
      { id: "on_note", trigger: { type: "record.created", form: "note" }, actions: notifyOwner() },
    ],
  };
}

/** Insert an app and its published version straight into the database (no apps routes needed). */
export async function installApp(
  db: Kysely<Database>,
  workspaceId: string,
  definition: AppDefinition,
  versions: readonly AppDefinition[] = [definition],
): Promise<string> {
  const appId = newId();
  await insertPublishedApp(db, workspaceId, appId, versions);
  return appId;
}

/** Publish a new version of an installed app straight into the database. */
export async function publishVersion(
  db: Kysely<Database>,
  workspaceId: string,
  appId: string,
  definition: AppDefinition,
): Promise<number> {
  const app = await db
    .selectFrom("apps")
    .select("version")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", appId)
    .executeTakeFirstOrThrow();
  const version = app.version + 1;
  await db
    .insertInto("app_versions")
    .values({
      workspace_id: workspaceId,
      app_id: appId,
      version,
      definition: json(definition),
      changes: json([]),
    })
    .execute();
  await db
    .updateTable("apps")
    .set({ version })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", appId)
    .execute();
  return version;
}

/** The workspace and user id behind a token. */
export async function whoIs(rt: TestRuntime, token: string): Promise<{ workspaceId: string; id: string }> {
  const me = await rt.call("GET", "/api/me", token);
  return me.json<{ workspaceId: string; id: string }>();
}

/** Add a user of a role to the owner's workspace and sign them in; their token and id. */
export async function addUser(
  rt: TestRuntime,
  role: "admin" | "builder" | "member" | "viewer",
  name: string,
): Promise<{ token: string; id: string }> {
  const email = `${name}@example.com`;
  const res = await rt.call("POST", "/api/users", rt.ownerToken, {
    email,
    name,
    password: `${name}-password`,
    role,
  });
  if (res.statusCode !== 201) throw new Error(`cannot add ${name}: ${res.body}`);
  return { token: await rt.login(email, `${name}-password`), id: res.json<{ id: string }>().id };
}

/** Share an app with users (members and viewers see only shared apps), as the owner. */
export async function shareApp(rt: TestRuntime, appId: string, userIds: readonly string[]): Promise<void> {
  for (const userId of userIds) {
    const res = await rt.call("POST", `/api/apps/${appId}/members`, rt.ownerToken, { userId });
    if (res.statusCode !== 201 && res.statusCode !== 200) {
      throw new Error(`cannot share ${appId} with ${userId}: ${res.body}`);
    }
  }
}
