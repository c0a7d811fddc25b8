import type { TemplateMeta } from "../template-entry.js";
import { t } from "../shared/i18n.js";

/** Gallery metadata of joint selling (seed 002 §2.13). */
export const jointSellingMeta: TemplateMeta = {
  id: "joint-selling",
  name: t("联合销售管理", "Joint selling"),
  summary: t(
    "与互补企业联合开发客户：合作协议与分成比例、经客户同意的线索互换、联合商机与收入分成台账。",
    "Co-sell with complementary firms: alliance agreements and revenue shares, consented lead exchange, joint deals and a revenue-share ledger.",
  ),
  whenToUse: t(
    "适合资源互补、希望借助合作伙伴快速触达客户的企业。优势：资源共享、客户拓展快。",
    "For firms with complementary resources that want to reach customers fast through a partner. Strengths: shared resources, fast customer reach.",
  ),
  limitations: t(
    "业绩归属容易产生争议；客户数据共享受隐私与合规限制（须取得客户同意）；过度依赖合作方，对方策略变化会直接影响业绩。",
    "Attribution disputes; data sharing is limited by privacy rules (customer consent is required); dependence on the partner, whose changes of course hit results directly.",
  ),
  limitationSource: "inferred",
  tags: ["joint-selling", "alliances", "lead-exchange", "consent", "revenue-share"],
};
