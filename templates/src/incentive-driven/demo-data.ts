import type { DemoRecord } from "../template-entry.js";
import { INSTALLER, dateFrom, daysAgo, monthEnd, monthStart } from "../shared/demo-time.js";

const CUSTOMERS = [
  ["c_hengda", "恒达精密制造", "east_china", "manufacturing"],
  ["c_yunfan", "云帆科技", "south_china", "internet"],
  ["c_jinqiao", "金桥商贸", "north_china", "retail"],
  ["c_kangning", "康宁医疗器械", "central_china", "healthcare"],
  ["c_xinyuan", "鑫源金融服务", "east_china", "finance"],
] as const;

/** [key, name, customer, amount, path]: won deals fill this month's statement. */
const DEALS = [
  ["d1", "恒达 MES 二期", "c_hengda", 280_000, ["proposal", "negotiation", "won"]],
  ["d2", "云帆 SaaS 年费", "c_yunfan", 120_000, ["proposal", "won"]],
  ["d3", "金桥门店系统", "c_jinqiao", 96_000, ["proposal", "negotiation"]],
  ["d4", "康宁设备追溯", "c_kangning", 350_000, ["proposal"]],
  ["d5", "鑫源风控报表", "c_xinyuan", 180_000, []],
  ["d6", "恒达备件商城", "c_hengda", 60_000, ["proposal", "won"]],
] as const;

/** B19 demo: a tier plan, customers and deals, three months of statements and two awards. */
export function incentiveDemoData(now: Date): DemoRecord[] {
  const records: DemoRecord[] = [
    {
      form: "commission_plan",
      data: {
        name: "2026 销售阶梯提成方案",
        period: "month",
        tiers: [
          { attainment_from: 0, rate: 0.03 },
          { attainment_from: 0.8, rate: 0.05 },
          { attainment_from: 1, rate: 0.08 },
        ],
        accelerator_above_100: 0.02,
        effective_from: monthStart(now, -6),
      },
    },
    // Past months are settled; won deals below add to this month's statement (R1).
    statement(now, -2, 400_000, 452_000, ["rep_confirmed", "approved", "paid"]),
    statement(now, -1, 400_000, 318_000, ["rep_confirmed", "approved"]),
    statement(now, 0, 450_000, 150_000, []),
    ...CUSTOMERS.map(([key, name, region, industry]) => ({
      key,
      form: "customer",
      data: { customer_name: name, owner: INSTALLER, region, industry, phone: "021-6288 1000" },
    })),
    ...DEALS.map(([key, name, customer, amount, path]) => ({
      key,
      form: "deal",
      data: {
        deal_name: name,
        customer: { $demo: customer },
        owner: INSTALLER,
        amount,
        expected_close_date: dateFrom(now, 20),
      },
      path: [...path],
    })),
    {
      form: "deal",
      data: {
        deal_name: "金桥会员积分",
        customer: { $demo: "c_jinqiao" },
        owner: INSTALLER,
        amount: 45_000,
        expected_close_date: dateFrom(now, -5),
        lost_reason: "price",
      },
      path: ["lost"],
    },
    {
      form: "follow_up",
      data: {
        customer: { $demo: "c_kangning" },
        deal: { $demo: "d4" },
        owner: INSTALLER,
        follow_type: "visit",
        status: "done",
        follow_at: daysAgo(now, 2),
        content: "现场演示设备追溯方案，客户设备科认可，等待预算审批。",
        next_follow_date: dateFrom(now, 5),
      },
    },
    {
      form: "follow_up",
      data: {
        customer: { $demo: "c_xinyuan" },
        deal: { $demo: "d5" },
        owner: INSTALLER,
        follow_type: "call",
        status: "planned",
        follow_at: daysAgo(now, -1),
      },
    },
    {
      form: "recognition",
      data: {
        rep: INSTALLER,
        award: "monthly_star",
        reason: "两个月前达成率 113%，恒达项目回款及时。",
        award_date: dateFrom(now, -35),
        reward: 2000,
      },
      path: ["granted"],
    },
    {
      form: "recognition",
      data: {
        rep: INSTALLER,
        award: "deal_of_week",
        reason: "云帆 SaaS 年费单从接触到签约仅 12 天。",
        award_date: dateFrom(now, -3),
      },
    },
  ];
  return records;
}

function statement(now: Date, month: number, quota: number, attained: number, path: string[]): DemoRecord {
  return {
    form: "commission_statement",
    data: {
      rep: INSTALLER,
      period_start: monthStart(now, month),
      period_end: monthEnd(now, month),
      quota,
      attained,
    },
    path,
  };
}
