import type { Form } from "@stagecraft/schemas";
import { option, t } from "../../shared/i18n.js";

/** The deal stages a standard can describe (ids equal the deal pipeline's). */
export const STANDARD_STAGES = ["development", "needs_analysis", "presentation", "closing"] as const;

/** Chinese names of the standard stages, for rule names. */
export const STAGE_NAMES_ZH: Record<string, string> = {
  development: "客户开发",
  needs_analysis: "需求分析",
  presentation: "方案呈现",
  closing: "成交跟进",
};

/** `stage_standard` (阶段标准): per-stage checklist, responsible role, time and conversion targets. */
export const stageStandardForm: Form = {
  id: "stage_standard",
  name: t("阶段标准", "Stage standard"),
  description: t(
    "每个阶段一条：检查清单、责任角色、时限与转化目标；商机进入该阶段时自动带出",
    "One per stage: checklist, responsible role, time and conversion targets; loaded into a deal when it enters the stage",
  ),
  titleField: "stage",
  fields: [
    {
      id: "stage",
      type: "select",
      label: t("阶段", "Stage"),
      required: true,
      options: [
        option("development", "客户开发", "Customer development"),
        option("needs_analysis", "需求分析", "Needs analysis"),
        option("presentation", "方案呈现", "Presentation"),
        option("closing", "成交跟进", "Closing"),
      ],
    },
    {
      // The same lists ride on each deal (deal.stage_checklists) for R1 to copy; see standard-checklists.ts.
      id: "items",
      type: "subform",
      label: t("检查项", "Checklist items"),
      fields: [
        { id: "item", type: "text", label: t("检查项", "Item"), required: true },
        {
          id: "mandatory",
          type: "select",
          label: t("必做", "Mandatory"),
          options: [option("yes", "是", "Yes"), option("no", "否", "No")],
        },
      ],
    },
    {
      id: "responsible_role",
      type: "select",
      label: t("责任角色", "Responsible role"),
      required: true,
      options: [
        option("sales", "销售", "Sales"),
        option("presales", "售前", "Pre-sales"),
        option("manager", "销售经理", "Sales manager"),
      ],
    },
    {
      id: "target_days",
      type: "number",
      label: t("时限（天）", "Time target (days)"),
      required: true,
      min: 1,
      precision: 0,
    },
    { id: "conversion_target", type: "percent", label: t("转化率目标", "Conversion target"), min: 0, max: 1 },
  ],
};
