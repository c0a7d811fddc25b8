import type { Aggregate, Expression, Form } from "@stagecraft/schemas";
import { agg, or0, round, v } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { t } from "../../shared/i18n.js";
import { ACTIVITY_TYPES, type ActivityType } from "./activity-types.js";

/** The rep's visits of the scorecard's week (Monday to Sunday). */
function weekVisits(): ReturnType<typeof where>[] {
  return [
    where("rep", "eq", thisValue("rep")),
    where("check_in_at", "between", [thisValue("week_start"), thisValue("week_end")]),
  ];
}

/** Per activity type: the rep's count that week, and the standard's minimum and weight. */
function typeAggregates(type: ActivityType): Aggregate[] {
  return [
    {
      id: `done_${type}`,
      type: "rollup",
      form: "visit_record",
      measure: "count",
      filter: [...weekVisits(), where("visit_type", "eq", type)],
    },
    {
      id: `min_${type}`,
      type: "rollup",
      form: "activity_standard",
      measure: "max",
      field: "weekly_min",
      filter: [where("activity_type", "eq", type)],
    },
    {
      id: `weight_${type}`,
      type: "rollup",
      form: "activity_standard",
      measure: "max",
      field: "weight",
      filter: [where("activity_type", "eq", type)],
    },
  ];
}

/**
 * Compliance (0–100) = Σ weight × MIN(1, actual ÷ weekly_min) over the activity types. A type with
 * a minimum of 0 (or none) counts as met.
 */
export const COMPLIANCE_SCORE: Expression = round(
  {
    "*": [
      100,
      {
        "+": ACTIVITY_TYPES.map((type) => ({
          "*": [
            or0(agg(`weight_${type}`)),
            { min: [1, { coalesce: [{ div: [or0(agg(`done_${type}`)), agg(`min_${type}`)] }, 1] }] },
          ],
        })),
      },
    ],
  },
  1,
);

/** `process_scorecard` (过程周评分): one row per rep and week, scored by R3 when the week is over. */
export const processScorecardForm: Form = {
  id: "process_scorecard",
  name: t("过程周评分", "Weekly process scorecard"),
  description: t(
    "每周一自动为上周打分：拜访次数、按时跟进率、过程达标分，并为每位销售生成本周评分行",
    "Every Monday last week is scored (visits, on-time rate, compliance) and each rep gets this week's row",
  ),
  titleField: "week_start",
  fields: [
    { id: "rep", type: "user", label: t("销售", "Rep"), required: true },
    { id: "week_start", type: "date", label: t("周开始（周一）", "Week start (Monday)"), required: true },
    {
      id: "week_end",
      type: "formula",
      label: t("周结束", "Week end"),
      resultType: "date",
      expression: { add_days: [v("week_start"), 6] },
    },
    {
      id: "scored_on",
      type: "date",
      label: t("评分日期", "Scored on"),
      help: t(
        "R3 在周一写入；写入时按上周的拜访重新计算以下得分",
        "Set by R3 on Monday; the scores below are computed from the week's visits then",
      ),
    },
    {
      id: "visits",
      type: "formula",
      label: t("拜访次数", "Visits"),
      resultType: "number",
      precision: 0,
      expression: or0(agg("week_visits")),
    },
    {
      id: "on_time_rate",
      type: "formula",
      label: t("按时跟进率", "On-time rate"),
      resultType: "percent",
      expression: or0(agg("week_on_time")),
    },
    {
      id: "compliance_score",
      type: "formula",
      label: t("过程达标分", "Compliance score"),
      resultType: "number",
      precision: 1,
      help: t(
        "Σ 权重 × MIN(1, 实际次数 ÷ 每周最低次数) × 100",
        "Σ weight × MIN(1, actual ÷ weekly minimum) × 100",
      ),
      expression: COMPLIANCE_SCORE,
    },
  ],
  aggregates: [
    ...ACTIVITY_TYPES.flatMap(typeAggregates),
    { id: "week_visits", type: "rollup", form: "visit_record", measure: "count", filter: weekVisits() },
    {
      id: "week_on_time",
      type: "rollup",
      form: "visit_record",
      measure: "avg",
      field: "on_time",
      filter: weekVisits(),
    },
  ],
};
