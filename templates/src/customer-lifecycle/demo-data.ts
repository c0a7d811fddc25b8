import { demoDate, demoInstant } from "../shared/demo-dates.js";
import type { DemoRecord } from "../template-entry.js";

const ME = { $user: "installer" } as const;

const ACTIVE = ["onboarding", "active"];

/** [key, name, region, industry, usage, nps, contract end (days from now), value, path, churn reason] */
const CUSTOMERS: [string, string, string, string, number, number, number, number, string[], string?][] = [
  ["c_yunfan", "云帆在线教育", "east_china", "education", 82, 9, -300, 180_000, ACTIVE],
  ["c_jinhe", "金禾连锁药房", "south_china", "healthcare", 64, 7, -200, 240_000, ACTIVE],
  [
    "c_huaxin",
    "华信精工",
    "north_china",
    "manufacturing",
    71,
    8,
    -330,
    360_000,
    [...ACTIVE, "renewal_due", "active"],
  ],
  ["c_lanting", "兰亭文旅", "southwest", "other", 35, 4, -60, 96_000, [...ACTIVE, "renewal_due"]],
  [
    "c_shengda",
    "盛达物流",
    "central_china",
    "other",
    18,
    2,
    -20,
    120_000,
    [...ACTIVE, "churned"],
    "low_usage",
  ],
  ["c_mingxuan", "明轩家居", "east_china", "retail", 0, 0, -365, 0, ["onboarding"]],
  ["c_qingshan", "青山农业科技", "northwest", "other", 0, 0, -365, 0, []],
];

/** [customer, type, amount, days ago, term months] */
const ORDERS: [string, string, number, number, number][] = [
  ["c_yunfan", "new", 180_000, 25, 12],
  ["c_yunfan", "upsell", 36_000, 6, 12],
  ["c_jinhe", "new", 240_000, 20, 12],
  ["c_huaxin", "new", 320_000, 28, 12],
  ["c_huaxin", "renewal", 360_000, 3, 12],
  ["c_lanting", "new", 96_000, 26, 12],
  ["c_shengda", "new", 120_000, 27, 12],
];

/** Demo data of customer-lifecycle: customers in every stage with their orders, checks and deals. */
export function customerLifecycleDemo(now: Date): DemoRecord[] {
  const records: DemoRecord[] = [];
  for (const [key, name, region, industry, usage, nps, endIn, value, path, churn] of CUSTOMERS) {
    const onboard = path.length > 0;
    records.push({
      key,
      form: "customer",
      at: demoInstant(now, 29),
      data: {
        customer_name: name,
        owner: ME,
        region,
        industry,
        ...(onboard ? { csm: ME, contract_end_date: demoDate(now, endIn) } : {}),
        ...(value > 0 ? { contract_value: value, usage_index: usage, nps } : {}),
        ...(churn === undefined ? {} : { churn_reason: churn }),
      },
      path,
    });
  }
  for (const [customer, type, amount, daysAgo, term] of ORDERS) {
    records.push({
      form: "order",
      at: demoInstant(now, daysAgo),
      data: {
        customer: { $demo: customer },
        order_type: type,
        amount,
        order_date: demoDate(now, daysAgo),
        term_months: term,
      },
    });
  }
  const checks: [string, number, number, string, string[]][] = [
    ["c_yunfan", 9, 9, "yes", []],
    ["c_jinhe", 7, 7, "no", []],
    ["c_lanting", 4, 4, "no", ["budget_cut", "low_usage"]],
    ["c_shengda", 3, 2, "no", ["champion_left", "low_usage"]],
  ];
  for (const [customer, satisfaction, npsAnswer, signal, risks] of checks) {
    records.push({
      form: "health_check",
      data: {
        customer: { $demo: customer },
        csm: ME,
        check_date: demoDate(now, 2),
        satisfaction,
        nps_answer: npsAnswer,
        risks,
        expansion_signal: signal,
        notes: "季度健康回访",
      },
    });
  }
  const deals: [string, string, number, string, string[]][] = [
    ["续费 · 兰亭文旅", "c_lanting", 96_000, "renewal", ["proposal"]],
    ["增购 · 云帆在线教育 直播模块", "c_yunfan", 48_000, "upsell", ["proposal", "negotiation"]],
    ["新购 · 明轩家居", "c_mingxuan", 150_000, "new", []],
  ];
  for (const [name, customer, amount, type, path] of deals) {
    records.push({
      form: "deal",
      data: {
        deal_name: name,
        customer: { $demo: customer },
        owner: ME,
        amount,
        expected_close_date: demoDate(now, -30),
        deal_type: type,
      },
      path,
    });
  }
  return records;
}
