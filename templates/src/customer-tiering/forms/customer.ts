import type { Expression, Form, Stage } from "@stagecraft/schemas";
import { coreCustomerFields } from "../../shared/core-customer.js";
import { agg, or0, v } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { option, t } from "../../shared/i18n.js";

const TIERS = [option("A", "A 级", "Tier A"), option("B", "B 级", "Tier B"), option("C", "C 级", "Tier C")];

/** A field of the tiering rule in force (null when no rule is in force): the aggregate is its data. */
function rule(field: string): Expression {
  return { reduce: [[agg("rule")], { var: `current.${field}` }, null] };
}

const VALUE = or0(v("annual_value"));
const POTENTIAL = or0(v("potential_score"));

/**
 * tier = IF(value ≥ a_value OR (value ≥ b_value AND potential ≥ a_pot), A,
 *           IF(value ≥ b_value OR potential ≥ b_pot, B, C)); empty while no rule is in force.
 */
export const TIER: Expression = {
  if: [
    { "==": [agg("rule"), null] },
    null,
    {
      or: [
        { ">=": [VALUE, rule("a_value")] },
        { and: [{ ">=": [VALUE, rule("b_value")] }, { ">=": [POTENTIAL, rule("a_pot")] }] },
      ],
    },
    "A",
    { or: [{ ">=": [VALUE, rule("b_value")] }, { ">=": [POTENTIAL, rule("b_pot")] }] },
    "B",
    "C",
  ],
};

const EFFECTIVE_TIER: Expression = { coalesce: [v("tier_override"), TIER] };

const stages: Stage[] = [
  { id: "unrated", name: t("待评级", "Unrated") },
  { id: "rated", name: t("已评级", "Rated"), requires: ["annual_value", "potential_score"] },
  { id: "serving", name: t("服务中", "Serving") },
  { id: "dormant", name: t("休眠", "Dormant") },
  { id: "churned", name: t("已流失", "Churned"), terminal: "lost" },
];

/** `customer` (客户) = core customer + value, potential and the computed tier and cadence. */
export const customerForm: Form = {
  id: "customer",
  name: t("客户", "Customer"),
  description: t(
    "按价值与潜力自动分级，回访周期随级别：A 级重点维护，B 级挖掘需求，C 级批量触达",
    "Tiered from value and potential; the cadence follows the tier: A nurtured, B developed, C reached in batches",
  ),
  titleField: "customer_name",
  fields: [
    ...coreCustomerFields(),
    { id: "annual_value", type: "money", label: t("年价值", "Annual value"), required: true, min: 0 },
    {
      id: "potential_score",
      type: "number",
      label: t("潜力分", "Potential score"),
      required: true,
      min: 0,
      max: 100,
      precision: 0,
    },
    {
      id: "tier",
      type: "formula",
      label: t("计算级别", "Computed tier"),
      resultType: "text",
      expression: TIER,
    },
    {
      id: "tier_override",
      type: "select",
      label: t("人工调整级别", "Tier override"),
      help: t("留空则使用计算级别", "Empty = the computed tier"),
      options: TIERS,
    },
    {
      id: "effective_tier",
      type: "formula",
      label: t("生效级别", "Effective tier"),
      resultType: "text",
      expression: EFFECTIVE_TIER,
    },
    {
      id: "cadence_days",
      type: "formula",
      label: t("回访周期（天）", "Cadence (days)"),
      resultType: "number",
      precision: 0,
      expression: {
        case: [EFFECTIVE_TIER, "A", rule("cad_a"), "B", rule("cad_b"), "C", rule("cad_c"), null],
      },
    },
    {
      id: "next_touch_date",
      type: "formula",
      label: t("下次触达日期", "Next touch date"),
      resultType: "date",
      expression: {
        add_days: [
          { coalesce: [v("last_activity_at"), v("_created_at")] },
          { case: [EFFECTIVE_TIER, "A", rule("cad_a"), "B", rule("cad_b"), "C", rule("cad_c"), null] },
        ],
      },
    },
    {
      id: "criteria_version",
      type: "formula",
      label: t("分级标准版本", "Criteria version"),
      resultType: "text",
      expression: rule("version"),
    },
    // R3: won deal amounts of the last 365 days, read again whenever the customer is written.
    {
      id: "won_last_365",
      type: "formula",
      label: t("近 365 天赢单金额", "Won in 365 days"),
      resultType: "money",
      expression: or0(agg("won_365")),
    },
    { id: "revalued_on", type: "date", label: t("最近重估日期", "Last revaluation"), readOnlyWhen: true },
    {
      id: "next_revalue_date",
      type: "formula",
      label: t("下次重估日期", "Next revaluation"),
      resultType: "date",
      expression: { add_days: [{ coalesce: [v("revalued_on"), v("_created_at")] }, 90] },
    },
  ],
  pipeline: { initial: "unrated", stages },
  aggregates: [
    { id: "rule", type: "active", form: "tiering_rule", from: "effective_from" },
    {
      id: "won_365",
      type: "rollup",
      form: "deal",
      measure: "sum",
      field: "amount",
      filter: [
        where("customer", "eq", thisValue("_id")),
        where("_stage", "eq", "won"),
        where("_closed_at", "within_last_days", 365),
      ],
    },
  ],
};
