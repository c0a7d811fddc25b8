import type { Expression, Form, Stage } from "@stagecraft/schemas";
import { coreDealFields } from "../../shared/core-deal.js";
import { or0, v } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { option, t } from "../../shared/i18n.js";
import { describeForm } from "../rollout.js";

/** The seed's deal sequence with its default win probabilities (10, 25, 50, 70, 90 %). */
const stages: Stage[] = [
  { id: "initial_contact", name: t("初步接触", "Initial contact"), probability: 10 },
  {
    id: "needs_confirmed",
    name: t("需求确认", "Needs confirmed"),
    probability: 25,
    requires: ["needs_summary", "decision_maker", "budget_amount"],
  },
  { id: "solution", name: t("方案制定", "Solution"), probability: 50, requires: ["solution_file"] },
  { id: "quotation", name: t("报价", "Quotation"), probability: 70, requires: ["quote"] },
  { id: "signing", name: t("合同签约", "Signing"), probability: 90 },
  { id: "won", name: t("赢单", "Won"), probability: 100, terminal: "won" },
  { id: "lost", name: t("输单", "Lost"), probability: 0, terminal: "lost", requires: ["lost_reason"] },
];

/**
 * The stage's default probability as a fraction. Expressions cannot read a stage's `probability`,
 * so the numbers are repeated here from `stages` (one source, mapped).
 */
const STAGE_PROBABILITY: Expression = {
  case: [v("_stage"), ...stages.flatMap((s) => [s.id, (s.probability ?? 0) / 100])],
};

/** `deal` (商机) = core deal + lead, type, needs, solution, quote and weighted amount. */
export const dealForm: Form = {
  id: "deal",
  name: t("商机", "Deal"),
  description: describeForm(
    "P2",
    "从初步接触到合同签约的商机全过程",
    "A deal from initial contact to signing",
  ),
  titleField: "deal_name",
  fields: [
    ...coreDealFields(),
    { id: "lead", type: "reference", label: t("来源线索", "Lead"), form: "lead", displayField: "company" },
    {
      id: "deal_type",
      type: "select",
      label: t("商机类型", "Deal type"),
      required: true,
      options: [
        option("new", "新签", "New"),
        option("renewal", "续约", "Renewal"),
        option("upsell", "增购", "Upsell"),
      ],
    },
    { id: "needs_summary", type: "textarea", label: t("需求概要", "Needs summary") },
    { id: "decision_maker", type: "text", label: t("决策人", "Decision maker") },
    { id: "budget_amount", type: "money", label: t("客户预算", "Budget"), min: 0 },
    { id: "solution_file", type: "file", label: t("解决方案", "Solution file") },
    {
      id: "quote",
      type: "reference",
      label: t("报价单", "Quote"),
      form: "quote_contract",
      displayField: "contract_no",
    },
    {
      id: "win_probability",
      type: "percent",
      label: t("赢单概率", "Win probability"),
      min: 0,
      max: 1,
      help: t("留空则按阶段默认：10%、25%、50%、70%、90%", "Empty = the stage default: 10, 25, 50, 70, 90 %"),
    },
    {
      id: "weighted_amount",
      type: "formula",
      label: t("加权金额", "Weighted amount"),
      resultType: "money",
      expression: { "*": [or0(v("amount")), { coalesce: [v("win_probability"), STAGE_PROBABILITY] }] },
    },
  ],
  pipeline: { initial: "initial_contact", stages },
  aggregates: [
    {
      // R6: the customer's follow-up cycle (a lookup through the `customer` reference).
      id: "customer_follow_cycle",
      type: "rollup",
      form: "customer",
      measure: "max",
      field: "follow_cycle_days",
      filter: [where("_id", "eq", thisValue("customer"))],
    },
    {
      // R8: a signed contract of this deal moves it to won.
      id: "signed_contracts",
      type: "rollup",
      form: "quote_contract",
      measure: "count",
      filter: [where("deal", "eq", thisValue("_id")), where("_stage", "eq", "signed")],
    },
  ],
};
