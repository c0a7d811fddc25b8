import type { Expression, Rule, Trigger } from "@stagecraft/schemas";
import { all, isSet, or0, today, v } from "../shared/expressions.js";
import { t } from "../shared/i18n.js";
import { nextMonth } from "./forms/territory-review.js";

/** A new province or industry may put the customer in another territory. */
function boundaryChanged(): Trigger {
  return { type: "field.changed", form: "customer", fields: ["province", "industry"] };
}
/** The rules now point the customer to another territory than the one it is in. */
const MOVED_OUT: Expression = all(isSet("territory"), isSet("matched_territory"), {
  "!==": [v("matched_territory"), v("territory")],
});
const THIS_MONTH: Expression = { cat: [{ substr: [today(), 0, 8] }, "01"] };

/** R1–R3 of TEMPLATES.md B9, with the territory bookkeeping they need. */
export function regionIndustryRules(): Rule[] {
  return [
    {
      id: "r0_territory_setup",
      name: t(
        "新单元：登记记录号并开出本月月报",
        "New territory: record its id and open this month's review",
      ),
      trigger: { type: "record.created", form: "territory" },
      actions: [
        { type: "set_field", field: "territory_id", value: v("_id") },
        {
          type: "create_record",
          form: "territory_review",
          data: { territory: v("_id"), month: THIS_MONTH, manager: v("manager") },
        },
      ],
    },
    {
      id: "r1_assign_territory",
      name: t("R1 新客户按省份/行业归属单元", "R1 New customer: territory by province or industry"),
      trigger: { type: "record.created", form: "customer" },
      when: isSet("matched_territory"),
      actions: [{ type: "set_field", field: "territory", value: v("matched_territory") }],
    },
    {
      // Writing the territory recomputes next_rep over that territory's reps.
      id: "r1_assign_rep",
      name: t("R1 在单元销售中轮转分配负责人", "R1 Assign the owner round-robin among the territory's reps"),
      trigger: { type: "field.changed", form: "customer", fields: ["territory"] },
      when: all(isSet("next_rep"), { "!==": [v("conflict"), "flagged"] }),
      actions: [
        { type: "set_field", field: "owner", value: v("next_rep") },
        {
          type: "notify",
          to: [{ type: "field", field: "owner" }],
          title: t("新客户已分配给你", "A customer is assigned to you"),
          body: t("{{customer_name}}", "{{customer_name}}"),
        },
      ],
    },
    {
      id: "r2_boundary_conflict",
      name: t("R2 有进行中商机时跨单元变更：标记冲突", "R2 Boundary change with open deals: flag a conflict"),
      trigger: boundaryChanged(),
      when: all(MOVED_OUT, { ">": [or0(v("open_deal_count")), 0] }),
      actions: [
        { type: "set_field", field: "conflict", value: "flagged" },
        // Notifications go to user fields: the two managers are copied into them first.
        { type: "set_field", field: "conflict_from_manager", value: v("territory_manager") },
        { type: "set_field", field: "conflict_to_manager", value: v("matched_manager") },
        {
          type: "notify",
          to: [
            { type: "field", field: "conflict_from_manager" },
            { type: "field", field: "conflict_to_manager" },
          ],
          title: t("客户归属冲突待裁定", "Territory conflict to settle"),
          body: t(
            "{{customer_name}} 变更了省份/行业，但仍有进行中的商机。",
            "{{customer_name}} changed province or industry while deals are open.",
          ),
        },
      ],
    },
    {
      id: "r2_move_territory",
      name: t("R2 无进行中商机时直接转入新单元", "R2 No open deals: move to the new territory"),
      trigger: boundaryChanged(),
      when: all(MOVED_OUT, { "===": [or0(v("open_deal_count")), 0] }),
      actions: [{ type: "set_field", field: "territory", value: v("matched_territory") }],
    },
    {
      id: "r3_monthly_review",
      name: t("R3 月末结账并开出下月月报", "R3 Month end: close the review, open next month's"),
      trigger: { type: "date.offset", form: "territory_review", field: "month_end", days: 1, at: "08:00" },
      when: { "!": [isSet("closed_on")] },
      actions: [
        { type: "set_field", field: "closed_on", value: today() },
        {
          type: "create_record",
          form: "territory_review",
          data: { territory: v("territory"), month: nextMonth(v("month")), manager: v("manager") },
        },
        {
          type: "notify",
          to: [{ type: "field", field: "manager" }],
          title: t("请提交上月区域月报", "Submit last month's territory review"),
          body: t("{{month}} 月赢单收入 {{revenue}}。", "Revenue won in {{month}}: {{revenue}}."),
        },
      ],
    },
  ];
}
