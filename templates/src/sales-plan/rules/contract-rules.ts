import type { Rule } from "@stagecraft/schemas";
import { agg, all, atTime, eq, isSet, or0, today, v } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { t } from "../../shared/i18n.js";

const SIGNED = { type: "stage.entered", form: "quote_contract", stage: "signed" } as const;

/** 1 when the contract is of that type, else 0 (for the actual_* increments). */
function oneIf(contractType: string) {
  return { if: [eq(v("contract_type"), contractType), 1, 0] };
}

/** R7 (discount approval), R8 (signing updates deal, customer and goal rows), R9 (after-sales). */
export function contractRules(): Rule[] {
  return [
    {
      // ≤ 15 %: the move goes straight through. Above: the `sent` stage's approval step sends it
      // to the manager's inbox (TEMPLATES.md: "else notify(sales_manager)").
      id: "r7_discount_check",
      name: t(
        "R7 折扣检查：不超过 15% 直接发送，否则上级审批",
        "R7 Discount: ≤ 15 % goes out, above needs approval",
      ),
      trigger: { type: "stage.entered", form: "quote_contract", stage: "pending_approval" },
      actions: [{ type: "move_stage", to: "sent" }],
    },
    {
      id: "r8_contract_signed",
      name: t("R8 签约：更新商机、客户与目标达成", "R8 Signed: update deal, customer and goal achievement"),
      trigger: SIGNED,
      actions: [
        // Another record's stage cannot be moved from here: this write wakes r8_deal_won.
        {
          type: "update_records",
          form: "deal",
          target: { type: "reference", field: "deal" },
          set: { win_probability: 1 },
        },
        {
          type: "update_records",
          form: "customer",
          target: { type: "reference", field: "customer" },
          set: { status: "active" },
        },
        {
          // The owner's person-month row; r8_roll_up_actuals carries the change up the tree.
          type: "update_records",
          form: "goal_breakdown",
          target: {
            type: "filter",
            filter: [
              where("level", "eq", "person"),
              where("assignee", "eq", thisValue("owner")),
              where("period_start", "lte", thisValue("sign_date")),
              where("period_end", "gte", thisValue("sign_date")),
            ],
          },
          increment: {
            actual_amount: or0(v("total_amount")),
            actual_new_customers: oneIf("new"),
            actual_renewals: oneIf("renewal"),
          },
          reverseOnLeave: true,
        },
        {
          type: "notify",
          to: [{ type: "field", field: "owner" }, { type: "manager" }],
          title: t("合同已签约", "Contract signed"),
          body: t(
            "合同 {{contract_no}}，金额 {{total_amount}}。",
            "Contract {{contract_no}}, amount {{total_amount}}.",
          ),
        },
      ],
    },
    {
      id: "r8_deal_won",
      name: t("R8 有已签约合同的商机转为赢单", "R8 A deal with a signed contract is won"),
      trigger: { type: "record.updated", form: "deal" },
      when: all({ ">": [or0(agg("signed_contracts")), 0] }, { "!==": [v("_stage"), "won"] }),
      actions: [{ type: "move_stage", to: "won" }],
    },
    {
      // Each ancestor's actuals are the sum of its children's, so a change climbs the tree
      // person → team → month → quarter, one rule cascade step per level.
      id: "r8_roll_up_actuals",
      name: t("R8 实际值逐级汇总到上级行", "R8 Roll actuals up to the parent rows"),
      trigger: {
        type: "field.changed",
        form: "goal_breakdown",
        fields: ["actual_amount", "actual_new_customers", "actual_renewals"],
      },
      when: isSet("parent_row"),
      actions: [
        {
          type: "update_records",
          form: "goal_breakdown",
          target: { type: "reference", field: "parent_row" },
          set: {
            actual_amount: or0(agg("siblings_actual_amount")),
            actual_new_customers: or0(agg("siblings_actual_new_customers")),
            actual_renewals: or0(agg("siblings_actual_renewals")),
          },
        },
      ],
    },
    {
      id: "r9_return_visit",
      name: t("R9 签约 30 天后回访", "R9 Return visit 30 days after signing"),
      trigger: SIGNED,
      actions: [
        {
          type: "create_record",
          form: "follow_up",
          data: {
            customer: v("customer"),
            deal: v("deal"),
            owner: v("owner"),
            follow_type: "return_visit",
            status: "planned",
            follow_at: atTime({ add_days: [{ coalesce: [v("sign_date"), today()] }, 30] }, "10:00"),
          },
        },
      ],
    },
    {
      id: "r9_renewal_deal",
      name: t("R9 合同到期前 60 天生成续约商机", "R9 Renewal deal 60 days before the contract ends"),
      trigger: { type: "date.offset", form: "quote_contract", field: "end_date", days: -60, at: "09:00" },
      when: eq(v("_stage"), "signed"),
      actions: [
        {
          type: "create_record",
          form: "deal",
          data: {
            deal_name: { cat: ["续约 Renewal · ", { coalesce: [v("contract_no"), ""] }] },
            customer: v("customer"),
            owner: v("owner"),
            amount: or0(v("total_amount")),
            expected_close_date: v("end_date"),
            deal_type: "renewal",
          },
        },
        {
          type: "notify",
          to: [{ type: "field", field: "owner" }],
          title: t("合同 60 天后到期，已生成续约商机", "Contract ends in 60 days: renewal deal created"),
          body: t(
            "合同 {{contract_no}} 到期日 {{end_date}}。",
            "Contract {{contract_no}} ends on {{end_date}}.",
          ),
        },
      ],
    },
  ];
}
