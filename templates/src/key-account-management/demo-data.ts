import { demoDate, demoInstant } from "../shared/demo-dates.js";
import type { DemoRecord } from "../template-entry.js";

const ME = { $user: "installer" } as const;
const PLAN_PATH = ["stakeholders_mapped", "approved", "executing"];

/** [key, customer name, region, industry, annual revenue, health, plan goal] */
const ACCOUNTS: [string, string, string, string, number, string, number][] = [
  ["a_grid", "华东电网物资公司", "east_china", "public_sector", 12_000_000, "green", 15_000_000],
  ["a_bank", "南方商业银行", "south_china", "finance", 8_500_000, "amber", 10_000_000],
  ["a_auto", "长江汽车集团", "central_china", "manufacturing", 6_000_000, "red", 9_000_000],
  ["a_retail", "北辰百货", "north_china", "retail", 3_200_000, "green", 4_000_000],
];

/** Demo data of key-account-management: four key accounts with plans, QBRs and plan deals. */
export function keyAccountDemo(now: Date): DemoRecord[] {
  const records: DemoRecord[] = [];
  const year = Number(demoDate(now, 0).slice(0, 4));
  ACCOUNTS.forEach(([key, name, region, industry, revenue, health, goal], i) => {
    records.push({
      key: `c_${key}`,
      form: "customer",
      data: { customer_name: name, owner: ME, region, industry },
    });
    records.push({
      key,
      form: "key_account",
      at: demoInstant(now, 28),
      data: {
        customer: { $demo: `c_${key}` },
        kam: ME,
        deputy: ME,
        exec_sponsor: ME,
        annual_revenue: revenue,
        health,
      },
    });
    records.push({
      key: `p_${key}`,
      form: "account_plan",
      at: demoInstant(now, 27),
      data: {
        key_account: { $demo: key },
        kam: ME,
        fiscal_year: year,
        revenue_goal: goal,
        stakeholders: [
          { name: "王总", role: "decision_maker", attitude: "supporter", last_contact: demoDate(now, 5 + i) },
          {
            name: "李处长",
            role: "decision_maker",
            attitude: i === 2 ? "opponent" : "neutral",
            ...(i % 2 === 0 ? { last_contact: demoDate(now, 20) } : {}),
          },
          { name: "张工", role: "user", attitude: "supporter", last_contact: demoDate(now, 3) },
          { name: "陈主任", role: "champion", attitude: "supporter", last_contact: demoDate(now, 8) },
        ],
        initiatives: [
          { initiative: "年度框架协议续签", value: Math.round(goal * 0.6), due: demoDate(now, -40) },
          { initiative: "新业务线试点", value: Math.round(goal * 0.2), due: demoDate(now, -90) },
        ],
      },
      path: PLAN_PATH,
    });
    records.push({
      form: "deal",
      at: demoInstant(now, 20 - i),
      data: {
        deal_name: `${name} 框架协议`,
        customer: { $demo: `c_${key}` },
        owner: ME,
        amount: Math.round(goal * 0.4),
        expected_close_date: demoDate(now, -30),
        account_plan: { $demo: `p_${key}` },
      },
      path: i < 3 ? ["proposal", "negotiation", "won"] : ["proposal"],
    });
    records.push({
      form: "qbr",
      data: {
        key_account: { $demo: key },
        quarter: `${year}-Q${Math.floor((Number(demoDate(now, 0).slice(5, 7)) - 1) / 3) + 1}`,
        meeting_date: demoDate(now, 2 + i),
        ...(i < 3
          ? {
              value_delivered: "系统稳定运行，故障率下降 40%，完成两次专项培训",
              satisfaction: 8 - i,
              next_actions: [{ action: "提交下季度扩容方案", owner: ME, due: demoDate(now, -14) }],
            }
          : {}),
      },
      path: i < 3 ? ["held"] : [],
    });
  });
  return records;
}
