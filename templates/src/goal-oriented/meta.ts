import type { TemplateMeta } from "../template-entry.js";
import { t } from "../shared/i18n.js";

/** Gallery metadata of B6 (seed 002 §2.1; the seed states no limitation, so ours is editorial). */
export const goalOrientedMeta: TemplateMeta = {
  id: "goal-oriented",
  name: t("目标导向型销售管理", "Goal-oriented sales management"),
  summary: t(
    "每月或每季度制定基础目标与挑战目标，分解到团队和个人；赢单自动累计实际完成，每周对照时间进度检查节奏，期末自动判定达成并生成复盘。",
    "Base and stretch targets per month or quarter for teams and reps; won deals add to the actual, pace is checked weekly against time, and each period is closed as achieved or missed with a review.",
  ),
  whenToUse: t(
    "适合业绩导向强、目标压力大的团队。优势：激励强、方向清晰。",
    "For results-driven teams under high target pressure. Strengths: strong motivation and a clear direction.",
  ),
  limitations: t(
    "容易导致短期行为和压单（把成交推迟到下个周期）；目标定得不切实际会打击士气。",
    "Invites short-termism and sandbagging (pushing wins into the next period); unrealistic targets demoralise.",
  ),
  limitationSource: "inferred",
  tags: ["management", "goals", "targets", "pace", "review"],
};
