import type { TemplateMeta } from "../template-entry.js";
import { t } from "../shared/i18n.js";

/** Gallery metadata of B10 (seed 002 §2.5; the limitation is ours). */
export const productLineMeta: TemplateMeta = {
  id: "product-line",
  name: t("产品线销售管理", "Product line"),
  summary: t(
    "每条产品线有经理、产品专家、年度目标和折扣上限；商机自动轮转分配专家，折扣超限提醒产品线经理，赢单后按明细把收入分账到各产品线。",
    "Each line has a manager, specialists, a target and a discount cap; deals get a specialist round-robin, discounts over the cap alert the line manager, and won revenue is split per line.",
  ),
  whenToUse: t(
    "适合产品线多元化的企业。优势：各产品线业绩归属清晰，专家深耕产品，便于评估产品组合与交叉销售。",
    "For diversified portfolios. Strengths: clear attribution per line, specialists who know their products, a visible product mix and cross-selling.",
  ),
  limitations: t(
    "（编辑推断）客户可能面对多位销售与专家；产品线之间会争夺客户预算。",
    "(Editorial) Customers may face several reps and specialists; lines compete for the same budget.",
  ),
  limitationSource: "inferred",
  tags: ["product-line", "specialists", "discount-cap", "revenue-split", "cross-sell"],
};
