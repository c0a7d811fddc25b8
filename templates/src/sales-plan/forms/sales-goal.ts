import type { Expression, Form, Pipeline } from "@stagecraft/schemas";
import { agg, all, eq, or0, round, v } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { option, t } from "../../shared/i18n.js";
import { describeForm } from "../rollout.js";

/** Revenue target minus the sum of the quarter rows (0 when balanced). */
const BREAKDOWN_GAP: Expression = round({ "-": [v("revenue_target"), or0(agg("quarter_target_sum"))] }, 2);
/** New-customer target minus the quarter rows' (checked with a tolerance of ±1). */
const CUSTOMER_GAP: Expression = {
  "-": [or0(v("new_customer_target")), or0(agg("quarter_new_customers_sum"))],
};
/** Renewal target minus the quarter rows' (checked with a tolerance of ±1). */
const RENEWAL_GAP: Expression = { "-": [or0(v("renewal_target")), or0(agg("quarter_renewals_sum"))] };

/**
 * R2: the quarters add up to the year and no row's children differ from it. Written inline
 * (not through the formula fields) so the guard reads fresh aggregates, never a stored value.
 */
export const BREAKDOWN_OK: Expression = all(
  eq(BREAKDOWN_GAP, 0),
  { "<=": [{ abs: [CUSTOMER_GAP] }, 1] },
  { "<=": [{ abs: [RENEWAL_GAP] }, 1] },
  eq(or0(agg("unbalanced_row_count")), 0),
);

const SMART_COMPLETE: Expression = eq({ count: [v("smart_check")] }, 5);

/** The goal's own rows, and its quarter rows. */
const OWN_ROWS = where("parent_goal", "eq", thisValue("_id"));
const QUARTERS = where("level", "eq", "quarter");

const pipeline: Pipeline = {
  initial: "draft",
  stages: [
    { id: "draft", name: t("草稿", "Draft") },
    { id: "breakdown", name: t("目标拆解", "Breakdown") },
    {
      id: "approved",
      name: t("已审批", "Approved"),
      requires: ["smart_check"],
      // R2 guard: a stage guard refuses the move instead of moving the record back afterwards.
      guard: all(BREAKDOWN_OK, SMART_COMPLETE),
      guardMessage: t(
        "目标拆解未平衡（季度合计≠年度目标，或有拆解行的下级合计≠本行；客户数、续约数允许±1），或 SMART 五项未全部勾选",
        "The breakdown is unbalanced (quarters ≠ year, or some row's children ≠ the row; customer and renewal counts within ±1), or not all five SMART checks are ticked",
      ),
      approval: {
        on: "enter",
        steps: [
          {
            id: "manager_review",
            name: t("上级审批", "Manager review"),
            approvers: [{ type: "manager" }],
            mode: "any",
            due: { after: { amount: 3, unit: "days" }, onOverdue: "remind" },
          },
          {
            id: "admin_sign_off",
            name: t("管理层确认", "Leadership sign-off"),
            approvers: [{ type: "role", role: "admin" }],
            mode: "any",
          },
        ],
        covers: ["revenue_target", "stretch_target", "new_customer_target", "renewal_target"],
      },
    },
    { id: "executing", name: t("执行中", "Executing") },
    { id: "achieved", name: t("已达成", "Achieved"), terminal: "won" },
    { id: "missed", name: t("未达成", "Missed"), terminal: "lost" },
  ],
};

