import type { Kpi } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";
import { CONVERTED, UNANSWERED } from "./forms/options.js";

const CONNECTED = where("outcome", "not_in", UNANSWERED);

/** connect_rate, script_conversion and callback_on_time (TEMPLATES.md B16), plus calls made. */
export function telesalesKpis(): Kpi[] {
  return [
    {
      id: "connect_rate",
      name: t("接通率", "Connect rate"),
      form: "call_log",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "count" }, filter: [CONNECTED] },
        denominator: { measure: { type: "count" } },
      },
      periodField: "started_at",
      groupBy: ["agent"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.35 },
    },
    {
      // Converted ÷ connected calls, by script record (each version is one record: A/B).
      id: "script_conversion",
      name: t("话术转化率", "Script conversion"),
      form: "call_log",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "count" }, filter: [where("outcome", "in", CONVERTED)] },
        denominator: { measure: { type: "count" }, filter: [CONNECTED] },
      },
      periodField: "started_at",
      groupBy: ["script", "agent"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.15 },
    },
    {
      id: "callback_on_time",
      name: t("回拨及时率", "Callbacks on time"),
      form: "call_log",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "count" }, filter: [where("callback_on_time", "eq", 1)] },
        denominator: { measure: { type: "count" }, filter: [where("callback_due_at", "is_set")] },
      },
      periodField: "started_at",
      groupBy: ["agent"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.9 },
    },
    {
      id: "calls_made",
      name: t("外呼量", "Calls made"),
      form: "call_log",
      measure: { type: "count" },
      periodField: "started_at",
      groupBy: ["agent"],
      format: "number",
      better: "higher",
      goal: { type: "fixed", value: 80, per: "day" },
    },
  ];
}
