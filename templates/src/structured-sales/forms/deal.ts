import type { Expression, Form, RowField, Stage } from "@stagecraft/schemas";
import { coreDealFields } from "../../shared/core-deal.js";
import { eq, v } from "../../shared/expressions.js";
import { option, t } from "../../shared/i18n.js";
import { thisValue, where } from "../../shared/filters.js";
import { dealTerminalStages } from "../../shared/plain-core-forms.js";
import { STAGE_CHECKLISTS } from "../standard-checklists.js";

const YES_NO = [option("yes", "是", "Yes"), option("no", "否", "No")];

/** A checklist row; `stage` tells which stage's standard it came from. */
const CHECKLIST_ROW: RowField[] = [
  { id: "stage", type: "text", label: t("阶段", "Stage") },
  { id: "item", type: "text", label: t("检查项", "Item"), required: true },
  { id: "mandatory", type: "select", label: t("必做", "Mandatory"), options: YES_NO },
  { id: "done", type: "select", label: t("已完成", "Done"), options: YES_NO },
];

/** A checklist row that is mandatory and not done (row scope: the row's own fields). */
const OPEN_MANDATORY: Expression = { and: [eq(v("mandatory"), "yes"), { "!==": [v("done"), "yes"] }] };

/**
 * R1 guard: no mandatory item of the current stage's checklist may be open when the deal moves on.
 * A stage guard refuses the move instead of moving the deal back afterwards.
 */
export const CHECKLIST_COMPLETE: Expression = { none: [v("checklist"), OPEN_MANDATORY] };

const guardMessage = t(
  "当前阶段的必做检查项尚未全部完成",
  "Some mandatory checklist items of the current stage are still open",
);

/** The seed's standard flow: 客户开发 → 需求分析 → 方案呈现 → 成交跟进 → 赢单/输单. */
const stages: Stage[] = [
  { id: "development", name: t("客户开发", "Customer development"), probability: 10 },
  {
    id: "needs_analysis",
    name: t("需求分析", "Needs analysis"),
    probability: 25,
    requires: ["needs_doc"],
    guard: CHECKLIST_COMPLETE,
    guardMessage,
  },
  {
    id: "presentation",
    name: t("方案呈现", "Presentation"),
    probability: 50,
    requires: ["proposal_file"],
    guard: CHECKLIST_COMPLETE,
    guardMessage,
  },
  { id: "closing", name: t("成交跟进", "Closing"), probability: 75, guard: CHECKLIST_COMPLETE, guardMessage },
  ...dealTerminalStages().map((s) =>
    s.terminal === "won" ? { ...s, guard: CHECKLIST_COMPLETE, guardMessage } : s,
  ),
];

/** `deal` (商机) = core deal + stage owner, needs document, proposal and the stage checklist. */
export const dealForm: Form = {
  id: "deal",
  name: t("商机", "Deal"),
  description: t(
    "标准阶段流程：每个阶段有负责人、检查清单和时限，必做项完成才能进入下一阶段",
    "One standard stage flow: each stage has an owner, a checklist and a time target; mandatory items must be done to move on",
  ),
  titleField: "deal_name",
  fields: [
    ...coreDealFields(),
    {
      id: "stage_owner",
      type: "user",
      label: t("阶段负责人", "Stage owner"),
      help: t("进入阶段时按阶段标准带出", "Loaded from the stage standard on entering a stage"),
    },
    { id: "needs_doc", type: "textarea", label: t("需求分析文档", "Needs analysis") },
    { id: "proposal_file", type: "file", label: t("方案文件", "Proposal file") },
    {
      id: "checklist",
      type: "subform",
      label: t("阶段检查清单", "Stage checklist"),
      help: t("进入阶段时按阶段标准带出", "Loaded from the stage standard on entering a stage"),
      fields: CHECKLIST_ROW,
    },
    {
      id: "checklist_stage",
      type: "text",
      label: t("清单所属阶段", "Checklist of stage"),
      readOnlyWhen: true,
    },
    {
      // The time target of the current stage, read from its stage_standard record.
      id: "stage_target_days",
      type: "formula",
      label: t("阶段时限（天）", "Stage time target (days)"),
      resultType: "number",
      precision: 0,
      expression: { aggregate: "stage_target_days" },
    },
    {
      // R2 fires the day after this date: the time target counted from entering the stage.
      id: "stage_due_date",
      type: "formula",
      label: t("阶段到期日", "Stage due date"),
      resultType: "date",
      expression: { add_days: [v("_stage_entered_at"), v("stage_target_days")] },
    },
    {
      id: "standards",
      type: "section",
      label: t("阶段标准清单", "Stage standard checklists"),
      collapsed: true,
    },
    {
      // R1 copies the rows of the entered stage into `checklist`: a rule reads only its own record.
      id: "stage_checklists",
      type: "subform",
      label: t("各阶段标准检查项", "Standard items of every stage"),
      help: t(
        "新建商机时按公司标准预填，可按商机调整",
        "Prefilled with the company standard when a deal is created; may be tailored per deal",
      ),
      fields: CHECKLIST_ROW.filter((f) => f.id !== "done"),
      default: Object.entries(STAGE_CHECKLISTS).flatMap(([stage, rows]) =>
        rows.map((row) => ({ stage, ...row })),
      ),
    },
    {
      // 规范执行率: the share of this stage's checklist items that are done.
      id: "checklist_completion",
      type: "formula",
      label: t("清单完成率", "Checklist completion"),
      resultType: "percent",
      precision: 4,
      expression: {
        div: [{ count_where: [v("checklist"), eq(v("done"), "yes")] }, { count: [v("checklist")] }],
      },
    },
    {
      id: "open_mandatory_items",
      type: "formula",
      label: t("未完成必做项", "Open mandatory items"),
      resultType: "number",
      precision: 0,
      expression: { count_where: [v("checklist"), OPEN_MANDATORY] },
    },
  ],
  pipeline: { initial: "development", stages },
  aggregates: [
    {
      id: "stage_target_days",
      type: "rollup",
      form: "stage_standard",
      measure: "max",
      field: "target_days",
      filter: [where("stage", "eq", thisValue("_stage"))],
    },
  ],
};
