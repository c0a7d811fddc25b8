import { expectStatus } from "./client.js";

// The app of the fault suite: one form `deal` (lead → won) and the rules each test names.

const t = (en: string) => ({ zh: en, en });

/** The records path of the `deal` form of an app. */
export function recordsPath(appId: string): string {
  return `/api/apps/${appId}/forms/deal/records`;
}

/** The app definition with `rules`. */
export function definition(rules: unknown[]): Record<string, unknown> {
  return {
    id: "deals",
    name: t("Deals"),
    forms: [
      {
        id: "deal",
        name: t("Deal"),
        fields: [
          { id: "name", type: "text", label: t("Name") },
          { id: "note", type: "text", label: t("Note") },
          { id: "label", type: "text", label: t("Label") },
        ],
        pipeline: {
          initial: "lead",
          stages: [
            { id: "lead", name: t("Lead") },
            { id: "won", name: t("Won"), terminal: "won" },
          ],
        },
      },
    ],
    rules,
    settings: { timeZone: "Asia/Shanghai" },
  };
}

/** Create the app through the API (it is published at version 1); answers its id. */
export async function createApp(base: string, token: string, rules: unknown[]): Promise<string> {
  const body = await expectStatus(201, base, "POST", "/api/apps", {
    token,
    body: { definition: definition(rules) },
  });
  return String(body["id"]);
}

/** Let the workspace's webhooks call 127.0.0.1 (the SSRF guard refuses loopback otherwise). */
export async function allowLoopback(base: string, token: string): Promise<void> {
  await expectStatus(201, base, "POST", "/api/webhook-allowlist", { token, body: { host: "127.0.0.1" } });
}

/** Create a `deal` record; answers its id. */
export async function createRecord(
  base: string,
  token: string,
  appId: string,
  name: string,
): Promise<string> {
  const body = await expectStatus(201, base, "POST", recordsPath(appId), { token, body: { data: { name } } });
  return String(body["id"]);
}
