import type { Aggregate, Expression } from "@stagecraft/schemas";
import { agg, or0, v } from "../../shared/expressions.js";
import { where } from "../../shared/filters.js";
import { option } from "../../shared/i18n.js";

/** The open deal stages lean measures (deliberately few). */
export const LEAN_STAGES = ["qualified", "proposal", "negotiation"] as const;
export type LeanStage = (typeof LEAN_STAGES)[number];

/** Options of the `stage` selects of benchmarks and waste items. */
export const STAGE_OPTIONS = [
  option("qualified", "已确认", "Qualified"),
  option("proposal", "方案报价", "Proposal"),
  option("negotiation", "商务谈判", "Negotiation"),
];

/** Position of a deal stage: a move to a lower rank is a step back (rework). */
export const STAGE_RANK: Expression = {
  case: [v("_stage"), "qualified", 1, "proposal", 2, "negotiation", 3, "won", 4, "lost", 4, 0],
};

/** Days a closed deal spent in `stage` (cumulative, rework loops included). */
export function daysField(stage: LeanStage): string {
  return `${stage}_days`;
}

/** Deals closed in the last 90 days: the sample the 75th percentiles are taken over. */
export function p75Aggregates(): Aggregate[] {
  return LEAN_STAGES.map((stage) => ({
    id: `p75_${stage}`,
    type: "rollup",
    form: "deal",
    measure: "percentile",
    percentile: 0.75,
    field: daysField(stage),
    filter: [where("_closed_at", "within_last_days", 90)],
  }));
}

/** The 75th percentile of the stage named by `stageExpr` (from the p75 aggregates). */
export function p75Of(stageExpr: Expression): Expression {
  return { case: [stageExpr, ...LEAN_STAGES.flatMap((s) => [s, or0(agg(`p75_${s}`))]), null] };
}
