import type { Form } from "@stagecraft/schemas";
import { eq, v } from "../../shared/expressions.js";
import { option, t } from "../../shared/i18n.js";

const DONE = eq(v("status"), "done");

/** `milestone` (里程碑): a delivery step of a won project with its payment share. */
export const milestoneForm: Form = {
  id: "milestone",
  name: t("里程碑", "Milestone"),
  titleField: "name",
  fields: [
    {
      id: "deal",
      type: "reference",
      label: t("项目商机", "Deal"),
      required: true,
      form: "deal",
      displayField: "deal_name",
    },
    { id: "name", type: "text", label: t("里程碑", "Milestone"), required: true, maxLength: 200 },
    { id: "owner", type: "user", label: t("负责人", "Owner"), required: true },
    { id: "due_date", type: "date", label: t("计划完成日期", "Due date"), required: true },
    { id: "payment_share", type: "percent", label: t("回款比例", "Payment share"), min: 0, max: 1 },
    {
      id: "status",
      type: "select",
      label: t("状态", "Status"),
      required: true,
      default: "open",
      options: [
        option("open", "进行中", "Open"),
        option("done", "已完成", "Done"),
        option("late", "已逾期", "Late"),
      ],
    },
    { id: "done_on", type: "date", label: t("实际完成日期", "Done on"), required: true, visibleWhen: DONE },
    {
      id: "on_time",
      type: "formula",
      label: t("按时完成", "On time"),
      resultType: "number",
      precision: 0,
      expression: { if: [{ and: [DONE, { "<=": [v("done_on"), v("due_date")] }] }, 1, 0] },
    },
  ],
};
