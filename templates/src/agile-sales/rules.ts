import type { Expression, Rule } from "@stagecraft/schemas";
import { activityStampRules } from "../shared/core-activity-rules.js";
import { all, eq, isSet, today, v } from "../shared/expressions.js";
import { t } from "../shared/i18n.js";

const OPEN_DEAL: Expression = { "!": { in: [v("_stage"), ["won", "lost"]] } };
/** Days a sprint spans, both ends included: the next sprint gets as many. */
const SPAN: Expression = { "+": [{ days_between: [v("start_date"), v("end_date")] }, 1] };

/** A deal entering or leaving won writes its sprint, whose `actual` is then computed again. */
function refreshSprint(id: string, trigger: "stage.entered" | "stage.left"): Rule {
  return {
    id,
    name:
      trigger === "stage.entered"
        ? t("冲刺实绩：商机赢单后更新", "Sprint actual: update when a deal is won")
        : t("冲刺实绩：赢单商机被重开后更新", "Sprint actual: update when a won deal is reopened"),
    trigger: { type: trigger, form: "deal", stage: "won" },
    when: isSet("sprint"),
    actions: [
      {
        type: "update_records",
        form: "sprint",
        target: { type: "reference", field: "sprint" },
        increment: { won_updates: 1 },
      },
    ],
  };
}

/** R1 (next action overdue), R2 (feature gaps to product), R3 (sprint end), sprint actuals, C1. */
export function agileSalesRules(): Rule[] {
  return [
    refreshSprint("sprint_actual_on_won", "stage.entered"),
    refreshSprint("sprint_actual_on_reopen", "stage.left"),
    {
      id: "r1_next_action_overdue",
      name: t("R1 下一步行动日期已过：提醒负责人", "R1 Next action date passed: tell the owner"),
      trigger: { type: "date.offset", form: "deal", field: "next_action_date", days: 1, at: "09:00" },
      when: OPEN_DEAL,
      actions: [
        {
          type: "notify",
          to: [{ type: "field", field: "owner" }],
          title: t("下一步行动已逾期", "Next action overdue"),
          body: t(
            "{{deal_name}} 的下一步行动日期是 {{next_action_date}}。",
            "{{deal_name}}: next action was due {{next_action_date}}.",
          ),
        },
      ],
    },
    {
      // Disabled until the installer sets the product backlog's incoming-webhook address.
      id: "r2_feature_gap_to_product",
      name: t(
        "R2 两周内 5 次功能缺口反馈：推送产品待办",
        "R2 Five feature gaps in 14 days: post to the product backlog",
      ),
      enabled: false,
      trigger: { type: "field.changed", form: "deal", fields: ["feedback_tags"] },
      when: all(
        { in: ["feature_gap", { coalesce: [v("feedback_tags"), []] }] },
        { ">=": [v("recent_feature_gaps"), 5] },
      ),
      actions: [
        {
          type: "webhook",
          url: "https://product.example.com/hooks/backlog",
          method: "POST",
          body: {
            cat: ["功能缺口 Feature gaps (14d): ", v("recent_feature_gaps"), " · ", v("deal_name")],
          },
        },
      ],
    },
    {
      id: "r3_sprint_ends",
      name: t(
        "R3 冲刺结束日：开启下一个冲刺并提醒复盘",
        "R3 Sprint ends today: open the next sprint, ask for the retro",
      ),
      trigger: { type: "date.offset", form: "sprint", field: "end_date", days: 0, at: "09:00" },
      when: eq(v("_stage"), "active"),
      actions: [
        {
          type: "create_record",
          form: "sprint",
          data: {
            name: { cat: [v("name"), " → 下一冲刺 Next"] },
            start_date: { add_days: [v("end_date"), 1] },
            end_date: { add_days: [v("end_date"), SPAN] },
            sprint_target: v("sprint_target"),
          },
        },
        {
          type: "notify",
          to: [{ type: "owner" }],
          title: t("冲刺今天结束：请填写复盘", "Sprint ends today: fill in the retro"),
          body: t(
            "{{name}}：填写“继续保持”和“需要改变”后自动进入复盘。",
            "{{name}}: fill in keep and change to move it to retro.",
          ),
        },
      ],
    },
    {
      // The move R3 asks for: `retro` requires both retro fields, so it waits for them.
      id: "r3_move_to_retro",
      name: t("R3 冲刺结束且复盘已填：进入复盘", "R3 Sprint ended and retro written: move to retro"),
      trigger: { type: "field.changed", form: "sprint", fields: ["retro_keep", "retro_change"] },
      when: all(eq(v("_stage"), "active"), isSet("retro_keep"), isSet("retro_change"), {
        "<=": [v("end_date"), today()],
      }),
      actions: [{ type: "move_stage", to: "retro" }],
    },
    ...activityStampRules("c1"),
  ];
}
