import type { Expression, Rule } from "@stagecraft/schemas";
import { activityStampRules } from "../shared/core-activity-rules.js";
import { round, today, v } from "../shared/expressions.js";
import { t } from "../shared/i18n.js";

/** Members' targets differ from the team target (to the cent). */
const UNBALANCED: Expression = { "!==": [round({ "-": [v("member_sum"), v("team_target")] }, 2), 0] };

function balanceRule(id: string, created: boolean): Rule {
  return {
    id,
    name: created
      ? t("R3 新建团队目标：成员合计不等于团队目标时提醒", "R3 New team goal: members ≠ team target")
      : t("R3 团队目标变更：成员合计不等于团队目标时提醒", "R3 Team goal changed: members ≠ team target"),
    trigger: created
      ? { type: "record.created", form: "team_goal" }
      : { type: "field.changed", form: "team_goal", fields: ["members", "team_target"] },
    when: UNBALANCED,
    actions: [
      {
        type: "notify",
        to: [{ type: "field", field: "team_lead" }, { type: "owner" }],
        title: t("团队目标分解不平衡", "Team goal split out of balance"),
        body: t(
          "成员目标合计 {{member_sum}}，团队目标 {{team_target}}。",
          "Members add up to {{member_sum}} against a team target of {{team_target}}.",
        ),
      },
    ],
  };
}

/** R1 (pre-sales task), R3 (goal balance), C1; R2 is the won stage's guard. */
export function teamCollaborationRules(): Rule[] {
  return [
    {
      id: "r1_presales_task",
      name: t("R1 售前介入：生成协作任务", "R1 Pre-sales engaged: create a collaboration task"),
      trigger: { type: "stage.entered", form: "deal", stage: "presales_engaged" },
      actions: [
        {
          type: "create_record",
          form: "collab_task",
          data: {
            deal: v("_id"),
            task_type: "demo",
            requested_by: v("owner"),
            assignee: v("presales"),
            due_date: { add_days: [today(), 3] },
          },
        },
      ],
    },
    {
      // The installer may put a pre-sales pool here; without one the deal's pre-sales keeps it.
      // assign_owner writes only the record's owner: after a minute the run re-reads the task.
      id: "r1_assign_presales",
      name: t("R1 协作任务轮流分配给售前", "R1 Assign the task round-robin to pre-sales"),
      trigger: { type: "record.created", form: "collab_task" },
      actions: [
        { type: "assign_owner", strategy: { type: "by_field", field: "task_type", map: [] } },
        { type: "wait", minutes: 1 },
        {
          type: "set_field",
          field: "assignee",
          value: { if: [{ "!==": [v("_owner"), v("requested_by")] }, v("_owner"), v("assignee")] },
        },
        {
          type: "notify",
          to: [{ type: "field", field: "assignee" }],
          title: t("新的协作任务", "New collaboration task"),
          body: t("{{task_type}}，截止 {{due_date}}。", "{{task_type}}, due {{due_date}}."),
        },
      ],
    },
    balanceRule("r3_goal_balance_created", true),
    balanceRule("r3_goal_balance_changed", false),
    ...activityStampRules("c1"),
  ];
}
