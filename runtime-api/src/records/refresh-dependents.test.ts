import type { AppDefinition } from "@stagecraft/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRuntime, type TestRuntime } from "../test-runtime.js";
import { t } from "./test-records.js";

/**
 * Regions hold accounts, accounts hold deals. An account's stored `won_total` sums its won deals
 * (bound: deal.account = this account), a region's `account_total` sums its accounts' won totals
 * (a cascade), and the account's `deal_count_all` counts every deal (an unbound aggregate).
 */
const definition: AppDefinition = {
  id: "refresh-app",
  name: t("Refresh"),
  forms: [
    {
      id: "region",
      name: t("Region"),
      fields: [
        { id: "name", type: "text", label: t("Name"), required: true },
        {
          id: "account_total",
          type: "formula",
          label: t("Accounts' won"),
          resultType: "number",
          expression: { coalesce: [{ aggregate: "won_sum" }, 0] },
        },
      ],
      aggregates: [
        {
          id: "won_sum",
          type: "rollup",
          form: "account",
          measure: "sum",
          field: "won_total",
          filter: [{ field: "region", op: "eq", value: { this: "_id" } }],
        },
      ],
    },
    {
      id: "account",
      name: t("Account"),
      fields: [
        { id: "name", type: "text", label: t("Name"), required: true },
        { id: "region", type: "reference", form: "region", label: t("Region") },
        {
          id: "won_total",
          type: "formula",
          label: t("Won"),
          resultType: "number",
          expression: { coalesce: [{ aggregate: "won" }, 0] },
        },
        {
          id: "deal_count_all",
          type: "formula",
          label: t("All deals"),
          resultType: "number",
          expression: { coalesce: [{ aggregate: "all_deals" }, 0] },
        },
      ],
      aggregates: [
        {
          id: "won",
          type: "rollup",
          form: "deal",
          measure: "sum",
          field: "amount",
          filter: [
            { field: "account", op: "eq", value: { this: "_id" } },
            { field: "_stage", op: "eq", value: "won" },
          ],
        },
        { id: "all_deals", type: "rollup", form: "deal", measure: "count" },
      ],
    },
    {
      id: "deal",
      name: t("Deal"),
      fields: [
        { id: "title", type: "text", label: t("Title"), required: true },
        { id: "account", type: "reference", form: "account", label: t("Account") },
        { id: "amount", type: "money", label: t("Amount") },
      ],
      pipeline: {
        initial: "open",
        stages: [
          { id: "open", name: t("Open") },
          { id: "won", name: t("Won"), terminal: "won" },
        ],
      },
    },
  ],
};

// Stored formulas that read other records' aggregates follow those records' writes.
describe("refreshing the formulas that read a changed record", () => {
  let rt: TestRuntime;
  let appId: string;
  const url = (form: string, id = "") =>
    `/api/apps/${appId}/forms/${form}/records${id === "" ? "" : `/${id}`}`;
  const create = async (form: string, data: Record<string, unknown>) => {
    const res = await rt.call("POST", url(form), rt.ownerToken, { data });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; version: number }>();
  };
  const get = async (form: string, id: string) =>
    (await rt.call("GET", url(form, id), rt.ownerToken)).json<{
      data: Record<string, unknown>;
      version: number;
    }>();
  const write = async (method: string, path: string, body: unknown, version: number) => {
    const res = await rt.call(method, path, rt.ownerToken, body, { "if-match": String(version) });
    expect(res.statusCode, res.body).toBeLessThan(300);
  };

  beforeAll(async () => {
    rt = await startTestRuntime();
    const res = await rt.call("POST", "/api/apps", rt.ownerToken, { definition });
    appId = res.json<{ id: string }>().id;
  });
  afterAll(async () => {
    await rt.close();
  });

  it("follows creates, patches, moves and deletes, cascading to the records that read the refreshed ones", async () => {
    const region = await create("region", { name: "华东" });
    const account = await create("account", { name: "Acme", region: region.id });
    const other = await create("account", { name: "Other" });
    const deal = await create("deal", { title: "D1", account: account.id, amount: 100 });
    expect((await get("account", account.id)).data).toMatchObject({ won_total: 0, deal_count_all: 1 });
    // The unbound count reaches every account.
    expect((await get("account", other.id)).data["deal_count_all"]).toBe(1);

    await write("POST", `${url("deal", deal.id)}/transition`, { to: "won" }, 1);
    expect((await get("account", account.id)).data["won_total"]).toBe(100);
    expect((await get("region", region.id)).data["account_total"]).toBe(100);

    await write("PATCH", url("deal", deal.id), { data: { amount: 250 } }, 2);
    expect((await get("account", account.id)).data["won_total"]).toBe(250);
    expect((await get("region", region.id)).data["account_total"]).toBe(250);

    // Moving the deal to another account refreshes both: the one it left and the one it joined.
    await write("PATCH", url("deal", deal.id), { data: { account: other.id } }, 3);
    expect((await get("account", account.id)).data["won_total"]).toBe(0);
    expect((await get("account", other.id)).data["won_total"]).toBe(250);
    expect((await get("region", region.id)).data["account_total"]).toBe(0);

    await write("DELETE", url("deal", deal.id), undefined, 4);
    expect((await get("account", other.id)).data).toMatchObject({ won_total: 0, deal_count_all: 0 });
  });

  it("keeps the refreshed records' versions (derived values only) and their audit trail unchanged", async () => {
    const account = await create("account", { name: "Versioned" });
    await create("deal", { title: "D2", account: account.id, amount: 5 });
    const after = await get("account", account.id);
    expect(after.version).toBe(1);
    expect(after.data["deal_count_all"]).toBeGreaterThan(0);
    const history = (await rt.call("GET", `${url("account", account.id)}/history`, rt.ownerToken)).json<
      unknown[]
    >();
    expect(history).toHaveLength(1);
  });

  it("refreshes nothing through an aggregate when the write changes none of the fields it reads", async () => {
    const account = await create("account", { name: "Quiet" });
    const deal = await create("deal", { title: "D3", account: account.id, amount: 40 });
    await write("POST", `${url("deal", deal.id)}/transition`, { to: "won" }, 1);
    expect((await get("account", account.id)).data["won_total"]).toBe(40);
    // A stale stored value shows whether a later write recomputed the account.
    const stale = async () => {
      const row = await rt.database.db
        .selectFrom("records")
        .select("data")
        .where("id", "=", account.id)
        .executeTakeFirstOrThrow();
      await rt.database.db
        .updateTable("records")
        .set({ data: JSON.stringify({ ...row.data, won_total: 999 }) })
        .where("id", "=", account.id)
        .execute();
    };
    await stale();
    // The title is read by no aggregate: the account is left alone.
    await write("PATCH", url("deal", deal.id), { data: { title: "D3 renamed" } }, 2);
    expect((await get("account", account.id)).data["won_total"]).toBe(999);
    // The amount is the measure: the account is recomputed.
    await write("PATCH", url("deal", deal.id), { data: { amount: 45 } }, 3);
    expect((await get("account", account.id)).data["won_total"]).toBe(45);
  });
});
