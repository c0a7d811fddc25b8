import type { Expression, Rule, Trigger } from "@stagecraft/schemas";
import { all, or0, round, today, v } from "../shared/expressions.js";
import { t } from "../shared/i18n.js";
import { PREVIOUS_TIER_RANK, tierRank } from "./forms/partner.js";

/** The last day of the quarter a date falls in ("YYYY-MM-DD"). */
export function quarterEnd(date: Expression): Expression {
  return {
    cat: [
      { year: [date] },
      "-",
      {
        case: [
          { month: [date] },
          1,
          "03-31",
          2,
          "03-31",
          3,
          "03-31",
          4,
          "06-30",
          5,
          "06-30",
          6,
          "06-30",
          7,
          "09-30",
          8,
          "09-30",
          9,
          "09-30",
          "12-31",
        ],
      },
    ],
  };
}
/**
 * Each order stamps its partner (a new `last_order`): sell-in and tier are recomputed with the
 * order itself, so tier rules listen to the stamp rather than to the formula.
 */
const ORDER_STAMPED: Trigger = { type: "field.changed", form: "partner", fields: ["last_order"] };
/** The partner's tier went up. */
const UPGRADED: Expression = { ">": [tierRank(v("tier")), PREVIOUS_TIER_RANK] };
/** Idle threshold of R3, in days (a parameter). */
export const DORMANT_DAYS = 60;

/** Upkeep: an order stamps its partner (which recomputes sell-in and tier) and copies the tier back. */
function upkeepRules(): Rule[] {
  return [
    {
      id: "stamp_partner_sell_in",
      name: t("进货单更新伙伴最近进货日期与等级", "A sell-in order updates its partner"),
      trigger: { type: "record.created", form: "sell_in_order" },
      actions: [
        {
          type: "update_records",
          form: "partner",
          target: { type: "reference", field: "partner" },
          set: { last_sell_in_date: v("order_date"), last_order: v("_id") },
        },
      ],
    },
    {
      id: "copy_tier_to_orders",
      name: t("伙伴等级写入其进货单", "Copy the partner's tier to its orders"),
      trigger: ORDER_STAMPED,
      actions: [
        {
          type: "update_records",
          form: "sell_in_order",
          target: { type: "referencing", field: "partner" },
          set: { partner_tier: v("tier") },
        },
      ],
    },
    {
      id: "remember_tier",
      name: t("记录伙伴的上次等级", "Remember the partner's tier"),
      trigger: ORDER_STAMPED,
      actions: [{ type: "set_field", field: "previous_tier", value: v("tier") }],
    },
  ];
}

