import type { DemoRecord } from "../template-entry.js";
import { dateFrom, daysAgo, demoFile, monthEnd, monthStart } from "../shared/demo-time.js";

const me = { $user: "installer" } as const;
const ref = (key: string) => ({ $demo: key });

/** Customers of the demo: regions, tiers and states a team would have. */
function customers(now: Date): DemoRecord[] {
  const rows: [string, string, string, string, string, string, number][] = [
    ["c_huadong", "华东精密制造有限公司", "east_china", "manufacturing", "large", "A", 1_800_000],
    ["c_xinrui", "深圳新锐零售集团", "south_china", "retail", "medium", "B", 650_000],
    ["c_beiyun", "北京北云科技", "north_china", "internet", "medium", "B", 480_000],
    ["c_chuanyi", "成都川医健康", "southwest", "healthcare", "small", "C", 120_000],
    ["c_hanjiang", "武汉汉江教育", "central_china", "education", "small", "C", 90_000],
  ];
  return rows.map(([key, name, region, industry, size, tier, value], i) => ({
    key,
    form: "customer",
    at: daysAgo(now, 120 - i * 10),
    data: {
      customer_name: name,
      owner: me,
      region,
      industry,
      company_size: size,
      tier,
      status: i < 3 ? "active" : "prospect",
      annual_value: value,
      key_concerns: size === "large" ? ["customization", "delivery"] : ["after_sales", "price"],
      contacts: [
        {
          name: ["王总", "李经理", "张主任", "刘总监", "陈老师"][i] ?? "联系人",
          title: "采购负责人",
          decision_role: "decision_maker",
        },
      ],
    },
  }));
}

/** The year's goal and person-month targets for this month and the two before. */
function goals(now: Date): DemoRecord[] {
  const year = now.getUTCFullYear();
  const goal: DemoRecord = {
    key: "goal",
    form: "sales_goal",
    at: daysAgo(now, 150),
    path: ["breakdown"],
    data: {
      goal_name: `${year}年度销售目标`,
      fiscal_year: year,
      plan_owner: me,
      revenue_target: 12_000_000,
      stretch_target: 15_000_000,
      new_customer_target: 60,
      renewal_target: 20,
      smart_check: ["specific", "measurable", "achievable", "relevant", "time_bound"],
    },
  };
  const months = [-2, -1, 0].map((offset) => ({
    form: "goal_breakdown",
    at: daysAgo(now, 140),
    data: {
      parent_goal: ref("goal"),
      level: "person",
      period_start: monthStart(now, offset),
      period_end: monthEnd(now, offset),
      team: "team_east",
      assignee: me,
      target_amount: 1_000_000,
      target_new_customers: 5,
      target_renewals: 2,
      target_visits: 20,
    },
  }));
  return [goal, ...months];
}

function leads(now: Date): DemoRecord[] {
  const base = { phone: "+86 138-0013-8000", owner: me };
  return [
    {
      form: "lead",
      at: daysAgo(now, 40),
      data: {
        ...base,
        contact_name: "周强",
        company: "苏州工业园区某电子厂",
        source: "website",
        region: "east_china",
      },
      path: ["contacted"],
    },
    {
      form: "lead",
      at: daysAgo(now, 35),
      data: {
        ...base,
        contact_name: "吴敏",
        company: "杭州云帆网络",
        source: "referral",
        region: "east_china",
        need_summary: "50 个销售席位的 CRM",
      },
      path: ["contacted", "qualified"],
    },
    {
      form: "lead",
      at: daysAgo(now, 60),
      data: {
        ...base,
        contact_name: "郑伟",
        company: "华东精密制造有限公司",
        source: "event",
        region: "east_china",
        need_summary: "渠道订货系统",
        customer: ref("c_huadong"),
      },
      path: ["contacted", "qualified", "converted"],
    },
    {
      form: "lead",
      at: daysAgo(now, 55),
      data: {
        ...base,
        contact_name: "孙丽",
        company: "深圳新锐零售集团",
        source: "ad",
        region: "south_china",
        need_summary: "门店会员运营",
        customer: ref("c_xinrui"),
      },
      path: ["contacted", "qualified", "converted"],
    },
    {
      form: "lead",
      at: daysAgo(now, 20),
      data: {
        ...base,
        contact_name: "冯涛",
        company: "西安某贸易公司",
        source: "content",
        region: "northwest",
        disqualify_reason: "no_budget",
      },
      path: ["contacted", "disqualified"],
    },
    {
      form: "lead",
      at: daysAgo(now, 5),
      data: {
        ...base,
        contact_name: "何静",
        company: "长沙星辰传媒",
        source: "channel_partner",
        region: "central_china",
      },
    },
  ];
}

