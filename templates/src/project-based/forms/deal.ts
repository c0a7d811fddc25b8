import type { Form, Stage } from "@stagecraft/schemas";
import { coreDealFields } from "../../shared/core-deal.js";
import { v } from "../../shared/expressions.js";
import { option, t } from "../../shared/i18n.js";

/** Bids at or above this amount need the sales manager's approval to be submitted. */
export const BID_APPROVAL_THRESHOLD = 1_000_000;
/** Project team members the rules book as assignments (a rule cannot loop over rows). */
export const MAX_TEAM = 6;

const stages: Stage[] = [
  { id: "identified", name: t("项目识别", "Identified"), probability: 10 },
  { id: "bid_review", name: t("投标评审", "Bid review"), probability: 20, requires: ["tender_no"] },
  {
    id: "solution_design",
    name: t("方案设计", "Solution design"),
    probability: 40,
    requires: ["go_decision", "project_team"],
    guard: { "===": [v("go_decision"), "go"] },
    guardMessage: t("投标评审结论须为“投标”", "The bid review must have decided to bid (go)"),
  },
  {
    id: "bid_submitted",
    name: t("已投标", "Bid submitted"),
    probability: 60,
    requires: ["tender_docs"],
    approval: {
      on: "enter",
      steps: [
        {
          id: "sales_manager_approval",
          name: t("销售经理审批投标", "Sales manager approves the bid"),
          approvers: [{ type: "manager" }],
          mode: "any",
          when: { ">=": [v("amount"), BID_APPROVAL_THRESHOLD] },
          due: { after: { amount: 2, unit: "working_days" }, onOverdue: "remind" },
        },
      ],
      covers: ["amount", "tender_docs", "project_team"],
    },
  },
  { id: "won", name: t("中标", "Won"), probability: 100, terminal: "won" },
  {
    id: "lost",
    name: t("未中标/放弃", "Lost / no bid"),
    probability: 0,
    terminal: "lost",
    requires: ["lost_reason"],
  },
];

/** `deal` = core deal + tender, named project team, tender documents and the go/no-go decision. */
export const dealForm: Form = {
  id: "deal",
  name: t("项目商机", "Project deal"),
  description: t(
    "大项目按项目运作：评审决定是否投标，投标金额达 100 万须销售经理审批，中标后生成交付里程碑",
    "Large deals run as projects: a review decides go/no-go, bids of ¥1 M or more need the sales manager's approval, a win creates the delivery milestones",
  ),
  titleField: "deal_name",
  fields: [
    ...coreDealFields(),
    { id: "tender_no", type: "text", label: t("招标编号", "Tender no."), maxLength: 100 },
    {
      id: "project_team",
      type: "subform",
      label: t("项目团队", "Project team"),
      maxRows: MAX_TEAM,
      fields: [
        { id: "member", type: "user", label: t("成员", "Member"), required: true },
        {
          id: "role",
          type: "select",
          label: t("角色", "Role"),
          required: true,
          options: [
            option("pm", "项目经理", "Project manager"),
            option("sales", "销售", "Sales"),
            option("presales", "售前", "Presales"),
            option("engineer", "工程师", "Engineer"),
          ],
        },
        { id: "allocation", type: "percent", label: t("投入比例", "Allocation"), min: 0, max: 1 },
      ],
    },
    { id: "tender_docs", type: "file", label: t("投标文件", "Tender documents") },
    {
      id: "go_decision",
      type: "select",
      label: t("投标决策", "Go decision"),
      default: "pending",
      help: t("由投标评审写入", "Written by the bid review"),
      options: [
        option("pending", "待评审", "Pending"),
        option("go", "投标", "Go"),
        option("no_go", "放弃", "No go"),
      ],
    },
  ],
  pipeline: { initial: "identified", stages },
};
