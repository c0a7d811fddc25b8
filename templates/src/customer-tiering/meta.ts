import type { TemplateMeta } from "../template-entry.js";
import { t } from "../shared/i18n.js";

/** Gallery metadata of B3 (seed 002 §1.3). */
export const customerTieringMeta: TemplateMeta = {
  id: "customer-tiering",
  name: t("客户分级管理", "Customer tiering"),
  summary: t(
    "按客户价值 × 潜力自动分为 A/B/C 三级，回访周期随级别而定：A 级生成拜访计划并通知上级，B 级提醒负责人，C 级进入批量营销。",
    "A/B/C tiers computed from value × potential; the touch cadence follows the tier: tier A gets a planned visit and the manager is told, tier B reminds the owner, tier C joins a batch campaign.",
  ),
  whenToUse: t(
    "适合产品单价高、客户生命周期长、客户数量多的企业。优势：资源投入精准、高价值客户转化率高。",
    "For high unit prices, long customer lifecycles and many customers. Strengths: precise use of resources and higher conversion of high-value customers.",
  ),
  limitations: t(
    "分级标准制定难、低价值客户可能被忽略：本模板用带版本的分级标准（可随时调整、生效日起适用）和 C 级批量触达来缓解。",
    "Criteria are hard to set and low-value customers may be neglected; this template mitigates with versioned criteria (changed any time, applied from their effective date) and batch touches for tier C.",
  ),
  limitationSource: "seed",
  tags: ["management", "customer-tiering", "cadence", "key-accounts", "segmentation"],
};
