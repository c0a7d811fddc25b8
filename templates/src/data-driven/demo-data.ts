import { dateFrom, daysAgo, INSTALLER } from "../shared/demo-time.js";
import type { DemoRecord } from "../template-entry.js";

/** name, customer, amount, source, segment, forecast, path, days ago. */
const DEALS: [string, string, number, string, string, string, string[], number][] = [
  ["启明 数据仓库", "c1", 480_000, "referral", "enterprise", "commit", ["discovery", "proposal", "won"], 50],
  ["启明 BI 增购", "c1", 120_000, "website", "enterprise", "best_case", ["discovery", "proposal"], 20],
  ["润泽 门店分析", "c2", 90_000, "ad", "mid", "pipeline", ["discovery", "lost"], 45],
  ["润泽 会员画像", "c2", 150_000, "content", "mid", "best_case", ["discovery"], 12],
  ["安和 风控报表", "c3", 260_000, "event", "enterprise", "commit", ["discovery", "proposal", "won"], 35],
  ["安和 监管报送", "c3", 310_000, "channel_partner", "enterprise", "pipeline", ["discovery"], 8],
  ["小满 进销存", "c4", 30_000, "ad", "smb", "pipeline", [], 5],
  ["小满 财务看板", "c4", 25_000, "website", "smb", "pipeline", ["discovery", "lost"], 30],
];

const CUSTOMERS: [string, string, string, string][] = [
  ["c1", "启明零售集团", "east_china", "retail"],
  ["c2", "润泽餐饮连锁", "south_china", "retail"],
  ["c3", "安和保险经纪", "north_china", "finance"],
  ["c4", "小满商贸", "central_china", "other"],
];

const METRICS: [string, string, string, number, string][] = [
  ["win_rate", "赢单率", "赢单数 ÷ 已关闭商机数（赢单 + 输单）", 0.3, "below"],
  ["avg_completeness", "在途商机数据完整度", "未关闭商机数据完整度的平均值（0–100）", 70, "below"],
  ["activities_7d", "近 7 天行为量", "近 7 天记录的电话、邮件、会议、演示与报价次数", 10, "below"],
  ["open_pipeline", "在途商机金额", "未关闭商机的预计金额合计", 500_000, "below"],
];

/** Demo data of B4: metrics, deals with their analysis, activities and weekly forecasts. */
export function dataDrivenDemo(now: Date): DemoRecord[] {
  const customers: DemoRecord[] = CUSTOMERS.map(([key, name, region, industry]) => ({
    key,
    form: "customer",
    at: daysAgo(now, 60),
    data: { customer_name: name, owner: INSTALLER, region, industry },
  }));
  const deals: DemoRecord[] = DEALS.map(
    ([name, customer, amount, source, segment, forecast, path, ago], i) => ({
      key: `d${i}`,
      form: "deal",
      at: daysAgo(now, ago),
      path,
      data: {
        deal_name: name,
        customer: { $demo: customer },
        owner: INSTALLER,
        amount,
        expected_close_date: dateFrom(now, 30 - ago),
        lead_source: source,
        segment,
        forecast_category: forecast,
        decision_maker: "信息中心总监",
        budget_amount: amount,
        pain_points: "报表靠手工汇总，口径不一，决策滞后。",
        competitors: ["local_vendor"],
        next_step: "约技术交流",
        ...(path.includes("lost") ? { lost_reason: "price" } : {}),
      },
    }),
  );
  const activities: DemoRecord[] = [
    "call",
    "email",
    "meeting",
    "demo",
    "quote_sent",
    "call",
    "meeting",
    "call",
  ].map((type, i) => ({
    form: "activity_log",
    at: daysAgo(now, i + 1),
    data: {
      deal: { $demo: `d${i % 6}` },
      actor: INSTALLER,
      activity_type: type,
      occurred_at: daysAgo(now, i + 1),
      outcome: i % 3 === 0 ? "neutral" : "positive",
    },
  }));
  // This week's snapshot keeps the month's board populated in a month's first week too.
  const forecasts: DemoRecord[] = [
    [0, 200_000, 180_000],
    [21, 300_000, 260_000],
    [14, 250_000, 270_000],
    [7, 280_000, 210_000],
  ].map(([ago = 0, commit, actual]) => ({
    form: "forecast_snapshot",
    at: daysAgo(now, ago),
    data: { week_start: dateFrom(now, -ago), rep: INSTALLER, commit_amount: commit, actual_amount: actual },
  }));
  const metrics: DemoRecord[] = METRICS.map(([key, name, definition, threshold, when]) => ({
    form: "metric_definition",
    at: daysAgo(now, 0),
    data: { key, name_cn: name, definition, owner: INSTALLER, red_threshold: threshold, red_when: when },
  }));
  return [...customers, ...deals, ...activities, ...forecasts, ...metrics];
}
