import type { TemplateMeta } from "../template-entry.js";
import { t } from "../shared/i18n.js";

/** Gallery metadata of B7 (seed 002 §2.2; the limitation is ours). */
export const processControlMeta: TemplateMeta = {
  id: "process-control",
  name: t("过程管控型销售管理", "Process control"),
  summary: t(
    "管住销售过程的每一步：拜访签到与纪要、方案提交前的规定动作、跟进间隔，每周按过程标准为每位销售打分。",
    "Manage the quality and frequency of each step: checked-in visits with summaries, required steps before a proposal, follow-up intervals, and a weekly process score per rep.",
  ),
  whenToUse: t(
    "适合流程长、周期长、需要精细复盘的销售（如工业设备、解决方案）。优势：过程可量化、可追溯，问题早发现，新人按标准动作成长。",
    "For long processes and cycles that need detailed review (e.g. industrial equipment, solutions). Strengths: a measurable, traceable process; problems surface early; new reps grow by following the standard steps.",
  ),
  limitations: t(
    "（编辑推断）录入与管理负担重；次数类指标可能被刷量，需结合质量评分与结果指标一起看。",
    "(Editorial) Heavy admin load; count-based metrics can be gamed, so read them with quality scores and outcomes.",
  ),
  limitationSource: "inferred",
  tags: ["process", "visits", "check-in", "scorecard", "compliance"],
};
