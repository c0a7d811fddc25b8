/** The funnel widget: how many records of a form are in each stage, in pipeline order (one GROUP BY). */
import type { Form, I18nText } from "@stagecraft/schemas";
import type { Kysely } from "kysely";
import type { Database } from "../db/tables.js";

/** One step of a funnel. */
export interface FunnelStep {
  stage: string;
  name: I18nText;
  count: number;
}

/**
 * Records of `form` per current stage, for the pipeline's stages in order (only `stages` when given).
 * A snapshot of now: the dashboard's date range does not apply (an open deal from last year is still open).
 */
export async function funnelSteps(
  db: Kysely<Database>,
  scope: { workspaceId: string; appId: string },
  form: Form,
  stages: readonly string[] | undefined,
): Promise<FunnelStep[]> {
  const pipeline = (form.pipeline?.stages ?? []).filter((s) => stages === undefined || stages.includes(s.id));
  if (pipeline.length === 0) return [];
  const rows = await db
    .selectFrom("records")
    .select(["stage", (eb) => eb.fn.countAll<number | string>().as("n")])
    .where("workspace_id", "=", scope.workspaceId)
    .where("app_id", "=", scope.appId)
    .where("form_id", "=", form.id)
    .where(
      "stage",
      "in",
      pipeline.map((s) => s.id),
    )
    .groupBy("stage")
    .execute();
  const counts = new Map(rows.map((r) => [r.stage, Number(r.n)]));
  return pipeline.map((s) => ({ stage: s.id, name: s.name, count: counts.get(s.id) ?? 0 }));
}
