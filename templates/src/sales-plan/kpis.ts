import type { Goal, Kpi } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

const SIGNED = where("_stage", "eq", "signed");

/** A goal read from the person rows of goal_breakdown (per person and month). */
function personGoal(field: string): Goal {
  return {
    type: "records",
    form: "goal_breakdown",
    field,
    from: "period_start",
    to: "period_end",
    groupField: "assignee",
    filter: [where("level", "eq", "person")],
  };
}

/** K1–K9 of TEMPLATES.md A.4. The dashboard sets the period; `groupBy` lists the dimensions. */
export function salesPlanKpis(): Kpi[] {
  return [
    {
      id: "goal_achievement_rate",
      name: t("目标达成率", "Goal achievement rate"),
      form: "quote_contract",
      measure: {
        type: "ratio",
        numerator: {
          measure: { type: "sum", field: "total_amount" },
          filter: [SIGNED],
          periodField: "sign_date",
          groupField: "owner",
        },
        denominator: {
          form: "goal_breakdown",
          measure: { type: "sum", field: "target_amount" },
          filter: [where("level", "eq", "person")],
          periodField: "period_start",
          groupField: "assignee",
        },
      },
      periodField: "sign_date",
      groupBy: ["owner"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 1 },
    },
    {
      id: "new_customers_signed",
      name: t("签约客户数", "New customers signed"),
      form: "quote_contract",
      measure: { type: "count" },
      filter: [SIGNED, where("contract_type", "eq", "new")],
      periodField: "sign_date",
      groupBy: ["owner"],
      format: "number",
      better: "higher",
      goal: personGoal("target_new_customers"),
    },
    {
      id: "lead_conversion_rate",
      name: t("线索转化率", "Lead conversion rate"),
      form: "lead",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "count" }, filter: [where("_stage", "eq", "converted")] },
        denominator: { measure: { type: "count" } },
      },
      periodField: "_created_at",
      groupBy: ["source"],
      format: "percent",
      better: "higher",
    },
    {
      // "by stage" needs one conversion per pair of stages; this is the whole funnel (see gaps).
      id: "stage_conversion_rate",
      name: t("阶段转化率", "Stage conversion rate"),
      form: "deal",
      measure: { type: "stage_conversion", from: "initial_contact", to: "won" },
      periodField: "_created_at",
      groupBy: ["owner"],
      format: "percent",
      better: "higher",
    },
    {
      id: "sales_cycle_days",
      name: t("成交周期", "Sales cycle"),
      form: "deal",
      measure: { type: "avg", field: "cycle_days" },
      filter: [where("_stage", "eq", "won")],
      periodField: "_closed_at",
      groupBy: ["owner"],
      format: "days",
      better: "lower",
    },
    {
      // "by tier": the tier is the customer's, and a KPI groups by fields of its own form only.
      id: "customer_satisfaction",
      name: t("客户满意度", "Customer satisfaction"),
      form: "follow_up",
      measure: { type: "avg", field: "satisfaction_score" },
      filter: [where("follow_type", "eq", "return_visit"), where("status", "eq", "done")],
      periodField: "follow_at",
      format: "number",
      better: "higher",
    },
    {
      // The goal `target_renewals` is a count, this KPI a rate: no goal (see gaps).
      id: "renewal_rate",
      name: t("续约率", "Renewal rate"),
      form: "quote_contract",
      measure: {
        type: "ratio",
        numerator: {
          measure: { type: "count" },
          filter: [SIGNED, where("contract_type", "eq", "renewal")],
          periodField: "sign_date",
        },
        denominator: { measure: { type: "count" }, filter: [SIGNED], periodField: "end_date" },
      },
      periodField: "sign_date",
      format: "percent",
      better: "higher",
    },
    {
      id: "repurchase_rate",
      name: t("复购率", "Repurchase rate"),
      form: "customer",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "count" }, filter: [where("contracts_last_12m", "gte", 2)] },
        denominator: { measure: { type: "count" }, filter: [where("status", "eq", "active")] },
      },
      format: "percent",
      better: "higher",
    },
    {
      id: "visits",
      name: t("拜访量", "Visits"),
      form: "follow_up",
      measure: { type: "count" },
      filter: [where("status", "eq", "done")],
      periodField: "follow_at",
      groupBy: ["owner"],
      format: "number",
      better: "higher",
      goal: personGoal("target_visits"),
    },
  ];
}
