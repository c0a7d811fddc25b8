import type { Rule } from "@stagecraft/schemas";
import { activityStampRules } from "../shared/core-activity-rules.js";
import { all, or0, today, v } from "../shared/expressions.js";
import { thisValue, todayValue, where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** The statements whose period holds today. */
const CURRENT_PERIOD = [where("period_start", "lte", todayValue()), where("period_end", "gte", todayValue())];

/** R1–R3 of TEMPLATES.md B19, the dispute loop of the statement pipeline, and C1. */
export function incentiveRules(): Rule[] {
  return [
    {
      id: "r1_won_adds_to_statement",
      name: t("R1 赢单金额计入本期提成结算单", "R1 A won deal adds to the rep's current statement"),
      trigger: { type: "stage.entered", form: "deal", stage: "won" },
      actions: [
        {
          type: "update_records",
          form: "commission_statement",
          target: {
            type: "filter",
            filter: [where("rep", "eq", thisValue("owner")), ...CURRENT_PERIOD],
          },
          increment: { attained: or0(v("amount")) },
          // A deal reopened after the win takes its amount back off the statement.
          reverseOnLeave: true,
        },
      ],
    },
    {
      // Expressions cannot read a KPI: the post announces the refreshed ranking and links the
      // board's leaderboard widget (top 10). Disabled until the installer sets the IM group's
      // incoming-webhook address.
      id: "r2_weekly_leaderboard",
      name: t("R2 每周推送业绩排行榜到 IM 群", "R2 Post the leaderboard to the IM group weekly"),
      enabled: false,
      trigger: { type: "schedule", cron: "0 9 * * 1", timeZone: "Asia/Shanghai" },
      actions: [
        {
          type: "webhook",
          url: "https://im.example.com/hooks/sales-leaderboard",
          method: "POST",
          body: {
            cat: [
              "本周业绩排行榜 Top 10 已更新（截至 ",
              today(),
              "），查看：激励看板 › 达成率排行榜 / Weekly leaderboard: Incentive board › Top 10 by attainment",
            ],
          },
        },
      ],
    },
    {
      id: "r3_quota_crossed",
      name: t("R3 达成率突破 100%：起草荣誉激励", "R3 Attainment passes 100 %: draft a recognition"),
      trigger: { type: "field.changed", form: "commission_statement", fields: ["attainment"] },
      // Conditions cannot read the value before the change: a flag marks the crossing as handled.
      when: all({ ">=": [or0(v("attainment")), 1] }, { "!": [v("quota_recognised")] }),
      actions: [
        {
          type: "create_record",
          form: "recognition",
          data: {
            rep: v("rep"),
            award: "monthly_star",
            reason: {
              cat: ["本期达成率突破 100%（", v("period_start"), " 起） Passed 100 % of quota"],
            },
            award_date: today(),
          },
        },
        {
          type: "notify",
          to: [{ type: "manager" }],
          title: t("销售达成率突破 100%，请审核荣誉激励", "A rep passed quota: review the recognition"),
          body: t("已达成 {{attained}}，配额 {{quota}}。", "Attained {{attained}} of quota {{quota}}."),
        },
        { type: "set_field", field: "quota_recognised", value: true },
      ],
    },
    {
      id: "dispute_returns_statement",
      name: t("提成异议：退回重新计算", "Dispute: return the statement for recalculation"),
      trigger: { type: "stage.entered", form: "commission_statement", stage: "disputed" },
      actions: [
        {
          type: "notify",
          to: [{ type: "manager" }],
          title: t("提成结算单有异议", "A commission statement is disputed"),
          body: t("异议：{{dispute_note}}", "Dispute: {{dispute_note}}"),
        },
        { type: "move_stage", to: "calculated" },
      ],
    },
    ...activityStampRules("c1"),
  ];
}
