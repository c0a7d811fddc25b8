import type { TemplateMeta } from "../template-entry.js";
import { t } from "../shared/i18n.js";

/** Gallery metadata of B22 (seed 002 §2.18; the limitation is ours: the seed gives none). */
export const leanMeta: TemplateMeta = {
  id: "lean-sales",
  name: t("精益销售管理", "Lean sales management"),
  summary: t(
    "持续优化销售流程、减少无效环节：让阶段停留、等待与返工可见，超过 P75 提醒说明等待原因，浪费提案按 PDCA 试行并标准化，统计节省工时。",
    "Keep improving the sales process and cut wasted steps: time in stage, waiting and rework made visible, deals past a stage's P75 asked for their waiting reason, improvements trialled and standardised through PDCA with the hours saved.",
  ),
  whenToUse: t(
    "适合成本敏感型企业。优势：效率高、成本低。",
    "For cost-sensitive companies. Strengths: high efficiency at low cost.",
  ),
  limitations: t(
    "（编者推断）过度精简可能砍掉客户看重的环节（如深度调研、演示）；数据需要连续积累一段时间才有基准。",
    "(Editorial) Over-trimming can cut steps customers value (deep discovery, demos); benchmarks need a stretch of history first.",
  ),
  limitationSource: "inferred",
  tags: ["lean", "efficiency", "time-in-stage", "rework", "pdca"],
};
