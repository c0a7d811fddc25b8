import type { Aggregate, Expression, Form } from "@stagecraft/schemas";
import { agg, all, eq, or0, round, v } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { option, t } from "../../shared/i18n.js";
import { TEAMS } from "../../shared/option-sets.js";
import { describeForm } from "../rollout.js";

const IS_PERSON = eq(v("level"), "person");

/** `IF(level=person, 0, own − ROLLUP(children))` for one target column. */
function childrenGap(own: string, childrenSum: string, digits: number): Expression {
  return { if: [IS_PERSON, 0, round({ "-": [or0(v(own)), or0(agg(childrenSum))] }, digits)] };
}

/** Sum of a column over this row's children, its siblings, or its parent row. */
function rollup(id: string, field: string, scope: "children" | "siblings" | "parent"): Aggregate {
  const filter =
    scope === "children"
      ? where("parent_row", "eq", thisValue("_id"))
      : scope === "siblings"
        ? where("parent_row", "eq", thisValue("parent_row"))
        : where("_id", "eq", thisValue("parent_row"));
  return { id, type: "rollup", form: "goal_breakdown", measure: "sum", field, filter: [filter] };
}

/**
 * `goal_breakdown` (目标拆解): one row per node of year → quarter → month → team → person.
 * `children_*_gap` and `balanced` implement R2 (amounts exact, customer and renewal counts ±1).
 */
export const goalBreakdownForm: Form = {
  id: "goal_breakdown",
  name: t("目标拆解", "Goal breakdown"),
  description: describeForm(
    "P3",
    "年度目标逐级拆解到季度、月度、团队和个人，每一行的下级合计须等于本行",
    "The annual goal split into quarters, months, teams and persons; each row's children must add up to it",
  ),
  fields: [
    {
      id: "parent_goal",
      type: "reference",
      label: t("所属年度目标", "Goal"),
      required: true,
      form: "sales_goal",
      displayField: "goal_name",
    },
    { id: "parent_row", type: "reference", label: t("上级拆解行", "Parent row"), form: "goal_breakdown" },
    {
      id: "level",
      type: "select",
      label: t("层级", "Level"),
      required: true,
      options: [
        option("quarter", "季度", "Quarter"),
        option("month", "月度", "Month"),
        option("team", "团队", "Team"),
        option("person", "个人", "Person"),
      ],
    },
    { id: "period_start", type: "date", label: t("周期开始", "Period start"), required: true },
    { id: "period_end", type: "date", label: t("周期结束", "Period end"), required: true },
    // `team:select(@teams)!(level∈team,person)`: shown, and then required, for team and person rows.
    {
      id: "team",
      type: "select",
      label: t("团队", "Team"),
      required: true,
      visibleWhen: { in: [v("level"), ["team", "person"]] },
      options: [...TEAMS],
    },
    // `assignee:user!(level=person)`.
    { id: "assignee", type: "user", label: t("负责人", "Assignee"), required: true, visibleWhen: IS_PERSON },
    { id: "target_amount", type: "money", label: t("目标金额", "Target amount"), required: true, min: 0 },
    {
      id: "target_new_customers",
      type: "number",
      label: t("新客户目标", "New customer target"),
      min: 0,
      precision: 0,
    },
    { id: "target_renewals", type: "number", label: t("续约目标", "Renewal target"), min: 0, precision: 0 },
    { id: "target_visits", type: "number", label: t("拜访目标", "Visit target"), min: 0, precision: 0 },
    {
      id: "children_gap",
      type: "formula",
      label: t("下级差额", "Children gap"),
      resultType: "money",
      expression: childrenGap("target_amount", "children_target_sum", 2),
      help: t("本行目标减去下级行目标之和，应为 0", "This row's target minus its children's; should be 0"),
    },
    {
      id: "children_customer_gap",
      type: "formula",
      label: t("下级新客户差额", "Children new-customer gap"),
      resultType: "number",
      expression: childrenGap("target_new_customers", "children_new_customers_sum", 0),
    },
    {
      id: "children_renewal_gap",
      type: "formula",
      label: t("下级续约差额", "Children renewal gap"),
      resultType: "number",
      expression: childrenGap("target_renewals", "children_renewals_sum", 0),
    },
    {
      id: "balanced",
      type: "formula",
      label: t("下级已平衡", "Children balanced"),
      resultType: "boolean",
      expression: all(
        eq(v("children_gap"), 0),
        { "<=": [{ abs: [v("children_customer_gap")] }, 1] },
        { "<=": [{ abs: [v("children_renewal_gap")] }, 1] },
      ),
    },
    {
      id: "actual_amount",
      type: "money",
      label: t("实际金额", "Actual amount"),
      help: t("签约时由自动化写入（R8）", "Written by automation when a contract is signed (R8)"),
    },
    {
      id: "actual_new_customers",
      type: "number",
      label: t("实际新客户", "Actual new customers"),
      precision: 0,
    },
    { id: "actual_renewals", type: "number", label: t("实际续约", "Actual renewals"), precision: 0 },
    {
      id: "achievement_rate",
      type: "formula",
      label: t("达成率", "Achievement rate"),
      resultType: "percent",
      expression: { div: [v("actual_amount"), v("target_amount")] },
    },
    {
      id: "time_elapsed",
      type: "formula",
      label: t("时间进度", "Time elapsed"),
      resultType: "percent",
      expression: { elapsed_ratio: [v("period_start"), v("period_end")] },
    },
  ],
  aggregates: [
    rollup("children_target_sum", "target_amount", "children"),
    rollup("children_new_customers_sum", "target_new_customers", "children"),
    rollup("children_renewals_sum", "target_renewals", "children"),
    // R2: the parent row compared with all its children, read fresh when a child changes.
    rollup("parent_target", "target_amount", "parent"),
    rollup("parent_new_customers", "target_new_customers", "parent"),
    rollup("parent_renewals", "target_renewals", "parent"),
    rollup("siblings_target_sum", "target_amount", "siblings"),
    rollup("siblings_new_customers_sum", "target_new_customers", "siblings"),
    rollup("siblings_renewals_sum", "target_renewals", "siblings"),
    // R8: a parent's actuals are the sum of its children's.
    rollup("siblings_actual_amount", "actual_amount", "siblings"),
    rollup("siblings_actual_new_customers", "actual_new_customers", "siblings"),
    rollup("siblings_actual_renewals", "actual_renewals", "siblings"),
  ],
};
