import type { TemplateMeta } from "../template-entry.js";
import { t } from "../shared/i18n.js";

/** Gallery metadata of B4 (seed 002 §1.4). */
export const dataDrivenMeta: TemplateMeta = {
  id: "data-driven",
  name: t("数据驱动型销售管理", "Data-driven sales management"),
  summary: t(
    "把客户行为和销售进展都记录为数据：统一的指标字典、每周预测快照、越线告警和数据完整度门槛，让管理者依据数据决策。",
    "Customer activity and sales progress recorded as data: one metric dictionary, weekly forecast snapshots, red-line alerts and a data-completeness gate, so managers decide from data.",
  ),
  whenToUse: t(
    "适合需要量化分析、业绩考核严格、业务流程繁杂的团队。优势：决策科学、可视化管理、流程自动化。",
    "For teams that need quantified analysis, strict appraisal and complex processes. Strengths: evidence-based decisions, visual management and automated processes.",
  ),
  limitations: t(
    "前期系统建设成本高、对数据素养要求高：本模板预置常用指标与数据完整度评分，降低起步门槛。",
    "High set-up cost and it needs data literacy; this template presets common metrics and a data-completeness score to lower the entry bar.",
  ),
  limitationSource: "seed",
  tags: ["management", "analytics", "forecast", "metrics", "data-quality"],
};
