import type { Expression, Form, Stage } from "@stagecraft/schemas";
import { coreDealFields } from "../../shared/core-deal.js";
import { agg, or0, v } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { t } from "../../shared/i18n.js";

/** The last visit, or the deal's creation before its first visit. */
const LAST_TOUCH: Expression = { coalesce: [v("last_activity_at"), v("_created_at")] };

const stages: Stage[] = [
  { id: "first_contact", name: t("初次接触", "First contact"), probability: 10 },
  {
    id: "needs_survey",
    name: t("需求调研", "Needs survey"),
    probability: 25,
    requires: ["needs_summary", "decision_maker"],
  },
  { id: "site_tour", name: t("参观考察", "Site tour"), probability: 45 },
  {
    id: "proposal_submitted",
    name: t("方案已提交", "Proposal submitted"),
    probability: 70,
    requires: ["proposal_file"],
  },
  { id: "won", name: t("赢单", "Won"), probability: 100, terminal: "won" },
  { id: "lost", name: t("输单", "Lost"), probability: 0, terminal: "lost", requires: ["lost_reason"] },
];

/** `deal` = core deal + survey findings, the proposal and the visit cadence the process tracks. */
export const dealForm: Form = {
  id: "deal",
  name: t("商机", "Deal"),
  description: t(
    "每个阶段都有规定动作：调研须写明需求与决策人，提交方案前须有方案讲解拜访",
    "Each stage has its required steps: the survey names needs and decision maker; a proposal needs a presentation visit first",
  ),
  titleField: "deal_name",
  fields: [
    ...coreDealFields(),
    { id: "needs_summary", type: "textarea", label: t("需求调研结论", "Needs survey findings") },
    { id: "decision_maker", type: "text", label: t("决策人", "Decision maker") },
    { id: "proposal_file", type: "file", label: t("方案文件", "Proposal file") },
    {
      id: "next_visit_due",
      type: "date",
      label: t("约定下次拜访日期", "Next visit due"),
      help: t("由最近一次拜访记录写入", "Set by the latest visit record"),
    },
    // Formulas, not rule reads: rules see a record's stored values, and formulas are recomputed
    // with fresh cross-form aggregates each time the deal is written (a visit stamps it).
    {
      id: "proposal_visit_count",
      type: "formula",
      label: t("方案讲解拜访次数", "Proposal visits"),
      resultType: "number",
      precision: 0,
      expression: or0(agg("proposal_visits")),
    },
    {
      id: "max_gap_days",
      type: "formula",
      label: t("标准最长间隔（天）", "Standard longest gap (days)"),
      resultType: "number",
      precision: 0,
      expression: agg("max_interval_days"),
    },
    {
      id: "visit_gap_date",
      type: "formula",
      label: t("最晚下次拜访日", "Visit needed by"),
      resultType: "date",
      expression: { add_days: [LAST_TOUCH, agg("max_interval_days")] },
    },
    {
      id: "visit_escalate_date",
      type: "formula",
      label: t("上级介入日", "Manager alerted after"),
      resultType: "date",
      expression: { add_days: [LAST_TOUCH, { "*": [2, agg("max_interval_days")] }] },
    },
  ],
  pipeline: { initial: "first_contact", stages },
  aggregates: [
    {
      // R1: a proposal may only be submitted after a proposal presentation visit.
      id: "proposal_visits",
      type: "rollup",
      form: "visit_record",
      measure: "count",
      filter: [where("deal", "eq", thisValue("_id")), where("visit_type", "eq", "proposal")],
    },
    {
      // R2: the follow-up standard's longest gap between visits.
      id: "max_interval_days",
      type: "rollup",
      form: "activity_standard",
      measure: "max",
      field: "max_interval_days",
      filter: [where("activity_type", "eq", "follow_up")],
    },
  ],
};
