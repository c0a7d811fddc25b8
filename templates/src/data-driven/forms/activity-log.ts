import type { Form } from "@stagecraft/schemas";
import { option, t } from "../../shared/i18n.js";

/** `activity_log` (行为数据): every sales activity as one row of data. */
export const activityLogForm: Form = {
  id: "activity_log",
  name: t("行为数据", "Activity log"),
  description: t(
    "电话、邮件、会议、演示、报价：每次行为一行数据",
    "Calls, emails, meetings, demos, quotes: one row per activity",
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
    { id: "actor", type: "user", label: t("执行人", "Actor"), required: true },
    {
      id: "activity_type",
      type: "select",
      label: t("行为类型", "Activity type"),
      required: true,
      options: [
        option("call", "电话", "Call"),
        option("email", "邮件", "Email"),
        option("meeting", "会议", "Meeting"),
        option("demo", "演示", "Demo"),
        option("quote_sent", "发送报价", "Quote sent"),
      ],
    },
    { id: "occurred_at", type: "datetime", label: t("发生时间", "Occurred at"), required: true },
    {
      id: "outcome",
      type: "select",
      label: t("结果", "Outcome"),
      options: [
        option("positive", "积极", "Positive"),
        option("neutral", "中性", "Neutral"),
        option("negative", "消极", "Negative"),
      ],
    },
  ],
};
