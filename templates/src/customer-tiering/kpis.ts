import type { Kpi } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

const LOOKED_AFTER = where("_stage", "in", ["rated", "serving"]);

/**
 * 分级收入占比 of one tier: its customers' annual value ÷ all customers'. One KPI per tier: a
 * grouped ratio divides each group by its own total, which is always 1 here.
 */
function revenueShare(tier: "A" | "B" | "C"): Kpi {
  return {
    id: `revenue_share_${tier.toLowerCase()}`,
    name: t(`${tier} 级收入占比`, `Tier-${tier} revenue share`),
    form: "customer",
    measure: {
      type: "ratio",
      numerator: {
        measure: { type: "sum", field: "annual_value" },
        filter: [where("effective_tier", "eq", tier)],
      },
      denominator: { measure: { type: "sum", field: "annual_value" } },
    },
    format: "percent",
    better: tier === "C" ? "lower" : "higher",
  };
}

/**
 * 按频回访率 of one tier: customers touched within the tier's cadence ÷ the tier's customers.
 * KPI filters take literals only, so the window is the default cadence (7 / 30 days), not the
 * criteria record's value; tier C's is c_tier_coverage (90 days).
 */
function cadenceCompliance(tier: "A" | "B", days: number): Kpi {
  const ofTier = [LOOKED_AFTER, where("effective_tier", "eq", tier)];
  return {
    id: `cadence_compliance_${tier.toLowerCase()}`,
    name: t(`${tier} 级按频回访率`, `Tier-${tier} cadence compliance`),
    form: "customer",
    measure: {
      type: "ratio",
      numerator: {
        measure: { type: "count" },
        filter: [...ofTier, where("last_activity_at", "within_last_days", days)],
      },
      denominator: { measure: { type: "count" }, filter: ofTier },
    },
    format: "percent",
    better: "higher",
    goal: { type: "fixed", value: 0.9 },
  };
}

/** Revenue share by tier, cadence compliance by tier and C-tier coverage (TEMPLATES.md B3). */
export function customerTieringKpis(): Kpi[] {
  return [
    revenueShare("A"),
    revenueShare("B"),
    revenueShare("C"),
    {
      id: "annual_value_by_tier",
      name: t("各级年价值", "Annual value by tier"),
      form: "customer",
      measure: { type: "sum", field: "annual_value" },
      groupBy: ["effective_tier"],
      format: "money",
      better: "higher",
    },
    cadenceCompliance("A", 7),
    cadenceCompliance("B", 30),
    {
      id: "c_tier_coverage",
      name: t("C 级 90 天触达率", "C-tier coverage (90 days)"),
      form: "customer",
      measure: {
        type: "ratio",
        numerator: {
          measure: { type: "count" },
          filter: [where("effective_tier", "eq", "C"), where("last_activity_at", "within_last_days", 90)],
        },
        denominator: { measure: { type: "count" }, filter: [where("effective_tier", "eq", "C")] },
      },
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.8 },
    },
  ];
}
