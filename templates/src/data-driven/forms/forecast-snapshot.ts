import type { Form } from "@stagecraft/schemas";
import { v } from "../../shared/expressions.js";
import { t } from "../../shared/i18n.js";

/** `forecast_snapshot` (周预测): a rep's committed amount for a week and what came in. */
export const forecastSnapshotForm: Form = {
  id: "forecast_snapshot",
  name: t("周预测", "Weekly forecast"),
  description: t(
    "每周每人一条：承诺金额与实际金额，计算预测准确率",
    "One per rep and week: commit and actual, for forecast accuracy",
  ),
  fields: [
    { id: "week_start", type: "date", label: t("周开始日期", "Week start"), required: true },
    { id: "rep", type: "user", label: t("销售", "Rep"), required: true },
    { id: "commit_amount", type: "money", label: t("承诺金额", "Commit"), min: 0 },
    { id: "actual_amount", type: "money", label: t("实际金额", "Actual"), min: 0 },
    {
      // 1 − |actual − commit| ÷ commit, once both are known.
      id: "accuracy",
      type: "formula",
      label: t("预测准确率", "Forecast accuracy"),
      resultType: "percent",
      precision: 4,
      expression: {
        if: [
          { and: [{ ">": [v("commit_amount"), 0] }, { "!=": [v("actual_amount"), null] }] },
          {
            "-": [
              1,
              { div: [{ abs: [{ "-": [v("actual_amount"), v("commit_amount")] }] }, v("commit_amount")] },
            ],
          },
          null,
        ],
      },
    },
  ],
};
