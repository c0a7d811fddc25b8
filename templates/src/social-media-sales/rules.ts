import type { Rule } from "@stagecraft/schemas";
import { all, eq, isSet, or0, v } from "../shared/expressions.js";
import { t } from "../shared/i18n.js";

/** R1 (route and reply fast), R2 (idle engaged leads), R3 (a purchase becomes an attributed deal). */
export function socialMediaRules(): Rule[] {
  return [
    {
      id: "r1_route_lead",
      name: t("R1 新社媒线索分配给运营", "R1 Route a new social lead to an operator"),
      trigger: { type: "record.created", form: "social_lead" },
      actions: [
        // The installer puts the operators in a round-robin pool (a template knows no people).
        { type: "assign_owner", strategy: { type: "by_field", field: "platform", map: [] } },
        // Actions are planned from the record as it was: after a zero wait, from its new owner.
        { type: "wait", minutes: 0 },
        { type: "set_field", field: "owner", value: v("_owner") },
        {
          type: "notify",
          to: [{ type: "owner" }],
          title: t("新社媒线索：请 10 分钟内回复", "New social lead: reply within 10 minutes"),
          body: t("{{nickname}}（{{platform}} @{{handle}}）", "{{nickname}} ({{platform}} @{{handle}})"),
        },
      ],
    },
    {
      id: "join_private_domain",
      name: t("加入私域后转为已进私域", "Joined the private domain: move on"),
      trigger: { type: "field.changed", form: "social_lead", fields: ["in_private_domain", "wechat_id"] },
      when: all(eq(v("in_private_domain"), "yes"), isSet("wechat_id"), {
        in: [v("_stage"), ["new", "engaged"]],
      }),
      actions: [{ type: "move_stage", to: "private_domain" }],
    },
    {
      id: "r2_idle_lead",
      name: t("R2 已互动/有意向的线索 2 天无进展", "R2 Engaged or interested lead idle for 2 days"),
      trigger: { type: "record.idle", form: "social_lead", days: 2 },
      when: { in: [v("_stage"), ["engaged", "interested"]] },
      actions: [
        {
          type: "notify",
          to: [{ type: "owner" }],
          title: t("社媒线索 2 天未互动", "Social lead idle for 2 days"),
          body: t("{{nickname}} 正在变冷，尽快回访", "{{nickname}} is cooling: reach out"),
        },
      ],
    },
    {
      // A deal needs a customer: the buyer becomes one, which then opens the attributed deal.
      id: "r3_buyer_to_customer",
      name: t("R3 已购买的线索建为客户", "R3 A buyer becomes a customer"),
      trigger: { type: "stage.entered", form: "social_lead", stage: "purchased" },
      actions: [
        {
          type: "create_record",
          form: "customer",
          linkField: "social_lead",
          data: {
            customer_name: v("nickname"),
            owner: { coalesce: [v("owner"), v("_owner")] },
            region: v("region"),
            phone: v("phone"),
            source_post: v("source_post"),
            first_order_amount: or0(v("purchase_amount")),
          },
        },
      ],
    },
    {
      id: "r3_attributed_deal",
      name: t("R3 生成归因到来源内容的商机", "R3 Open a deal attributed to the source post"),
      trigger: { type: "record.created", form: "customer" },
      when: isSet("social_lead"),
      actions: [
        {
          type: "create_record",
          form: "deal",
          data: {
            deal_name: { cat: [v("customer_name"), " · 社媒成交"] },
            customer: v("_id"),
            owner: v("owner"),
            amount: or0(v("first_order_amount")),
            expected_close_date: { today: [] },
            source_post: v("source_post"),
            social_lead: v("social_lead"),
          },
        },
      ],
    },
    {
      id: "r3_deal_won",
      name: t("R3 社媒成交商机直接赢单", "R3 A social purchase deal is won"),
      trigger: { type: "record.created", form: "deal" },
      when: isSet("social_lead"),
      actions: [{ type: "move_stage", to: "won" }],
    },
  ];
}
