import type { Action, Expression, Rule } from "@stagecraft/schemas";
import { activityStampRules } from "../shared/core-activity-rules.js";
import { all, eq, or0, today, v } from "../shared/expressions.js";
import { t } from "../shared/i18n.js";
import { daysField, LEAN_STAGES, STAGE_RANK } from "./forms/lean-stages.js";

const OPEN: Expression = { in: [v("_stage"), [...LEAN_STAGES]] };
/** The stage the clock ran for: a new deal starts in `qualified` without a stage entry. */
const CLOCK_STAGE: Expression = { coalesce: [v("clock_stage"), "qualified"] };
const CLOCK_DAYS: Expression = {
  days_between: [{ coalesce: [v("clock_since"), v("_created_at")] }, today()],
};

/** On entering a stage: add the days of the stage left to its counter, restart the clock, count rework. */
function stageClockActions(): Action[] {
  return [
    ...LEAN_STAGES.map((stage): Action => ({
      type: "set_field",
      field: daysField(stage),
      value: { "+": [or0(v(daysField(stage))), { if: [eq(CLOCK_STAGE, stage), CLOCK_DAYS, 0] }] },
    })),
    { type: "set_field", field: "clock_stage", value: v("_stage") },
    { type: "set_field", field: "clock_since", value: today() },
    { type: "set_field", field: "max_stage_rank", value: { max: [or0(v("max_stage_rank")), STAGE_RANK] } },
    // R3: a stage below the furthest one reached is a step back.
    {
      type: "set_field",
      field: "rework_count",
      value: {
        "+": [
          or0(v("rework_count")),
          { if: [{ "<": [STAGE_RANK, { coalesce: [v("max_stage_rank"), 1] }] }, 1, 0] },
        ],
      },
    },
  ];
}

/** R1–R3 of TEMPLATES.md B22, the stage clock the lean measures need, and C1. */
export function leanRules(): Rule[] {
  return [
    {
      // One rule, so that its writes to the deal are applied in order (two rules would race).
      id: "r3_stage_clock_rework",
      name: t(
        "R3 阶段计时：累计各阶段天数，退回前序阶段记返工",
        "R3 Stage clock: add up the days per stage, count a step back as rework",
      ),
      trigger: { type: "stage.entered", form: "deal" },
      actions: stageClockActions(),
    },
    {
      // The day after a deal passes its stage's P75 (a per-record daily schedule is not available).
      id: "r1_past_p75",
      name: t("R1 阶段停留超过 P75：请填写等待原因", "R1 Past the stage's P75: give the waiting reason"),
      trigger: { type: "date.offset", form: "deal", field: "stage_p75_due", days: 1, at: "09:00" },
      when: all(
        OPEN,
        { ">": [or0(v("stage_p75_days")), 0] },
        {
          ">": [{ days_since: [v("_stage_entered_at")] }, v("stage_p75_days")],
        },
      ),
      actions: [
        {
          type: "notify",
          to: [{ type: "field", field: "owner" }],
          title: t(
            "商机停留超过本阶段 P75，请填写等待原因",
            "Deal past the stage's P75: give the waiting reason",
          ),
          body: t(
            "{{deal_name}}：P75 为 {{stage_p75_days}} 天。",
            "{{deal_name}}: P75 is {{stage_p75_days}} days.",
          ),
        },
      ],
    },
    {
      id: "r2_waiting_approval",
      name: t(
        "R2 等内部审批超过 2 天：提醒审批人与主管",
        "R2 Two days waiting on approval: remind approver and manager",
      ),
      trigger: { type: "record.idle", form: "deal", days: 2 },
      when: all(OPEN, eq(v("wait_reason"), "internal_approval")),
      actions: [
        {
          type: "notify",
          to: [{ type: "field", field: "approver" }, { type: "manager" }],
          title: t("商机等待内部审批已超过 2 天", "A deal has waited 2 days for internal approval"),
          body: t("{{deal_name}}（{{amount}}）", "{{deal_name}} ({{amount}})"),
        },
      ],
    },
    ...activityStampRules("c1"),
  ];
}
