import { dateFrom, daysAgo, INSTALLER, monthStart } from "../shared/demo-time.js";
import type { DemoRecord } from "../template-entry.js";

const CUSTOMERS: [string, string, string, string][] = [
  ["c1", "申港物流集团", "east_china", "other"],
  ["c2", "粤海医疗集团", "south_china", "healthcare"],
  ["c3", "京北能源", "north_china", "public_sector"],
  ["c4", "江南纺织", "east_china", "manufacturing"],
];

/** name, customer, amount, team, path, days ago. */
const DEALS: [string, string, number, string, string[], number][] = [
  ["申港 仓储管理平台", "c1", 800_000, "team_east", ["presales_engaged", "negotiation", "won"], 25],
  ["粤海 院内物流", "c2", 650_000, "team_south", ["presales_engaged", "negotiation", "won"], 18],
  ["京北 设备运维", "c3", 900_000, "team_north", ["presales_engaged", "negotiation"], 12],
  ["江南 智能排产", "c4", 420_000, "team_east", ["presales_engaged"], 6],
  ["申港 运输调度", "c1", 300_000, "team_east", ["presales_engaged", "lost"], 20],
  ["粤海 药品追溯", "c2", 260_000, "team_south", [], 2],
];

/** Demo data of B5: team goals, deals with credit splits, collaboration tasks, follow-ups. */
export function teamCollaborationDemo(now: Date): DemoRecord[] {
  const goals: DemoRecord[] = [
    ["team_east", 1_500_000],
    ["team_south", 1_000_000],
    ["team_north", 1_200_000],
  ].map(([team, target]) => ({
    form: "team_goal",
    at: daysAgo(now, 1),
    data: {
      team,
      month: monthStart(now),
      team_target: target,
      team_lead: INSTALLER,
      members: [{ member: INSTALLER, target }],
    },
  }));
  const customers: DemoRecord[] = CUSTOMERS.map(([key, name, region, industry]) => ({
    key,
    form: "customer",
    at: daysAgo(now, 40),
    data: { customer_name: name, owner: INSTALLER, region, industry },
  }));
  const deals: DemoRecord[] = DEALS.map(([name, customer, amount, team, path, ago], i) => ({
    key: `d${i}`,
    form: "deal",
    at: daysAgo(now, path.includes("won") ? Math.min(ago, now.getUTCDate() - 1) : ago),
    path,
    data: {
      deal_name: name,
      customer: { $demo: customer },
      owner: INSTALLER,
      amount,
      expected_close_date: dateFrom(now, 30 - ago),
      team,
      presales: INSTALLER,
      split: [
        { member: INSTALLER, role: "am", share: 0.6 },
        { member: INSTALLER, role: "presales", share: 0.3 },
        { member: INSTALLER, role: "assistant", share: 0.1 },
      ],
      ...(path.includes("lost") ? { lost_reason: "no_decision" } : {}),
    },
  }));
  const tasks: DemoRecord[] = [
    ["d3", "solution", ["accepted"]],
    ["d2", "quote_prep", ["accepted", "delivered"]],
    ["d1", "contract_review", ["accepted", "delivered"]],
    ["d3", "contract_review", []],
  ].map(([deal, type, path], i) => ({
    form: "collab_task",
    at: daysAgo(now, 5 - i),
    path: path as string[],
    data: {
      deal: { $demo: deal as string },
      task_type: type,
      requested_by: INSTALLER,
      assignee: INSTALLER,
      due_date: dateFrom(now, i),
    },
  }));
  const followUps: DemoRecord[] = DEALS.slice(0, 4).map(([name, customer], i) => ({
    form: "follow_up",
    at: daysAgo(now, i + 1),
    data: {
      customer: { $demo: customer },
      deal: { $demo: `d${i}` },
      owner: INSTALLER,
      follow_type: "meeting",
      status: "done",
      follow_at: daysAgo(now, i + 1),
      content: `${name}：团队联合拜访，售前讲解方案。`,
    },
  }));
  return [...goals, ...customers, ...deals, ...tasks, ...followUps];
}
