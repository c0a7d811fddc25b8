import { dateFrom, daysAgo, INSTALLER } from "../shared/demo-time.js";
import type { DemoRecord } from "../template-entry.js";

const CUSTOMERS: [string, string, string, string][] = [
  ["c_yunqi", "云启智能科技", "east_china", "internet"],
  ["c_lvyuan", "绿源生鲜连锁", "south_china", "retail"],
  ["c_hengtai", "恒泰精工", "north_china", "manufacturing"],
  ["c_mingde", "明德在线教育", "southwest", "education"],
];

/** Deals: name, customer, amount, stage path, sprint key, days ago created, feedback. */
const DEALS: [string, string, number, string[], string, number, string[]][] = [
  ["云启 智能客服试点", "c_yunqi", 120_000, ["engaged", "trial", "won"], "s_past", 30, ["feature_gap"]],
  ["绿源 会员营销套件", "c_lvyuan", 86_000, ["engaged", "trial", "won"], "s_past", 28, ["price"]],
  ["恒泰 设备报修小程序", "c_hengtai", 45_000, ["engaged", "lost"], "s_past", 26, ["competitor"]],
  ["明德 招生线索管理", "c_mingde", 60_000, ["engaged", "trial", "won"], "s_now", 6, ["feature_gap"]],
  ["云启 数据看板增购", "c_yunqi", 38_000, ["engaged", "trial"], "s_now", 5, ["timing"]],
  ["绿源 门店巡检", "c_lvyuan", 52_000, ["engaged"], "s_now", 4, ["feature_gap"]],
  ["恒泰 供应商协同", "c_hengtai", 150_000, ["engaged", "trial"], "s_now", 3, []],
  ["明德 教务排课", "c_mingde", 70_000, [], "s_now", 2, []],
  ["云启 API 开放平台", "c_yunqi", 95_000, [], "s_next", 1, []],
];

/** Demo data of B2: three sprints, experiments, deals in every stage, follow-ups. */
export function agileSalesDemo(now: Date): DemoRecord[] {
  // The running sprint starts in this quarter (the board's period), a week ago at most.
  const quarterStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (now.getUTCMonth() % 3), 1);
  const runningFor = Math.min(7, Math.floor((now.getTime() - quarterStart) / 86_400_000));
  const sprints: DemoRecord[] = [
    {
      key: "s_past",
      form: "sprint",
      at: daysAgo(now, 36),
      path: ["active", "retro", "closed"],
      data: {
        name: "冲刺 1 · 会员营销",
        start_date: dateFrom(now, -35),
        end_date: dateFrom(now, -8),
        sprint_target: 250_000,
        retro_keep: "试用期每日站会同步客户反馈",
        retro_change: "报价前先确认预算，减少无效试用",
      },
    },
    {
      key: "s_now",
      form: "sprint",
      at: daysAgo(now, 8),
      path: ["active"],
      data: {
        name: "冲刺 2 · 教育行业",
        start_date: dateFrom(now, -runningFor),
        end_date: dateFrom(now, 7),
        sprint_target: 200_000,
      },
    },
    {
      key: "s_next",
      form: "sprint",
      at: daysAgo(now, 1),
      data: {
        name: "冲刺 3 · 开放平台",
        start_date: dateFrom(now, 8),
        end_date: dateFrom(now, 21),
        sprint_target: 220_000,
      },
    },
  ];
  const experiments: DemoRecord[] = [
    ["s_past", "先给 14 天免费试用再报价，可提高试用转化", "offer", ["evaluated"], "adopt", 12],
    ["s_past", "按门店数阶梯定价，中型连锁更易接受", "pricing", ["evaluated"], "iterate", 3],
    ["s_past", "行业案例开场比产品演示更能引起兴趣", "pitch", ["evaluated"], "adopt", 8],
    ["s_now", "通过教育行业协会渠道获客成本更低", "channel", [], undefined, undefined],
    ["s_now", "聚焦 50-200 人的成长型企业", "segment", ["dropped"], undefined, undefined],
  ].map(([sprint, hypothesis, tactic, path, decision, result]) => ({
    form: "experiment",
    at: daysAgo(now, sprint === "s_past" ? 30 : 6),
    path: path as string[],
    data: {
      sprint: { $demo: sprint as string },
      hypothesis,
      tactic,
      owner: INSTALLER,
      ...(decision === undefined ? {} : { decision, result }),
    },
  }));
  const customers: DemoRecord[] = CUSTOMERS.map(([key, name, region, industry]) => ({
    key,
    form: "customer",
    at: daysAgo(now, 40),
    data: { customer_name: name, owner: INSTALLER, region, industry },
  }));
  const deals: DemoRecord[] = DEALS.map(([name, customer, amount, path, sprint, ago, tags], i) => ({
    key: `d${i}`,
    form: "deal",
    at: daysAgo(now, ago),
    path,
    data: {
      deal_name: name,
      customer: { $demo: customer },
      owner: INSTALLER,
      amount,
      expected_close_date: dateFrom(now, 20 - ago),
      sprint: { $demo: sprint },
      feedback_tags: tags,
      next_action_date: dateFrom(now, (i % 4) - 1),
      ...(path.includes("lost") ? { lost_reason: "competitor" } : {}),
    },
  }));
  const followUps: DemoRecord[] = DEALS.slice(3, 8).map(([name, customer], i) => ({
    form: "follow_up",
    at: daysAgo(now, 3 - (i % 3)),
    data: {
      customer: { $demo: customer },
      deal: { $demo: `d${i + 3}` },
      owner: INSTALLER,
      follow_type: i % 2 === 0 ? "wechat" : "meeting",
      status: "done",
      follow_at: daysAgo(now, 3 - (i % 3)),
      content: `${name}：收集试用反馈，约定下一步演示。`,
    },
  }));
  return [...sprints, ...experiments, ...customers, ...deals, ...followUps];
}
