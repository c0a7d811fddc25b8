import type { Kpi } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** The KPIs of TEMPLATES.md B21. */
export function experienceKpis(): Kpi[] {
  return [
    {
      // The average of +100 / 0 / −100 points is % promoters − % detractors.
      id: "nps",
      name: t("净推荐值", "Net promoter score"),
      form: "survey",
      measure: { type: "avg", field: "nps_points" },
      periodField: "sent_at",
      groupBy: ["touchpoint"],
      format: "number",
      better: "higher",
      goal: { type: "fixed", value: 40 },
    },
    {
      id: "csat",
      name: t("满意度", "Customer satisfaction"),
      form: "survey",
      measure: { type: "avg", field: "csat" },
      periodField: "sent_at",
      groupBy: ["touchpoint"],
      format: "number",
      better: "higher",
      goal: { type: "fixed", value: 4.5 },
    },
    {
      id: "sla_resolution",
      name: t("投诉按时解决率", "Complaints resolved on time"),
      form: "complaint",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "count" }, filter: [where("resolved_on_time", "eq", "yes")] },
        denominator: { measure: { type: "count" }, filter: [where("resolved_on_time", "is_set")] },
      },
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.95 },
    },
  ];
}
