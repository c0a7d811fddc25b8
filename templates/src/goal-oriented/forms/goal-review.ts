import type { Form } from "@stagecraft/schemas";
import { agg, eq, or0, v } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { option, t } from "../../shared/i18n.js";

const DONE = eq(v("status"), "done");

/** `goal_review` (目标复盘): the gap of a closed period, its root causes and the actions. */
export const goalReviewForm: Form = {
  id: "goal_review",
  name: t("目标复盘", "Goal review"),
  description: t("期末差距复盘：根因与改进行动", "The period's gap review: root causes and actions"),
  fields: [
    { id: "target", type: "reference", label: t("目标", "Target"), required: true, form: "target" },
    { id: "review_date", type: "date", label: t("复盘日期", "Review date"), required: true },
    {
      // Not in TEMPLATES.md: R3 creates the review as a task; causes and actions come with "done".
      id: "status",
      type: "select",
      label: t("状态", "Status"),
      required: true,
      default: "planned",
      options: [option("planned", "待复盘", "Planned"), option("done", "已复盘", "Done")],
    },
    {
      id: "gap",
      type: "formula",
      label: t("差距", "Gap"),
      resultType: "money",
      expression: { "-": [or0(agg("base_target")), or0(agg("achieved"))] },
    },
    {
      id: "root_causes",
      type: "multiselect",
      label: t("根因", "Root causes"),
      required: true,
      visibleWhen: DONE,
      options: [
        option("thin_pipeline", "商机储备不足", "Thin pipeline"),
        option("low_win_rate", "赢率偏低", "Low win rate"),
        option("slipped", "成交延期", "Deals slipped"),
      ],
    },
    { id: "actions", type: "textarea", label: t("改进行动", "Actions"), required: true, visibleWhen: DONE },
  ],
  aggregates: [
    {
      id: "base_target",
      type: "rollup",
      form: "target",
      measure: "sum",
      field: "base_target",
      filter: [where("_id", "eq", thisValue("target"))],
    },
    {
      id: "achieved",
      type: "rollup",
      form: "target",
      measure: "sum",
      field: "achieved",
      filter: [where("_id", "eq", thisValue("target"))],
    },
  ],
};
