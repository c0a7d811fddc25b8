import type { Kpi } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** The KPIs of TEMPLATES.md B22. */
export function leanKpis(): Kpi[] {
  return [
    {
      // By stage: the stage log's stage. Stage targets live on the benchmarks (shown beside it).
      id: "time_in_stage",
      name: t("阶段停留时长", "Time in stage"),
      form: "deal",
      measure: { type: "time_in_stage", statistic: "avg", unit: "days" },
      groupBy: ["_stage"],
      format: "days",
      better: "lower",
      goal: { type: "fixed", value: 10 },
    },
    {
      id: "flow_efficiency",
      name: t("流程效率", "Flow efficiency"),
      form: "deal",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "sum", field: "value_adding_days" } },
        // The days in open stages add up to the cycle time, counted by the same stage clock.
        denominator: { measure: { type: "sum", field: "stage_days_total" } },
      },
      filter: [where("_stage", "eq", "won")],
      periodField: "_closed_at",
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.5 },
    },
    {
      id: "hours_saved",
      name: t("节省工时", "Hours saved"),
      form: "waste_item",
      measure: { type: "sum", field: "verified_saving_hours" },
      filter: [where("_stage", "eq", "standardised")],
      periodField: "_closed_at",
      format: "number",
      better: "higher",
      goal: { type: "fixed", value: 40, per: "month" },
    },
  ];
}
