import type { Kpi } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

const REP = where("level", "eq", "rep");
const COMMIT = where("commit", "eq", "commit");

/** Achievement rate, stretch hits and commit accuracy (TEMPLATES.md B6). */
export function goalOrientedKpis(): Kpi[] {
  return [
    {
      id: "achievement_rate",
      name: t("目标达成率", "Achievement rate"),
      form: "target",
      measure: {
        type: "ratio",
        numerator: { measure: { type: "sum", field: "actual" }, filter: [REP], groupField: "assignee" },
        denominator: {
          measure: { type: "sum", field: "base_target" },
          filter: [REP],
          groupField: "assignee",
        },
      },
      periodField: "period_start",
      groupBy: ["assignee"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 1 },
    },
    {
      id: "stretch_hits",
      name: t("挑战目标达成数", "Stretch targets hit"),
      form: "target",
      measure: { type: "count" },
      filter: [REP, where("stretch_hit", "eq", true)],
      periodField: "period_start",
      groupBy: ["assignee"],
      format: "number",
      better: "higher",
    },
    {
      id: "commit_accuracy",
      name: t("承诺准确率", "Commit accuracy"),
      form: "deal",
      measure: {
        type: "ratio",
        numerator: {
          measure: { type: "count" },
          filter: [COMMIT, where("_stage", "eq", "won")],
          groupField: "owner",
        },
        denominator: { measure: { type: "count" }, filter: [COMMIT], groupField: "owner" },
      },
      periodField: "expected_close_date",
      groupBy: ["owner"],
      format: "percent",
      better: "higher",
      goal: { type: "fixed", value: 0.8 },
    },
  ];
}