/** R1 (quarterly rebate accrual), R2 (tier upgrade), R3 (no sell-in for 60 days). */
export function channelSalesRules(): Rule[] {
  return [
    ...upkeepRules(),
    {
      id: "r1_start_rebate_period",
      name: t("R1 伙伴开始合作：设置本季度返利结算日", "R1 Partner active: set this quarter's rebate date"),
      trigger: { type: "stage.entered", form: "partner", stage: "active" },
      when: { "!": [v("rebate_period_end")] },
      actions: [{ type: "set_field", field: "rebate_period_end", value: quarterEnd(today()) }],
    },
    {
      // Each partner carries its next quarter end: a date trigger runs the accrual with the
      // partner's own data (schedule runs carry no record), then moves the date a quarter on.
      id: "r1_accrue_rebate",
      name: t(
        "R1 季末按最高达成档位计提返利",
        "R1 Quarter end: accrue the rebate of the highest tier reached",
      ),
      trigger: { type: "date.offset", form: "partner", field: "rebate_period_end", days: 0, at: "22:00" },
      when: { "===": [v("_stage"), "active"] },
      actions: [
        {
          type: "set_field",
          field: "rebate_accrued",
          // Both are stored formulas, kept current as orders and the policy change.
          value: round({ "*": [or0(v("ytd_sell_in")), or0(v("current_rebate_rate"))] }, 2),
        },
        { type: "set_field", field: "rebate_accrued_on", value: v("rebate_period_end") },
        {
          type: "set_field",
          field: "rebate_period_end",
          value: quarterEnd({ add_days: [v("rebate_period_end"), 1] }),
        },
        {
          type: "notify",
          to: [
            { type: "field", field: "settlement_contact" },
            { type: "field", field: "channel_manager" },
          ],
          title: t("渠道返利已计提", "Channel rebate accrued"),
          body: t(
            "{{name}}：本年进货 {{ytd_sell_in}}，计提返利 {{rebate_accrued}}。",
            "{{name}}: sell-in {{ytd_sell_in}} this year, rebate accrued {{rebate_accrued}}.",
          ),
        },
      ],
    },
    {
      // Disabled until the installer sets the ERP's address.
      id: "r1_rebate_to_erp",
      name: t("R1 返利计提同步到 ERP", "R1 Send the accrued rebate to the ERP"),
      enabled: false,
      trigger: { type: "field.changed", form: "partner", fields: ["rebate_accrued_on"] },
      actions: [
        {
          type: "webhook",
          url: "https://erp.example.com/hooks/channel-rebate",
          method: "POST",
          body: {
            merge: [
              v("_id"),
              v("name"),
              or0(v("ytd_sell_in")),
              or0(v("rebate_accrued")),
              v("rebate_accrued_on"),
            ],
          },
        },
      ],
    },
    {
      id: "r2_tier_upgrade",
      name: t("R2 伙伴升级通知渠道经理", "R2 Tell the channel manager about an upgrade"),
      trigger: ORDER_STAMPED,
      when: UPGRADED,
      actions: [
        {
          type: "notify",
          to: [{ type: "field", field: "channel_manager" }],
          title: t("渠道伙伴等级提升", "Partner tier upgraded"),
          body: t("{{name}} 升级为 {{tier}}。", "{{name}} is now {{tier}}."),
        },
      ],
    },
    {
      // Disabled until the installer sets the mail service's address.
      id: "r2_upgrade_email",
      name: t("R2 给伙伴发送升级邮件", "R2 Email the partner about the upgrade"),
      enabled: false,
      trigger: ORDER_STAMPED,
      when: all(UPGRADED, { "!!": [v("contact_email")] }),
      actions: [
        {
          type: "webhook",
          url: "https://mail.example.com/hooks/partner-email",
          method: "POST",
          body: { merge: ["tier_upgraded", v("contact_email"), v("name"), v("tier")] },
        },
      ],
    },
    {
      // 60 days after the last sell-in date; a newer order moves the date and so the reminder.
      id: "r3_dormant_partner",
      name: t("R3 60 天无进货提醒", "R3 No sell-in for 60 days"),
      trigger: {
        type: "date.offset",
        form: "partner",
        field: "last_sell_in_date",
        days: DORMANT_DAYS,
        at: "09:00",
      },
      when: { "===": [v("_stage"), "active"] },
      actions: [
        {
          type: "notify",
          to: [{ type: "field", field: "channel_manager" }],
          title: t("渠道伙伴 60 天无进货", "Partner without sell-in for 60 days"),
          body: t(
            "{{name}} 最近进货日期：{{last_sell_in_date}}。",
            "{{name}} last ordered on {{last_sell_in_date}}.",
          ),
        },
      ],
    },
    {
      // A partner that never ordered: 60 days after signing.
      id: "r3_no_first_order",
      name: t("R3 签约 60 天仍无首单提醒", "R3 No first order 60 days after signing"),
      trigger: {
        type: "date.offset",
        form: "partner",
        field: "signed_date",
        days: DORMANT_DAYS,
        at: "09:00",
      },
      when: all({ "===": [v("_stage"), "active"] }, { "!": [v("last_sell_in_date")] }),
      actions: [
        {
          type: "notify",
          to: [{ type: "field", field: "channel_manager" }],
          title: t("渠道伙伴签约 60 天仍无进货", "Partner without a first order 60 days after signing"),
          body: t("{{name}} 签约日期：{{signed_date}}。", "{{name}} signed on {{signed_date}}."),
        },
      ],
    },
  ];
}
