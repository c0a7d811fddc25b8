import { listTemplates, getTemplate } from "@stagecraft/templates";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRuntime, type TestRuntime } from "@stagecraft/runtime-api/testing";

interface WidgetAnswer {
  id: string;
  type: string;
  data: {
    value?: number | null;
    series?: { value: number | null }[];
    groups?: { value: number | null }[];
    steps?: { count: number }[];
    rows?: unknown[];
  } | null;
}

/** Whether a widget shows something: a known non-zero KPI value, a stage with records, a table row. */
function populated(widget: WidgetAnswer): boolean {
  const data = widget.data;
  if (data === null) return false;
  if (data.steps !== undefined) return data.steps.some((s) => s.count > 0);
  if (data.rows !== undefined) return data.rows.length > 0;
  const values = [
    data.value,
    ...(data.series ?? []).map((s) => s.value),
    ...(data.groups ?? []).map((g) => g.value),
  ];
  return values.some((v) => typeof v === "number" && v !== 0);
}

// Every shipped template installs with its demo data, and every widget of its dashboards shows it.
describe("demo data of every template", () => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await startTestRuntime("2026-11-23T02:00:00.000Z");
  });
  afterAll(async () => {
    await rt.close();
  });

  it.each(listTemplates().map((t) => t.id))(
    "%s: installs with demo records that fill its dashboards",
    async (id) => {
      const res = await rt.call("POST", "/api/apps", rt.ownerToken, { templateId: id, withDemoData: true });
      expect(res.statusCode, res.body).toBe(201);
      const app = res.json<{ id: string; demoRecords: number }>();
      expect(app.demoRecords).toBeGreaterThanOrEqual(10);
      const stored = await rt.database.db
        .selectFrom("records")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("app_id", "=", app.id)
        .executeTakeFirstOrThrow();
      expect(Number(stored.n)).toBe(app.demoRecords);
      // Demo data starts no automation.
      const runs = await rt.call("GET", `/api/apps/${app.id}/runs`, rt.ownerToken);
      expect(runs.json()).toEqual([]);
      const definition = getTemplate(id);
      const empty: string[] = [];
      for (const dashboard of definition?.dashboards ?? []) {
        const answer = await rt.call("GET", `/api/apps/${app.id}/dashboards/${dashboard.id}`, rt.ownerToken);
        expect(answer.statusCode, answer.body).toBe(200);
        for (const widget of answer.json<{ widgets: WidgetAnswer[] }>().widgets) {
          if (!populated(widget)) empty.push(`${dashboard.id}/${widget.id}`);
        }
      }
      expect(empty, "widgets the demo data leaves empty").toEqual([]);
    },
  );

  it("refuses demo data with a definition of the caller's", async () => {
    const definition = getTemplate("sales-plan");
    const res = await rt.call("POST", "/api/apps", rt.ownerToken, { definition, withDemoData: true });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual(["/withDemoData"]);
  });
});
