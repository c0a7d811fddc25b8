import type { DemoRecord } from "../template-entry.js";
import { INSTALLER, dateFrom, daysAgo } from "../shared/demo-time.js";

const CUSTOMERS = [
  ["c_meijia", "美佳连锁超市", "east_china", "retail"],
  ["c_tianyi", "天翼物流", "central_china", "other"],
  ["c_ruikang", "瑞康口腔", "south_china", "healthcare"],
  ["c_zhiyuan", "致远软件", "north_china", "internet"],
] as const;

/** [customer, touchpoint, days ago, nps, csat, comment] */
const SURVEYS = [
  ["c_meijia", "first_contact", 20, 9, 5, "顾问响应很快，讲解专业。"],
  ["c_meijia", "demo", 12, 8, 4, "演示清晰，希望看到更多门店案例。"],
  ["c_tianyi", "demo", 10, 6, 3, "演示环境卡顿，部分功能没看到。"],
  ["c_tianyi", "contract", 6, 9, 5, "合同流程顺畅。"],
  ["c_ruikang", "delivery", 5, 4, 2, "上线延期一周，培训不够。"],
  ["c_ruikang", "after_sales", 2, 7, 4, "问题处理及时，但需多次沟通。"],
  ["c_zhiyuan", "first_contact", 3, 10, 5, "非常满意，已推荐给合作伙伴。"],
  ["c_zhiyuan", "contract", 1, 9, 5, "商务条款灵活。"],
] as const;

/** B21 demo: customers, deals, surveys at every touchpoint and complaints in every state. */
export function experienceDemoData(now: Date): DemoRecord[] {
  return [
    ...CUSTOMERS.map(([key, customer_name, region, industry]) => ({
      key,
      form: "customer",
      data: { customer_name, owner: INSTALLER, region, industry, phone: "0755-8666 2000" },
    })),
    ...(
      [
        ["美佳 门店会员系统", "c_meijia", 180_000, ["proposal", "negotiation"]],
        ["天翼 运单追踪", "c_tianyi", 95_000, ["proposal", "won"]],
        ["瑞康 预约平台", "c_ruikang", 60_000, ["proposal", "won"]],
        ["致远 渠道门户", "c_zhiyuan", 130_000, ["proposal"]],
      ] as const
    ).map(([deal_name, customer, amount, path]) => ({
      form: "deal",
      data: {
        deal_name,
        customer: { $demo: customer },
        owner: INSTALLER,
        amount,
        expected_close_date: dateFrom(now, 10),
      },
      path: [...path],
    })),
    ...SURVEYS.map(([customer, touchpoint, ago, nps, csat, comment]) => ({
      form: "survey",
      data: {
        customer: { $demo: customer },
        owner: INSTALLER,
        touchpoint,
        sent_at: daysAgo(now, ago),
        nps,
        csat,
        comment,
      },
    })),
    complaint("c_ruikang", "product", "high", "上线后预约短信延迟发送", [], {}),
    complaint("c_tianyi", "response", "medium", "工单 2 天无人响应", ["investigating"], {}),
    complaint(
      "c_ruikang",
      "detractor",
      "medium",
      "NPS 4：上线延期一周，培训不够",
      ["investigating", "resolved"],
      {
        root_cause: "实施排期冲突；已增派顾问并补做两场培训。",
        resolved_on_time: "yes",
      },
    ),
    complaint("c_meijia", "billing", "low", "发票抬头错误", ["investigating", "resolved", "confirmed"], {
      root_cause: "开票信息未同步；已重开发票并在 CRM 中锁定开票资料。",
      resolved_on_time: "yes",
    }),
    complaint("c_tianyi", "attitude", "high", "客服电话态度生硬", ["investigating", "resolved"], {
      root_cause: "新人未按话术处理；已复训并抽检录音。",
      resolved_on_time: "no",
    }),
    {
      form: "follow_up",
      data: {
        customer: { $demo: "c_ruikang" },
        owner: INSTALLER,
        follow_type: "return_visit",
        status: "done",
        follow_at: daysAgo(now, 1),
        content: "回访培训效果，前台已能独立排班。",
        next_follow_date: dateFrom(now, 14),
      },
    },
  ];
}

function complaint(
  customer: string,
  category: string,
  severity: string,
  description: string,
  path: string[],
  extra: Record<string, unknown>,
): DemoRecord {
  return {
    form: "complaint",
    data: { customer: { $demo: customer }, category, severity, description, owner: INSTALLER, ...extra },
    path,
  };
}
