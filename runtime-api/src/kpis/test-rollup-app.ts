/** Test fixtures of the rollup suites: KPIs of every kind rollups serve, and random deals to feed them. */
import type { AppDefinition, Field, FilterCondition } from "@stagecraft/schemas";

const t = (en: string) => ({ zh: en, en });
const f = (id: string, type: string, extra: object = {}): Field =>
  ({ id, type, label: t(id), ...extra }) as Field;
const where = (
  field: string,
  op: FilterCondition["op"],
  value?: FilterCondition["value"],
): FilterCondition => (value === undefined ? { field, op } : { field, op, value });

/** Deals (money, number, select, date, datetime, boolean fields, a pipeline) and goal rows; Asia/Shanghai. */
export function rollupLabDefinition(): AppDefinition {
  const options = (...values: string[]) => values.map((value) => ({ value, label: t(value) }));
  return {
    id: "rollup-lab",
    name: t("Rollup lab"),
    settings: { timeZone: "Asia/Shanghai" },
    forms: [
      {
        id: "deal",
        name: t("Deal"),
        fields: [
          f("deal_name", "text"),
          f("amount", "money"),
          f("qty", "number"),
          f("region", "select", { options: options("east", "west", "north") }),
          f("close_date", "date"),
          f("met_at", "datetime"),
          f("hot", "boolean"),
        ],
        pipeline: {
          initial: "lead",
          stages: [
            { id: "lead", name: t("Lead") },
            { id: "proposal", name: t("Proposal") },
            { id: "won", name: t("Won"), terminal: "won" },
            { id: "lost", name: t("Lost"), terminal: "lost" },
          ],
        },
      },
      {
        id: "target",
        name: t("Target"),
        fields: [f("rep", "user"), f("amount", "money"), f("start", "date"), f("end", "date")],
      },
    ],
    kpis: [
      {
        id: "created",
        name: t("Created"),
        form: "deal",
        measure: { type: "count" },
        groupBy: ["_owner", "region"],
      },
      {
        id: "won_amount",
        name: t("Won amount"),
        form: "deal",
        measure: { type: "sum", field: "amount" },
        filter: [where("_stage", "eq", "won")],
        periodField: "close_date",
        groupBy: ["_owner", "region"],
        goal: {
          type: "records",
          form: "target",
          field: "amount",
          from: "start",
          to: "end",
          groupField: "rep",
        },
      },
      {
        id: "avg_qty",
        name: t("Average quantity"),
        form: "deal",
        measure: { type: "avg", field: "qty" },
        filter: [where("region", "in", ["east", "north"])],
        periodField: "met_at",
        groupBy: ["region", "hot"],
      },
      {
        id: "won_share",
        name: t("Won amount per priced deal"),
        form: "deal",
        measure: {
          type: "ratio",
          numerator: { measure: { type: "sum", field: "amount" }, filter: [where("_stage", "in", ["won"])] },
          denominator: { measure: { type: "count" }, filter: [where("amount", "gt", 100)] },
        },
        periodField: "close_date",
        groupBy: ["_owner"],
      },
      {
        id: "sum_per_avg",
        name: t("Open or won amount per average"),
        form: "deal",
        measure: {
          type: "ratio",
          // The same rows as the denominator: both parts read one rollup.
          numerator: { measure: { type: "sum", field: "amount" }, filter: [where("_stage", "ne", "lost")] },
          denominator: { measure: { type: "avg", field: "amount" }, filter: [where("_stage", "ne", "lost")] },
        },
        periodField: "close_date",
      },
      {
        id: "filtered",
        name: t("Filtered"),
        form: "deal",
        measure: { type: "avg", field: "amount" },
        filter: [
          where("amount", "between", [10, 5000]),
          where("region", "ne", "west"),
          where("close_date", "gte", "2026-03-01"),
          where("deal_name", "contains", "a"),
          where("hot", "ne", false),
          where("_created_at", "same_year", 2026),
        ],
        groupBy: ["_stage", "close_date"],
      },
    ],
  };
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Random choice helper. */
export function pick<T>(random: () => number, values: readonly T[]): T {
  const value = values[Math.floor(random() * values.length)];
  if (value === undefined) throw new Error("pick from an empty list");
  return value;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A random instant from late 2025 to early 2027, often near a local (UTC+8) midnight. */
export function randomInstant(random: () => number): string {
  const day = new Date(Date.UTC(2025, 11, 20) + Math.floor(random() * 400) * 86_400_000);
  const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
  const time = pick(random, ["15:59:59.999", "16:00:00", "00:00:00", "08:30:00", "23:59:59"]);
  return `${date}T${time}Z`;
}

/** Random deal data: values of the right type, missing, or of the wrong type. */
export function randomDealData(random: () => number, name: string): Record<string, unknown> {
  const data: Record<string, unknown> = { deal_name: name };
  const amount = pick(random, [null, "abc", 0.1, 0.2, 0.3, 7, 99.99, 100, 250.5, 1234, 4999.01, 9000]);
  if (amount !== null) data["amount"] = amount;
  const qty = pick(random, [null, 1, 2, 3.5, -4, "x"]);
  if (qty !== null) data["qty"] = qty;
  const region = pick(random, [null, "east", "west", "north"]);
  if (region !== null) data["region"] = region;
  const close = pick(random, [null, "bad", "2026-02-30", "date"]);
  data["close_date"] = close === "date" ? randomInstant(random).slice(0, 10) : close;
  if (data["close_date"] === null) delete data["close_date"];
  if (random() < 0.8) data["met_at"] = randomInstant(random);
  const hot = pick(random, [null, true, false]);
  if (hot !== null) data["hot"] = hot;
  return data;
}
