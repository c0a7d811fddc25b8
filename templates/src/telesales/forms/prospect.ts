import type { Expression, Form, Pipeline } from "@stagecraft/schemas";
import { agg, or0 } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { option, t } from "../../shared/i18n.js";
import { OUTCOMES, YES_NO } from "./options.js";

/** A prospect on the do-not-call list may not be worked further. */
export const NOT_DND: Expression = { "!==": [{ var: "dnd" }, "yes"] };
const DND_GUARD = {
  guard: NOT_DND,
  guardMessage: t("该号码已列入勿扰名单，不能继续跟进", "This number is on the do-not-call list"),
};

const pipeline: Pipeline = {
  initial: "to_call",
  stages: [
    { id: "to_call", name: t("待拨打", "To call") },
    { id: "contacted", name: t("已接通", "Contacted"), requires: ["last_call_at"], ...DND_GUARD },
    { id: "interested", name: t("有意向", "Interested"), requires: ["interest_note"], ...DND_GUARD },
    { id: "appointment", name: t("已预约", "Appointment"), requires: ["appointment_at"], ...DND_GUARD },
    { id: "sold", name: t("已成交", "Sold"), terminal: "won", requires: ["sale_amount"], ...DND_GUARD },
    { id: "not_interested", name: t("无意向", "Not interested"), terminal: "lost" },
    { id: "unreachable", name: t("无法接通", "Unreachable"), terminal: "lost" },
  ],
};

/** `prospect` (外呼名单): one number to call, its attempts, callback and do-not-call flag. */
export const prospectForm: Form = {
  id: "prospect",
  name: t("外呼名单", "Prospect"),
  description: t(
    "外呼名单：拨打次数、回拨时间、重拨时段与勿扰标记；勿扰号码退出所有外呼列表",
    "Numbers to call: attempts, callback time, retry slot and do-not-call flag; do-not-call numbers leave every call list",
  ),
  titleField: "name",
  fields: [
    { id: "name", type: "text", label: t("姓名", "Name"), required: true, maxLength: 100 },
    { id: "phone", type: "phone", label: t("电话", "Phone"), required: true },
    { id: "campaign", type: "text", label: t("外呼活动", "Campaign"), required: true, maxLength: 100 },
    { id: "agent", type: "user", label: t("坐席", "Agent") },
    {
      id: "attempts",
      type: "formula",
      label: t("拨打次数", "Attempts"),
      resultType: "number",
      precision: 0,
      expression: or0(agg("call_count")),
    },
    { id: "last_call_at", type: "datetime", label: t("最近通话时间", "Last call at") },
    { id: "last_outcome", type: "select", label: t("最近通话结果", "Last outcome"), options: [...OUTCOMES] },
    { id: "next_callback_at", type: "datetime", label: t("约定回拨时间", "Callback at") },
    {
      id: "retry_at",
      type: "datetime",
      label: t("重拨时间", "Retry at"),
      help: t(
        "未接通时自动安排在次日另一时段",
        "Set after an unanswered call: the next day, in the other half of the day",
      ),
    },
    {
      id: "dnd",
      type: "select",
      label: t("勿扰", "Do not call"),
      required: true,
      default: "no",
      options: [...YES_NO],
    },
    { id: "interest_note", type: "textarea", label: t("意向说明", "Interest") },
    { id: "appointment_at", type: "datetime", label: t("预约时间", "Appointment at") },
    { id: "sale_amount", type: "money", label: t("成交金额", "Sale amount"), min: 0 },
    {
      id: "product_interest",
      type: "select",
      label: t("意向产品", "Product of interest"),
      options: [
        option("wealth", "理财产品", "Wealth product"),
        option("insurance", "保险", "Insurance"),
        option("course", "课程", "Course"),
        option("other", "其他", "Other"),
      ],
    },
  ],
  pipeline,
  aggregates: [
    {
      id: "call_count",
      type: "rollup",
      form: "call_log",
      measure: "count",
      filter: [where("prospect", "eq", thisValue("_id"))],
    },
  ],
};
