import type { Kpi } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

const CHECKED_IN = where("checked_in", "eq", "yes");
const FROM_EVENT = where("source_event", "is_set");

/** attendance_rate, attendee_to_deal and event_roi (TEMPLATES.md B17). */
export function eventMarketingKpis(): Kpi[] {
  return [
    {
      id: "attendance_rate",
      name: t("到场率", "Attendance rate"),
      form: "registration",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "count" }, filter: [CHECKED_IN] },
        denominator: { measure: { type: "count" } },
      },
      periodField: "_created_at",
      groupBy: ["event"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.6 },
    },
    {
      id: "attendee_to_deal",
      name: t("到场转商机率", "Attendee-to-deal rate"),
      form: "deal",
      measure: {
        type: "ratio",
        numerator: {
          measure: { type: "count" },
          filter: [FROM_EVENT],
          periodField: "_created_at",
          groupField: "source_event",
        },
        denominator: {
          form: "registration",
          measure: { type: "count" },
          filter: [CHECKED_IN],
          periodField: "_created_at",
          groupField: "event",
        },
      },
      periodField: "_created_at",
      groupBy: ["source_event"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.3 },
    },
    {
      // Won amount of event deals ÷ actual cost of events (a multiple: 3 = ¥3 won per ¥1 spent).
      id: "event_roi",
      name: t("活动ROI", "Event ROI"),
      form: "deal",
      measure: {
        type: "ratio",
        numerator: {
          measure: { type: "sum", field: "amount" },
          filter: [FROM_EVENT, where("_stage", "eq", "won")],
          periodField: "_closed_at",
        },
        denominator: {
          form: "event",
          measure: { type: "sum", field: "actual_cost" },
          filter: [where("actual_cost", "is_set")],
          periodField: "event_date",
        },
      },
      periodField: "_closed_at",
      format: "number",
      better: "higher",
      goal: { type: "fixed", value: 3 },
    },
  ];
}
