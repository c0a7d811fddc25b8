import type { Expression, Rule } from "@stagecraft/schemas";
import { agg, eq, or0, round, v } from "../../shared/expressions.js";
import { t } from "../../shared/i18n.js";

/**
 * Share `index` of `parts` of a total: equal rounded shares, the last one takes the remainder so
 * the rows add up exactly (otherwise R2 would flag the scaffold it just built). Empty stays empty.
 */
function share(total: string, parts: number, index: number, digits: number): Expression {
  const each = round({ "/": [v(total), parts] }, digits);
  const value = index < parts - 1 ? each : { "-": [v(total), { "*": [parts - 1, each] }] };
  return { if: [{ "!=": [v(total), null] }, value, null] };
}

const QUARTER_ENDS = ["03-31", "06-30", "09-30", "12-31"] as const;

/** The four quarter rows of a goal: 25 % each. */
function quarterRows(): Rule["actions"] {
  return QUARTER_ENDS.map((end, q) => ({
    type: "create_record" as const,
    form: "goal_breakdown",
    data: {
      parent_goal: v("_id"),
      level: "quarter",
      period_start: { cat: [v("fiscal_year"), `-${String(q * 3 + 1).padStart(2, "0")}-01`] },
      period_end: { cat: [v("fiscal_year"), `-${end}`] },
      target_amount: share("revenue_target", 4, q, 2),
      target_new_customers: share("new_customer_target", 4, q, 0),
      target_renewals: share("renewal_target", 4, q, 0),
    },
  }));
}

/** The first day of the month `offset` months after the month of this row's period_start. */
function monthStart(offset: number): Expression {
  const year = { year: [v("period_start")] };
  const cases: Expression[] = [];
  for (let m = 1; m <= 12; m++) cases.push(m, { cat: [year, `-${String(m).padStart(2, "0")}-01`] });
  cases.push(13, { cat: [{ "+": [year, 1] }, "-01-01"] });
  return { case: [{ "+": [{ month: [v("period_start")] }, offset] }, ...cases] };
}

/** The three month rows of a quarter row: ⅓ each. */
function monthRows(): Rule["actions"] {
  return [0, 1, 2].map((k) => ({
    type: "create_record" as const,
    form: "goal_breakdown",
    data: {
      parent_goal: v("parent_goal"),
      parent_row: v("_id"),
      level: "month",
      period_start: monthStart(k),
      period_end: { add_days: [monthStart(k + 1), -1] },
      target_amount: share("target_amount", 3, k, 2),
      target_new_customers: share("target_new_customers", 3, k, 0),
      target_renewals: share("target_renewals", 3, k, 0),
    },
  }));
}

/**
 * R1 Scaffold. A create action cannot read the id of a record another action created, so the
 * month rows are made by a second rule when each quarter row is created. Every row stays editable;
 * managers add the team and person rows.
 */
export function goalScaffoldRules(): Rule[] {
  return [
    {
      id: "r1_scaffold_quarters",
      name: t("R1 目标拆解脚手架：生成四个季度行", "R1 Scaffold: create the four quarter rows"),
      trigger: { type: "stage.entered", form: "sales_goal", stage: "breakdown" },
      // Moving back to `breakdown` (R2, backward moves) must not scaffold twice.
      when: eq(or0(agg("quarter_row_count")), 0),
      actions: quarterRows(),
    },
    {
      id: "r1_scaffold_months",
      name: t("R1 目标拆解脚手架：每季度生成三个月度行", "R1 Scaffold: create three month rows per quarter"),
      trigger: { type: "record.created", form: "goal_breakdown" },
      when: eq(v("level"), "quarter"),
      actions: monthRows(),
    },
  ];
}
