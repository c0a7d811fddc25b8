import type { TemplateMeta } from "../template-entry.js";
import { t } from "../shared/i18n.js";

/** Gallery metadata of B1 (seed 002 §1.1). */
export const structuredSalesMeta: TemplateMeta = {
  id: "structured-sales",
  name: t("结构化销售管理", "Structured sales management"),
  summary: t(
    "把销售流程拆成标准环节（客户开发→需求分析→方案呈现→成交跟进→售后服务），每个环节有负责人、检查清单和时限，必做项完成才能推进。",
    "The sales process split into standard steps (development → needs analysis → presentation → closing → after-sales), each with an owner, a checklist and a time target; mandatory items must be done to move on.",
  ),
  whenToUse: t(
    "适合中大型企业、销售人员较多、需要统一管理和流程把控时。优势：流程清晰、考核客观、便于复制和培训新员工。",
    "For mid-sized and large firms with many reps that need uniform management and process control. Strengths: a clear process, objective appraisal, easy to replicate and to train new hires.",
  ),
  limitations: t(
    "对市场变化敏感度低，灵活性较差：标准阶段和检查清单需要定期复审，否则会拖慢对新机会的响应。",
    "Slow to react to market change and rigid: the stage standards and checklists need regular review, or they slow the response to new opportunities.",
  ),
  limitationSource: "seed",
  tags: ["management", "process", "checklist", "stage-standard", "handover"],
};
