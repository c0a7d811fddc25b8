import type { Form } from "@stagecraft/schemas";
import { agg, or0, v } from "../../shared/expressions.js";
import { coreDealFields } from "../../shared/core-deal.js";
import { thisValue, where } from "../../shared/filters.js";
import { option, t } from "../../shared/i18n.js";
import { dealTerminalStages } from "../../shared/plain-core-forms.js";

/** `deal` (商机) = core deal + sprint, feedback tags for product and the next action date. */
export const dealForm: Form = {
  id: "deal",
  name: t("商机", "Deal"),
  description: t(
    "轻量流程：待办→接触→试用→赢单/输单，每个商机都有下一步行动日期",
    "A light flow: backlog → engaged → trial → won/lost; every deal has a next action date",
  ),
  titleField: "deal_name",
  fields: [
    ...coreDealFields(),
    { id: "sprint", type: "reference", label: t("所属冲刺", "Sprint"), form: "sprint", displayField: "name" },
    {
      id: "feedback_tags",
      type: "multiselect",
      label: t("客户反馈", "Customer feedback"),
      help: t(
        "两周内 5 次“功能缺口”会推送到产品待办",
        "5 feature gaps in 14 days are sent to the product backlog",
      ),
      options: [
        option("price", "价格", "Price"),
        option("feature_gap", "功能缺口", "Feature gap"),
        option("timing", "时机", "Timing"),
        option("competitor", "竞争对手", "Competitor"),
      ],
    },
    { id: "next_action_date", type: "date", label: t("下一步行动日期", "Next action date"), required: true },
    {
      // R2: deals tagged feature_gap and changed in the last 14 days, this one included.
      id: "recent_feature_gaps",
      type: "formula",
      label: t("近 14 天功能缺口反馈", "Feature gaps in 14 days"),
      resultType: "number",
      precision: 0,
      expression: {
        "+": [
          or0(agg("other_feature_gaps")),
          { if: [{ in: ["feature_gap", { coalesce: [v("feedback_tags"), []] }] }, 1, 0] },
        ],
      },
    },
  ],
  pipeline: {
    initial: "backlog",
    stages: [
      { id: "backlog", name: t("待办", "Backlog"), probability: 10 },
      { id: "engaged", name: t("接触中", "Engaged"), probability: 30 },
      { id: "trial", name: t("试用", "Trial"), probability: 60 },
      ...dealTerminalStages(),
    ],
  },
  aggregates: [
    {
      id: "other_feature_gaps",
      type: "rollup",
      form: "deal",
      measure: "count",
      filter: [
        where("_id", "ne", thisValue("_id")),
        where("feedback_tags", "contains", "feature_gap"),
        where("_updated_at", "within_last_days", 14),
      ],
    },
  ],
};
