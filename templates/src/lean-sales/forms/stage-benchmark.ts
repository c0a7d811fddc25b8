import type { Form } from "@stagecraft/schemas";
import { v } from "../../shared/expressions.js";
import { option, t } from "../../shared/i18n.js";
import { p75Aggregates, p75Of, STAGE_OPTIONS } from "./lean-stages.js";

/** `stage_benchmark` (阶段基准): target days per stage and the P75 of deals closed in 90 days. */
export const stageBenchmarkForm: Form = {
  id: "stage_benchmark",
  name: t("阶段基准", "Stage benchmark"),
  titleField: "stage",
  fields: [
    { id: "stage", type: "select", label: t("阶段", "Stage"), required: true, options: STAGE_OPTIONS },
    {
      id: "value_adding",
      type: "select",
      label: t("是否增值环节", "Value-adding"),
      required: true,
      options: [option("yes", "是", "Yes"), option("no", "否", "No")],
    },
    { id: "target_days", type: "number", label: t("目标天数", "Target days"), required: true, min: 0 },
    {
      id: "p75_days",
      type: "formula",
      label: t("近 90 天 P75 天数", "P75 days (90 days)"),
      resultType: "number",
      precision: 1,
      help: t(
        "近 90 天关闭商机在该阶段停留天数的 75 分位，保存时更新",
        "75th percentile over deals closed in 90 days, updated on save",
      ),
      expression: p75Of(v("stage")),
    },
    { id: "owner", type: "user", label: t("负责人", "Owner"), required: true },
  ],
  aggregates: p75Aggregates(),
};
