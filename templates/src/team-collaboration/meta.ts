import type { TemplateMeta } from "../template-entry.js";
import { t } from "../shared/i18n.js";

/** Gallery metadata of B5 (seed 002 §1.5, merged with §2.14). */
export const teamCollaborationMeta: TemplateMeta = {
  id: "team-collaboration",
  name: t("团队协作型销售管理", "Team collaboration sales management"),
  summary: t(
    "团队作战：客户经理、销售助理、售前顾问分工协作，售前介入自动生成协作任务；团队目标分解到人，赢单时业绩按比例分配且须合计 100%。",
    "Team selling: account manager, assistant and pre-sales share the work, and pre-sales engagement creates a collaboration task; the team target is split to members and a win's credit split must total 100 %.",
  ),
  whenToUse: t(
    "适合服务型企业、项目型销售、大型客户跟进。优势：配合高效、责任明确、流程顺畅、团队氛围好。",
    "For service firms, project sales and large accounts. Strengths: efficient cooperation, clear responsibilities, smooth processes and a good team spirit.",
  ),
  limitations: t(
    "沟通成本高，目标分解不合理时易产生内耗：本模板要求业绩分配合计 100%、成员目标合计等于团队目标，并在不平衡时提醒。",
    "High communication cost, and a bad split breeds friction; this template requires credit splits to total 100 % and member targets to add up to the team target, and warns when they do not.",
  ),
  limitationSource: "seed",
  tags: ["management", "team-selling", "presales", "credit-split", "collaboration"],
};
