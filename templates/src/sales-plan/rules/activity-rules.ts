import type { Expression, Rule } from "@stagecraft/schemas";
import { activityStampRules } from "../../shared/core-activity-rules.js";
import { agg, all, eq, v } from "../../shared/expressions.js";
import { where } from "../../shared/filters.js";
import { t } from "../../shared/i18n.js";

/** Days since the deal's last activity (its creation when it has none). */
const IDLE_DAYS: Expression = { days_since: [{ coalesce: [v("last_activity_at"), v("_created_at")] }] };
/** N: the customer's follow-up cycle, 14 days when unknown. */
const CYCLE: Expression = { coalesce: [agg("customer_follow_cycle"), 14] };

function noActivityRule(id: string, multiple: number, to: "owner" | "manager"): Rule {
  const limit = multiple === 1 ? CYCLE : { "*": [CYCLE, multiple] };
  return {
    id,
    name:
      to === "owner"
        ? t("R6 超过跟进周期未跟进：提醒负责人", "R6 No activity past the follow-up cycle: tell the owner")
        : t("R6 超过两倍跟进周期未跟进：提醒上级", "R6 No activity past twice the cycle: tell the manager"),
    trigger: {
      type: "schedule",
      cron: "0 9 * * *",
      timeZone: "Asia/Shanghai",
      form: "deal",
      filter: [where("_stage", "not_in", ["won", "lost"])],
    },
    when: { ">": [IDLE_DAYS, limit] },
    actions: [
      {
        type: "notify",
        to: [to === "owner" ? { type: "field", field: "owner" } : { type: "manager" }],
        title: t("商机长时间未跟进", "Deal without recent activity"),
        body: t(
          "{{deal_name}} 最近跟进：{{last_activity_at}}",
          "{{deal_name}}: last activity {{last_activity_at}}",
        ),
      },
    ],
  };
}

/** R5 (= C1, plus the satisfaction of return visits) and R6 (no-activity reminders). */
export function activityRules(): Rule[] {
  return [
    ...activityStampRules("r5"),
    {
      id: "r5_latest_satisfaction",
      name: t("R5 回访完成：更新客户最近满意度", "R5 Return visit done: update the customer's satisfaction"),
      trigger: { type: "field.changed", form: "follow_up", fields: ["status"] },
      when: all(eq(v("status"), "done"), eq(v("follow_type"), "return_visit")),
      actions: [
        {
          type: "update_records",
          form: "customer",
          target: { type: "reference", field: "customer" },
          set: { latest_satisfaction: v("satisfaction_score") },
        },
      ],
    },
    noActivityRule("r6_no_activity_owner", 1, "owner"),
    noActivityRule("r6_no_activity_manager", 2, "manager"),
  ];
}
