/** Test fixtures of the stage-log rollup suite: durations to stage entries and stage conversions. */
import type { AppDefinition, Kpi } from "@stagecraft/schemas";
import { rollupLabDefinition } from "./test-rollup-app.js";

const t = (en: string) => ({ zh: en, en });

/** The pipeline of the rollup lab's deals. */
export const LAB_STAGES = ["lead", "proposal", "won", "lost"];

const KPIS: Kpi[] = [
  {
    id: "cycle_days",
    name: t("Cycle"),
    form: "deal",
    measure: {
      type: "duration",
      from: { type: "created" },
      to: { type: "stage_entered", stage: "won" },
      statistic: "avg",
      unit: "days",
    },
    groupBy: ["_owner", "region"],
  },
  {
    id: "proposal_to_won_hours",
    name: t("Proposal to won"),
    form: "deal",
    measure: {
      type: "duration",
      from: { type: "stage_entered", stage: "proposal" },
      to: { type: "stage_entered", stage: "won" },
      statistic: "avg",
      unit: "hours",
    },
    filter: [{ field: "region", op: "ne", value: "west" }],
    periodField: "close_date",
    groupBy: ["hot"],
  },
  {
    id: "met_to_lost",
    name: t("Meeting to lost"),
    form: "deal",
    measure: {
      type: "duration",
      from: { type: "field", field: "close_date" },
      to: { type: "stage_entered", stage: "lost" },
      statistic: "avg",
      unit: "days",
    },
    periodField: "met_at",
    groupBy: ["_stage"],
  },
  {
    id: "proposal_conversion",
    name: t("Proposal to won"),
    form: "deal",
    measure: { type: "stage_conversion", from: "proposal", to: "won" },
    groupBy: ["_owner", "region"],
  },
  {
    id: "lead_conversion_by_close",
    name: t("Lead to proposal by close date"),
    form: "deal",
    measure: { type: "stage_conversion", from: "lead", to: "proposal" },
    filter: [
      { field: "region", op: "in", value: ["east", "north"] },
      { field: "_stage", op: "ne", value: "lost" },
    ],
    periodField: "close_date",
    groupBy: ["_owner"],
  },
  {
    id: "won_again",
    name: t("Won, then won again"),
    form: "deal",
    measure: { type: "stage_conversion", from: "won", to: "won" },
    groupBy: ["hot"],
  },
  // Not served by rollups: the direct SQL answers them (grouped by the log's stage, a median, time in stage).
  {
    id: "conversion_by_stage",
    name: t("Conversion by stage"),
    form: "deal",
    measure: { type: "stage_conversion", from: "proposal", to: "lost" },
    groupBy: ["_stage"],
  },
  {
    id: "median_cycle",
    name: t("Median cycle"),
    form: "deal",
    measure: {
      type: "duration",
      from: { type: "created" },
      to: { type: "stage_entered", stage: "won" },
      statistic: "median",
      unit: "days",
    },
  },
  {
    id: "time_in_proposal",
    name: t("Time in proposal"),
    form: "deal",
    measure: { type: "time_in_stage", stage: "proposal", statistic: "avg", unit: "hours" },
  },
];

/** The rollup lab's forms with stage-log KPIs only. */
export function stageLabDefinition(): AppDefinition {
  return { ...rollupLabDefinition(), id: "stage-lab", name: t("Stage lab"), kpis: KPIS };
}
