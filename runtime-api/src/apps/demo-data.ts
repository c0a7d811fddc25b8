import type { DemoRecord } from "@stagecraft/templates";
import type { Caller } from "../auth/roles.js";
import { isPlainObject } from "@stagecraft/engine";
import { HttpProblem } from "../problem.js";
import { createRecord } from "../records/create-record.js";
import { transitionRecord } from "../records/transition-record.js";
import type { Runtime } from "../runtime.js";

/** Demo records of one template, with `$demo` keys local to it. */
export interface DemoSet {
  templateId: string;
  records: DemoRecord[];
}

/** A demo value with its placeholders replaced: `{ $demo: key }` → that record's id, `{ $user }` → the installer. */
function resolveValue(
  value: unknown,
  ids: ReadonlyMap<string, string>,
  caller: Caller,
  where: string,
): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveValue(item, ids, caller, where));
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && typeof value["$demo"] === "string") {
    const id = ids.get(value["$demo"]);
    if (id === undefined) throw new Error(`${where}: no earlier demo record "${value["$demo"]}"`);
    return id;
  }
  if (keys.length === 1 && value["$user"] === "installer") return caller.userId;
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = resolveValue(value[key], ids, caller, where);
  return out;
}

/** The runtime seen at a fixed instant: the demo record is created (and moved) then. */
function at(runtime: Runtime, time: Date): Runtime {
  return { ...runtime, clock: { now: () => new Date(time) } };
}

/**
 * Add a template's demo records to a freshly installed app, inside the install's transaction
 * (`runtime.db` is it): each record created by the installer at its `at` time through the record
 * service (validated, formulas computed, audited), then moved along its `path` at times spread
 * evenly between its creation and now. Demo data shows the dashboards populated; it does not start automation, so the
 * rule runs its writes queued are removed. Invalid demo data is a bug of the template: it throws.
 */
export async function installDemoData(
  runtime: Runtime,
  caller: Caller,
  appId: string,
  sets: readonly DemoSet[],
): Promise<number> {
  const now = runtime.clock.now();
  const actor = { type: "user", userId: caller.userId } as const;
  let count = 0;
  for (const set of sets) {
    const ids = new Map<string, string>();
    for (const [index, demo] of set.records.entries()) {
      const where = `demo record ${index} of ${set.templateId} (${demo.form})`;
      const created = demo.at === undefined ? now : new Date(demo.at);
      if (Number.isNaN(created.getTime()) || created > now) throw new Error(`${where}: bad time ${demo.at}`);
      const scope = { workspaceId: caller.workspaceId, appId, formId: demo.form };
      const data = resolveValue(demo.data, ids, caller, where);
      let record;
      try {
        record = await createRecord(at(runtime, created), scope, actor, data);
      } catch (err) {
        throw new Error(`${where}: ${describe(err)}`);
      }
      if (demo.key !== undefined) ids.set(demo.key, record.id);
      const path = demo.path ?? [];
      const step = (now.getTime() - created.getTime()) / (path.length + 1);
      for (const [i, stage] of path.entries()) {
        const when = new Date(created.getTime() + step * (i + 1));
        try {
          await transitionRecord(at(runtime, when), scope, actor, record.id, stage, { approved: true });
        } catch (err) {
          throw new Error(`${where}: cannot move to ${stage}: ${describe(err)}`);
        }
      }
      count += 1;
    }
  }
  await runtime.db
    .deleteFrom("rule_runs")
    .where("workspace_id", "=", caller.workspaceId)
    .where("app_id", "=", appId)
    .execute();
  return count;
}

function describe(err: unknown): string {
  if (err instanceof HttpProblem) return `${err.message} ${JSON.stringify(err.errors)}`;
  return err instanceof Error ? err.message : String(err);
}
