import { compileApp, type CompiledApp } from "@stagecraft/engine";
import type { InboxItem } from "@stagecraft/schemas";
import type { Api } from "../api/client.js";
import type { RecordView, User } from "../api/types.js";

/** The inbox with what it names: the apps (compiled, for form and stage names), records and users. */
export interface InboxData {
  items: InboxItem[];
  apps: ReadonlyMap<string, CompiledApp>;
  records: ReadonlyMap<string, RecordView>;
  users: readonly User[];
}

/** Load the caller's inbox and, once each, every app and record it names (a missing one is left out). */
export async function loadInbox(api: Api): Promise<InboxData> {
  const items = await api.inbox();
  const appIds = [...new Set(items.map((item) => item.appId))];
  const apps = new Map<string, CompiledApp>();
  await Promise.all(
    appIds.map(async (appId) => {
      const view = await api.app(appId).catch(() => undefined);
      const compiled = view === undefined ? undefined : compileApp(view.definition);
      if (compiled?.ok === true) apps.set(appId, compiled.app);
    }),
  );
  const records = new Map<string, RecordView>();
  await Promise.all(
    items.map(async (item) => {
      if (records.has(item.recordId)) return;
      const record = await api.record(item.appId, item.formId, item.recordId).catch(() => undefined);
      if (record !== undefined) records.set(item.recordId, record);
    }),
  );
  // Members may not list users: names then fall back to ids, and transfers take a typed id.
  const users = await api.users().catch(() => []);
  return { items, apps, records, users };
}

/** A user's name (else email, else the id itself). */
export function userName(users: readonly User[], id: string | null | undefined): string {
  if (id === null || id === undefined) return "—";
  const user = users.find((candidate) => candidate.id === id);
  return user === undefined ? id : user.name || user.email;
}
