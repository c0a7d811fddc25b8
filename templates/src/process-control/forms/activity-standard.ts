import type { Form } from "@stagecraft/schemas";
import { t } from "../../shared/i18n.js";
import { ACTIVITY_TYPE_OPTIONS } from "./activity-types.js";

/** `activity_standard` (过程标准): per step, the weekly minimum, the longest gap and its weight. */
export const activityStandardForm: Form = {
  id: "activity_standard",
  name: t("过程标准", "Activity standard"),
  description: t(
    "每类销售动作的周最低次数、最长间隔与权重；权重合计应为 100%",
    "Each sales step's weekly minimum, longest gap and weight; the weights should add up to 100 %",
  ),
  titleField: "activity_type",
  fields: [
    {
      id: "activity_type",
      type: "select",
      label: t("动作类型", "Activity type"),
      required: true,
      options: [...ACTIVITY_TYPE_OPTIONS],
    },
    { id: "weekly_min", type: "number", label: t("每周最低次数", "Weekly minimum"), required: true, min: 0 },
    {
      id: "max_interval_days",
      type: "number",
      label: t("最长间隔（天）", "Longest gap (days)"),
      required: true,
      min: 1,
      precision: 0,
      help: t(
        "商机超过该天数无拜访即提醒负责人，超过两倍同时提醒上级",
        "A deal without a visit for longer alerts its owner; after twice as long, the manager too",
      ),
    },
    { id: "weight", type: "percent", label: t("权重", "Weight"), required: true, min: 0, max: 1 },
    { id: "quality_criteria", type: "textarea", label: t("质量标准", "Quality criteria") },
  ],
};
