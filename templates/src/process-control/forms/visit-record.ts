import type { Form } from "@stagecraft/schemas";
import { agg, or0, v } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { t } from "../../shared/i18n.js";
import { ACTIVITY_TYPE_OPTIONS } from "./activity-types.js";

/** `visit_record` (拜访记录): a checked-in visit on a deal, with its quality and next date. */
export const visitRecordForm: Form = {
  id: "visit_record",
  name: t("拜访记录", "Visit record"),
  description: t(
    "每次拜访须签到、写纪要并约定下次拜访日期；是否按时由上次约定的日期判断",
    "Every visit checks in, records a summary and sets the next date; on time means by the date set last time",
  ),
  titleField: "location",
  fields: [
    {
      id: "deal",
      type: "reference",
      label: t("商机", "Deal"),
      required: true,
      form: "deal",
      displayField: "deal_name",
    },
    { id: "rep", type: "user", label: t("拜访人", "Rep"), required: true },
    {
      id: "visit_type",
      type: "select",
      label: t("拜访类型", "Visit type"),
      required: true,
      options: [...ACTIVITY_TYPE_OPTIONS],
    },
    { id: "check_in_at", type: "datetime", label: t("签到时间", "Checked in at"), required: true },
    { id: "location", type: "text", label: t("签到地点", "Location"), required: true, maxLength: 200 },
    { id: "summary", type: "textarea", label: t("拜访纪要", "Summary"), required: true },
    { id: "next_date", type: "date", label: t("下次拜访日期", "Next visit date"), required: true },
    {
      id: "quality_score",
      type: "number",
      label: t("质量评分（1–5）", "Quality score (1–5)"),
      min: 1,
      max: 5,
      precision: 0,
    },
    {
      id: "visit_date",
      type: "formula",
      label: t("拜访日期", "Visit date"),
      resultType: "date",
      expression: { period: [v("check_in_at"), "day"] },
    },
    {
      // The deal's earlier visits only, so a later visit never changes this one.
      id: "on_time",
      type: "formula",
      label: t("是否按时", "On time"),
      resultType: "number",
      precision: 0,
      help: t(
        "1 = 首次拜访，或在此前约定的下次拜访日期当天或之前到访",
        "1 = a first visit, or one on or before the date agreed at an earlier visit",
      ),
      expression: {
        if: [
          {
            or: [
              { "===": [or0(agg("earlier_visits")), 0] },
              { ">": [or0(agg("earlier_due_not_passed")), 0] },
            ],
          },
          1,
          0,
        ],
      },
    },
  ],
  aggregates: [
    {
      id: "earlier_visits",
      type: "rollup",
      form: "visit_record",
      measure: "count",
      filter: [where("deal", "eq", thisValue("deal")), where("check_in_at", "lt", thisValue("check_in_at"))],
    },
    {
      // Earlier visits whose agreed next date is this visit's day or later.
      id: "earlier_due_not_passed",
      type: "rollup",
      form: "visit_record",
      measure: "count",
      filter: [
        where("deal", "eq", thisValue("deal")),
        where("check_in_at", "lt", thisValue("check_in_at")),
        where("next_date", "gte", thisValue("check_in_at")),
      ],
    },
  ],
};
