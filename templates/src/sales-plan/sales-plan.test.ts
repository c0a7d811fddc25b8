import { validateDefinition, type AppDefinition } from "@stagecraft/schemas";
import { describe, expect, it } from "vitest";
import { countDefinition, createCatalogue, getTemplate, listTemplates } from "../catalogue.js";
import { buildSalesPlan, SALES_PLAN_IMPORT_MAPS, SALES_PLAN_ROLLOUT, salesPlanTemplate } from "./index.js";

const FORM_IDS = [
  "sales_goal",
  "goal_breakdown",
  "customer",
  "market_insight",
  "resource_plan",
  "lead",
  "deal",
  "quote_contract",
  "follow_up",
  "weekly_review",
];

/** Every object that looks like an {zh, en} text, with its JSON Pointer. */
function i18nTexts(value: unknown, path = ""): { path: string; text: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => i18nTexts(item, `${path}/${i}`));
  if (typeof value !== "object" || value === null) return [];
  const record = value as Record<string, unknown>;
  const own = "zh" in record || "en" in record ? [{ path, text: record }] : [];
  return [...own, ...Object.entries(record).flatMap(([key, child]) => i18nTexts(child, `${path}/${key}`))];
}

function form(definition: AppDefinition, id: string) {
  const found = definition.forms.find((f) => f.id === id);
  if (!found) throw new Error(`no form ${id}`);
  return found;
}

