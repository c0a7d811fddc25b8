import type { TemplateMeta } from "../template-entry.js";
import { t } from "../shared/i18n.js";

/** Gallery metadata of B12 (seed 002 §2.7; the limitation is ours). */
export const keyAccountMeta: TemplateMeta = {
  id: "key-account-management",
  name: t("关键客户管理（KAM）", "Key account management (KAM)"),
  summary: t(
    "为高价值客户指定 KAM（配副手与高管赞助人），制定年度客户经营计划与决策链地图，每季度召开业务回顾（QBR）。",
    "A named KAM (with a deputy and an executive sponsor) runs each high-value client's yearly account plan with a stakeholder map and quarterly business reviews (QBR).",
  ),
  whenToUse: t(
    "适合少数高价值客户贡献大部分收入的企业。优势：深度经营带来稳定收入，决策链清晰，客户风险早发现。",
    "When a few high-value clients make up much of revenue. Strengths: deep relationships bring stable income, a clear decision chain, risks seen early.",
  ),
  limitations: t(
    "（编辑推断）收入集中风险高、投入成本大；KAM 离职时客户易流失（因此设副手）。",
    "(Editorial) Concentration risk and high cost; the account is at risk if the KAM leaves (hence the deputy).",
  ),
  limitationSource: "inferred",
  tags: ["kam", "key-accounts", "account-plan", "stakeholder-map", "qbr"],
};
