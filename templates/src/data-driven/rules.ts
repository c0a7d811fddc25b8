import type { Expression, Rule, Trigger } from "@stagecraft/schemas";
import { activityStampRules } from "../shared/core-activity-rules.js";
import { all, today, v } from "../shared/expressions.js";
import { t } from "../shared/i18n.js";

/** The metric turned red with this computation (it was not red before it). */
const TURNED_RED: Expression = all(v("is_red"), { "!": v("was_red") });
const CHECKED: Trigger = { type: "field.changed", form: "metric_definition", fields: ["checked_on"] };

/** R1 (weekly forecast per rep), R2 (red metrics), C1; R3 is the proposal stage's guard. */
export function dataDrivenRules(): Rule[] {
  return [
    {
      // A chain per rep: each snapshot opens the next week's a week after its own week starts.
      id: "r1_weekly_forecast",
      name: t("R1 每周为每位销售生成周预测", "R1 Weekly forecast snapshot per rep"),
      trigger: { type: "date.offset", form: "forecast_snapshot", field: "week_start", days: 7, at: "08:00" },
      actions: [
        {
          type: "create_record",
          form: "forecast_snapshot",
          data: { week_start: { add_days: [v("week_start"), 7] }, rep: v("rep") },
        },
        {
          type: "notify",
          to: [{ type: "field", field: "rep" }],
          title: t("请填写本周预测", "Fill in this week's forecast"),
          body: t(
            "上周承诺 {{commit_amount}}，实际 {{actual_amount}}。",
            "Last week: commit {{commit_amount}}, actual {{actual_amount}}.",
          ),
        },
      ],
    },
    {
      // Writing the date computes the metric again from the data (it also follows the data live).
      id: "r2_compute_metric",
      name: t("R2 每日计算指标", "R2 Compute each metric daily"),
      trigger: {
        type: "date.offset",
        form: "metric_definition",
        field: "next_check_date",
        days: 0,
        at: "08:30",
      },
      actions: [{ type: "set_field", field: "checked_on", value: today() }],
    },
    {
      id: "r2_red_alert",
      name: t("R2 指标越过红线：通知负责人", "R2 Metric crossed its red line: tell the owner"),
      trigger: CHECKED,
      when: TURNED_RED,
      actions: [
        {
          type: "notify",
          to: [{ type: "field", field: "owner" }],
          title: t("指标越过红线", "Metric crossed its red line"),
          body: t(
            "{{name_cn}} 当前值 {{current_value}}，红线 {{red_threshold}}。",
            "{{name_cn}} is {{current_value}} (red line {{red_threshold}}).",
          ),
        },
      ],
    },
    {
      // Disabled until the installer sets the BI tool's incoming-webhook address.
      id: "r2_bi_alert",
      name: t("R2 指标越过红线：推送 BI 告警", "R2 Metric crossed its red line: post a BI alert"),
      enabled: false,
      trigger: CHECKED,
      when: TURNED_RED,
      actions: [
        {
          type: "webhook",
          url: "https://bi.example.com/hooks/alert",
          method: "POST",
          body: {
            cat: ["红线告警 Red alert · ", v("key"), " = ", v("current_value"), " / ", v("red_threshold")],
          },
        },
      ],
    },
    {
      // "Crossed" compares with the last daily computation, not with every live change.
      id: "r2_remember_state",
      name: t("R2 记住本次计算是否红灯", "R2 Remember whether this computation was red"),
      trigger: CHECKED,
      actions: [{ type: "set_field", field: "was_red", value: { "!!": v("is_red") } }],
    },
    ...activityStampRules("c1"),
  ];
}
