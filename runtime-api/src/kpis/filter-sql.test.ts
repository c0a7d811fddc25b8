import type { FieldRef, SpecCondition } from "@stagecraft/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestRuntime } from "../test-runtime.js";
import { filterSql } from "./filter-sql.js";
import { insertRecords, startKpiLab } from "./test-kpi-app.js";

const data = (key: string, valueType: Extract<FieldRef, { kind: "data" }>["valueType"]): FieldRef => ({
  kind: "data",
  key,
  valueType,
});
const AMOUNT = data("amount", "number");
const REGION = data("region", "text");
const NAME = data("deal_name", "text");
const HOT = data("hot", "boolean");
const TAGS = data("tags", "array");
const CLOSE = data("close_date", "date");
const SIGNED = data("signed_at", "datetime");
const STAGE: FieldRef = { kind: "system", column: "stage" };
const OWNER: FieldRef = { kind: "system", column: "owner_id" };
const ID: FieldRef = { kind: "system", column: "id" };
const CREATED: FieldRef = { kind: "system", column: "created_at" };

const ALL = ["d1", "d2", "d3", "d4", "d5", "d6", "d7"];
const except = (...ids: string[]) => ALL.filter((id) => !ids.includes(id));

// [field, op, value, deals matched]; see seedKpiLab for the rows (Asia/Shanghai, today 2026-11-23).
const CASES: [FieldRef, SpecCondition["op"], SpecCondition["value"], string[]][] = [
  [AMOUNT, "eq", 100, ["d1"]],
  [AMOUNT, "eq", "200", ["d2"]],
  [AMOUNT, "eq", "abc", []],
  [AMOUNT, "eq", null, ["d5"]],
  [AMOUNT, "ne", 100, except("d1")],
  [AMOUNT, "ne", "abc", ALL],
  [AMOUNT, "ne", null, except("d5")],
  [AMOUNT, "gt", 200, ["d3", "d4", "d6"]],
  [AMOUNT, "gte", 200, ["d2", "d3", "d4", "d6"]],
  [AMOUNT, "lt", 100, ["d7"]],
  [AMOUNT, "lte", 100, ["d1", "d7"]],
  [AMOUNT, "gt", null, []],
  [AMOUNT, "in", [100, 300, null], ["d1", "d3", "d5"]],
  [AMOUNT, "not_in", [100, 300], ["d2", "d4", "d5", "d6", "d7"]],
  [AMOUNT, "between", [100, 300], ["d1", "d2", "d3"]],
  [AMOUNT, "between", [null, 100], ["d1", "d7"]],
  [AMOUNT, "is_set", undefined, except("d5")],
  [AMOUNT, "not_set", undefined, ["d5"]],
  [AMOUNT, "within_last_days", 3, []],
  [AMOUNT, "same_year", 2026, []],
  [REGION, "eq", "east", ["d1", "d2", "d5", "d6"]],
  [REGION, "in", ["west"], ["d3", "d4", "d7"]],
  [REGION, "gt", "east", ["d3", "d4", "d7"]],
  [NAME, "contains", "BIG", ["d4"]],
  [NAME, "contains", "%", []],
  [NAME, "contains", "d", ALL],
  [NAME, "contains", "eal", ["d4"]],
  [NAME, "is_set", undefined, ALL],
  [HOT, "eq", true, ["d1"]],
  [HOT, "eq", "false", ["d2"]],
  [HOT, "ne", true, except("d1")],
  [HOT, "eq", "maybe", []],
  [TAGS, "contains", "vip", ["d1", "d2"]],
  [TAGS, "eq", "new", ["d2"]],
  [TAGS, "in", ["new", "vip"], ["d1", "d2"]],
  [TAGS, "not_in", ["vip"], except("d1", "d2")],
  [TAGS, "is_set", undefined, ["d1", "d2"]],
  [TAGS, "not_set", undefined, except("d1", "d2")],
  [TAGS, "gt", "a", []],
  [STAGE, "eq", "won", ["d1", "d2", "d6", "d7"]],
  [STAGE, "in", ["lead", "proposal"], ["d4", "d5"]],
  [STAGE, "not_in", ["won", "lost"], ["d4", "d5"]],
  [OWNER, "eq", "u2", ["d3", "d4", "d7"]],
  [ID, "in", ["d1", "d9"], ["d1"]],
  // Timestamps compare by local day: d2 was created on 2026-01-31 UTC, 2026-02-01 in Shanghai.
  [CREATED, "eq", "2026-02-01", ["d2"]],
  [CREATED, "eq", "2026-01-31", []],
  [CREATED, "eq", "2026-02-01T03:00:00+08:00", ["d2"]],
  [CREATED, "eq", "not a date", []],
  [CREATED, "ne", "2026-02-01", except("d2")],
  [CREATED, "lt", "2026-01-01", ["d6"]],
  [CREATED, "gte", "2026-01-01", except("d6")],
  [CREATED, "lte", "2025-12-31", ["d6"]],
  [CREATED, "gt", "2026-03-03", ["d5"]],
  [CREATED, "between", ["2026-01-01", "2026-01-31"], ["d1", "d7"]],
  [CREATED, "in", ["2026-02-01", "2025-12-31"], ["d2", "d6"]],
  [CREATED, "not_in", ["2026-02-01", "2025-12-31"], except("d2", "d6")],
  [CREATED, "same_year", 2025, ["d6"]],
  [CREATED, "same_year", "2026-06-01", except("d6")],
  [CREATED, "within_last_days", 300, ["d2", "d3", "d4", "d5"]],
  [CREATED, "contains", "2026-03", ["d4", "d5"]],
  [CLOSE, "eq", "2026-01-15", ["d1"]],
  [CLOSE, "gt", "2026-01-15", ["d2"]],
  [CLOSE, "between", ["2026-01-01", "2026-02-03"], ["d1", "d2"]],
  [CLOSE, "within_last_days", 365, ["d1", "d2"]],
  [CLOSE, "same_year", "2026", ["d1", "d2"]],
  [CLOSE, "eq", "2026-02-03T20:00:00Z", []],
  [CLOSE, "eq", "2026-02-02T20:00:00Z", ["d2"]],
  [SIGNED, "eq", "2026-01-15", ["d1"]],
  [SIGNED, "lte", "2026-02-03", ["d1", "d2"]],
  [SIGNED, "not_set", undefined, except("d1", "d2")],
];

