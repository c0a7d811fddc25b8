import type { Rule } from "@stagecraft/schemas";
import { activityStampRules } from "../shared/core-activity-rules.js";
import { all, eq, isSet, or0, today, v } from "../shared/expressions.js";
import { t } from "../shared/i18n.js";

/** Adoption below this score is flagged to the manager (R2). */
export const LOW_ADOPTION = 50;

/** R1 and R2 of TEMPLATES.md B24 (R3 is the live stage's guard) and C1. */
export function digitalRules(): Rule[] {
  return [
    {
      // Disabled until the installer sets the ERP's and the e-signature service's addresses.
      id: "r1_won_to_erp_and_esign",
      name: t("R1 赢单推送 ERP 订单并发起电子签章", "R1 A won deal: ERP order and e-signature"),
      enabled: false,
      trigger: { type: "stage.entered", form: "deal", stage: "won" },
      actions: [
        {
          type: "webhook",
          url: "https://erp.example.com/hooks/sales-order",
          method: "POST",
          body: { cat: ["deal:", v("_id"), "|customer:", v("customer"), "|amount:", or0(v("amount"))] },
        },
        {
          type: "webhook",
          url: "https://esign.example.com/hooks/envelopes",
          method: "POST",
          body: { cat: ["deal:", v("_id"), "|name:", v("deal_name")] },
        },
      ],
    },
    {
      // A delivery failure is not visible to rules: a live integration the API has not reported a
      // sync to for two days is marked failing instead.
      id: "r1_integration_silent",
      name: t(
        "R1 集成 2 天无成功同步：标记异常并通知负责人",
        "R1 No sync for 2 days: mark failing, tell the owner",
      ),
      trigger: { type: "record.idle", form: "integration", days: 2 },
      when: eq(v("status"), "live"),
      actions: [
        { type: "set_field", field: "status", value: "failing" },
        {
          type: "notify",
          to: [{ type: "field", field: "owner" }],
          title: t("系统集成异常：2 天没有成功同步", "Integration failing: no sync for 2 days"),
          body: t(
            "{{system_name}} 最近成功同步：{{last_success_at}}",
            "{{system_name}} last synced {{last_success_at}}",
          ),
        },
      ],
    },
    {
      // No schedule can run per user: each week's snapshot closes itself a week on and opens the next.
      id: "r2_weekly_snapshot",
      name: t("R2 每周结算使用度并生成下周快照", "R2 Close the week's snapshot and open the next"),
      trigger: { type: "date.offset", form: "adoption_snapshot", field: "week_start", days: 7, at: "09:00" },
      actions: [
        { type: "set_field", field: "closed_on", value: today() },
        {
          type: "create_record",
          form: "adoption_snapshot",
          data: { week_start: v("week_end"), user: v("user") },
        },
      ],
    },
    {
      id: "r2_low_adoption",
      name: t("R2 使用度低于 50 分通知主管", "R2 Adoption below 50: tell the manager"),
      trigger: { type: "field.changed", form: "adoption_snapshot", fields: ["closed_on"] },
      when: all(isSet("closed_on"), { "<": [or0(v("adoption_score")), LOW_ADOPTION] }),
      actions: [
        {
          type: "notify",
          to: [{ type: "manager" }, { type: "field", field: "user" }],
          title: t("本周系统使用度偏低", "Low system adoption this week"),
          body: t(
            "{{week_start}} 当周得分 {{adoption_score}}。",
            "Score {{adoption_score}} for the week of {{week_start}}.",
          ),
        },
      ],
    },
    ...activityStampRules("c1"),
  ];
}
