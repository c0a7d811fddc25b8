import type { Expression, Form } from "@stagecraft/schemas";
import { agg, eq, or0, round, v } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { option, t } from "../../shared/i18n.js";
import { TEAMS } from "../../shared/option-sets.js";

const IS_REP = eq(v("level"), "rep");

/** A rep row's actual, or for a team row the sum of its reps' actuals in the same period. */
export const ACHIEVED: Expression = { if: [IS_REP, or0(v("actual")), or0(agg("reps_actual"))] };

/** (achieved ÷ base target) ÷ share of the period elapsed: 1 = on pace. */
export const PACE: Expression = {
  div: [{ div: [ACHIEVED, v("base_target")] }, { elapsed_ratio: [v("period_start"), v("period_end")] }],
};

/** `target` (目标): a base and a stretch target of a team or a rep for a month or quarter. */
export const targetForm: Form = {
  id: "target",
  name: t("目标", "Target"),
  description: t(
    "每月或每季度的基础目标与挑战目标，分解到团队和个人；按时间进度检查节奏，期末自动判定并复盘",
    "Base and stretch targets per month or quarter for teams and reps; pace is checked against time, and each period is closed and reviewed",
  ),
  fields: [
    { id: "period_start", type: "date", label: t("周期开始", "Period start"), required: true },
    { id: "period_end", type: "date", label: t("周期结束", "Period end"), required: true },
    {
      id: "level",
      type: "select",
      label: t("层级", "Level"),
      required: true,
      options: [option("team", "团队", "Team"), option("rep", "个人", "Rep")],
    },
    { id: "team", type: "select", label: t("团队", "Team"), required: true, options: [...TEAMS] },
    // `assignee:user!(level=rep)`: shown, and then required, for rep rows.
    { id: "assignee", type: "user", label: t("负责人", "Assignee"), required: true, visibleWhen: IS_REP },
    { id: "base_target", type: "money", label: t("基础目标", "Base target"), required: true, min: 0 },
    { id: "stretch_target", type: "money", label: t("挑战目标", "Stretch target"), min: 0 },
    {
      id: "actual",
      type: "money",
      label: t("实际完成", "Actual"),
      min: 0,
      help: t("赢单时自动累加", "Added to automatically when a deal is won"),
      readOnlyWhen: true,
    },
    {
      id: "achieved",
      type: "formula",
      label: t("完成额", "Achieved"),
      resultType: "money",
      expression: ACHIEVED,
    },
    {
      id: "achievement_rate",
      type: "formula",
      label: t("达成率", "Achievement rate"),
      resultType: "percent",
      precision: 4,
      expression: { div: [ACHIEVED, v("base_target")] },
    },
    {
      id: "pace",
      type: "formula",
      label: t("进度指数", "Pace"),
      resultType: "number",
      precision: 2,
      expression: round(PACE, 2),
    },
    {
      id: "stretch_hit",
      type: "formula",
      label: t("达成挑战目标", "Stretch target hit"),
      resultType: "boolean",
      expression: { and: [{ ">": [v("stretch_target"), 0] }, { ">=": [ACHIEVED, v("stretch_target")] }] },
    },
    { id: "pace_checked_on", type: "date", label: t("最近进度检查", "Last pace check"), readOnlyWhen: true },
    {
      id: "next_pace_check",
      type: "formula",
      label: t("下次进度检查", "Next pace check"),
      resultType: "date",
      expression: { add_days: [{ coalesce: [v("pace_checked_on"), v("period_start")] }, 7] },
    },
  ],
  pipeline: {
    initial: "draft",
    stages: [
      { id: "draft", name: t("草拟", "Draft") },
      { id: "committed", name: t("已承诺", "Committed") },
      { id: "tracking", name: t("跟踪中", "Tracking") },
      { id: "achieved", name: t("已达成", "Achieved"), terminal: "won" },
      { id: "missed", name: t("未达成", "Missed"), terminal: "lost" },
    ],
  },
  aggregates: [
    {
      id: "reps_actual",
      type: "rollup",
      form: "target",
      measure: "sum",
      field: "actual",
      filter: [
        where("level", "eq", "rep"),
        where("team", "eq", thisValue("team")),
        where("period_start", "eq", thisValue("period_start")),
      ],
    },
  ],
};
