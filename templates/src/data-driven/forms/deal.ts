import type { Expression, Form } from "@stagecraft/schemas";
import { coreDealFields } from "../../shared/core-deal.js";
import { agg, isSet, or0, round } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { option, t } from "../../shared/i18n.js";
import { LEAD_SOURCES } from "../../shared/option-sets.js";
import { dealTerminalStages } from "../../shared/plain-core-forms.js";

/** The eight analysis fields data completeness counts. */
export const ANALYSIS_FIELDS = [
  "lead_source",
  "segment",
  "forecast_category",
  "decision_maker",
  "budget_amount",
  "pain_points",
  "competitors",
  "next_step",
] as const;

/** Whether an analysis field is filled: "" and null are not, nor an empty list of competitors. */
function filled(field: string): Expression {
  return field === "competitors" ? { ">": [{ count: [{ var: field }] }, 0] } : isSet(field);
}

/** Filled analysis fields ÷ 8 × 100. */
const COMPLETENESS: Expression = round(
  {
    "*": [
      { "/": [{ "+": ANALYSIS_FIELDS.map((f) => ({ if: [filled(f), 1, 0] })) }, ANALYSIS_FIELDS.length] },
      100,
    ],
  },
  1,
);

/** R3 guard: a proposal needs at least 80 % of the analysis filled in. */
export const COMPLETE_ENOUGH: Expression = { ">=": [COMPLETENESS, 80] };

/** `deal` (商机) = core deal + source, segment, forecast category and the analysis fields. */
export const dealForm: Form = {
  id: "deal",
  name: t("商机", "Deal"),
  description: t(
    "每个商机的来源、客群、预测分类和分析字段都是数据；完整度不足 80% 不能进入方案阶段",
    "Source, segment, forecast category and analysis are data; below 80 % completeness a deal cannot enter proposal",
  ),
  titleField: "deal_name",
  fields: [
    ...coreDealFields(),
    {
      id: "lead_source",
      type: "select",
      label: t("线索来源", "Lead source"),
      required: true,
      options: [...LEAD_SOURCES],
    },
    {
      id: "segment",
      type: "select",
      label: t("客群", "Segment"),
      required: true,
      options: [
        option("smb", "小微企业", "SMB"),
        option("mid", "中型企业", "Mid-market"),
        option("enterprise", "大型企业", "Enterprise"),
      ],
    },
    {
      id: "forecast_category",
      type: "select",
      label: t("预测分类", "Forecast category"),
      required: true,
      options: [
        option("pipeline", "管道", "Pipeline"),
        option("best_case", "最佳情况", "Best case"),
        option("commit", "承诺", "Commit"),
      ],
    },
    { id: "decision_maker", type: "text", label: t("决策人", "Decision maker") },
    { id: "budget_amount", type: "money", label: t("客户预算", "Budget"), min: 0 },
    { id: "pain_points", type: "textarea", label: t("痛点", "Pain points") },
    {
      id: "competitors",
      type: "multiselect",
      label: t("竞争对手", "Competitors"),
      options: [
        option("none", "无明显竞争", "None"),
        option("local_vendor", "本地厂商", "Local vendor"),
        option("global_vendor", "国际厂商", "Global vendor"),
        option("in_house", "客户自研", "In-house build"),
      ],
    },
    { id: "next_step", type: "text", label: t("下一步", "Next step") },
    {
      id: "completeness",
      type: "formula",
      label: t("数据完整度", "Data completeness"),
      resultType: "number",
      precision: 1,
      expression: COMPLETENESS,
    },
    {
      id: "activity_count",
      type: "formula",
      label: t("行为次数", "Activities"),
      resultType: "number",
      precision: 0,
      expression: or0(agg("activities")),
    },
  ],
  pipeline: {
    initial: "qualified",
    stages: [
      { id: "qualified", name: t("已确认", "Qualified"), probability: 20 },
      { id: "discovery", name: t("需求挖掘", "Discovery"), probability: 40 },
      {
        id: "proposal",
        name: t("方案", "Proposal"),
        probability: 60,
        requires: ["forecast_category"],
        guard: COMPLETE_ENOUGH,
        guardMessage: t(
          "数据完整度不足 80%：请补全分析字段",
          "Data completeness below 80 %: fill in the analysis fields",
        ),
      },
      ...dealTerminalStages(),
    ],
  },
  aggregates: [
    {
      id: "activities",
      type: "rollup",
      form: "activity_log",
      measure: "count",
      filter: [where("deal", "eq", thisValue("_id"))],
    },
  ],
};
