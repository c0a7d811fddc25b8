import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppDefinition } from "@stagecraft/schemas";
import { startTestRuntime, type TestRuntime } from "../test-runtime.js";

const t = (s: string) => ({ zh: s, en: s });

/** Accounts roll up their deals; deals read the commission plan in force today. */
const definition: AppDefinition = {
  id: "rollups",
  name: t("Rollups"),
  forms: [
    {
      id: "plan",
      name: t("Plan"),
      fields: [
        { id: "starts", type: "date", label: t("Starts"), required: true },
        { id: "ends", type: "date", label: t("Ends") },
        { id: "rate", type: "percent", label: t("Rate"), required: true },
      ],
    },
    {
      id: "account",
      name: t("Account"),
      fields: [
        { id: "name", type: "text", label: t("Name"), required: true },
        {
          id: "won_total",
          type: "formula",
          label: t("Won"),
          resultType: "money",
          expression: { aggregate: "won_sum" },
        },
        {
          id: "deal_count",
          type: "formula",
          label: t("Deals"),
          resultType: "number",
          expression: { aggregate: "deals" },
        },
        {
          id: "biggest",
          type: "formula",
          label: t("Biggest"),
          resultType: "money",
          expression: { aggregate: "biggest" },
        },
        {
          id: "median",
          type: "formula",
          label: t("Median"),
          resultType: "money",
          expression: { aggregate: "median" },
        },
      ],
      aggregates: [
        {
          id: "won_sum",
          type: "rollup",
          form: "deal",
          measure: "sum",
          field: "amount",
          filter: [
            { field: "account", op: "eq", value: { this: "_id" } },
            { field: "won", op: "eq", value: true },
          ],
        },
        {
          id: "deals",
          type: "rollup",
          form: "deal",
          measure: "count",
          filter: [{ field: "account", op: "eq", value: { this: "_id" } }],
        },
        {
          id: "biggest",
          type: "rollup",
          form: "deal",
          measure: "max",
          field: "amount",
          filter: [{ field: "account", op: "eq", value: { this: "_id" } }],
        },
        {
          id: "median",
          type: "rollup",
          form: "deal",
          measure: "percentile",
          percentile: 0.5,
          field: "amount",
          filter: [{ field: "account", op: "eq", value: { this: "_id" } }],
        },
      ],
    },
    {
      id: "deal",
      name: t("Deal"),
      fields: [
        { id: "account", type: "reference", form: "account", label: t("Account") },
        { id: "amount", type: "money", label: t("Amount"), required: true },
        { id: "won", type: "boolean", label: t("Won") },
        {
          id: "plan_rate",
          type: "formula",
          label: t("Plan rate"),
          resultType: "percent",
          precision: 4,
          // The plan in force is one record's data: read its rate as the only row of a list.
          expression: { coalesce: [{ sum_of: [[{ aggregate: "plan" }], { var: "rate" }] }, 0] },
        },
        {
          id: "commission",
          type: "formula",
          label: t("Commission"),
          resultType: "money",
          expression: { "*": [{ var: "amount" }, { var: "plan_rate" }] },
        },
      ],
      aggregates: [{ id: "plan", type: "active", form: "plan", from: "starts", to: "ends" }],
    },
  ],
};
describe("cross-form aggregates in record writes", () => {
  let rt: TestRuntime;
  let appId: string;
  const base = (form: string) => `/api/apps/${appId}/forms/${form}/records`;

  beforeAll(async () => {
    rt = await startTestRuntime("2026-06-15T04:00:00.000Z");
    const res = await rt.call("POST", "/api/apps", rt.ownerToken, { definition });
    expect(res.statusCode).toBe(201);
    appId = res.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await rt.close();
  });

  it("computes rollups of another form's matching records when a record is written", async () => {
    const acme = (await rt.call("POST", base("account"), rt.ownerToken, { data: { name: "Acme" } })).json<{
      id: string;
      data: Record<string, unknown>;
    }>();
    expect(acme.data).toMatchObject({ won_total: 0, deal_count: 0 });
    const other = (await rt.call("POST", base("account"), rt.ownerToken, { data: { name: "Other" } })).json<{
      id: string;
    }>();
    for (const [account, amount, won] of [
      [acme.id, 100, true],
      [acme.id, 300, true],
      [acme.id, 50, false],
      [other.id, 1000, true],
    ] as const) {
      expect(
        (await rt.call("POST", base("deal"), rt.ownerToken, { data: { account, amount, won } })).statusCode,
      ).toBe(201);
    }
    const patched = await rt.call(
      "PATCH",
      `${base("account")}/${acme.id}`,
      rt.ownerToken,
      { data: { name: "Acme Ltd" } },
      { "if-match": "1" },
    );
    expect(patched.statusCode).toBe(200);
    expect(patched.json<{ data: Record<string, unknown> }>().data).toMatchObject({
      name: "Acme Ltd",
      won_total: 400,
      deal_count: 3,
      biggest: 300,
      median: 100,
    });
  });

  it("reads the config record in force today", async () => {
    for (const plan of [
      { starts: "2025-01-01", ends: "2025-12-31", rate: 0.05 },
      { starts: "2026-01-01", rate: 0.1 },
      { starts: "2026-07-01", rate: 0.2 },
    ]) {
      expect((await rt.call("POST", base("plan"), rt.ownerToken, { data: plan })).statusCode).toBe(201);
    }
    const sold = await rt.call("POST", base("deal"), rt.ownerToken, { data: { amount: 1000 } });
    expect(sold.json<{ data: Record<string, unknown> }>().data).toMatchObject({
      plan_rate: 0.1,
      commission: 100,
    });
  });
});
