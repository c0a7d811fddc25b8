import type { Form } from "@stagecraft/schemas";
import { option, t } from "../../shared/i18n.js";

/** `collab_task` (协作任务): one role asks another for a piece of work on a deal. */
export const collabTaskForm: Form = {
  id: "collab_task",
  name: t("协作任务", "Collaboration task"),
  description: t(
    "演示、方案、报价准备、合同审核：谁请求、谁负责、何时交付",
    "Demo, solution, quote prep, contract review: who asked, who does it, by when",
  ),
  fields: [
    {
      id: "deal",
      type: "reference",
      label: t("商机", "Deal"),
      required: true,
      form: "deal",
      displayField: "deal_name",
    },
    {
      id: "task_type",
      type: "select",
      label: t("任务类型", "Task type"),
      required: true,
      options: [
        option("demo", "产品演示", "Demo"),
        option("solution", "方案编写", "Solution"),
        option("quote_prep", "报价准备", "Quote preparation"),
        option("contract_review", "合同审核", "Contract review"),
      ],
    },
    { id: "requested_by", type: "user", label: t("请求人", "Requested by"), required: true },
    { id: "assignee", type: "user", label: t("负责人", "Assignee"), required: true },
    { id: "due_date", type: "date", label: t("截止日期", "Due date"), required: true },
    { id: "notes", type: "textarea", label: t("说明", "Notes") },
  ],
  pipeline: {
    initial: "requested",
    stages: [
      { id: "requested", name: t("已请求", "Requested") },
      { id: "accepted", name: t("已接受", "Accepted") },
      { id: "delivered", name: t("已交付", "Delivered"), terminal: "won" },
      { id: "declined", name: t("已拒绝", "Declined"), terminal: "lost" },
    ],
  },
};
