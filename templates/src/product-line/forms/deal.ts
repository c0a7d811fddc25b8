import type { Expression, Form } from "@stagecraft/schemas";
import { coreDealFields } from "../../shared/core-deal.js";
import { agg, or0, v } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { t } from "../../shared/i18n.js";
import { PRODUCTS } from "../../shared/option-sets.js";

/** Line items a deal may hold: R3 books one revenue row per item, and a rule can only count so far. */
export const MAX_ITEMS = 6;

/** A value of the primary line's data. */
function primaryLine(path: string): Expression {
  return { reduce: [[agg("primary_line_data")], { var: `current.${path}` }, null] };
}

/** The distinct product lines of the items. */
const DISTINCT_LINES: Expression = {
  reduce: [
    v("items"),
    {
      if: [
        { in: [{ var: "current.product_line" }, { var: "accumulator" }] },
        { var: "accumulator" },
        { merge: [{ var: "accumulator" }, [{ var: "current.product_line" }]] },
      ],
    },
    [],
  ],
};

/** Round robin over the primary line's specialists, by the deals the line already has. */
const NEXT_SPECIALIST: Expression = {
  reduce: [
    [agg("primary_line_data")],
    {
      var: [
        {
          cat: [
            "current.specialists.",
            { "%": [or0(agg("line_deals")), { count: [{ var: "current.specialists" }] }] },
            ".member",
          ],
        },
      ],
    },
    null,
  ],
};

/** `deal` = core deal + primary line, line items split by product line, and the specialist. */
export const dealForm: Form = {
  id: "deal",
  name: t("商机", "Deal"),
  titleField: "deal_name",
  fields: [
    ...coreDealFields(),
    {
      id: "primary_line",
      type: "reference",
      label: t("主产品线", "Primary line"),
      required: true,
      form: "product_line",
      displayField: "name",
    },
    {
      id: "items",
      type: "subform",
      label: t("产品明细", "Items"),
      maxRows: MAX_ITEMS,
      fields: [
        {
          id: "product_line",
          type: "reference",
          label: t("产品线", "Product line"),
          required: true,
          form: "product_line",
          displayField: "name",
        },
        {
          id: "product",
          type: "select",
          label: t("产品", "Product"),
          required: true,
          options: [...PRODUCTS],
        },
        { id: "amount", type: "money", label: t("金额", "Amount"), required: true, min: 0 },
        { id: "discount", type: "percent", label: t("折扣", "Discount"), min: 0, max: 1 },
      ],
    },
    { id: "specialist", type: "user", label: t("产品专家", "Specialist") },
    {
      id: "discount_reviewer",
      type: "user",
      label: t("折扣审核人", "Discount reviewer"),
      readOnlyWhen: true,
      help: t("折扣超过上限时由规则填入产品线经理", "Set to the line manager when a discount passes the cap"),
    },
    {
      id: "items_total",
      type: "formula",
      label: t("明细折后合计", "Items total after discount"),
      resultType: "money",
      expression: { sum_of: [v("items"), { "*": [or0(v("amount")), { "-": [1, or0(v("discount"))] }] }] },
    },
    {
      id: "max_item_discount",
      type: "formula",
      label: t("最大明细折扣", "Largest item discount"),
      resultType: "percent",
      expression: { max_of: [v("items"), or0(v("discount"))] },
    },
    {
      id: "line_cap",
      type: "formula",
      label: t("主产品线折扣上限", "Primary line's discount cap"),
      resultType: "percent",
      expression: primaryLine("max_discount"),
    },
    {
      id: "line_manager",
      type: "formula",
      label: t("主产品线经理", "Primary line's manager"),
      resultType: "text",
      expression: primaryLine("line_manager"),
    },
    {
      id: "next_specialist",
      type: "formula",
      label: t("轮转分配专家", "Next specialist in rotation"),
      resultType: "text",
      expression: NEXT_SPECIALIST,
    },
    {
      id: "line_count",
      type: "formula",
      label: t("涉及产品线数", "Product lines"),
      resultType: "number",
      precision: 0,
      expression: { count: [DISTINCT_LINES] },
    },
    {
      id: "cross_sell",
      type: "formula",
      label: t("交叉销售", "Cross-sell"),
      resultType: "number",
      precision: 0,
      help: t("1 = 明细涉及两条及以上产品线", "1 = the items span two lines or more"),
      expression: { if: [{ ">=": [{ count: [DISTINCT_LINES] }, 2] }, 1, 0] },
    },
  ],
  pipeline: {
    initial: "qualified",
    stages: [
      { id: "qualified", name: t("已确认", "Qualified"), probability: 20 },
      {
        id: "product_demo",
        name: t("产品演示", "Product demo"),
        probability: 40,
        requires: ["specialist"],
      },
      { id: "proposal", name: t("方案报价", "Proposal"), probability: 65, requires: ["items"] },
      { id: "won", name: t("赢单", "Won"), probability: 100, terminal: "won", requires: ["items"] },
      { id: "lost", name: t("输单", "Lost"), probability: 0, terminal: "lost", requires: ["lost_reason"] },
    ],
  },
  aggregates: [
    {
      id: "primary_line_data",
      type: "active",
      form: "product_line",
      from: "effective_from",
      filter: [where("line_id", "eq", thisValue("primary_line"))],
    },
    {
      id: "line_deals",
      type: "rollup",
      form: "deal",
      measure: "count",
      filter: [where("primary_line", "eq", thisValue("primary_line")), where("_id", "ne", thisValue("_id"))],
    },
  ],
};
