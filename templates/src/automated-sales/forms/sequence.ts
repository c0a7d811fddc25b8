import type { Form } from "@stagecraft/schemas";
import { option, t } from "../../shared/i18n.js";
import { LEAD_SOURCES } from "../../shared/option-sets.js";

/** Step channels: messages go out through the messaging webhook, call steps become call tasks. */
export const CHANNELS = [
  option("email", "邮件", "Email"),
  option("sms", "短信", "SMS"),
  option("call_task", "电话任务", "Call task"),
  option("wechat", "微信", "WeChat"),
];

/** `sequence` (跟进序列): the nurture steps for one audience (lead source). */
export const sequenceForm: Form = {
  id: "sequence",
  name: t("跟进序列", "Sequence"),
  description: t(
    "按线索来源配置的自动培育序列：第几天、什么渠道、用哪个模板",
    "Nurture sequences per lead source: which day, which channel, which template",
  ),
  titleField: "name",
  fields: [
    { id: "name", type: "text", label: t("序列名称", "Name"), required: true, maxLength: 100 },
    {
      id: "audience",
      type: "select",
      label: t("适用来源", "Audience"),
      required: true,
      options: [...LEAD_SOURCES],
    },
    {
      id: "steps",
      type: "subform",
      label: t("步骤", "Steps"),
      required: true,
      minRows: 1,
      fields: [
        {
          id: "day_offset",
          type: "number",
          label: t("第几天（从入序列起）", "Day (from enrolment)"),
          required: true,
          min: 0,
          precision: 0,
        },
        {
          id: "channel",
          type: "select",
          label: t("渠道", "Channel"),
          required: true,
          options: [...CHANNELS],
        },
        {
          id: "template_code",
          type: "text",
          label: t("模板编码", "Template code"),
          required: true,
          maxLength: 100,
        },
      ],
    },
    {
      id: "stop_on",
      type: "multiselect",
      label: t("停止条件", "Stop on"),
      required: true,
      options: [
        option("replied", "客户回复", "Replied"),
        option("meeting_booked", "已约会议", "Meeting booked"),
        option("unsubscribed", "退订", "Unsubscribed"),
      ],
    },
    {
      id: "active",
      type: "select",
      label: t("启用", "Active"),
      required: true,
      options: [option("yes", "启用", "Yes"), option("no", "停用", "No")],
    },
    { id: "effective_from", type: "date", label: t("生效日期", "Effective from"), required: true },
    { id: "effective_to", type: "date", label: t("失效日期", "Effective to") },
  ],
};
