import { dateFrom, daysAgo, demoFile, INSTALLER } from "../shared/demo-time.js";
import type { DemoRecord } from "../template-entry.js";

const DONE = "yes";

/** The development checklist with its mandatory item still open. */
function openChecklist() {
  return [
    { stage: "development", item: "确认客户基本信息与组织架构", mandatory: "yes", done: "no" },
    { stage: "development", item: "识别关键联系人", mandatory: "no", done: "yes" },
  ];
}
/** A checklist with every item done, so the demo deals may pass the stage guards. */
function doneChecklist(items: string[]) {
  return items.map((item) => ({ item, mandatory: "yes", done: DONE }));
}

const CUSTOMERS: [key: string, name: string, region: string, industry: string][] = [
  ["c_huaxin", "华信精密制造有限公司", "east_china", "manufacturing"],
  ["c_jinyu", "金域连锁零售集团", "south_china", "retail"],
  ["c_beiyun", "北云数据科技", "north_china", "internet"],
  ["c_kangning", "康宁医疗器械", "central_china", "healthcare"],
  ["c_shuren", "树人教育集团", "southwest", "education"],
];

const PATHS: Record<string, string[]> = {
  development: [],
  needs_analysis: ["needs_analysis"],
  presentation: ["needs_analysis", "presentation"],
  closing: ["needs_analysis", "presentation", "closing"],
  won: ["needs_analysis", "presentation", "closing", "won"],
  lost: ["needs_analysis", "lost"],
};

const DEALS: [name: string, customer: string, amount: number, stage: string, age: number][] = [
  ["华信 MES 产线升级", "c_huaxin", 680_000, "won", 80],
  ["华信 二期设备联网", "c_huaxin", 420_000, "closing", 40],
  ["金域 门店会员系统", "c_jinyu", 350_000, "won", 70],
  ["金域 供应链协同平台", "c_jinyu", 560_000, "presentation", 30],
  ["北云 数据中台", "c_beiyun", 900_000, "lost", 60],
  ["北云 运维监控", "c_beiyun", 180_000, "needs_analysis", 12],
  ["康宁 经销商管理", "c_kangning", 260_000, "closing", 25],
  ["康宁 售后工单系统", "c_kangning", 150_000, "development", 5],
  ["树人 教务平台", "c_shuren", 300_000, "presentation", 18],
  ["树人 招生 CRM", "c_shuren", 120_000, "development", 3],
];

/** Demo data of B1: stage standards, customers, deals across every stage, follow-ups, a handover. */
export function structuredSalesDemo(now: Date): DemoRecord[] {
  const standards: DemoRecord[] = [
    ["development", ["确认客户基本信息", "识别关键联系人"], "sales", 14],
    ["needs_analysis", ["完成需求调研", "确认预算与决策流程"], "presales", 10],
    ["presentation", ["方案评审通过", "客户演示完成"], "presales", 14],
    ["closing", ["报价审批通过", "合同条款确认"], "manager", 21],
  ].map(([stage, items, role, days]) => ({
    form: "stage_standard",
    at: daysAgo(now, 90),
    data: {
      stage,
      items: (items as string[]).map((item) => ({ item, mandatory: "yes" })),
      responsible_role: role,
      target_days: days,
      conversion_target: 0.5,
    },
  }));
  const customers: DemoRecord[] = CUSTOMERS.map(([key, name, region, industry]) => ({
    key,
    form: "customer",
    at: daysAgo(now, 90),
    data: { customer_name: name, owner: INSTALLER, region, industry, phone: "021-6888 1234" },
  }));
  const deals: DemoRecord[] = DEALS.map(([name, customer, amount, stage, age], i) => ({
    key: `d${i}`,
    form: "deal",
    at: daysAgo(now, age),
    path: PATHS[stage] ?? [],
    data: {
      deal_name: name,
      customer: { $demo: customer },
      owner: INSTALLER,
      amount,
      expected_close_date: dateFrom(now, 30 - age),
      needs_doc: "客户希望统一管理线索与合同，预算已批复，决策人为分管副总。",
      proposal_file: demoFile(`demo-proposal-${i}`, `${name}-方案.pdf`),
      // Deals still in development have an open mandatory item; the others passed their guards.
      checklist: stage === "development" ? openChecklist() : doneChecklist(["完成需求调研", "方案评审通过"]),
      ...(stage === "lost" ? { lost_reason: "competitor" } : {}),
    },
  }));
  const followUps: DemoRecord[] = DEALS.slice(0, 6).map(([name, customer], i) => ({
    form: "follow_up",
    at: daysAgo(now, 10 - i),
    data: {
      customer: { $demo: customer },
      deal: { $demo: `d${i}` },
      owner: INSTALLER,
      follow_type: i % 2 === 0 ? "visit" : "call",
      status: "done",
      follow_at: daysAgo(now, 10 - i),
      content: `${name}：沟通推进计划，确认下一步安排。`,
    },
  }));
  const handover: DemoRecord = {
    form: "service_handover",
    at: daysAgo(now, 20),
    data: {
      deal: { $demo: "d0" },
      service_owner: INSTALLER,
      handover_date: dateFrom(now, -18),
      deliverables: "MES 系统上线、操作培训两场、首月驻场支持。",
    },
  };
  return [...standards, ...customers, ...deals, ...followUps, handover];
}
