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
    if (id === undefined) throw new MissingDemoRecord(`${where}: no earlier demo record "${value["$demo"]}"`);
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
 * evenly between its creation and now. Demo data shows the dashboards populated; it does not
 * start automation, so the rule runs its writes queued are removed. For one template, invalid demo
 * data is a bug of the template: it throws. In a combination (`lenient`), a template's record may
 * not fit the merged forms or pipelines (another template owns them): it is left out, or stays at
 * the last stage it could reach, and the answer says so. Refusals happen before any write.
 */
export async function installDemoData(
  runtime: Runtime,
  caller: Caller,
  appId: string,
  sets: readonly DemoSet[],
  lenient = false,
): Promise<DemoResult> {
  const now = runtime.clock.now();
  const actor = { type: "user", userId: caller.userId } as const;
  const result: DemoResult = { count: 0, leftOut: [] };
  const refused = (err: unknown, message: string): void => {
    if (!lenient || !(err instanceof HttpProblem) || err.status >= 500) throw new Error(message);
    result.leftOut.push(message);
  };
  const donors = lenient ? donorValues(sets) : new Map<string, Map<string, unknown>>();
  for (const set of sets) {
    const ids = new Map<string, string>();
    for (const [index, demo] of set.records.entries()) {
      const where = `demo record ${index} of ${set.templateId} (${demo.form})`;
      const created = demo.at === undefined ? now : new Date(demo.at);
      if (Number.isNaN(created.getTime()) || created > now) throw new Error(`${where}: bad time ${demo.at}`);
      const scope = { workspaceId: caller.workspaceId, appId, formId: demo.form };
      let record;
      try {
        const data = resolveValue(demo.data, ids, caller, where);
        record = await createRecord(at(runtime, created), scope, actor, data).catch((err: unknown) => {
          // In a combination, a field another template requires is filled from its demo records.
          const filled = lenient ? fillRequired(err, data, donors.get(demo.form)) : undefined;
          if (filled === undefined) throw err;
          return createRecord(at(runtime, created), scope, actor, resolveValue(filled, ids, caller, where));
        });
      } catch (err) {
        // A reference to a record that was left out leaves this one out too.
        refused(
          err instanceof MissingDemoRecord ? new HttpProblem(422, err.message) : err,
          `${where}: ${describe(err)}`,
        );
        continue;
      }
      if (demo.key !== undefined) ids.set(demo.key, record.id);
      const path = demo.path ?? [];
      const step = (now.getTime() - created.getTime()) / (path.length + 1);
      for (const [i, stage] of path.entries()) {
        const when = new Date(created.getTime() + step * (i + 1));
        try {
          await transitionRecord(at(runtime, when), scope, actor, record.id, stage, { approved: true });
        } catch (err) {
          refused(err, `${where}: cannot move to ${stage}: ${describe(err)}`);
          break;
        }
      }
      result.count += 1;
    }
  }
  await runtime.db
    .deleteFrom("rule_runs")
    .where("workspace_id", "=", caller.workspaceId)
    .where("app_id", "=", appId)
    .execute();
  return result;
}

/** Whether a demo value stands on its own (no `{ $demo }` reference inside, which is local to its template). */
function standalone(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(standalone);
  if (!isPlainObject(value)) return true;
  if ("$demo" in value) return false;
  return Object.values(value).every(standalone);
}

/** Per form, the first standalone value of each field among all the templates' demo records. */
function donorValues(sets: readonly DemoSet[]): Map<string, Map<string, unknown>> {
  const donors = new Map<string, Map<string, unknown>>();
  for (const demo of sets.flatMap((set) => set.records)) {
    const fields = donors.get(demo.form) ?? new Map<string, unknown>();
    for (const [field, value] of Object.entries(demo.data)) {
      if (!fields.has(field) && value !== null && standalone(value)) fields.set(field, value);
    }
    donors.set(demo.form, fields);
  }
  return donors;
}

/** `data` with the missing required fields a 422 names filled from donors; undefined when it cannot be. */
function fillRequired(err: unknown, data: unknown, donors: Map<string, unknown> | undefined): unknown {
  if (!(err instanceof HttpProblem) || err.status !== 422 || !isPlainObject(data) || donors === undefined)
    return undefined;
  const filled: Record<string, unknown> = { ...data };
  for (const item of err.errors) {
    const field = /^\/data\/([a-z][a-z0-9_]*)$/.exec(item.path)?.[1];
    if (item.code !== "required" || field === undefined || !donors.has(field)) return undefined;
    filled[field] = donors.get(field);
  }
  return err.errors.length > 0 ? filled : undefined;
}

/** What installing demo data did: records added, and (in a combination) what was left out and why. */
export interface DemoResult {
  count: number;
  leftOut: string[];
}

/** A `{ $demo: key }` names a record that is not there (left out, or a bug of the template). */
class MissingDemoRecord extends Error {}

function describe(err: unknown): string {
  if (err instanceof HttpProblem) return `${err.message} ${JSON.stringify(err.errors)}`;
  return err instanceof Error ? err.message : String(err);
}
