import type { TemplateMeta } from "../template-entry.js";
import { t } from "../shared/i18n.js";

/** Gallery metadata of B9 (seed 002 §2.4; the limitation is ours). */
export const regionIndustryMeta: TemplateMeta = {
  id: "region-industry",
  name: t("区域/分行业销售管理", "Region / industry"),
  summary: t(
    "按区域或行业划分销售单元，每个单元有负责人、配额与本地打法；新客户自动归属单元并轮转分配，跨单元变更自动标记冲突，每月出区域月报。",
    "Territories by region or industry, each with a manager, quotas and a local playbook; new customers are routed to a territory and assigned round-robin, boundary changes are flagged, and each territory gets a monthly review.",
  ),
  whenToUse: t(
    "适合全国性或多行业经营的企业。优势：贴近本地市场、针对性强，责任清晰，便于横向比较各单元。",
    "For nationwide or multi-industry firms. Strengths: close to local markets and targeted, clear ownership, territories easy to compare.",
  ),
  limitations: t(
    "（编辑推断）单元边界易起冲突（客户迁址、跨区集团）；各单元市场潜力不同，直接按达成率排名会失真，需结合渗透率看。",
    "(Editorial) Boundaries cause conflicts (customers moving, groups spanning regions); territories differ in potential, so raw attainment rankings mislead — read them with penetration.",
  ),
  limitationSource: "inferred",
  tags: ["territory", "region", "industry", "quota", "round-robin", "monthly-review"],
};
