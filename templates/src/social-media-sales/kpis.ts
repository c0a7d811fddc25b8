import type { Kpi } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

const TRACED = where("source_post", "is_set");

/** leads_per_post, engagement_rate and cost_per_lead (TEMPLATES.md B15). */
export function socialMediaKpis(): Kpi[] {
  return [
    {
      id: "leads_per_post",
      name: t("单篇获客", "Leads per post"),
      form: "social_lead",
      measure: {
        type: "ratio",
        numerator: {
          measure: { type: "count" },
          filter: [TRACED],
          periodField: "_created_at",
          groupField: "platform",
        },
        denominator: {
          form: "content_post",
          measure: { type: "count" },
          periodField: "publish_at",
          groupField: "platform",
        },
      },
      periodField: "_created_at",
      groupBy: ["platform"],
      format: "number",
      better: "higher",
      goal: { type: "fixed", value: 5 },
    },
    {
      id: "engagement_rate",
      name: t("互动率", "Engagement rate"),
      form: "content_post",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "sum", field: "interactions" } },
        denominator: { measure: { type: "sum", field: "views" } },
      },
      periodField: "publish_at",
      groupBy: ["platform", "format"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.05 },
    },
    {
      id: "cost_per_lead",
      name: t("获客成本", "Cost per lead"),
      form: "content_post",
      measure: {
        type: "ratio",
        numerator: {
          measure: { type: "sum", field: "spend" },
          periodField: "publish_at",
          groupField: "platform",
        },
        denominator: {
          form: "social_lead",
          measure: { type: "count" },
          filter: [TRACED],
          periodField: "_created_at",
          groupField: "platform",
        },
      },
      periodField: "publish_at",
      groupBy: ["platform"],
      format: "money",
      better: "lower",
      goal: { type: "fixed", value: 50 },
    },
  ];
}
