import type { Expression, Rule } from "@stagecraft/schemas";
import { agg, all, or0, today, v } from "../../shared/expressions.js";
import { todayValue, where } from "../../shared/filters.js";
import { t } from "../../shared/i18n.js";

const GOAL_ACHIEVEMENT: Expression = { div: [or0(agg("signed_revenue")), v("revenue_target")] };
const YEAR_OVER: Expression = { "<": [v("fiscal_year"), { year: [today()] }] };

/** Schedules run in China Standard Time. */
const TZ = "Asia/Shanghai";

/** R11: weekly pace alert on person-month rows; at year end the goal is closed as achieved or missed. */
export function paceRules(): Rule[] {
  return [
    {
      id: "r11_pace_alert",
      name: t(
        "R11 进度预警：个人月达成率落后时间进度 20 个百分点",
        "R11 Pace: person-month 20 points behind time",
      ),
      trigger: {
        type: "schedule",
        cron: "0 9 * * 1",
        timeZone: TZ,
        form: "goal_breakdown",
        filter: [
          where("level", "eq", "person"),
          where("period_start", "lte", todayValue()),
          where("period_end", "gte", todayValue()),
        ],
      },
      when: all(
        { ">": [v("target_amount"), 0] },
        {
          "<": [
            { div: [or0(v("actual_amount")), v("target_amount")] },
            { "-": [{ elapsed_ratio: [v("period_start"), v("period_end")] }, 0.2] },
          ],
        },
      ),
      actions: [
        {
          type: "notify",
          to: [{ type: "field", field: "assignee" }, { type: "manager" }],
          title: t("本月目标进度落后", "Behind pace this month"),
          body: t(
            "达成率 {{achievement_rate}}，时间进度 {{time_elapsed}}。",
            "Achievement {{achievement_rate}} against time elapsed {{time_elapsed}}.",
          ),
        },
      ],
    },
    {
      id: "r11_year_end_achieved",
      name: t("R11 年末：目标达成", "R11 Year end: goal achieved"),
      trigger: {
        type: "schedule",
        cron: "0 2 1 1 *",
        timeZone: TZ,
        form: "sales_goal",
        filter: [where("_stage", "eq", "executing")],
      },
      when: all(YEAR_OVER, { ">=": [GOAL_ACHIEVEMENT, 1] }),
      actions: [{ type: "move_stage", to: "achieved" }],
    },
    {
      id: "r11_year_end_missed",
      name: t("R11 年末：目标未达成", "R11 Year end: goal missed"),
      trigger: {
        type: "schedule",
        cron: "0 2 1 1 *",
        timeZone: TZ,
        form: "sales_goal",
        filter: [where("_stage", "eq", "executing")],
      },
      when: all(YEAR_OVER, { "!": [{ ">=": [GOAL_ACHIEVEMENT, 1] }] }),
      actions: [{ type: "move_stage", to: "missed" }],
    },
  ];
}
