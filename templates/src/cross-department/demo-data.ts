import type { DemoRecord } from "../template-entry.js";
import { INSTALLER, dateFrom, daysAgo } from "../shared/demo-time.js";

/** [key, name, customer, amount, complexity, feasibility, path] */
const DEALS = [
  [
    "d_mes",
    "中车配件 MES 定制",
    "c_zhongche",
    680_000,
    "custom",
    "approved",
    ["solution_design", "proposal", "won"],
  ],
  [
    "d_wms",
    "中车配件 仓储标准版",
    "c_zhongche",
    120_000,
    "standard",
    undefined,
    ["solution_design", "proposal", "won"],
  ],
  [
    "d_bi",
    "海川能源 经营分析",
    "c_haichuan",
    260_000,
    "configured",
    undefined,
    ["solution_design", "proposal"],
  ],
  ["d_iot", "海川能源 设备物联定制", "c_haichuan", 900_000, "custom", "pending", ["solution_design"]],
  [
    "d_crm",
    "佳禾食品 渠道 CRM",
    "c_jiahe",
    180_000,
    "standard",
    undefined,
    ["solution_design", "proposal", "won"],
  ],
  ["d_pos", "佳禾食品 门店收银", "c_jiahe", 75_000, "standard", undefined, []],
] as const;

/** [deal, to_dept, type, description, path, extra] */
const REQUESTS = [
  [
    "d_mes",
    "product",
    "feasibility",
    "产线数据采集需对接 3 种 PLC，评估可行性",
    ["accepted", "answered"],
    {
      response: "支持 S7 与 Modbus，第三种需外采网关。",
      feasibility_result: "approved",
      answered_on_time: "yes",
    },
  ],
  [
    "d_mes",
    "finance",
    "pricing_approval",
    "定制开发报价低于标准折扣线 8%",
    ["accepted", "answered"],
    { response: "同意，需预付 40%。", answered_on_time: "no" },
  ],
  ["d_iot", "product", "feasibility", "设备物联平台需支持 5 万点位接入", ["accepted"], {}],
  [
    "d_crm",
    "legal",
    "custom_feature",
    "客户要求数据本地化存储条款",
    ["accepted", "answered"],
    { response: "可签补充协议，数据存储在客户机房。", answered_on_time: "yes" },
  ],
  [
    "d_crm",
    "finance",
    "credit_check",
    "经销商 60 天账期信用审核",
    ["accepted", "answered"],
    { response: "信用良好，批准 60 天账期。", answered_on_time: "yes" },
  ],
  ["d_bi", "marketing", "custom_feature", "需要能源行业案例材料", [], {}],
  ["d_wms", "operations", "credit_check", "确认上线后运维排班", ["declined"], {}],
] as const;

/** B23 demo: deals of every complexity, requests to every department, handovers with a return. */
export function crossDeptDemoData(now: Date): DemoRecord[] {
  return [
    ...(
      [
        ["c_zhongche", "中车配件", "north_china", "manufacturing"],
        ["c_haichuan", "海川能源", "northwest", "other"],
        ["c_jiahe", "佳禾食品", "central_china", "retail"],
      ] as const
    ).map(([key, customer_name, region, industry]) => ({
      key,
      form: "customer",
      data: { customer_name, owner: INSTALLER, region, industry },
    })),
    ...DEALS.map(([key, deal_name, customer, amount, complexity, feasibility, path]) => ({
      key,
      form: "deal",
      data: {
        deal_name,
        customer: { $demo: customer },
        owner: INSTALLER,
        amount,
        expected_close_date: dateFrom(now, 30),
        complexity,
        ...(feasibility === undefined ? {} : { feasibility }),
      },
      path: [...path],
    })),
    ...REQUESTS.map(([deal, to_dept, request_type, description, path, extra]) => ({
      form: "dept_request",
      data: { deal: { $demo: deal }, to_dept, request_type, description, requester: INSTALLER, ...extra },
      path: [...path],
      // Submitted three days ago, so answers come hours later (response time).
      at: daysAgo(now, 3),
    })),
    handover("d_mes", "MES 定制：3 条产线数据采集、质量追溯、看板", "8 周上线；PLC 网关由我方采购", 1, [
      "submitted",
      "returned",
      "submitted",
      "accepted",
    ]),
    handover("d_wms", "仓储标准版：收发存、条码、盘点", "4 周上线；含 2 次现场培训", 0, [
      "submitted",
      "accepted",
    ]),
    handover("d_crm", "渠道 CRM：经销商门户、返利、订货", "数据本地化存储；60 天账期", 0, ["submitted"]),
    {
      form: "follow_up",
      data: {
        customer: { $demo: "c_haichuan" },
        deal: { $demo: "d_iot" },
        owner: INSTALLER,
        follow_type: "meeting",
        status: "done",
        follow_at: daysAgo(now, 1),
        content: "与产品经理一起澄清点位规模与采集频率。",
        next_follow_date: dateFrom(now, 4),
      },
    },
  ];
}

function handover(
  deal: string,
  scope: string,
  commitments: string,
  returns: number,
  path: string[],
): DemoRecord {
  return {
    form: "handover",
    data: {
      deal: { $demo: deal },
      to_dept: "delivery",
      scope,
      commitments,
      received_by: INSTALLER,
      return_count: returns,
      ...(returns > 0 ? { return_reason: "缺少 PLC 型号清单，请补充后再提交。" } : {}),
    },
    path,
  };
}
