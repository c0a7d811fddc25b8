import { demoDate, demoInstant, demoMonday } from "../shared/demo-dates.js";
import { demoFile } from "../shared/demo-time.js";
import type { DemoRecord } from "../template-entry.js";

const ME = { $user: "installer" } as const;

const STANDARDS: [string, number, number, number, string][] = [
  ["first_visit", 2, 14, 0.3, "提前准备客户画像，首访须确认关键人"],
  ["follow_up", 3, 7, 0.4, "每次跟进须推进一项具体事项"],
  ["proposal", 1, 14, 0.2, "方案讲解须有技术人员陪同"],
  ["site_tour", 1, 30, 0.1, "参观考察须提前确认客户到场名单"],
];

const CUSTOMERS: [string, string, string, string][] = [
  ["c_hengtai", "恒泰精密机械", "east_china", "manufacturing"],
  ["c_xinghe", "星河医疗器械", "south_china", "healthcare"],
  ["c_beiyuan", "北远物流", "north_china", "other"],
];

/** [key, name, customer, amount, path] */
const DEALS: [string, string, string, number, string[]][] = [
  [
    "d_line",
    "恒泰 二期自动化产线",
    "c_hengtai",
    1_860_000,
    ["needs_survey", "site_tour", "proposal_submitted", "won"],
  ],
  ["d_clean", "星河 洁净车间改造", "c_xinghe", 920_000, ["needs_survey", "site_tour", "proposal_submitted"]],
  ["d_wms", "北远 仓储管理系统", "c_beiyuan", 450_000, ["needs_survey", "site_tour"]],
  ["d_sensor", "恒泰 传感器升级", "c_hengtai", 260_000, ["needs_survey"]],
  ["d_fleet", "北远 车队调度", "c_beiyuan", 380_000, ["lost"]],
];

/** [deal, type, days ago, location, summary, quality] */
const VISITS: [string, string, number, string, string, number][] = [
  ["d_line", "first_visit", 9, "苏州工业园区恒泰总部", "确认二期产线节拍与预算窗口", 4],
  ["d_line", "site_tour", 7, "无锡样板工厂", "客户生产总监参观样板线，认可方案方向", 5],
  ["d_line", "proposal", 5, "恒泰会议室", "讲解整体方案与分期付款安排", 5],
  ["d_clean", "first_visit", 8, "深圳星河研发中心", "了解洁净等级要求", 3],
  ["d_clean", "follow_up", 4, "星河采购部", "补充报价前的技术澄清", 4],
  ["d_clean", "proposal", 2, "星河会议室", "方案讲解，客户要求补充验证报告", 4],
  ["d_wms", "first_visit", 6, "天津北远仓库", "现场调研出入库流程", 4],
  ["d_wms", "follow_up", 3, "北远 IT 部", "对接接口需求", 3],
  ["d_sensor", "first_visit", 1, "恒泰二厂", "初步沟通传感器替换范围", 3],
];

/** Demo data of process-control: standards, deals in every stage, visits and two weekly scorecards. */
export function processControlDemo(now: Date): DemoRecord[] {
  const records: DemoRecord[] = [];
  for (const [type, weeklyMin, maxGap, weight, criteria] of STANDARDS) {
    records.push({
      form: "activity_standard",
      data: {
        activity_type: type,
        weekly_min: weeklyMin,
        max_interval_days: maxGap,
        weight,
        quality_criteria: criteria,
      },
    });
  }
  for (const [key, name, region, industry] of CUSTOMERS) {
    records.push({ key, form: "customer", data: { customer_name: name, owner: ME, region, industry } });
  }
  for (const [key, name, customer, amount, path] of DEALS) {
    records.push({
      key,
      form: "deal",
      at: demoInstant(now, 12),
      data: {
        deal_name: name,
        customer: { $demo: customer },
        owner: ME,
        amount,
        expected_close_date: demoDate(now, -45),
        needs_summary: "产能提升 30%，需与现有 MES 对接",
        decision_maker: "生产副总",
        ...(path.includes("proposal_submitted")
          ? { proposal_file: demoFile("demo_proposal", "方案书.pdf") }
          : {}),
        ...(path.includes("lost") ? { lost_reason: "price" } : {}),
      },
      path,
    });
  }
  for (const [deal, type, daysAgo, location, summary, quality] of VISITS) {
    records.push({
      form: "visit_record",
      at: demoInstant(now, daysAgo),
      data: {
        deal: { $demo: deal },
        rep: ME,
        visit_type: type,
        check_in_at: demoInstant(now, daysAgo),
        location,
        summary,
        next_date: demoDate(now, daysAgo - 3),
        quality_score: quality,
      },
    });
  }
  // Last week is scored (its scores are computed from the visits above); this week is open.
  records.push(
    {
      form: "process_scorecard",
      data: { rep: ME, week_start: demoMonday(now, 1), scored_on: demoMonday(now) },
    },
    { form: "process_scorecard", data: { rep: ME, week_start: demoMonday(now) } },
  );
  return records;
}
