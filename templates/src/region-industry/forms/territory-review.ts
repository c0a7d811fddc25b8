import type { Expression, Form } from "@stagecraft/schemas";
import { agg, or0, v } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { t } from "../../shared/i18n.js";

/** The first day of the month after `date` ("YYYY-MM-01"). */
export function nextMonth(date: Expression): Expression {
  return { cat: [{ substr: [{ add_days: [{ cat: [{ substr: [date, 0, 8] }, "01"] }, 32] }, 0, 8] }, "01"] };
}

/** `territory_review` (区域月报): a territory's month — revenue won, estimated share, actions. */
export const territoryReviewForm: Form = {
  id: "territory_review",
  name: t("区域月报", "Territory monthly review"),
  description: t(
    "每月初自动为每个单元生成；月末结账时按当月赢单计算收入",
    "Opened for each territory every month; closing it at month end computes the month's won revenue",
  ),
  titleField: "month",
  fields: [
    {
      id: "territory",
      type: "reference",
      label: t("单元", "Territory"),
      required: true,
      form: "territory",
      displayField: "code",
    },
    { id: "month", type: "date", label: t("月份（1日）", "Month (1st day)"), required: true },
    {
      id: "month_end",
      type: "formula",
      label: t("月末", "Month end"),
      resultType: "date",
      expression: { add_days: [nextMonth(v("month")), -1] },
    },
    {
      id: "revenue",
      type: "formula",
      label: t("当月赢单收入", "Revenue won"),
      resultType: "money",
      expression: or0(agg("month_won")),
    },
    { id: "est_share", type: "percent", label: t("估算市场份额", "Estimated share"), min: 0, max: 1 },
    // Required to submit the review (rule-created reviews start empty, so not on creation).
    { id: "actions", type: "textarea", label: t("下月行动", "Actions") },
    { id: "closed_on", type: "date", label: t("结账日期", "Closed on") },
    { id: "manager", type: "user", label: t("单元负责人", "Territory manager"), required: true },
  ],
  pipeline: {
    initial: "open",
    stages: [
      { id: "open", name: t("填写中", "Open") },
      {
        id: "submitted",
        name: t("已提交", "Submitted"),
        terminal: "won",
        requires: ["actions", "est_share"],
      },
    ],
  },
  aggregates: [
    {
      id: "month_won",
      type: "rollup",
      form: "deal",
      measure: "sum",
      field: "amount",
      filter: [
        where("territory", "eq", thisValue("territory")),
        where("_stage", "eq", "won"),
        where("_closed_at", "between", [thisValue("month"), thisValue("month_end")]),
      ],
    },
  ],
};
