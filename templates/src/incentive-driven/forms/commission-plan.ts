import type { Form } from "@stagecraft/schemas";
import { option, t } from "../../shared/i18n.js";

/** `commission_plan` (提成方案): the tier table in force from `effective_from` (the newest one wins). */
export const commissionPlanForm: Form = {
  id: "commission_plan",
  name: t("提成方案", "Commission plan"),
  description: t(
    "阶梯提成表：达成率越高，提成比例越高；生效日期最新的一份方案为当前方案",
    "Tiered commission: the higher the attainment, the higher the rate; the plan with the latest effective date is in force",
  ),
  titleField: "name",
  fields: [
    { id: "name", type: "text", label: t("方案名称", "Plan name"), required: true, maxLength: 200 },
    {
      id: "period",
      type: "select",
      label: t("结算周期", "Period"),
      required: true,
      options: [option("month", "月度", "Monthly"), option("quarter", "季度", "Quarterly")],
    },
    {
      id: "tiers",
      type: "subform",
      label: t("阶梯提成", "Commission tiers"),
      required: true,
      minRows: 1,
      help: t(
        "每行：达成率达到“起点”后适用的提成比例，例如 0%→3%、80%→5%、100%→8%",
        "Each row: the rate that applies from that attainment on, e.g. 0 % → 3 %, 80 % → 5 %, 100 % → 8 %",
      ),
      fields: [
        {
          id: "attainment_from",
          type: "percent",
          label: t("达成率起点", "Attainment from"),
          required: true,
          min: 0,
        },
        { id: "rate", type: "percent", label: t("提成比例", "Rate"), required: true, min: 0, max: 1 },
      ],
    },
    {
      id: "accelerator_above_100",
      type: "percent",
      label: t("超额加速比例", "Accelerator above 100 %"),
      min: 0,
      max: 1,
      help: t("超出配额部分额外计提的比例", "Extra rate paid on the amount above quota"),
    },
    { id: "effective_from", type: "date", label: t("生效日期", "Effective from"), required: true },
  ],
};
