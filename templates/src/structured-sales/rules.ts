import type { Rule } from "@stagecraft/schemas";
import { activityStampRules } from "../shared/core-activity-rules.js";
import { all, eq, today, v } from "../shared/expressions.js";
import { t } from "../shared/i18n.js";
import { STAGE_NAMES_ZH, STANDARD_STAGES } from "./forms/stage-standard.js";

/**
 * R1 (stage loading; the guard is the deal stages' `guard`), R2 (stage time target), R3 (after-sales handover),
 * and C1.
 */
export function structuredSalesRules(): Rule[] {
  return [
    ...STANDARD_STAGES.map((stage): Rule => ({
      id: `r1_load_${stage}`,
      name: t(
        `R1 进入${STAGE_NAMES_ZH[stage] ?? stage}：带出检查清单`,
        `R1 Stage entered: load the checklist (${stage})`,
      ),
      trigger: { type: "stage.entered", form: "deal", stage },
      actions: [
        {
          type: "set_field",
          field: "checklist",
          value: { filter: [{ coalesce: [v("stage_checklists"), []] }, eq(v("stage"), stage)] },
        },
        { type: "set_field", field: "checklist_stage", value: stage },
      ],
    })),
    {
      id: "r2_stage_overdue",
      name: t(
        "R2 阶段停留超过时限：提醒负责人和上级",
        "R2 Past the stage's time target: tell owner and manager",
      ),
      // Runs the day after the stage's due date (entry + target days), at 09:00 local time.
      trigger: { type: "date.offset", form: "deal", field: "stage_due_date", days: 1, at: "09:00" },
      when: all({ "!": { in: [v("_stage"), ["won", "lost"]] } }, eq(v("checklist_stage"), v("_stage"))),
      actions: [
        {
          type: "notify",
          to: [
            { type: "field", field: "owner" },
            { type: "field", field: "stage_owner" },
            { type: "manager" },
          ],
          title: t("商机阶段停留超时", "Deal past its stage time target"),
          body: t(
            "{{deal_name}} 在当前阶段已超过 {{stage_target_days}} 天。",
            "{{deal_name}} has been in its stage longer than {{stage_target_days}} days.",
          ),
        },
      ],
    },
    {
      id: "r3_service_handover",
      name: t("R3 赢单：生成售后交接", "R3 Won: hand over to after-sales"),
      trigger: { type: "stage.entered", form: "deal", stage: "won" },
      actions: [
        {
          type: "create_record",
          form: "service_handover",
          data: {
            deal: v("_id"),
            // The rep until r3_assign_service picks someone from the service pool.
            service_owner: v("owner"),
            handover_date: { add_days: [today(), 3] },
            deliverables: {
              cat: [
                "按合同交付 Deliver as contracted：",
                v("deal_name"),
                "\n",
                { coalesce: [v("needs_doc"), ""] },
              ],
            },
          },
        },
      ],
    },
    {
      // assign_owner writes only the record's owner: after a minute's wait the run re-reads the
      // handover and copies the owner it assigned into service_owner.
      id: "r3_assign_service",
      name: t("R3 售后交接轮流分配给售后人员", "R3 Assign the handover round-robin to service"),
      trigger: { type: "record.created", form: "service_handover" },
      actions: [
        // The installer lists the service pool (a template cannot know the workspace's users).
        { type: "assign_owner", strategy: { type: "by_field", field: "service_owner", map: [] } },
        { type: "wait", minutes: 1 },
        { type: "set_field", field: "service_owner", value: v("_owner") },
        {
          type: "notify",
          to: [{ type: "owner" }],
          title: t("新的售后交接", "New service handover"),
          body: t(
            "交接日期 {{handover_date}}：{{deliverables}}",
            "Handover on {{handover_date}}: {{deliverables}}",
          ),
        },
      ],
    },
    ...activityStampRules("c1"),
  ];
}
