import type { Expression, Rule } from "@stagecraft/schemas";
import { agg, all, isSet, or0, round } from "../../shared/expressions.js";
import { t } from "../../shared/i18n.js";

/** |parent − sum of its children| beyond a tolerance, read fresh through aggregates. */
function differs(parent: string, siblings: string, tolerance: number): Expression {
  const gap = { "-": [or0(agg(parent)), or0(agg(siblings))] };
  return tolerance === 0 ? { "!==": [round(gap, 2), 0] } : { ">": [{ abs: [gap] }, tolerance] };
}

/** R2 row check; the R2 guard is the `approved` stage guard of `sales_goal`. */
export function balanceRules(): Rule[] {
  return [
    {
      id: "r2_children_sum_check",
      name: t("R2 下级合计须等于上级", "R2 Children must add up to their parent"),
      trigger: {
        type: "field.changed",
        form: "goal_breakdown",
        fields: ["target_amount", "target_new_customers", "target_renewals", "parent_row"],
      },
      when: all(isSet("parent_row"), {
        or: [
          differs("parent_target", "siblings_target_sum", 0),
          differs("parent_new_customers", "siblings_new_customers_sum", 1),
          differs("parent_renewals", "siblings_renewals_sum", 1),
        ],
      }),
      actions: [
        {
          type: "notify",
          // TEMPLATES.md says plan_owner (a field of the goal, not of this row); see the gaps list.
          to: [{ type: "owner" }],
          title: t("目标拆解不平衡", "Goal breakdown out of balance"),
          body: t(
            "{{level}} 行（{{period_start}}–{{period_end}}）所在上级行的下级合计与上级目标不一致。",
            "The parent of the {{level}} row ({{period_start}}–{{period_end}}) no longer equals the sum of its children.",
          ),
        },
      ],
    },
  ];
}
