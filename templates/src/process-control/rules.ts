import type { Expression, Rule } from "@stagecraft/schemas";
import { eq, isSet, or0, today, v } from "../shared/expressions.js";
import { t } from "../shared/i18n.js";

/** The deal is still open (reminders stop once it is won or lost). */
const OPEN: Expression = { "!": [v("_closed_at")] };

/** R1–R3 of TEMPLATES.md B7, and the visit stamp the interval rules read. */
export function processControlRules(): Rule[] {
  return [
    {
      // The C1 analogue of this template: a visit is the deal's activity and sets the next due date.
      id: "r0_visit_stamp",
      name: t("拜访记录：更新商机最近拜访与下次拜访日期", "Visit: stamp the deal's last and next visit"),
      trigger: { type: "record.created", form: "visit_record" },
      actions: [
        {
          type: "update_records",
          form: "deal",
          target: { type: "reference", field: "deal" },
          set: { last_activity_at: v("check_in_at"), next_visit_due: v("next_date") },
        },
      ],
    },
    {
      id: "r1_proposal_guard",
      name: t("R1 未做方案讲解不得提交方案", "R1 No proposal without a presentation visit"),
      trigger: { type: "stage.entered", form: "deal", stage: "proposal_submitted" },
      when: eq(or0(v("proposal_visit_count")), 0),
      actions: [
        { type: "move_stage", to: "site_tour" },
        {
          type: "notify",
          to: [{ type: "owner" }],
          title: t("提交方案前须先登记方案讲解拜访", "Log a proposal presentation visit before submitting"),
          body: t("{{deal_name}} 已退回“参观考察”阶段。", "{{deal_name}} went back to Site tour."),
        },
      ],
    },
    {
      id: "r2_visit_gap",
      name: t("R2 超过最长拜访间隔提醒负责人", "R2 Visit gap over the standard: remind the owner"),
      trigger: { type: "date.offset", form: "deal", field: "visit_gap_date", days: 1, at: "09:00" },
      when: OPEN,
      actions: [
        {
          type: "notify",
          to: [{ type: "owner" }],
          title: t("商机超过最长拜访间隔", "Deal past the longest visit gap"),
          body: t(
            "{{deal_name}} 超过 {{max_gap_days}} 天未拜访。",
            "{{deal_name}} has had no visit for over {{max_gap_days}} days.",
          ),
        },
      ],
    },
    {
      id: "r2_visit_gap_escalate",
      name: t("R2 超过两倍间隔同时提醒上级", "R2 Twice the gap: alert the manager too"),
      trigger: { type: "date.offset", form: "deal", field: "visit_escalate_date", days: 1, at: "09:00" },
      when: OPEN,
      actions: [
        {
          type: "notify",
          to: [{ type: "owner" }, { type: "manager" }],
          title: t("商机超过两倍拜访间隔", "Deal past twice the visit gap"),
          body: t(
            "{{deal_name}} 长期未拜访，请上级关注。",
            "{{deal_name}} has had no visit for a long time.",
          ),
        },
      ],
    },
    {
      // Weekly, per rep: on the Monday after a row's week, writing scored_on recomputes the row's
      // score formulas over the finished week, and the rep gets this week's row.
      id: "r3_weekly_scorecard",
      name: t(
        "R3 每周一为上周过程打分并生成本周评分行",
        "R3 Monday: score last week and open this week's row",
      ),
      trigger: { type: "date.offset", form: "process_scorecard", field: "week_end", days: 1, at: "08:00" },
      when: { "!": [isSet("scored_on")] },
      actions: [
        { type: "set_field", field: "scored_on", value: today() },
        {
          type: "create_record",
          form: "process_scorecard",
          data: { rep: v("rep"), week_start: { add_days: [v("week_start"), 7] } },
        },
      ],
    },
  ];
}
