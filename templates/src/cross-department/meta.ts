import type { TemplateMeta } from "../template-entry.js";
import { t } from "../shared/i18n.js";

/** Gallery metadata of B23 (seed 002 §2.19; the limitation is ours: the seed gives none). */
export const crossDeptMeta: TemplateMeta = {
  id: "cross-department",
  name: t("跨部门协同销售管理", "Cross-department sales management"),
  summary: t(
    "销售与市场、产品、运营、财务、法务协同作业、信息共享：需求单按部门分派并限时答复，定制方案须可行性通过才能报价，赢单后自动生成交接单。",
    "Sales works with marketing, product, operations, finance and legal on shared information: requests routed by department with a response SLA, custom solutions need approved feasibility before the proposal, a win creates the handover.",
  ),
  whenToUse: t(
    "适合产品复杂、方案定制化的企业。优势：服务全面、客户满意度高。",
    "For companies with complex products and custom solutions. Strengths: complete service and high customer satisfaction.",
  ),
  limitations: t(
    "（编者推断）职责边界不清、部门优先级冲突时容易推诿；需要高层支持与明确的部门对接人。",
    "(Editorial) Unclear ownership and clashing department priorities invite buck-passing; it needs an executive sponsor and a named contact per department.",
  ),
  limitationSource: "inferred",
  tags: ["cross-department", "collaboration", "sla", "handover", "custom-solution"],
};
