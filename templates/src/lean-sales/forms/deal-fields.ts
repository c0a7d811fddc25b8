import type { Aggregate, Expression, Field } from "@stagecraft/schemas";
import { agg, eq, or0, v } from "../../shared/expressions.js";
import { where } from "../../shared/filters.js";
import { option, t } from "../../shared/i18n.js";
import { daysField, LEAN_STAGES, p75Of } from "./lean-stages.js";

const LABELS: Record<(typeof LEAN_STAGES)[number], [string, string]> = {
  qualified: ["已确认阶段天数", "Days in qualified"],
  proposal: ["方案报价阶段天数", "Days in proposal"],
  negotiation: ["商务谈判阶段天数", "Days in negotiation"],
};

/** Days in value-adding stages: a stage counts when its benchmark says so. */
const VALUE_ADDING_DAYS: Expression = {
  "+": LEAN_STAGES.map((s) => ({ if: [{ ">": [or0(agg(`va_${s}`)), 0] }, or0(v(daysField(s))), 0] })),
};

/** `deal` ⊕ core + lean's stage clock, waiting reason, rework and touch time. */
export function leanDealFields(): Field[] {
  return [
    {
      id: "days_in_stage",
      type: "formula",
      label: t("本阶段停留天数", "Days in stage"),
      resultType: "number",
      precision: 0,
      help: t("按最近一次保存计算", "As of the last save"),
      expression: { days_since: [v("_stage_entered_at")] },
    },
    {
      id: "wait_reason",
      type: "select",
      label: t("等待原因", "Waiting on"),
      required: true,
      default: "none",
      options: [
        option("none", "无等待", "Nothing"),
        option("customer", "等客户", "Customer"),
        option("internal_approval", "等内部审批", "Internal approval"),
        option("legal", "等法务", "Legal"),
      ],
    },
    // Not in TEMPLATES.md: R2 notifies the approver the deal waits on.
    {
      id: "approver",
      type: "user",
      label: t("审批人", "Approver"),
      visibleWhen: eq(v("wait_reason"), "internal_approval"),
    },
    {
      id: "rework_count",
      type: "number",
      label: t("返工次数", "Rework count"),
      default: 0,
      min: 0,
      precision: 0,
    },
    { id: "touch_hours", type: "number", label: t("实际投入工时", "Touch hours"), min: 0, precision: 1 },
    ...LEAN_STAGES.map((s): Field => ({
      id: daysField(s),
      type: "number",
      label: t(LABELS[s][0], LABELS[s][1]),
      default: 0,
      min: 0,
      precision: 0,
      readOnlyWhen: true,
    })),
    // The stage clock the stage rule keeps: the stage a deal was last in and since when.
    { id: "clock_stage", type: "text", label: t("计时阶段", "Clock stage"), readOnlyWhen: true },
    { id: "clock_since", type: "date", label: t("计时起点", "Clock since"), readOnlyWhen: true },
    {
      id: "max_stage_rank",
      type: "number",
      label: t("到达过的最远阶段", "Furthest stage"),
      readOnlyWhen: true,
    },
    {
      id: "value_adding_days",
      type: "formula",
      label: t("增值天数", "Value-adding days"),
      resultType: "number",
      precision: 0,
      expression: VALUE_ADDING_DAYS,
    },
    {
      id: "stage_days_total",
      type: "formula",
      label: t("在各阶段合计天数", "Days in open stages"),
      resultType: "number",
      precision: 0,
      expression: { "+": LEAN_STAGES.map((s) => or0(v(daysField(s)))) },
    },
    {
      id: "stage_p75_days",
      type: "formula",
      label: t("本阶段 P75 天数", "P75 days of this stage"),
      resultType: "number",
      precision: 1,
      expression: p75Of(v("_stage")),
    },
    {
      id: "stage_p75_due",
      type: "formula",
      label: t("超过 P75 的日期", "Passes P75 on"),
      resultType: "date",
      expression: {
        if: [
          { in: [v("_stage"), [...LEAN_STAGES]] },
          { add_days: [v("_stage_entered_at"), { round: [or0(v("stage_p75_days")), 0] }] },
          null,
        ],
      },
    },
  ];
}

/** Whether each stage is value-adding (its benchmark's flag). */
export function valueAddingAggregates(): Aggregate[] {
  return LEAN_STAGES.map((stage) => ({
    id: `va_${stage}`,
    type: "rollup",
    form: "stage_benchmark",
    measure: "count",
    filter: [where("stage", "eq", stage), where("value_adding", "eq", "yes")],
  }));
}