/** `sales_goal` (年度销售目标): the SMART annual goal at the top of the breakdown tree. */
export const salesGoalForm: Form = {
  id: "sales_goal",
  name: t("年度销售目标", "Annual sales goal"),
  description: describeForm(
    "P3",
    "按 SMART 原则设定年度目标，并拆解到季度、月度、团队和个人",
    "A SMART annual goal, broken down to quarter, month, team and person",
  ),
  titleField: "goal_name",
  fields: [
    { id: "goal_name", type: "text", label: t("目标名称", "Goal name"), required: true, maxLength: 200 },
    {
      id: "fiscal_year",
      type: "number",
      label: t("财年", "Fiscal year"),
      required: true,
      min: 2000,
      max: 2999,
      precision: 0,
    },
    { id: "plan_owner", type: "user", label: t("计划负责人", "Plan owner"), required: true },
    {
      id: "revenue_target",
      type: "money",
      label: t("基础目标（销售额）", "Revenue target (base)"),
      required: true,
      min: 0,
    },
    { id: "stretch_target", type: "money", label: t("挑战目标", "Stretch target"), min: 0 },
    {
      id: "new_customer_target",
      type: "number",
      label: t("新签客户目标数", "New customer target"),
      required: true,
      min: 0,
      precision: 0,
    },
    { id: "renewal_target", type: "number", label: t("续约目标数", "Renewal target"), min: 0, precision: 0 },
    {
      id: "market_share_target",
      type: "percent",
      label: t("市场份额目标", "Market share target"),
      min: 0,
      max: 1,
    },
    { id: "last_year_revenue", type: "money", label: t("去年销售额", "Last year's revenue"), min: 0 },
    {
      id: "smart_check",
      type: "multiselect",
      label: t("SMART 检查", "SMART check"),
      required: true,
      help: t("五项全部满足才能提交审批", "All five must hold before the goal can be approved"),
      options: [
        option("specific", "具体", "Specific"),
        option("measurable", "可衡量", "Measurable"),
        option("achievable", "可达成", "Achievable"),
        option("relevant", "相关性", "Relevant"),
        option("time_bound", "有时限", "Time-bound"),
      ],
    },
    {
      id: "breakdown_gap",
      type: "formula",
      label: t("拆解差额", "Breakdown gap"),
      resultType: "money",
      expression: BREAKDOWN_GAP,
      help: t("年度目标减去各季度目标之和，应为 0", "Revenue target minus the quarter rows; should be 0"),
    },
    {
      id: "customer_breakdown_gap",
      type: "formula",
      label: t("客户数拆解差额", "New-customer breakdown gap"),
      resultType: "number",
      expression: CUSTOMER_GAP,
    },
    {
      id: "renewal_breakdown_gap",
      type: "formula",
      label: t("续约数拆解差额", "Renewal breakdown gap"),
      resultType: "number",
      expression: RENEWAL_GAP,
    },
    {
      id: "breakdown_ok",
      type: "formula",
      label: t("拆解已平衡", "Breakdown balanced"),
      resultType: "boolean",
      expression: BREAKDOWN_OK,
    },
    {
      id: "achievement_rate",
      type: "formula",
      label: t("年度达成率", "Achievement rate"),
      resultType: "percent",
      expression: { div: [or0(agg("signed_revenue")), v("revenue_target")] },
    },
  ],
  pipeline,
  aggregates: [
    {
      id: "quarter_target_sum",
      type: "rollup",
      form: "goal_breakdown",
      measure: "sum",
      field: "target_amount",
      filter: [OWN_ROWS, QUARTERS],
    },
    {
      id: "quarter_new_customers_sum",
      type: "rollup",
      form: "goal_breakdown",
      measure: "sum",
      field: "target_new_customers",
      filter: [OWN_ROWS, QUARTERS],
    },
    {
      id: "quarter_renewals_sum",
      type: "rollup",
      form: "goal_breakdown",
      measure: "sum",
      field: "target_renewals",
      filter: [OWN_ROWS, QUARTERS],
    },
    {
      id: "quarter_row_count",
      type: "rollup",
      form: "goal_breakdown",
      measure: "count",
      filter: [OWN_ROWS, QUARTERS],
    },
    {
      id: "unbalanced_row_count",
      type: "rollup",
      form: "goal_breakdown",
      measure: "count",
      filter: [OWN_ROWS, where("balanced", "eq", false)],
    },
    {
      id: "signed_revenue",
      type: "rollup",
      form: "quote_contract",
      measure: "sum",
      field: "total_amount",
      filter: [where("_stage", "eq", "signed"), where("sign_date", "same_year", thisValue("fiscal_year"))],
    },
  ],
};
