import type { Form } from "@stagecraft/schemas";
import { option, t } from "../../shared/i18n.js";
import { describeForm } from "../rollout.js";

/** `resource_plan` (资源配置): people, budget, training and incentives per scope. */
export const resourcePlanForm: Form = {
  id: "resource_plan",
  name: t("资源配置", "Resource plan"),
  description: describeForm(
    "P3",
    "按区域、客群或产品分配人员、预算、培训与激励",
    "People, budget, training and incentives per region, segment or product",
  ),
  fields: [
    { id: "period_start", type: "date", label: t("周期开始", "Period start"), required: true },
    {
      id: "scope",
      type: "select",
      label: t("范围", "Scope"),
      required: true,
      options: [
        option("region", "区域", "Region"),
        option("segment", "客群", "Segment"),
        option("product", "产品", "Product"),
      ],
    },
    {
      id: "headcount",
      type: "number",
      label: t("人员编制", "Headcount"),
      required: true,
      min: 0,
      precision: 0,
    },
    { id: "budget", type: "money", label: t("预算", "Budget"), required: true, min: 0 },
    { id: "training_plan", type: "textarea", label: t("培训计划", "Training plan") },
    { id: "incentive_scheme", type: "textarea", label: t("激励机制", "Incentive scheme") },
  ],
};
