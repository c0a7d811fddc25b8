import type { Form } from "@stagecraft/schemas";
import { option, t } from "../../shared/i18n.js";
import { REGIONS } from "../../shared/option-sets.js";

/** `registration` (报名签到): one attendee of an event, their check-in and interest. */
export const registrationForm: Form = {
  id: "registration",
  name: t("报名签到", "Registration"),
  description: t(
    "活动报名与现场签到；签到且意向为热/温的参会者在会后自动转为商机",
    "Registrations and check-ins; checked-in hot and warm attendees become deals after the event",
  ),
  titleField: "attendee",
  fields: [
    {
      id: "event",
      type: "reference",
      label: t("活动", "Event"),
      required: true,
      form: "event",
      displayField: "name",
    },
    { id: "attendee", type: "text", label: t("参会人", "Attendee"), required: true, maxLength: 100 },
    { id: "company", type: "text", label: t("公司", "Company"), maxLength: 200 },
    { id: "title", type: "text", label: t("职务", "Title"), maxLength: 100 },
    { id: "phone", type: "phone", label: t("手机", "Phone"), required: true },
    { id: "region", type: "select", label: t("所在区域", "Region"), required: true, options: [...REGIONS] },
    {
      id: "checked_in",
      type: "select",
      label: t("已签到", "Checked in"),
      required: true,
      default: "no",
      options: [option("yes", "已签到", "Yes"), option("no", "未签到", "No")],
    },
    {
      id: "interest",
      type: "select",
      label: t("意向", "Interest"),
      options: [option("hot", "热", "Hot"), option("warm", "温", "Warm"), option("cold", "冷", "Cold")],
    },
    {
      id: "event_owner",
      type: "user",
      label: t("活动负责人", "Event owner"),
      help: t("会后由活动写入", "Copied from the event"),
    },
    {
      id: "reminder_due_on",
      type: "date",
      label: t("提醒发送日", "Reminder sent on"),
      help: t(
        "活动前一天由自动化写入，随即发送提醒短信",
        "Stamped the day before the event; the SMS reminder follows",
      ),
    },
    {
      id: "follow_up_from",
      type: "date",
      label: t("会后跟进开始", "Follow-up from"),
      help: t("活动进入会后转化时写入", "Stamped when the event enters follow-up"),
    },
    {
      id: "deal",
      type: "reference",
      label: t("转化商机", "Deal"),
      form: "deal",
      displayField: "deal_name",
    },
  ],
};
