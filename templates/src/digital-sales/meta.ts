import type { TemplateMeta } from "../template-entry.js";
import { t } from "../shared/i18n.js";

/** Gallery metadata of B24 (seed 002 §2.20; the limitation is ours: the seed gives none). */
export const digitalMeta: TemplateMeta = {
  id: "digital-sales",
  name: t("数字化销售管理", "Digital sales management"),
  summary: t(
    "全面应用数字化系统，自动记录销售过程、分析数据、调整策略：系统集成（ERP、电子签章等）、分阶段上线（培训与数据迁移）、每周使用度快照。",
    "The app as the system of record: sales activity captured automatically, analysed and acted on; integrations (ERP, e-signature…), a phased rollout with training and data migration, and weekly adoption snapshots.",
  ),
  whenToUse: t(
    "适合希望降本增效、业务流程复杂的企业。优势：可视化管理、流程自动化。",
    "For companies that want to cut cost and run complex processes. Strengths: visual management and automated processes.",
  ),
  limitations: t(
    "（编者推断）数据迁移、系统集成与变革管理投入大；使用度不足时数据失真，需要培训与持续推动。",
    "(Editorial) Migration, integration and change management take real effort; with low adoption the data is unreliable, so training and steady follow-through are needed.",
  ),
  limitationSource: "inferred",
  tags: ["digital", "integration", "rollout", "adoption", "automation"],
};
