import type { Rule } from "@stagecraft/schemas";
import { all, atTime, eq, isSet, v } from "./expressions.js";
import { t } from "./i18n.js";

const STATUS_DONE = eq(v("status"), "done");

/**
 * C1 (TEMPLATES.md §0): a follow-up marked done stamps `last_activity_at` on its customer and
 * deal; when it names a next date, a planned follow-up is created for that day.
 * The condition ("if next_follow_date is set") applies to one action only, and a rule's `when`
 * covers all of its actions, so C1 is two rules.
 */
export function activityStampRules(idPrefix: string): Rule[] {
  return [
    {
      id: `${idPrefix}_activity_stamp`,
      name: t(
        "跟进完成：更新客户与商机的最近跟进时间",
        "Follow-up done: stamp last activity on customer and deal",
      ),
      trigger: { type: "field.changed", form: "follow_up", fields: ["status"] },
      when: STATUS_DONE,
      actions: [
        {
          type: "update_records",
          form: "customer",
          target: { type: "reference", field: "customer" },
          set: { last_activity_at: v("follow_at") },
        },
        {
          type: "update_records",
          form: "deal",
          target: { type: "reference", field: "deal" },
          set: { last_activity_at: v("follow_at") },
        },
      ],
    },
    {
      id: `${idPrefix}_next_follow_up`,
      name: t("跟进完成：按下次跟进日期生成计划跟进", "Follow-up done: plan the next follow-up"),
      trigger: { type: "field.changed", form: "follow_up", fields: ["status"] },
      when: all(STATUS_DONE, isSet("next_follow_date")),
      actions: [
        {
          type: "create_record",
          form: "follow_up",
          data: {
            customer: v("customer"),
            deal: v("deal"),
            owner: v("owner"),
            follow_type: v("follow_type"),
            status: "planned",
            follow_at: atTime(v("next_follow_date"), "09:00"),
          },
        },
      ],
    },
  ];
}
