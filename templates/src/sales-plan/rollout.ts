import type { I18nText } from "@stagecraft/schemas";
import { t } from "../shared/i18n.js";

/** The seed says start small: each part of the flagship belongs to one rollout phase. */
export type RolloutPhase = "P1" | "P2" | "P3";

export interface RolloutStep {
  phase: RolloutPhase;
  summary: I18nText;
  forms: readonly string[];
  /** Rule ids (R5–R6 in P1, the lead-to-contract rules in P2, goal and review rules in P3). */
  rules: readonly string[];
  dashboards: readonly string[];
}

/**
 * The app schema has no `rollout_phase` key, so the phase of a form is also written into its
 * description (see `describeForm`), and the full plan is kept here as data for the UI.
 */
export const SALES_PLAN_ROLLOUT: readonly RolloutStep[] = [
  {
    phase: "P1",
    summary: t(
      "先上线客户与跟进，养成记录习惯",
      "Start with customers and follow-ups to build the habit of recording",
    ),
    forms: ["customer", "follow_up"],
    rules: [
      "r5_activity_stamp",
      "r5_next_follow_up",
      "r5_latest_satisfaction",
      "r6_no_activity_owner",
      "r6_no_activity_manager",
    ],
    dashboards: [],
  },
  {
    phase: "P2",
    summary: t("再上线线索、商机与报价合同", "Then leads, deals and quotes/contracts"),
    forms: ["lead", "deal", "quote_contract"],
    rules: [
      "r3_route_lead",
      "r3_idle_lead",
      "r4_convert_lead",
      "r4_link_deal_to_lead",
      "r7_discount_check",
      "r8_contract_signed",
      "r8_deal_won",
      "r8_roll_up_actuals",
      "r9_return_visit",
      "r9_renewal_deal",
    ],
    dashboards: [],
  },
  {
    phase: "P3",
    summary: t(
      "最后上线目标拆解、周复盘、市场洞察、资源配置与看板",
      "Finally goals, weekly reviews, market insight, resource plans and dashboards",
    ),
    forms: ["sales_goal", "goal_breakdown", "weekly_review", "market_insight", "resource_plan"],
    rules: [
      "r1_scaffold_quarters",
      "r1_scaffold_months",
      "r2_children_sum_check",
      "r10_weekly_review",
      "r10_im_group",
      "r11_pace_alert",
      "r11_year_end_achieved",
      "r11_year_end_missed",
    ],
    dashboards: ["plan_cockpit", "my_plan", "weekly_leaderboard"],
  },
];

/** A form description that states its rollout phase. */
export function describeForm(phase: RolloutPhase, zh: string, en: string): I18nText {
  return t(`${zh}（上线阶段 ${phase}）`, `${en} (rollout phase ${phase})`);
}
