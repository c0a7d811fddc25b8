import type { Rule } from "@stagecraft/schemas";
import { all, eq, isSet, or0, v } from "../shared/expressions.js";
import { t } from "../shared/i18n.js";

const LEAD_CREATED = { type: "record.created", form: "shared_lead" } as const;
const TO_PARTNER = eq(v("direction"), "to_partner");
const CONSENTED = eq(v("consent"), "yes");
const TO_ALLIANCE = {
  type: "update_records",
  form: "alliance",
  target: { type: "reference", field: "alliance" },
} as const;

/** R1 (consent guard, partner inbox), R2 (partner SLA), R3 (revenue share on a won deal). */
export function jointSellingRules(): Rule[] {
  return [
    {
      id: "r1_consent_guard",
      name: t("R1 未获同意的线索不得推送给合作方", "R1 No lead goes to the partner without consent"),
      trigger: LEAD_CREATED,
      when: all(TO_PARTNER, { "!": [CONSENTED] }),
      actions: [
        { type: "set_field", field: "reject_reason", value: "no_consent" },
        { type: "move_stage", to: "rejected" },
        {
          type: "notify",
          to: [{ type: "owner" }],
          title: t("线索未推送：缺少客户同意", "Lead not sent: no customer consent"),
          body: t("{{customer_name}} 需先取得客户同意", "Get {{customer_name}}'s consent first"),
        },
      ],
    },
    {
      // Disabled until the installer sets the partner's inbox address.
      id: "r1_partner_inbox",
      name: t("R1 已同意的线索推送到合作方", "R1 Send consented leads to the partner's inbox"),
      enabled: false,
      trigger: LEAD_CREATED,
      when: all(TO_PARTNER, CONSENTED),
      actions: [
        {
          type: "webhook",
          url: "https://partner.example.com/hooks/shared-leads",
          method: "POST",
          body: {
            merge: [
              v("_id"),
              v("alliance"),
              v("customer_name"),
              v("need"),
              { coalesce: [v("contact_phone"), ""] },
            ],
          },
        },
      ],
    },
    {
      // The alliance manager is on the alliance: the idle lead writes itself there, which notifies.
      id: "r2_partner_sla",
      name: t("R2 共享线索 3 天未处理", "R2 Shared lead untouched for 3 days"),
      trigger: { type: "record.idle", form: "shared_lead", days: 3, stage: "submitted" },
      actions: [
        { ...TO_ALLIANCE, set: { sla_breach_lead: v("customer_name"), sla_breach_on: { today: [] } } },
      ],
    },
    {
      id: "r2_notify_alliance_manager",
      name: t("R2 通知联盟经理线索超时", "R2 Tell the alliance manager about the breach"),
      trigger: { type: "field.changed", form: "alliance", fields: ["sla_breach_lead", "sla_breach_on"] },
      when: isSet("sla_breach_lead"),
      actions: [
        {
          type: "notify",
          to: [{ type: "field", field: "alliance_manager" }],
          title: t("共享线索超过 3 天未处理", "Shared lead past the 3-day SLA"),
          body: t("{{partner_company}}：{{sla_breach_lead}}", "{{partner_company}}: {{sla_breach_lead}}"),
        },
      ],
    },
    {
      id: "r3_revenue_share",
      name: t("R3 联合商机赢单：记入分成台账", "R3 Joint deal won: book the revenue share"),
      trigger: { type: "stage.entered", form: "deal", stage: "won" },
      when: isSet("alliance"),
      actions: [
        {
          ...TO_ALLIANCE,
          set: { last_won_deal: v("deal_name") },
          increment: {
            joint_revenue_won: or0(v("amount")),
            partner_share_due: { "-": [or0(v("amount")), or0(v("our_revenue"))] },
          },
          reverseOnLeave: true,
        },
      ],
    },
    {
      id: "r3_notify_finance",
      name: t("R3 通知财务结算分成", "R3 Tell finance to settle the share"),
      trigger: { type: "field.changed", form: "alliance", fields: ["partner_share_due"] },
      when: { ">": [or0(v("partner_share_due")), 0] },
      actions: [
        {
          type: "notify",
          to: [
            { type: "field", field: "finance_contact" },
            { type: "field", field: "alliance_manager" },
          ],
          title: t("联合销售分成待结算", "Revenue share to settle"),
          body: t(
            "{{partner_company}}：{{last_won_deal}} 赢单，应付分成累计 {{partner_share_due}}",
            "{{partner_company}}: {{last_won_deal}} won; share due {{partner_share_due}}",
          ),
        },
      ],
    },
  ];
}
