import type { Rule } from "@stagecraft/schemas";
import { activityStampRules } from "../shared/core-activity-rules.js";
import { eq, or0, today, v } from "../shared/expressions.js";
import { t } from "../shared/i18n.js";

const FEASIBILITY = eq(v("request_type"), "feasibility");

/** R1, R2 and R4 of TEMPLATES.md B23 (R3 is the proposal stage's guard), handover returns, C1. */
export function crossDeptRules(): Rule[] {
  return [
    {
      id: "r1_route_request",
      name: t("R1 需求单按部门分派", "R1 Route the request to its department"),
      trigger: { type: "record.created", form: "dept_request" },
      actions: [
        // A template cannot know the workspace's users: the installer maps each department to its contact.
        { type: "assign_owner", strategy: { type: "by_field", field: "to_dept", map: [] } },
        {
          type: "notify",
          to: [{ type: "owner" }],
          title: t("收到新的跨部门需求", "A new cross-department request"),
          body: t(
            "{{request_type}}：{{description}}（时限 {{due_hours}} 小时）",
            "{{request_type}}: {{description}} (SLA {{due_hours}} h)",
          ),
        },
      ],
    },
    {
      id: "r1_feasibility_pending",
      name: t("R1 商机可行性标记为评估中", "R1 Mark the deal's feasibility pending"),
      trigger: { type: "record.created", form: "dept_request" },
      when: FEASIBILITY,
      actions: [
        {
          type: "update_records",
          form: "deal",
          target: { type: "reference", field: "deal" },
          set: { feasibility: "pending" },
        },
      ],
    },
    {
      id: "r1_feasibility_answer",
      name: t("R1 可行性结论写回商机", "R1 Write the feasibility verdict to the deal"),
      trigger: { type: "stage.entered", form: "dept_request", stage: "answered" },
      when: FEASIBILITY,
      actions: [
        {
          type: "update_records",
          form: "deal",
          target: { type: "reference", field: "deal" },
          set: { feasibility: v("feasibility_result") },
        },
      ],
    },
    {
      id: "r2_answer_timing",
      name: t("R2 判定是否按时答复", "R2 Record whether the answer met the SLA"),
      trigger: { type: "stage.entered", form: "dept_request", stage: "answered" },
      actions: [
        {
          type: "set_field",
          field: "answered_on_time",
          value: { if: [{ "<=": [{ days_between: [v("due_date"), today()] }, 0] }, "yes", "no"] },
        },
      ],
    },
    {
      // Checked at 18:00 on the due day (per-record hourly checks are not available).
      id: "r2_overdue_request",
      name: t(
        "R2 需求单到期未答复：通知部门负责人与提出人",
        "R2 Request unanswered on its due day: tell the head and requester",
      ),
      trigger: { type: "date.offset", form: "dept_request", field: "due_date", days: 0, at: "18:00" },
      when: { in: [v("_stage"), ["submitted", "accepted"]] },
      actions: [
        {
          type: "notify",
          to: [{ type: "manager" }, { type: "field", field: "requester" }],
          title: t("跨部门需求已超时未答复", "A cross-department request is overdue"),
          body: t("{{request_type}}：{{description}}", "{{request_type}}: {{description}}"),
        },
      ],
    },
    {
      id: "r4_handover",
      name: t("R4 赢单后生成交接单", "R4 Create the handover on a win"),
      trigger: { type: "stage.entered", form: "deal", stage: "won" },
      actions: [
        {
          type: "create_record",
          form: "handover",
          data: {
            deal: v("_id"),
            to_dept: "delivery",
            scope: { cat: ["交付范围 Scope：", v("deal_name"), "（金额 ", or0(v("amount")), "）"] },
            commitments: "请补充对客户的关键承诺（工期、定制项、服务级别） / List the commitments made",
          },
        },
        {
          type: "notify",
          to: [{ type: "field", field: "owner" }],
          title: t("已生成交接单，请补充承诺并提交", "Handover created: add the commitments and submit"),
          body: t("{{deal_name}}", "{{deal_name}}"),
        },
      ],
    },
    {
      // Disabled until the installer sets the ERP's address.
      id: "r4_erp_order",
      name: t("R4 赢单推送 ERP 订单", "R4 Send the won deal to the ERP"),
      enabled: false,
      trigger: { type: "stage.entered", form: "deal", stage: "won" },
      actions: [
        {
          type: "webhook",
          url: "https://erp.example.com/hooks/sales-order",
          method: "POST",
          body: { cat: ["deal:", v("_id"), "|customer:", v("customer"), "|amount:", or0(v("amount"))] },
        },
      ],
    },
    {
      id: "handover_returned",
      name: t("交接单被退回：计数并通知销售", "Handover returned: count it and tell the owner"),
      trigger: { type: "stage.entered", form: "handover", stage: "returned" },
      actions: [
        { type: "set_field", field: "return_count", value: { "+": [or0(v("return_count")), 1] } },
        {
          type: "notify",
          to: [{ type: "owner" }],
          title: t("交接单被退回", "A handover was returned"),
          body: t("原因：{{return_reason}}", "Reason: {{return_reason}}"),
        },
      ],
    },
    ...activityStampRules("c1"),
  ];
}
