import type { TemplateMeta } from "../template-entry.js";
import { t } from "../shared/i18n.js";

/** Gallery metadata of channel sales (seed 002 §2.8). */
export const channelSalesMeta: TemplateMeta = {
  id: "channel-sales",
  name: t("渠道销售管理", "Channel sales"),
  summary: t(
    "通过代理商、分销商拓展市场，用统一政策管理：伙伴准入与分级、进货单、阶梯返利按季度计提。",
    "Sell through agents and distributors under one policy: partner onboarding and tiers, sell-in orders, and tiered rebates accrued each quarter.",
  ),
  whenToUse: t(
    "适合制造、快消、电子产品等依靠代理和分销覆盖市场的企业。优势：市场覆盖广、成本低。",
    "For manufacturing, FMCG and electronics firms that reach the market through agents and distributors. Strengths: wide coverage at low cost.",
  ),
  limitations: t(
    "对终端客户和终端价格的掌控弱；伙伴之间容易发生渠道冲突（窜货、抢单）；返利只按进货额计算，不反映伙伴的真实动销。",
    "Weak control of end customers and end prices; channel conflict between partners (cross-territory selling, competing for the same deal); rebates follow sell-in only, not the partner's sell-through.",
  ),
  limitationSource: "inferred",
  tags: ["channel", "partners", "distributors", "rebates", "tiers", "sell-in"],
};
