import type { TemplateMeta } from "../template-entry.js";
import { t } from "../shared/i18n.js";

/** Gallery metadata of B19 (seed 002 §2.15; the limitation is ours: the seed gives none). */
export const incentiveMeta: TemplateMeta = {
  id: "incentive-driven",
  name: t("激励驱动型销售管理", "Incentive-driven sales management"),
  summary: t(
    "以奖励、提成、晋升等激励推动销售积极性：阶梯提成按当前提成方案自动计算，结算单在线确认、审批、发放；业绩排行榜与荣誉激励。",
    "Drive reps with rewards, commission and promotion: tiered commission computed from the plan in force, statements confirmed, approved and paid in-app; a leaderboard and recognitions.",
  ),
  whenToUse: t(
    "适合业绩压力大、人员流动性高的团队。优势：动力强、团队氛围好。",
    "For teams under high sales pressure with high turnover. Strengths: strong motivation and a lively team spirit.",
  ),
  limitations: t(
    "（编者推断）容易引发内部竞争与内卷，助长短期行为（为冲阶梯压单或抢单），激励成本随业绩上升；需配合过程指标与团队奖项平衡。",
    "(Editorial) Invites internal rivalry, short-termism (holding or grabbing deals to reach a tier) and rising incentive cost; balance it with activity metrics and team awards.",
  ),
  limitationSource: "inferred",
  tags: ["incentive", "commission", "leaderboard", "recognition", "small-team"],
};