describe("sales-plan definition", () => {
  const definition = buildSalesPlan();

  it("passes validateDefinition with no errors", () => {
    const result = validateDefinition(definition);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("has the ten forms of TEMPLATES.md A.1", () => {
    expect(definition.forms.map((f) => f.id)).toEqual(FORM_IDS);
  });

  it("has the five pipelines of A.2 with their stages", () => {
    const pipelines = Object.fromEntries(
      definition.forms.filter((f) => f.pipeline).map((f) => [f.id, f.pipeline?.stages.map((s) => s.id)]),
    );
    expect(pipelines).toEqual({
      sales_goal: ["draft", "breakdown", "approved", "executing", "achieved", "missed"],
      lead: ["new", "contacted", "qualified", "converted", "disqualified"],
      deal: ["initial_contact", "needs_confirmed", "solution", "quotation", "signing", "won", "lost"],
      quote_contract: ["drafting", "pending_approval", "sent", "signed", "rejected"],
      weekly_review: ["scheduled", "held", "closed"],
    });
  });

  it("gives deal stages the seed's default win probabilities", () => {
    const stages = form(definition, "deal").pipeline?.stages ?? [];
    expect(stages.slice(0, 5).map((s) => s.probability)).toEqual([10, 25, 50, 70, 90]);
  });

  it("requires approval above a 15 % discount and for the goal", () => {
    const sent = form(definition, "quote_contract").pipeline?.stages.find((s) => s.id === "sent");
    expect(sent?.approval?.steps[0]?.when).toEqual({ ">": [{ var: "max_discount" }, 0.15] });
    const approved = form(definition, "sales_goal").pipeline?.stages.find((s) => s.id === "approved");
    expect(approved?.approval?.on).toBe("enter");
    expect(approved?.guard).toBeDefined();
  });

  it("labels everything in Chinese and English", () => {
    const texts = i18nTexts(definition);
    expect(texts.length).toBeGreaterThan(300);
    for (const { path, text } of texts) {
      expect(Object.keys(text).sort(), path).toEqual(["en", "zh"]);
      expect(typeof text["zh"] === "string" && text["zh"].trim() !== "", `${path}/zh`).toBe(true);
      expect(typeof text["en"] === "string" && text["en"].trim() !== "", `${path}/en`).toBe(true);
    }
  });

  it("shows only KPIs that exist on its dashboards", () => {
    const kpis = new Set(definition.kpis?.map((k) => k.id));
    const used = (definition.dashboards ?? []).flatMap((d) =>
      d.widgets.flatMap((w) => ("kpi" in w ? [w.kpi] : [])),
    );
    expect(used.length).toBeGreaterThan(0);
    for (const id of used) expect(kpis.has(id), id).toBe(true);
    expect(definition.dashboards?.map((d) => d.id)).toEqual([
      "plan_cockpit",
      "my_plan",
      "weekly_leaderboard",
    ]);
  });

  it("has K1–K9, K1 as contracts ÷ goal rows with a 100 % goal", () => {
    expect(definition.kpis?.map((k) => k.id)).toEqual([
      "goal_achievement_rate",
      "new_customers_signed",
      "lead_conversion_rate",
      "stage_conversion_rate",
      "sales_cycle_days",
      "customer_satisfaction",
      "renewal_rate",
      "repurchase_rate",
      "visits",
    ]);
    const k1 = definition.kpis?.[0];
    expect(k1?.goal).toEqual({ type: "fixed", value: 1 });
    expect(k1?.measure.type === "ratio" && k1.measure.denominator.form).toBe("goal_breakdown");
  });

  it("puts every form and rule in exactly one rollout phase", () => {
    const forms = SALES_PLAN_ROLLOUT.flatMap((step) => step.forms);
    const rules = SALES_PLAN_ROLLOUT.flatMap((step) => step.rules);
    const dashboards = SALES_PLAN_ROLLOUT.flatMap((step) => step.dashboards);
    expect([...forms].sort()).toEqual([...FORM_IDS].sort());
    expect([...rules].sort()).toEqual((definition.rules ?? []).map((r) => r.id).sort());
    expect([...dashboards].sort()).toEqual((definition.dashboards ?? []).map((d) => d.id).sort());
    for (const f of definition.forms) {
      const phase = SALES_PLAN_ROLLOUT.find((step) => step.forms.includes(f.id))?.phase;
      expect(f.description?.en, f.id).toContain(`rollout phase ${phase ?? "?"}`);
    }
  });

  it("has CSV import maps that fill every required field without a default", () => {
    for (const map of SALES_PLAN_IMPORT_MAPS) {
      const target = form(definition, map.form);
      const ids = new Set(target.fields.map((f) => f.id));
      for (const column of map.columns)
        expect(ids.has(column.field), `${map.form}.${column.field}`).toBe(true);
      const mapped = new Set(map.columns.map((c) => c.field));
      const needed = target.fields.filter(
        (f) => f.required && f.default === undefined && f.visibleWhen === undefined,
      );
      for (const f of needed) expect(mapped.has(f.id), `${map.form}.${f.id}`).toBe(true);
    }
    expect(SALES_PLAN_IMPORT_MAPS.map((m) => m.form)).toEqual(["customer", "deal"]);
  });
});

describe("catalogue", () => {
  it("lists sales-plan with counts computed from its definition", () => {
    const summaries = listTemplates();
    // The style templates follow the flagship in catalogue order.
    expect(summaries[0]?.id).toBe("sales-plan");
    const summary = summaries[0]!;
    expect(summary.counts).toEqual({ forms: 10, stages: 26, rules: 23, kpis: 9 });
    expect(summary.counts).toEqual(countDefinition(buildSalesPlan()));
    expect(summary.limitationSource).toBe("seed");
    expect(summary.tags.length).toBeGreaterThan(0);
    for (const key of ["name", "summary", "whenToUse", "limitations"] as const) {
      expect(summary[key].zh.trim(), key).not.toBe("");
      expect(summary[key].en.trim(), key).not.toBe("");
    }
  });

  it("hands out a fresh deep copy of a definition on every call", () => {
    const first = getTemplate("sales-plan")!;
    first.forms[0]!.name.zh = "changed";
    first.forms.pop();
    const second = getTemplate("sales-plan")!;
    expect(second).toEqual(buildSalesPlan());
    expect(second).not.toBe(getTemplate("sales-plan"));
    expect(getTemplate("no-such-template")).toBeUndefined();
  });

  it("is not changed through the summaries it returns", () => {
    listTemplates()[0]!.tags.push("mutated");
    expect(listTemplates()[0]!.tags).not.toContain("mutated");
  });

  it("refuses duplicate ids and a meta id that differs from its definition", () => {
    expect(() => createCatalogue([salesPlanTemplate, salesPlanTemplate])).toThrow(/twice/);
    const renamed = { ...salesPlanTemplate, meta: { ...salesPlanTemplate.meta, id: "other" } };
    expect(() => createCatalogue([renamed])).toThrow(/definition/);
  });

  it("counts an empty definition as zero stages, rules and KPIs", () => {
    const minimal: AppDefinition = {
      id: "x",
      name: { zh: "x", en: "x" },
      forms: [
        {
          id: "f",
          name: { zh: "f", en: "f" },
          fields: [{ id: "a", type: "text", label: { zh: "a", en: "a" } }],
        },
      ],
    };
    expect(countDefinition(minimal)).toEqual({ forms: 1, stages: 0, rules: 0, kpis: 0 });
  });
});
