import type { TemplateMeta } from "../template-entry.js";
import { t } from "../shared/i18n.js";

/** Gallery metadata of B11 (seed 002 §2.6; the limitation is ours). */
export const projectBasedMeta: TemplateMeta = {
  id: "project-based",
  name: t("项目型销售管理", "Project-based"),
  summary: t(
    "大额商机按项目运作：组建项目团队，投标前做 go/no-go 评审，100 万以上投标须销售经理审批，中标后自动生成交付里程碑并通知交付系统。",
    "Large deals run as projects: a named team, a go/no-go bid review, the sales manager's approval for bids of ¥1 M or more, and delivery milestones (with a call to the delivery PM tool) once won.",
  ),
  whenToUse: t(
    "适合 B2B 定制化解决方案、工程与专业服务。优势：专业化运作，多角色协同，投标资源集中在值得投的项目上。",
    "For B2B customised solutions, engineering and professional services. Strengths: professional execution, several roles working together, bid effort spent where it pays.",
  ),
  limitations: t(
    "（编辑推断）流程重、周期长；团队产能是瓶颈，需关注成员负荷。",
    "(Editorial) Heavy and slow; team capacity is the bottleneck, so watch member load.",
  ),
  limitationSource: "inferred",
  tags: ["project", "tender", "bid-review", "approval", "milestones", "team-load"],
};
