import type { Form, Pipeline } from "@stagecraft/schemas";
import { agg, or0, v } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { option, t } from "../../shared/i18n.js";
import { REGIONS } from "../../shared/option-sets.js";

const pipeline: Pipeline = {
  initial: "planning",
  stages: [
    { id: "planning", name: t("策划中", "Planning") },
    { id: "promotion", name: t("宣传报名", "Promotion"), requires: ["venue", "registration_deadline"] },
    { id: "live", name: t("活动进行", "Live") },
    { id: "follow_up", name: t("会后转化", "Follow-up") },
    { id: "closed", name: t("已结项", "Closed"), terminal: "won", requires: ["actual_cost"] },
    { id: "cancelled", name: t("已取消", "Cancelled"), terminal: "lost", requires: ["cancel_reason"] },
  ],
};

/** `event` (活动): one event with its budget, registrations, conversion window and ROI. */
export const eventForm: Form = {
  id: "event",
  name: t("活动", "Event"),
  description: t(
    "线上线下活动：预算、报名目标、转化窗口与 ROI（赢单金额 ÷ 实际费用）",
    "Online and offline events: budget, registration target, conversion window and ROI (won amount ÷ actual cost)",
  ),
  titleField: "name",
  fields: [
    { id: "name", type: "text", label: t("活动名称", "Event name"), required: true, maxLength: 200 },
    {
      id: "event_type",
      type: "select",
      label: t("活动类型", "Event type"),
      required: true,
      options: [
        option("launch", "新品发布会", "Launch"),
        option("expo", "展会", "Expo"),
        option("webinar", "线上直播", "Webinar"),
        option("salon", "沙龙", "Salon"),
      ],
    },
    { id: "event_date", type: "date", label: t("活动日期", "Event date"), required: true },
    { id: "owner", type: "user", label: t("活动负责人", "Event owner"), required: true },
    { id: "region", type: "select", label: t("举办区域", "Region"), options: [...REGIONS] },
    { id: "venue", type: "text", label: t("场地/直播间", "Venue or stream"), maxLength: 200 },
    { id: "registration_deadline", type: "date", label: t("报名截止", "Registration deadline") },
    { id: "budget", type: "money", label: t("预算", "Budget"), required: true, min: 0 },
    { id: "actual_cost", type: "money", label: t("实际费用", "Actual cost"), min: 0 },
    {
      id: "target_registrations",
      type: "number",
      label: t("目标报名数", "Target registrations"),
      required: true,
      min: 0,
      precision: 0,
    },
    {
      id: "conversion_window_days",
      type: "number",
      label: t("转化窗口（天）", "Conversion window (days)"),
      required: true,
      default: 30,
      min: 1,
      precision: 0,
      help: t(
        "会后在此天数内跟进转化，商机预计成交日期按此计算",
        "Attendees are converted within this many days after the event",
      ),
    },
    {
      id: "window_end",
      type: "formula",
      label: t("转化截止日", "Window ends"),
      resultType: "date",
      expression: { add_days: [v("event_date"), or0(v("conversion_window_days"))] },
    },
    {
      id: "registrations",
      type: "formula",
      label: t("报名数", "Registrations"),
      resultType: "number",
      precision: 0,
      expression: or0(agg("registration_count")),
    },
    {
      id: "won_amount",
      type: "formula",
      label: t("活动赢单金额", "Won amount"),
      resultType: "money",
      expression: or0(agg("won_amount_sum")),
    },
    {
      id: "roi",
      type: "formula",
      label: t("活动 ROI", "ROI"),
      resultType: "number",
      precision: 2,
      expression: { div: [or0(agg("won_amount_sum")), v("actual_cost")] },
    },
    { id: "last_won_at", type: "date", label: t("最近赢单日期", "Last deal won on") },
    { id: "cancel_reason", type: "textarea", label: t("取消原因", "Cancel reason") },
  ],
  pipeline,
  aggregates: [
    {
      id: "registration_count",
      type: "rollup",
      form: "registration",
      measure: "count",
      filter: [where("event", "eq", thisValue("_id"))],
    },
    {
      id: "won_amount_sum",
      type: "rollup",
      form: "deal",
      measure: "sum",
      field: "amount",
      filter: [where("source_event", "eq", thisValue("_id")), where("_stage", "eq", "won")],
    },
  ],
};
