import type { TemplateMeta } from "../template-entry.js";
import { t } from "../shared/i18n.js";

/** Gallery metadata of B20 (seed 002 §2.16, absent from the seed's table; the limitation is ours). */
export const trainingMeta: TemplateMeta = {
  id: "training-growth",
  name: t("培训成长型销售管理", "Training and growth sales management"),
  summary: t(
    "持续开展销售技能培训：新人成长计划包含课程、导师（传帮带）与考核，课程完成后进入考核，认证后解锁全额配额，并跟踪 90 天爬坡业绩。",
    "Continuous sales-skills training: learning plans with courses, mentors and assessments; assessment once every course is done, certification unlocks full quota; 90-day ramp results are tracked.",
  ),
  whenToUse: t(
    "适合新人多、专业性要求高的团队。优势：人才成长快、业绩持续提升。",
    "For teams with many new hires and high expertise needs. Strengths: people grow fast and results keep improving.",
  ),
  limitations: t(
    "（编者推断）见效慢，培训投入回收周期长；培训与带教占用销售时间，需要资深销售投入精力。",
    "(Editorial) Slow payback on the training investment; training and mentoring take time away from selling and need senior reps' effort.",
  ),
  limitationSource: "inferred",
  tags: ["training", "onboarding", "mentoring", "assessment", "ramp"],
};
