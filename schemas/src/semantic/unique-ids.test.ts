import { describe, expect, test } from "vitest";
import { salesAppFixture } from "../test-fixtures.js";
import {
  changed,
  dashboardOf,
  fieldOf,
  fieldPath,
  formOf,
  formPath,
  problems,
  stageOf,
  stagePath,
} from "../test-helpers.js";
import { checkUniqueIds } from "./unique-ids.js";

describe("checkUniqueIds", () => {
  test("the fixture has no duplicate ids", () => {
    expect(checkUniqueIds(salesAppFixture())).toEqual([]);
  });

  test("a second form with the same id", () => {
    const app = changed((a) => {
      a.forms.push({ ...structuredClone(formOf(a, "contract")) });
    });
    expect(problems(app)).toEqual([`duplicate_id /forms/${app.forms.length - 1}/id`]);
    expect(checkUniqueIds(app)[0]?.params).toEqual({ scope: "form", id: "contract" });
  });

  test("fields of a form, and of a subform row", () => {
    const app = changed((a) => {
      formOf(a, "customer").fields.push({ id: "name", type: "text", label: { zh: "名", en: "Name" } });
      const rows = fieldOf(a, "quote", "line_items", "subform").fields;
      rows.push({ id: "qty", type: "number", label: { zh: "数", en: "Qty" } });
    });
    const customerFields = formOf(app, "customer").fields.length;
    const rows = fieldOf(app, "quote", "line_items", "subform").fields.length;
    expect(problems(app)).toEqual([
      `duplicate_id ${formPath(app, "customer")}/fields/${customerFields - 1}/id`,
      `duplicate_id ${fieldPath(app, "quote", "line_items")}/fields/${rows - 1}/id`,
    ]);
  });

  test("option values of a select and of a multiselect", () => {
    const app = changed((a) => {
      fieldOf(a, "customer", "tier", "select").options.push({
        value: "a",
        label: { zh: "甲", en: "A again" },
      });
      fieldOf(a, "deal", "products", "multiselect").options[2]!.value = "crm";
    });
    expect(problems(app)).toEqual([
      `duplicate_id ${fieldPath(app, "customer", "tier")}/options/3/value`,
      `duplicate_id ${fieldPath(app, "deal", "products")}/options/2/value`,
    ]);
  });

  test("aggregates, stages and approval steps of a form", () => {
    const app = changed((a) => {
      formOf(a, "deal").aggregates![1]!.id = "quote_count";
      formOf(a, "deal").pipeline!.stages.push(structuredClone(stageOf(a, "deal", "won")));
      stageOf(a, "deal", "negotiation").approval!.steps[1]!.id = "manager_review";
    });
    expect(problems(app)).toEqual([
      `duplicate_id ${formPath(app, "deal")}/aggregates/1/id`,
      `duplicate_id ${formPath(app, "deal")}/pipeline/stages/6/id`,
      `duplicate_id ${stagePath(app, "deal", "negotiation")}/approval/steps/1/id`,
    ]);
  });

  test("rules, KPIs, dashboards, widgets and calendars", () => {
    const app = changed((a) => {
      a.rules!.push({ ...structuredClone(a.rules![0]!) });
      a.kpis!.push({ ...structuredClone(a.kpis![0]!) });
      a.dashboards!.push({ ...structuredClone(a.dashboards![1]!) });
      dashboardOf(a, "sales_overview").widgets[1]!.id = "revenue";
      a.calendars!.push({ id: "cn_2025", weekend: [0] });
    });
    expect(problems(app)).toEqual([
      `duplicate_id /rules/${app.rules!.length - 1}/id`,
      `duplicate_id /kpis/${app.kpis!.length - 1}/id`,
      `duplicate_id /dashboards/2/id`,
      `duplicate_id /dashboards/0/widgets/1/id`,
      `duplicate_id /calendars/1/id`,
    ]);
  });
});
