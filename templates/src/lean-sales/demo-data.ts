import type { DemoRecord } from "../template-entry.js";
import { INSTALLER, dateFrom, daysAgo } from "../shared/demo-time.js";

/** [key, name, customer, amount, days in qualified / proposal / negotiation, rework, wait, path] */
const DEALS = [
  ["d1", "宏远 ERP 升级", "c_hongyuan", 260_000, [3, 9, 12], 1, "none", ["proposal", "negotiation", "won"]],
  ["d2", "宏远 仓储条码", "c_hongyuan", 85_000, [2, 5, 4], 0, "none", ["proposal", "negotiation", "won"]],
  [
    "d3",
    "华通 财务共享",
    "c_huatong",
    320_000,
    [5, 14, 0],
    2,
    "internal_approval",
    ["proposal", "negotiation", "proposal"],
  ],
  ["d4", "华通 报销系统", "c_huatong", 48_000, [4, 0, 0], 0, "customer", ["proposal"]],
  ["d5", "新锐 渠道返利", "c_xinrui", 150_000, [6, 8, 9], 1, "legal", ["proposal", "negotiation"]],
  ["d6", "新锐 订货平台", "c_xinrui", 70_000, [3, 6, 0], 0, "none", ["proposal", "won"]],
  ["d7", "华通 电子签章", "c_huatong", 40_000, [7, 0, 0], 0, "none", []],
] as const;

/** [stage, value adding, target days] */
const BENCHMARKS = [
  ["qualified", "no", 3],
  ["proposal", "yes", 7],
  ["negotiation", "yes", 10],
] as const;

/** B22 demo: benchmarks, deals with stage days, rework and waits, and improvements in every state. */
export function leanDemoData(now: Date): DemoRecord[] {
  return [
    ...BENCHMARKS.map(([stage, value_adding, target_days]) => ({
      form: "stage_benchmark",
      data: { stage, value_adding, target_days, owner: INSTALLER },
    })),
    ...(
      [
        ["c_hongyuan", "宏远机械", "north_china", "manufacturing"],
        ["c_huatong", "华通集团", "east_china", "finance"],
        ["c_xinrui", "新锐日化", "south_china", "retail"],
      ] as const
    ).map(([key, customer_name, region, industry]) => ({
      key,
      form: "customer",
      data: { customer_name, owner: INSTALLER, region, industry },
    })),
    ...DEALS.map(([key, deal_name, customer, amount, [q, p, n], rework, wait, path]) => ({
      key,
      form: "deal",
      data: {
        deal_name,
        customer: { $demo: customer },
        owner: INSTALLER,
        amount,
        expected_close_date: dateFrom(now, 20),
        wait_reason: wait,
        ...(wait === "internal_approval" ? { approver: INSTALLER } : {}),
        rework_count: rework,
        touch_hours: q + p + n,
        qualified_days: q,
        proposal_days: p,
        negotiation_days: n,
      },
      path: [...path],
      // Opened three weeks ago, so its stage moves (and the stage log) spread up to now.
      at: daysAgo(now, 21),
    })),
    waste("waiting", "negotiation", 20, "合同模板预审，常规条款免法务审批", 12, [
      "analysed",
      "trial",
      "standardised",
    ]),
    waste("duplicate_entry", "proposal", 8, "报价单由商机自动带出客户与产品信息", 6, [
      "analysed",
      "trial",
      "standardised",
    ]),
    waste("extra_approval", "proposal", 10, "折扣 10% 以内由销售经理直接审批", undefined, [
      "analysed",
      "trial",
    ]),
    waste("handoff", "qualified", 6, undefined, undefined, ["analysed"]),
    waste("rework", "proposal", 12, undefined, undefined, []),
    waste("rework", "negotiation", 4, undefined, undefined, ["rejected"]),
    {
      form: "follow_up",
      data: {
        customer: { $demo: "c_huatong" },
        deal: { $demo: "d3" },
        owner: INSTALLER,
        follow_type: "meeting",
        status: "done",
        follow_at: daysAgo(now, 1),
        content: "与客户财务总监确认方案，内部价格审批仍在等待。",
        next_follow_date: dateFrom(now, 3),
      },
    },
  ];
}

function waste(
  waste_type: string,
  stage: string,
  hours: number,
  countermeasure: string | undefined,
  saved: number | undefined,
  path: string[],
): DemoRecord {
  return {
    form: "waste_item",
    data: {
      reported_by: INSTALLER,
      waste_type,
      stage,
      hours_per_month: hours,
      ...(countermeasure === undefined ? {} : { countermeasure }),
      ...(saved === undefined ? {} : { verified_saving_hours: saved }),
    },
    path,
  };
}
