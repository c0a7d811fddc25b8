import type { Expression, Rule } from "@stagecraft/schemas";
import { activityStampRules } from "../shared/core-activity-rules.js";
import { all, eq, or0, today, v } from "../shared/expressions.js";
import { t } from "../shared/i18n.js";

const NO_RECENT_SURVEY: Expression = eq(or0(v("surveys_last_30d")), 0);
const HAS_NPS: Expression = { "!=": [v("nps"), null] };
const OPEN_COMPLAINT: Expression = { in: [v("_stage"), ["received", "investigating"]] };

/** A survey of this record's customer at a touchpoint, sent now, for the record's owner. */
function surveyAt(touchpoint: string) {
  return {
    type: "create_record" as const,
    form: "survey",
    data: { customer: v("customer"), owner: v("owner"), touchpoint, sent_at: v("_stage_entered_at") },
  };
}

/** R1–R3 of TEMPLATES.md B21, the customer's latest NPS, and C1. */
export function experienceRules(): Rule[] {
  return [
    {
      id: "r1_survey_after_win",
      name: t("R1 赢单后发送满意度调研", "R1 Survey the customer after a win"),
      trigger: { type: "stage.entered", form: "deal", stage: "won" },
      when: NO_RECENT_SURVEY,
      actions: [surveyAt("contract")],
    },
    {
      // Runs after r3_resolution_timing's write: the survey it creates updates this complaint's
      // survey count, and two writes at once would race.
      id: "r1_survey_after_resolution",
      name: t("R1 投诉解决后发送满意度调研", "R1 Survey the customer after a resolved complaint"),
      trigger: { type: "field.changed", form: "complaint", fields: ["resolved_on_time"] },
      when: all(eq(v("_stage"), "resolved"), NO_RECENT_SURVEY),
      actions: [surveyAt("after_sales")],
    },
    {
      // Disabled until the installer sets the survey tool's address (SMS / WeChat / mail sender).
      id: "r1_send_survey",
      name: t("R1 通过调研工具发送问卷", "R1 Send the survey through the survey tool"),
      enabled: false,
      trigger: { type: "record.created", form: "survey" },
      actions: [
        {
          type: "webhook",
          url: "https://survey.example.com/hooks/send",
          method: "POST",
          body: { cat: ["survey:", v("_id"), "|customer:", v("customer"), "|touchpoint:", v("touchpoint")] },
        },
      ],
    },
    {
      id: "r2_detractor_complaint",
      name: t("R2 贬损者（NPS ≤ 6）自动立投诉单", "R2 A detractor (NPS ≤ 6) opens a complaint"),
      trigger: { type: "field.changed", form: "survey", fields: ["nps"] },
      when: all(HAS_NPS, { "<=": [v("nps"), 6] }),
      actions: [
        {
          type: "create_record",
          form: "complaint",
          data: {
            customer: v("customer"),
            category: "detractor",
            severity: { if: [{ "<=": [v("nps"), 3] }, "high", "medium"] },
            description: { cat: ["NPS ", v("nps"), "：", { coalesce: [v("comment"), "（无意见）"] }] },
            owner: v("owner"),
          },
        },
        {
          type: "notify",
          to: [{ type: "field", field: "owner" }],
          title: t("客户给出低分，已生成投诉单", "A detractor score opened a complaint"),
          body: t("NPS {{nps}}：{{comment}}", "NPS {{nps}}: {{comment}}"),
        },
      ],
    },
    {
      id: "r2_promoter_referral",
      name: t("R2 推荐者（NPS ≥ 9）请求转介绍", "R2 A promoter (NPS ≥ 9): ask for a referral"),
      trigger: { type: "field.changed", form: "survey", fields: ["nps"] },
      when: all(HAS_NPS, { ">=": [v("nps"), 9] }),
      actions: [
        {
          type: "notify",
          to: [{ type: "field", field: "owner" }],
          title: t("客户是推荐者，可邀请转介绍", "A promoter: ask for a referral"),
          body: t("NPS {{nps}}：{{comment}}", "NPS {{nps}}: {{comment}}"),
        },
      ],
    },
    {
      id: "r2_customer_nps",
      name: t("R2 更新客户最近 NPS", "R2 Record the customer's latest NPS"),
      trigger: { type: "field.changed", form: "survey", fields: ["nps"] },
      when: HAS_NPS,
      actions: [
        {
          type: "update_records",
          form: "customer",
          target: { type: "reference", field: "customer" },
          set: { nps_latest: v("nps"), last_survey_at: v("sent_at") },
        },
      ],
    },
    {
      // Per-record hourly checks are not available: the due date is checked at 18:00 that day.
      id: "r3_sla_breach",
      name: t("R3 投诉到期未解决通知主管", "R3 Complaint past its SLA: tell the manager"),
      trigger: { type: "date.offset", form: "complaint", field: "sla_due", days: 0, at: "18:00" },
      when: OPEN_COMPLAINT,
      actions: [
        {
          type: "notify",
          to: [{ type: "manager" }, { type: "field", field: "owner" }],
          title: t("投诉已超时未解决", "A complaint is past its SLA"),
          body: t(
            "严重程度 {{severity}}，时限 {{sla_hours}} 小时：{{description}}",
            "Severity {{severity}}, SLA {{sla_hours}} h: {{description}}",
          ),
        },
      ],
    },
    {
      id: "r3_resolution_timing",
      name: t("R3 判定投诉是否按时解决", "R3 Record whether the complaint met its SLA"),
      trigger: { type: "stage.entered", form: "complaint", stage: "resolved" },
      actions: [
        {
          type: "set_field",
          field: "resolved_on_time",
          value: { if: [{ "<=": [{ days_between: [v("sla_due"), today()] }, 0] }, "yes", "no"] },
        },
      ],
    },
    ...activityStampRules("c1"),
  ];
}
