import type { TemplateMeta } from "../template-entry.js";
import { t } from "../shared/i18n.js";

/** Gallery metadata of B21 (seed 002 §2.17; the limitation is ours: the seed gives none). */
export const experienceMeta: TemplateMeta = {
  id: "customer-experience",
  name: t("客户体验导向型销售管理", "Customer-experience sales management"),
  summary: t(
    "以客户满意度为核心：在每个触点收集 NPS 与满意度，贬损者自动生成投诉单，投诉按严重程度限时闭环，推荐者提醒邀请转介绍。",
    "Satisfaction at the centre: NPS and CSAT collected at every touchpoint, detractors open complaints automatically, complaints are closed within a severity-based SLA, promoters prompt a referral ask.",
  ),
  whenToUse: t(
    "适合竞争激烈、服务重要的行业。优势：客户口碑好、复购率高。",
    "For competitive, service-critical markets. Strengths: strong word of mouth and high repurchase.",
  ),
  limitations: t(
    "（编者推断）投入产出难以量化；频繁调研会让客户疲劳（本模板 30 天内不重复发送）；需要售后与销售共同闭环。",
    "(Editorial) The return is hard to prove; frequent surveys tire customers (this template sends none within 30 days of the last); closing the loop needs service and sales together.",
  ),
  limitationSource: "inferred",
  tags: ["customer-experience", "nps", "csat", "complaints", "sla"],
};