describe("KPI filter conditions in SQL", () => {
  let rt: TestRuntime;
  let workspaceId = "";
  beforeAll(async () => {
    ({ rt, workspaceId } = await startKpiLab());
  });
  afterAll(async () => {
    await rt.close();
  });

  const matching = async (conditions: SpecCondition[]): Promise<string[]> => {
    const rows = await rt.database.db
      .selectFrom("records as r")
      .select("r.id")
      .where("r.workspace_id", "=", workspaceId)
      .where("r.form_id", "=", "deal")
      .where(filterSql(conditions, { timeZone: "Asia/Shanghai", today: "2026-11-23" }))
      .orderBy("r.id")
      .execute();
    return rows.map((r) => r.id);
  };

  it.each(CASES.map(([field, op, value, ids], i) => ({ i, field, op, value, ids })))(
    "#$i $field.key$field.column $op $value",
    async ({ field, op, value, ids }) => {
      const condition: SpecCondition = value === undefined ? { field, op } : { field, op, value };
      expect(await matching([condition])).toEqual(ids);
    },
  );

  it("ANDs conditions and matches everything without any", async () => {
    expect(await matching([])).toEqual(ALL);
    expect(
      await matching([
        { field: REGION, op: "eq", value: "east" },
        { field: AMOUNT, op: "gte", value: 200 },
      ]),
    ).toEqual(["d2", "d6"]);
  });

  it("reads impossible dates and times as missing instead of failing the query", async () => {
    const odd: [string, Record<string, string>][] = [
      ["o1", { close_date: "2026-02-30", signed_at: "2026-02-30T10:00:00Z" }],
      ["o2", { close_date: "2024-02-29", signed_at: "2026-01-01t10:00:00z" }],
      ["o3", { close_date: "2100-02-29", signed_at: "2026-01-01T24:00:00Z" }],
      ["o4", { close_date: "0000-01-01", signed_at: "2026-01-01T10:00:00.123456+0800" }],
    ];
    await insertRecords(
      rt.database.db,
      workspaceId,
      "lab",
      odd.map(([id, values]) => ({ id, form: "odd", data: values })),
    );
    const setIds = async (field: FieldRef) => {
      const rows = await rt.database.db
        .selectFrom("records as r")
        .select("r.id")
        .where("r.workspace_id", "=", workspaceId)
        .where("r.form_id", "=", "odd")
        .where(filterSql([{ field, op: "is_set" }], { timeZone: "Asia/Shanghai", today: "2026-11-23" }))
        .orderBy("r.id")
        .execute();
      return rows.map((r) => r.id);
    };
    expect(await setIds(CLOSE)).toEqual(["o2"]);
    expect(await setIds(SIGNED)).toEqual(["o2", "o4"]);
  });

  it("keeps a data key out of the SQL text", () => {
    const key = "x'); drop table records; --";
    const compile = (condition: SpecCondition) =>
      rt.database.db
        .selectFrom("records as r")
        .select("r.id")
        .where(filterSql([condition], { timeZone: "UTC", today: "2026-01-01" }))
        .compile();
    const contains = compile({ field: data(key, "text"), op: "contains", value: "y" });
    expect(contains.sql).not.toContain("drop table");
    expect(contains.parameters).toContain(key);
    const eq = compile({ field: data(key, "text"), op: "eq", value: "y" });
    expect(eq.sql).not.toContain("drop table");
    expect(eq.parameters).toContain(JSON.stringify({ [key]: "y" }));
  });
});
