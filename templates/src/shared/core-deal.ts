import type { Field } from "@stagecraft/schemas";
import { t, option } from "./i18n.js";

/** The core `deal` fields (TEMPLATES.md §0); templates append their own after these. */
export function coreDealFields(): Field[] {
  return [
    { id: "deal_name", type: "text", label: t("商机名称", "Deal name"), required: true, maxLength: 200 },
    {
      id: "customer",
      type: "reference",
      label: t("客户", "Customer"),
      required: true,
      form: "customer",
      displayField: "customer_name",
    },
    { id: "owner", type: "user", label: t("负责人", "Owner"), required: true },
    { id: "amount", type: "money", label: t("预计金额", "Amount"), required: true, min: 0 },
    {
      id: "expected_close_date",
      type: "date",
      label: t("预计成交日期", "Expected close date"),
      required: true,
    },
    { id: "last_activity_at", type: "datetime", label: t("最近跟进时间", "Last activity at") },
    {
      id: "lost_reason",
      type: "select",
      label: t("输单原因", "Lost reason"),
      options: [
        option("price", "价格", "Price"),
        option("feature", "功能", "Feature"),
        option("timing", "时机", "Timing"),
        option("competitor", "竞争对手", "Competitor"),
        option("no_decision", "客户未决策", "No decision"),
        option("no_bid", "放弃投标", "No bid"),
      ],
    },
    {
      id: "cycle_days",
      type: "formula",
      label: t("成交周期（天）", "Cycle days"),
      resultType: "number",
      precision: 0,
      expression: { days_between: [{ var: "_created_at" }, { var: "_closed_at" }] },
    },
  ];
}
