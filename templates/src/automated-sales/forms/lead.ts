import type { Form, Pipeline } from "@stagecraft/schemas";
import { or0, v } from "../../shared/expressions.js";
import { option, t } from "../../shared/i18n.js";
import { LEAD_SOURCES, REGIONS } from "../../shared/option-sets.js";

/** A lead at or above this score is marketing-qualified (R3's parameter). */
export const MQL_SCORE = 60;

const YES_NO = [option("yes", "是", "Yes"), option("no", "否", "No")];

const pipeline: Pipeline = {
  initial: "new",
  stages: [
    { id: "new", name: t("新线索", "New") },
    { id: "nurturing", name: t("培育中", "Nurturing") },
    {
      id: "mql",
      name: t("市场合格线索", "MQL"),
      requires: ["lead_score"],
      guard: { ">=": [or0(v("lead_score")), MQL_SCORE] },
      guardMessage: t("线索评分未达到 60 分", "The lead score is below 60"),
    },
    { id: "sql", name: t("销售合格线索", "SQL"), requires: ["owner", "phone"] },
    { id: "converted", name: t("已转化", "Converted"), terminal: "won" },
    {
      id: "disqualified",
      name: t("已淘汰", "Disqualified"),
      terminal: "lost",
      requires: ["disqualify_reason"],
    },
  ],
};

/** `lead` (线索): scored by engagement (written through the API) and fit; routed and nurtured by rules. */
export const leadForm: Form = {
  id: "lead",
  name: t("线索", "Lead"),
  description: t(
    "自动分配、自动培育与评分的线索；互动分由营销系统通过 API 写入",
    "Leads routed, nurtured and scored automatically; engagement points are written by the marketing system through the API",
  ),
  titleField: "contact_name",
  fields: [
    { id: "contact_name", type: "text", label: t("联系人", "Contact"), required: true, maxLength: 100 },
    { id: "company", type: "text", label: t("公司", "Company"), maxLength: 200 },
    { id: "email", type: "email", label: t("邮箱", "Email"), required: true },
    { id: "phone", type: "phone", label: t("电话", "Phone") },
    { id: "source", type: "select", label: t("来源", "Source"), required: true, options: [...LEAD_SOURCES] },
    { id: "region", type: "select", label: t("区域", "Region"), required: true, options: [...REGIONS] },
    {
      id: "engagement_points",
      type: "number",
      label: t("互动分", "Engagement points"),
      min: 0,
      precision: 0,
      help: t(
        "打开邮件、点击、访问官网等，由营销系统经 API 累加",
        "Opens, clicks, visits: added by the marketing system through the API",
      ),
    },
    { id: "fit_points", type: "number", label: t("匹配分", "Fit points"), min: 0, precision: 0 },
    {
      id: "lead_score",
      type: "formula",
      label: t("线索评分", "Lead score"),
      resultType: "number",
      precision: 0,
      expression: { "+": [or0(v("engagement_points")), or0(v("fit_points"))] },
    },
    { id: "owner", type: "user", label: t("负责人", "Owner") },
    { id: "replied", type: "select", label: t("已回复", "Replied"), default: "no", options: [...YES_NO] },
    {
      id: "meeting_booked",
      type: "select",
      label: t("已约会议", "Meeting booked"),
      default: "no",
      options: [...YES_NO],
    },
    {
      id: "unsubscribed",
      type: "select",
      label: t("已退订", "Unsubscribed"),
      default: "no",
      options: [...YES_NO],
      help: t("退订后停止一切自动触达", "Stops every automated message"),
    },
    {
      id: "disqualify_reason",
      type: "select",
      label: t("淘汰原因", "Disqualify reason"),
      options: [
        option("no_budget", "无预算", "No budget"),
        option("no_need", "无需求", "No need"),
        option("competitor", "已选竞品", "Competitor"),
        option("unreachable", "联系不上", "Unreachable"),
      ],
    },
  ],
  pipeline,
};
