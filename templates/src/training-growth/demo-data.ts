import type { DemoRecord } from "../template-entry.js";
import { INSTALLER, dateFrom, daysAgo } from "../shared/demo-time.js";

/** [key, title, category, level, format, hours, pass score] */
const COURSES = [
  ["k_product", "产品体系与报价", "product", "newcomer", "online", 6, 80],
  ["k_spin", "SPIN 顾问式销售", "methodology", "newcomer", "classroom", 8, 75],
  ["k_nego", "商务谈判与让步策略", "negotiation", "intermediate", "role_play", 4, 70],
  ["k_mfg", "制造业数字化场景", "industry", "intermediate", "classroom", 3, 70],
  ["k_shadow", "跟访：大客户拜访", "methodology", "newcomer", "shadowing", 12, 60],
] as const;

type Done = "yes" | "no";

function rows(now: Date, done: readonly Done[]) {
  const keys = ["k_product", "k_spin", "k_shadow"];
  return keys.map((key, i) => ({
    course: { $demo: key },
    due: dateFrom(now, -20 + i * 10),
    done: done[i] ?? "no",
  }));
}

/** B20 demo: five courses, four learning plans in every state, assessments and the ramp deals. */
export function trainingDemoData(now: Date): DemoRecord[] {
  return [
    ...COURSES.map(([key, title, category, level, format, hours, pass_score]) => ({
      key,
      form: "course",
      data: { title, category, level, format, hours, pass_score },
    })),
    {
      key: "c_lianchuang",
      form: "customer",
      data: { customer_name: "联创电子", owner: INSTALLER, region: "south_china", industry: "manufacturing" },
    },
    {
      key: "c_boya",
      form: "customer",
      data: { customer_name: "博雅教育集团", owner: INSTALLER, region: "north_china", industry: "education" },
    },
    ...(
      [
        ["联创电子 质检系统", "c_lianchuang", 86_000, ["proposal", "negotiation", "won"]],
        ["博雅 校区 CRM", "c_boya", 42_000, ["proposal", "won"]],
        ["联创电子 备件管理", "c_lianchuang", 120_000, ["proposal"]],
      ] as const
    ).map(([deal_name, customer, amount, path]) => ({
      form: "deal",
      data: {
        deal_name,
        customer: { $demo: customer },
        owner: INSTALLER,
        amount,
        expected_close_date: dateFrom(now, 15),
      },
      path: [...path],
    })),
    plan("lp_certified", now, -75, ["yes", "yes", "yes"], 150_000, ["in_training", "assessed", "certified"]),
    plan("lp_training", now, -30, ["yes", "no", "no"], 120_000, ["in_training"]),
    plan("lp_assessed", now, -50, ["yes", "yes", "yes"], 100_000, ["in_training", "assessed"]),
    plan("lp_new", now, -2, ["no", "no", "no"], 120_000, []),
    {
      form: "learning_plan",
      data: {
        learner: INSTALLER,
        team: "team_north",
        mentor: INSTALLER,
        start_date: dateFrom(now, -60),
        ramp_end: dateFrom(now, 30),
        courses: rows(now, ["yes", "no", "no"]),
        ramp_target: 80_000,
        exit_reason: "transferred",
      },
      path: ["exited"],
    },
    assessment("lp_certified", "k_product", "exam", 92, "产品体系掌握扎实，报价逻辑清晰。"),
    assessment("lp_certified", "k_spin", "role_play", 81, "暗示性问题运用熟练，需求引导自然。"),
    assessment("lp_assessed", "k_product", "exam", 68, "产品模块混淆，需复习企业版功能差异。"),
    assessment("lp_assessed", "k_spin", "role_play", 79, "能完整走完 SPIN 四类问题。"),
    assessment("lp_training", "k_shadow", "call_review", 72, "电话开场清楚，异议处理稍显生硬。"),
    {
      form: "follow_up",
      data: {
        customer: { $demo: "c_boya" },
        owner: INSTALLER,
        follow_type: "visit",
        status: "done",
        follow_at: daysAgo(now, 1),
        content: "导师陪同拜访博雅教育，新人主讲方案，客户认可。",
      },
    },
  ];
}

function plan(
  key: string,
  now: Date,
  startDays: number,
  done: readonly Done[],
  rampTarget: number,
  path: string[],
): DemoRecord {
  return {
    key,
    form: "learning_plan",
    data: {
      learner: INSTALLER,
      team: "team_east",
      mentor: INSTALLER,
      start_date: dateFrom(now, startDays),
      ramp_end: dateFrom(now, startDays + 90),
      courses: rows(now, done),
      ramp_target: rampTarget,
    },
    path,
    // Created on its start date, so the moves (and time to certify) spread up to now.
    at: daysAgo(now, -startDays),
  };
}

function assessment(
  planKey: string,
  course: string,
  kind: string,
  score: number,
  feedback: string,
): DemoRecord {
  return {
    form: "assessment",
    data: {
      learner: INSTALLER,
      learning_plan: { $demo: planKey },
      course: { $demo: course },
      kind,
      score,
      assessor: INSTALLER,
      feedback,
    },
  };
}