function deals(now: Date): DemoRecord[] {
  const won = ["needs_confirmed", "solution", "signing", "won"];
  const qualified = {
    needs_summary: "替换现有 Excel 台账，统一客户与合同管理",
    decision_maker: "采购总监",
    budget_amount: 800_000,
    solution_file: demoFile("demo-solution", "解决方案.pdf"),
  };
  const deal = (
    key: string,
    name: string,
    customer: string,
    amount: number,
    days: number,
    path: string[],
    extra: Record<string, unknown> = {},
  ): DemoRecord => ({
    key,
    form: "deal",
    at: daysAgo(now, days),
    path,
    data: {
      deal_name: name,
      customer: ref(customer),
      owner: me,
      amount,
      expected_close_date: dateFrom(now, 30),
      deal_type: "new",
      win_probability: 0.5,
      ...extra,
    },
  });
  return [
    deal("d_huadong", "华东精密 CRM 项目", "c_huadong", 1_200_000, 90, won, qualified),
    deal("d_xinrui", "新锐零售会员系统", "c_xinrui", 600_000, 70, won, qualified),
    deal("d_beiyun", "北云科技续约", "c_beiyun", 300_000, 50, won, { ...qualified, deal_type: "renewal" }),
    deal("d_chuanyi", "川医健康试点", "c_chuanyi", 150_000, 45, ["needs_confirmed", "lost"], {
      ...qualified,
      lost_reason: "price",
    }),
    deal(
      "d_hanjiang",
      "汉江教育招生管理",
      "c_hanjiang",
      200_000,
      25,
      ["needs_confirmed", "solution"],
      qualified,
    ),
    deal("d_huadong2", "华东精密二期扩容", "c_huadong", 500_000, 10, []),
  ];
}

function contracts(now: Date): DemoRecord[] {
  const contract = (
    deal: string,
    customer: string,
    type: string,
    qty: number,
    price: number,
    signedDaysAgo: number,
    no: string,
  ): DemoRecord => ({
    form: "quote_contract",
    at: daysAgo(now, signedDaysAgo + 10),
    path: ["pending_approval", "sent", "signed"],
    data: {
      deal: ref(deal),
      customer: ref(customer),
      owner: me,
      contract_type: type,
      line_items: [{ product: "professional", qty, unit_price: price, discount: 0.05 }],
      contract_no: no,
      sign_date: dateFrom(now, -signedDaysAgo),
      end_date: dateFrom(now, 365 - signedDaysAgo),
      contract_file: demoFile(`demo-${no}`, `${no}.pdf`),
    },
  });
  // Last year's contract of 北云科技 ends this year; its renewal is signed this month (renewal rate).
  const ending = contract("d_beiyun", "c_beiyun", "new", 20, 12_000, 400, "HT-2025-017");
  ending.data["end_date"] = dateFrom(now, -35);
  return [
    ending,
    contract("d_huadong", "c_huadong", "new", 100, 12_000, 40, "HT-2026-001"),
    contract("d_xinrui", "c_xinrui", "new", 50, 12_000, 12, "HT-2026-002"),
    contract("d_beiyun", "c_beiyun", "renewal", 25, 12_000, 3, "HT-2026-003"),
  ];
}

function followUps(now: Date): DemoRecord[] {
  const visit = (
    customer: string,
    days: number,
    type: string,
    extra: Record<string, unknown> = {},
  ): DemoRecord => ({
    form: "follow_up",
    at: daysAgo(now, days),
    data: {
      customer: ref(customer),
      owner: me,
      follow_type: type,
      status: "done",
      follow_at: daysAgo(now, days),
      content: "沟通项目进展与下一步计划",
      ...extra,
    },
  });
  return [
    visit("c_huadong", 2, "visit"),
    visit("c_xinrui", 4, "call"),
    visit("c_beiyun", 6, "wechat"),
    visit("c_chuanyi", 9, "visit"),
    visit("c_huadong", 30, "return_visit", { satisfaction_score: 5, repurchase_intent: "yes" }),
    visit("c_xinrui", 8, "return_visit", { satisfaction_score: 4, repurchase_intent: "undecided" }),
    {
      form: "follow_up",
      at: daysAgo(now, 3),
      data: {
        customer: ref("c_hanjiang"),
        owner: me,
        follow_type: "call",
        status: "planned",
        follow_at: daysAgo(now, 1),
        content: "确认招生季上线时间",
      },
    },
  ];
}

function reviews(now: Date): DemoRecord[] {
  return [
    {
      form: "weekly_review",
      at: daysAgo(now, 7),
      path: ["held"],
      data: {
        week_start: dateFrom(now, -7),
        team: "team_east",
        host: me,
        week_target: 250_000,
        week_actual: 180_000,
        issues: "两个商机卡在方案阶段",
        adjustments: "售前提前介入方案评审",
      },
    },
    {
      form: "market_insight",
      at: daysAgo(now, 15),
      data: {
        title: "制造业数字化补贴政策出台",
        insight_type: "policy",
        impact: "opportunity",
        summary: "多地对中小制造企业上云给予补贴，可作为报价话术",
        reported_by: me,
      },
    },
    {
      form: "resource_plan",
      at: daysAgo(now, 100),
      data: {
        period_start: monthStart(now, -3),
        scope: "region",
        headcount: 8,
        budget: 600_000,
        training_plan: "季度产品培训 + 新人带教",
      },
    },
  ];
}

/** Demo data of the flagship: a year goal with person-month targets, customers, leads, deals, signed contracts and follow-ups. */
export function salesPlanDemo(now: Date): DemoRecord[] {
  return [
    ...customers(now),
    ...goals(now),
    ...leads(now),
    ...deals(now),
    ...contracts(now),
    ...followUps(now),
    ...reviews(now),
  ];
}
