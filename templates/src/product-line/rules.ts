import type { Rule } from "@stagecraft/schemas";
import { all, isSet, or0, today, v } from "../shared/expressions.js";
import { t } from "../shared/i18n.js";
import { MAX_ITEMS } from "./forms/deal.js";

/**
 * R3 for item `index` (0-based): a rule cannot loop over rows, so each item position has its own
 * rule that books that item when the deal has it.
 */
function lineRevenueRule(index: number): Rule {
  const item = (field: string) => ({ var: `items.${index}.${field}` });
  return {
    id: `r3_line_revenue_${index + 1}`,
    name: t(`R3 赢单按明细第 ${index + 1} 行分账`, `R3 Won: book item ${index + 1} to its line`),
    trigger: { type: "stage.entered", form: "deal", stage: "won" },
    when: { ">": [{ count: [v("items")] }, index] },
    actions: [
      {
        type: "create_record",
        form: "line_revenue",
        data: {
          deal: v("_id"),
          product_line: item("product_line"),
          product: item("product"),
          owner: v("owner"),
          amount: { round: [{ "*": [or0(item("amount")), { "-": [1, or0(item("discount"))] }] }, 2] },
          month: { cat: [{ substr: [today(), 0, 8] }, "01"] },
        },
      },
    ],
  };
}

/** R1–R3 of TEMPLATES.md B10. */
export function productLineRules(): Rule[] {
  return [
    {
      id: "r0_line_setup",
      name: t("新产品线：登记记录号", "New line: record its id"),
      trigger: { type: "record.created", form: "product_line" },
      actions: [{ type: "set_field", field: "line_id", value: v("_id") }],
    },
    {
      id: "r1_assign_specialist",
      name: t("R1 按主产品线轮转分配产品专家", "R1 Assign a specialist round-robin from the primary line"),
      trigger: { type: "record.created", form: "deal" },
      when: all(isSet("next_specialist"), { "!": [isSet("specialist")] }),
      actions: [
        { type: "set_field", field: "specialist", value: v("next_specialist") },
        {
          type: "notify",
          to: [{ type: "field", field: "specialist" }],
          title: t("你被指派为商机的产品专家", "You are the specialist on a deal"),
          body: t("{{deal_name}}", "{{deal_name}}"),
        },
      ],
    },
    {
      id: "r2_discount_over_cap",
      name: t(
        "R2 明细折扣超过产品线上限提醒产品线经理",
        "R2 Item discount over the line's cap: tell the line manager",
      ),
      trigger: { type: "field.changed", form: "deal", fields: ["items"] },
      when: all(isSet("line_cap"), { ">": [or0(v("max_item_discount")), v("line_cap")] }),
      actions: [
        // Notifications go to user fields: the manager is copied into one first.
        { type: "set_field", field: "discount_reviewer", value: v("line_manager") },
        {
          type: "notify",
          to: [{ type: "field", field: "discount_reviewer" }],
          title: t("商机折扣超过产品线上限", "Deal discount over the line's cap"),
          body: t(
            "{{deal_name}} 最大折扣 {{max_item_discount}}，上限 {{line_cap}}。",
            "{{deal_name}}: largest discount {{max_item_discount}}, cap {{line_cap}}.",
          ),
        },
      ],
    },
    ...Array.from({ length: MAX_ITEMS }, (_, i) => lineRevenueRule(i)),
  ];
}
