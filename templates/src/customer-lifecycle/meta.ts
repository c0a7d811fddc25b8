import type { TemplateMeta } from "../template-entry.js";
import { t } from "../shared/i18n.js";

/** Gallery metadata of B8 (seed 002 §2.3; the limitation is ours). */
export const customerLifecycleMeta: TemplateMeta = {
  id: "customer-lifecycle",
  name: t("客户生命周期管理", "Customer lifecycle"),
  summary: t(
    "一条客户记录贯穿获客、开通、维护、续费/增购直至流失与赢回：健康分预警、到期前 90 天自动续费商机、回访发现增购信号自动生成商机。",
    "One customer record from acquisition through onboarding, maintenance and renewal/upsell to churn and win-back: health alerts, a renewal deal 90 days before the contract ends, upsell deals from expansion signals.",
  ),
  whenToUse: t(
    "适合复购率高、依赖长期关系的业务（如 SaaS、耗材、服务订阅）。优势：提升客户粘性与终身价值，续费与流失风险提前可见。",
    "For high-repurchase, relationship-driven businesses (SaaS, consumables, service subscriptions). Strengths: stickier customers with higher lifetime value; renewals and churn risk visible early.",
  ),
  limitations: t(
    "（编辑推断）需要售后使用数据（使用指数通过 API 写入）才能算出可信的健康分；一次性交易的业务用它过重。",
    "(Editorial) Needs post-sale usage data (the usage index comes in through the API) for a credible health score; overkill for one-off sales.",
  ),
  limitationSource: "inferred",
  tags: ["lifecycle", "retention", "renewal", "churn", "health-score", "ltv", "win-back"],
};
