import type { Dashboard } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** The growth board: pass rate by course, time to certify, ramp attainment and the plans by stage. */
export function trainingDashboards(): Dashboard[] {
  return [
    {
      id: "growth_board",
      name: t("培训成长看板", "Training and growth board"),
      period: "quarter",
      widgets: [
        { id: "pass", type: "number", kpi: "pass_rate", layout: { x: 0, y: 0, w: 4, h: 2 } },
        { id: "certify", type: "number", kpi: "time_to_certify", layout: { x: 4, y: 0, w: 4, h: 2 } },
        { id: "ramp", type: "number", kpi: "ramp_attainment", layout: { x: 8, y: 0, w: 4, h: 2 } },
        {
          id: "pass_by_course",
          type: "bar",
          kpi: "pass_rate",
          groupBy: "course",
          title: t("各课程通过率", "Pass rate by course"),
          layout: { x: 0, y: 2, w: 6, h: 4 },
        },
        {
          id: "plans_by_stage",
          type: "funnel",
          form: "learning_plan",
          title: t("成长计划进度", "Learning plans by stage"),
          layout: { x: 6, y: 2, w: 6, h: 4 },
        },
        {
          id: "ramp_by_learner",
          type: "leaderboard",
          kpi: "ramp_attainment",
          groupBy: "learner",
          limit: 20,
          title: t("新人爬坡排行", "Ramp attainment by learner"),
          layout: { x: 0, y: 6, w: 6, h: 4 },
        },
        {
          id: "failed_assessments",
          type: "table",
          form: "assessment",
          title: t("未通过的考核", "Failed assessments"),
          columns: ["learner", "course", "kind", "score", "assessor"],
          filter: [where("passed", "eq", false)],
          limit: 20,
          layout: { x: 6, y: 6, w: 6, h: 4 },
        },
      ],
    },
  ];
}
