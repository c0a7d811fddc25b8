// The KPI benchmark's app and data: a deal pipeline with person goal rows, seeded in SQL with
// generate_series (tests/bench/seed-kpi.mjs) at three sizes, one app per size.

const t = (en, zh = en) => ({ zh, en });
const f = (id, type, extra = {}) => ({ id, type, label: t(id), ...extra });
const where = (field, op, value) => ({ field, op, value });

export const BENCH_WORKSPACE = "kpi-bench";
export const OWNERS = 50;

/** The sizes measured: deal records per app (each app also has OWNERS × 24 goal rows). */
export const SCALES = [
  { appId: "kpi-bench-10k", records: 10_000 },
  { appId: "kpi-bench-100k", records: 100_000 },
  { appId: "kpi-bench-1m", records: 1_000_000 },
];

/** The KPIs measured, one per kind of query the runtime builds. */
export const BENCH_KPIS = [
  {
    id: "goal_achievement",
    what: "goal achievement: won amount by close month ÷ person goal rows (records goal)",
  },
  { id: "win_ratio", what: "ratio: won amount ÷ person target amount (two sources)" },
  { id: "deal_count", what: "count of deals by created month" },
  { id: "won_amount", what: "sum of won amount by close date" },
  { id: "avg_amount", what: "avg amount by created month" },
  { id: "cycle_days", what: "duration: created → first entry into won (stage log)" },
  { id: "proposal_conversion", what: "stage conversion: proposal → won (stage log)" },
];

/** The benchmark app: deals with a pipeline, person goal rows per month. */
export function benchDefinition() {
  return {
    id: "kpi-bench",
    name: t("KPI bench", "KPI 基准"),
    settings: { timeZone: "Asia/Shanghai" },
    forms: [
      {
        id: "deal",
        name: t("Deal"),
        fields: [
          f("deal_name", "text"),
          f("amount", "money"),
          f("region", "select", {
            options: [
              { value: "east", label: t("East") },
              { value: "west", label: t("West") },
            ],
          }),
          f("close_date", "date"),
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
        fields: [
          f("rep", "user"),
          f("kind", "select", {
            options: [
              { value: "person", label: t("Person") },
              { value: "team", label: t("Team") },
            ],
          }),
          f("amount", "money"),
          f("start", "date"),
          f("end", "date"),
        ],
      },
    ],
    kpis: [
      {
        id: "goal_achievement",
        name: t("Goal achievement"),
        form: "deal",
        measure: { type: "sum", field: "amount" },
        filter: [where("_stage", "eq", "won")],
        periodField: "close_date",
        groupBy: ["_owner"],
        goal: {
          type: "records",
          form: "target",
          field: "amount",
          from: "start",
          to: "end",
          groupField: "rep",
          filter: [where("kind", "eq", "person")],
        },
      },
      {
        id: "win_ratio",
        name: t("Won amount per target"),
        form: "deal",
        measure: {
          type: "ratio",
          numerator: { measure: { type: "sum", field: "amount" }, filter: [where("_stage", "eq", "won")] },
          denominator: {
            form: "target",
            measure: { type: "sum", field: "amount" },
            filter: [where("kind", "eq", "person")],
            periodField: "start",
            groupField: "rep",
          },
        },
        periodField: "close_date",
        groupBy: ["_owner"],
      },
      { id: "deal_count", name: t("Deals"), form: "deal", measure: { type: "count" }, groupBy: ["_owner"] },
      {
        id: "won_amount",
        name: t("Won amount"),
        form: "deal",
        measure: { type: "sum", field: "amount" },
        filter: [where("_stage", "eq", "won")],
        periodField: "close_date",
        groupBy: ["_owner", "region"],
      },
      {
        id: "avg_amount",
        name: t("Average amount"),
        form: "deal",
        measure: { type: "avg", field: "amount" },
        groupBy: ["_owner", "region"],
      },
      {
        id: "cycle_days",
        name: t("Cycle"),
        form: "deal",
        measure: {
          type: "duration",
          from: { type: "created" },
          to: { type: "stage_entered", stage: "won" },
          statistic: "avg",
          unit: "days",
        },
        groupBy: ["_owner"],
      },
      {
        id: "proposal_conversion",
        name: t("Proposal to won"),
        form: "deal",
        measure: { type: "stage_conversion", from: "proposal", to: "won" },
        groupBy: ["_owner"],
      },
    ],
  };
}
