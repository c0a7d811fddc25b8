import type { Aggregate, Field } from "@stagecraft/schemas";
import { agg, or0 } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { t } from "../../shared/i18n.js";

/** R1 sends no survey to a customer surveyed in the last 30 days (against survey fatigue). */
export const SURVEY_QUIET_DAYS = 30;

/** The customer's surveys sent in the last 30 days (for forms with a `customer` reference). */
export function recentSurveysAggregate(): Aggregate {
  return {
    id: "recent_surveys",
    type: "rollup",
    form: "survey",
    measure: "count",
    filter: [
      where("customer", "eq", thisValue("customer")),
      where("sent_at", "within_last_days", SURVEY_QUIET_DAYS),
    ],
  };
}

/** The count as a stored value rules can read (as of the record's last edit). */
export function recentSurveysField(): Field {
  return {
    id: "surveys_last_30d",
    type: "formula",
    label: t("近 30 天调研次数", "Surveys in the last 30 days"),
    resultType: "number",
    precision: 0,
    expression: or0(agg("recent_surveys")),
  };
}
