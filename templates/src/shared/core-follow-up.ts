import type { Field } from "@stagecraft/schemas";
import { eq, v } from "./expressions.js";
import { option, t } from "./i18n.js";

/** Shown (and then required) once a follow-up is done. */
export const FOLLOW_UP_DONE = eq(v("status"), "done");

/** The core `follow_up` fields (TEMPLATES.md §0); planned rows act as tasks. */
export function coreFollowUpFields(): Field[] {
  return [
    {
      id: "customer",
      type: "reference",
      label: t("客户", "Customer"),
      required: true,
      form: "customer",
      displayField: "customer_name",
    },
    { id: "deal", type: "reference", label: t("商机", "Deal"), form: "deal", displayField: "deal_name" },
    { id: "owner", type: "user", label: t("跟进人", "Owner"), required: true },
    {
      id: "follow_type",
      type: "select",
      label: t("跟进方式", "Follow-up type"),
      required: true,
      options: [
        option("call", "电话", "Call"),
        option("visit", "拜访", "Visit"),
        option("wechat", "微信", "WeChat"),
        option("email", "邮件", "Email"),
        option("meeting", "会议", "Meeting"),
        option("return_visit", "回访", "Return visit"),
      ],
    },
    {
      id: "status",
      type: "select",
      label: t("状态", "Status"),
      required: true,
      options: [option("planned", "计划中", "Planned"), option("done", "已完成", "Done")],
    },
    { id: "follow_at", type: "datetime", label: t("跟进时间", "Follow-up at"), required: true },
    // `content:textarea!(done)`: required only when done; the schema ties "required" to visibility.
    {
      id: "content",
      type: "textarea",
      label: t("跟进内容", "Content"),
      required: true,
      visibleWhen: FOLLOW_UP_DONE,
    },
    { id: "next_follow_date", type: "date", label: t("下次跟进日期", "Next follow-up date") },
  ];
}
