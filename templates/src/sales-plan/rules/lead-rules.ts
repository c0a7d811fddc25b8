import type { Rule } from "@stagecraft/schemas";
import { isSet, today, v } from "../../shared/expressions.js";
import { t } from "../../shared/i18n.js";

/** R3 (routing, idle reminder) and R4 (conversion into a deal). */
export function leadRules(): Rule[] {
  return [
    {
      id: "r3_route_lead",
      name: t("R3 线索按区域分配", "R3 Route new leads by region"),
      trigger: { type: "record.created", form: "lead" },
      actions: [
        {
          type: "assign_owner",
          // A template cannot know the workspace's users: the installer maps each region to a person.
          strategy: { type: "by_field", field: "region", map: [] },
        },
        { type: "set_field", field: "owner", value: v("_owner") },
        {
          type: "notify",
          to: [{ type: "owner" }],
          title: t("新线索已分配给你", "A new lead is assigned to you"),
          body: t("{{company}}（{{contact_name}}）", "{{company}} ({{contact_name}})"),
        },
      ],
    },
    {
      id: "r3_idle_lead",
      name: t("R3 新线索 1 天未跟进提醒", "R3 New lead untouched for a day"),
      trigger: { type: "record.idle", form: "lead", days: 1, stage: "new" },
      actions: [
        {
          type: "notify",
          to: [{ type: "owner" }, { type: "manager" }],
          title: t("线索超过 1 天未跟进", "Lead untouched for a day"),
          body: t(
            "{{company}}（{{contact_name}}）仍是新线索。",
            "{{company}} ({{contact_name}}) is still new.",
          ),
        },
      ],
    },
    {
      id: "r4_convert_lead",
      name: t("R4 线索转化为商机", "R4 Convert the lead into a deal"),
      trigger: { type: "stage.entered", form: "lead", stage: "converted" },
      actions: [
        {
          type: "create_record",
          form: "deal",
          linkField: "lead",
          data: {
            deal_name: { cat: [v("company"), " · ", v("contact_name")] },
            // Picked on the lead (required to enter `converted`): no rule can find-or-create it.
            customer: v("customer"),
            owner: { coalesce: [v("owner"), v("_owner")] },
            // Required by the deal, unknown at conversion: placeholders the owner updates.
            amount: 0,
            expected_close_date: { add_days: [today(), 90] },
            deal_type: "new",
            needs_summary: v("need_summary"),
          },
        },
      ],
    },
    {
      // R4's set(this.deal): the new deal writes its id back into the lead it came from.
      id: "r4_link_deal_to_lead",
      name: t("R4 回写线索的转化商机", "R4 Link the lead to its deal"),
      trigger: { type: "record.created", form: "deal" },
      when: isSet("lead"),
      actions: [
        {
          type: "update_records",
          form: "lead",
          target: { type: "reference", field: "lead" },
          set: { deal: v("_id") },
        },
      ],
    },
  ];
}
