import { dateFrom, daysAgo, INSTALLER, monthEnd, monthStart } from "../shared/demo-time.js";
import type { DemoRecord } from "../template-entry.js";

const CUSTOMERS: [string, string, string, string][] = [
  ["c1", "鼎盛保险代理", "east_china", "finance"],
  ["c2", "华南汽配", "south_china", "manufacturing"],
  ["c3", "蜀道物流", "southwest", "other"],
  ["c4", "北辰商业地产", "north_china", "other"],
];

/** name, customer, amount, commit, path, target key (for won deals). */
const DEALS: [string, string, number, string, string[], string | undefined][] = [
  ["鼎盛 团险续保", "c1", 180_000, "commit", ["proposal", "negotiation", "won"], "t_rep_now"],
  ["华南汽配 年度框架", "c2", 260_000, "commit", ["proposal", "negotiation", "won"], "t_rep_now"],
  ["蜀道 车队保险", "c3", 90_000, "upside", ["proposal", "negotiation", "won"], "t_rep_now"],
  ["北辰 物业一揽子", "c4", 320_000, "commit", ["proposal", "negotiation"], undefined],
  ["鼎盛 员工福利", "c1", 75_000, "commit", ["proposal", "lost"], undefined],
  ["华南汽配 仓储险", "c2", 60_000, "upside", ["proposal"], undefined],
  ["蜀道 货运险", "c3", 45_000, "none", [], undefined],
];

/** Demo data of B6: last month's closed target, this month's team and rep targets, deals. */
export function goalOrientedDemo(now: Date): DemoRecord[] {
  const [lastStart, lastEnd] = [monthStart(now, -1), monthEnd(now, -1)];
  const [start, end] = [monthStart(now), monthEnd(now)];
  const targets: DemoRecord[] = [
    {
      form: "target",
      at: daysAgo(now, 40),
      path: ["committed", "tracking", "missed"],
      data: {
        period_start: lastStart,
        period_end: lastEnd,
        level: "rep",
        team: "team_east",
        assignee: INSTALLER,
        base_target: 600_000,
        stretch_target: 800_000,
        actual: 510_000,
      },
    },
    {
      key: "t_team_now",
      form: "target",
      at: daysAgo(now, 1),
      path: ["committed", "tracking"],
      data: {
        period_start: start,
        period_end: end,
        level: "team",
        team: "team_east",
        base_target: 1_500_000,
        stretch_target: 1_800_000,
      },
    },
    {
      key: "t_rep_now",
      form: "target",
      at: daysAgo(now, 1),
      path: ["committed", "tracking"],
      data: {
        period_start: start,
        period_end: end,
        level: "rep",
        team: "team_east",
        assignee: INSTALLER,
        base_target: 450_000,
        stretch_target: 520_000,
        // R1 adds won deals as they are won; demo data runs no automation, so the sum is written here.
        actual: 530_000,
      },
    },
  ];
  const customers: DemoRecord[] = CUSTOMERS.map(([key, name, region, industry]) => ({
    key,
    form: "customer",
    at: daysAgo(now, 60),
    data: { customer_name: name, owner: INSTALLER, region, industry },
  }));
  const deals: DemoRecord[] = DEALS.map(([name, customer, amount, commit, path, target], i) => ({
    key: `d${i}`,
    form: "deal",
    at: daysAgo(now, 0),
    path,
    data: {
      deal_name: name,
      customer: { $demo: customer },
      owner: INSTALLER,
      amount,
      expected_close_date: dateFrom(now, i < 5 ? 0 : 10),
      commit,
      ...(target === undefined ? {} : { target: { $demo: target } }),
      ...(path.includes("lost") ? { lost_reason: "price" } : {}),
    },
  }));
  const followUps: DemoRecord[] = DEALS.slice(3, 7).map(([name, customer], i) => ({
    form: "follow_up",
    at: daysAgo(now, i),
    data: {
      customer: { $demo: customer },
      deal: { $demo: `d${i + 3}` },
      owner: INSTALLER,
      follow_type: "call",
      status: "done",
      follow_at: daysAgo(now, i),
      content: `${name}：确认预算和决策时间，争取本月成交。`,
    },
  }));
  return [...targets, ...customers, ...deals, ...followUps];
}
