import { dateFrom, daysAgo, INSTALLER } from "../shared/demo-time.js";
import type { DemoRecord } from "../template-entry.js";

/** key, name, region, industry, annual value, potential, stage path, days since last touch. */
const CUSTOMERS: [string, string, string, string, number, number, string[], number][] = [
  ["c1", "中联重装集团", "central_china", "manufacturing", 1_800_000, 80, ["rated", "serving"], 3],
  ["c2", "华东医药流通", "east_china", "healthcare", 1_200_000, 60, ["rated", "serving"], 12],
  ["c3", "南粤城市银行", "south_china", "finance", 650_000, 85, ["rated", "serving"], 5],
  ["c4", "蓉城智慧教育", "southwest", "education", 420_000, 40, ["rated", "serving"], 20],
  ["c5", "北方新材料", "north_china", "manufacturing", 350_000, 55, ["rated", "serving"], 45],
  ["c6", "海天跨境电商", "south_china", "internet", 120_000, 65, ["rated", "serving"], 10],
  ["c7", "江城连锁药房", "central_china", "retail", 80_000, 30, ["rated", "serving"], 60],
  ["c8", "西岭文旅", "southwest", "other", 60_000, 20, ["rated"], 100],
  ["c9", "东湖小微贷", "central_china", "finance", 40_000, 35, ["rated", "serving"], 30],
  ["c10", "长白山矿泉", "northeast", "retail", 30_000, 15, ["rated", "serving", "dormant"], 150],
  ["c11", "新疆棉纺", "northwest", "manufacturing", 200_000, 45, [], 0],
];

/** Demo data of B3: the criteria in force, customers of every tier, won deals and touches. */
export function customerTieringDemo(now: Date): DemoRecord[] {
  const rule: DemoRecord = {
    form: "tiering_rule",
    at: daysAgo(now, 200),
    data: {
      version: "2026 版",
      effective_from: dateFrom(now, -200),
      a_value: 1_000_000,
      b_value: 300_000,
      a_pot: 70,
      b_pot: 50,
      cad_a: 7,
      cad_b: 30,
      cad_c: 90,
    },
  };
  // Demo data runs no automation, so the last touch (C1's stamp) is written here.
  const customers: DemoRecord[] = CUSTOMERS.map(
    ([key, name, region, industry, value, potential, path, ago]) => ({
      key,
      form: "customer",
      at: daysAgo(now, 180),
      path,
      data: {
        customer_name: name,
        owner: INSTALLER,
        region,
        industry,
        annual_value: value,
        potential_score: potential,
        email: `contact@${key}.example.com`,
        ...(path.length > 0 && ago < 120 ? { last_activity_at: daysAgo(now, ago) } : {}),
      },
    }),
  );
  const deals: DemoRecord[] = CUSTOMERS.slice(0, 6).map(([key, name, , , value], i) => ({
    key: `d_${key}`,
    form: "deal",
    at: daysAgo(now, 150 - i * 10),
    path: ["proposal", "negotiation", "won"],
    data: {
      deal_name: `${name} 年度合同`,
      customer: { $demo: key },
      owner: INSTALLER,
      amount: value,
      expected_close_date: dateFrom(now, -100 + i * 10),
    },
  }));
  const touches: DemoRecord[] = CUSTOMERS.filter(
    ([, , , , , , path, ago]) => path.length > 0 && ago < 120,
  ).map(([key, name, , , , , , ago]) => ({
    form: "follow_up",
    at: daysAgo(now, ago),
    data: {
      customer: { $demo: key },
      owner: INSTALLER,
      follow_type: ago < 15 ? "visit" : "call",
      status: "done",
      follow_at: daysAgo(now, ago),
      content: `${name}：例行回访，了解使用情况与新需求。`,
    },
  }));
  return [rule, ...customers, ...deals, ...touches];
}
