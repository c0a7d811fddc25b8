import type { Expression, Rule } from "@stagecraft/schemas";
import { activityStampRules } from "../shared/core-activity-rules.js";
import { all, atTime, eq, today, v } from "../shared/expressions.js";
import { t } from "../shared/i18n.js";

const IS_A = eq(v("effective_tier"), "A");
/** Customers that are looked after: rated or serving (not unrated, dormant or churned). */
const LOOKED_AFTER: Expression = { in: [v("_stage"), ["rated", "serving"]] };
/** R2 runs on a customer's next touch date at 09:00. */
const TOUCH_DUE = {
  type: "date.offset",
  form: "customer",
  field: "next_touch_date",
  days: 0,
  at: "09:00",
} as const;

/** R1's KAM assignment: the installer lists the KAM pool; after a minute the owner field follows. */
function kamRule(id: string, upgrade: boolean): Rule {
  return {
    id,
    name: upgrade
      ? t("R1 升为 A 级：分配给大客户经理", "R1 Became tier A: assign a key account manager")
      : t("R1 新建即为 A 级：分配给大客户经理", "R1 New tier-A customer: assign a key account manager"),
    trigger: upgrade
      ? { type: "field.changed", form: "customer", fields: ["effective_tier"] }
      : { type: "record.created", form: "customer" },
    when: IS_A,
    actions: [
      // A template cannot know the workspace's users: the installer puts the KAM pool here.
      { type: "assign_owner", strategy: { type: "by_field", field: "region", map: [] } },
      { type: "wait", minutes: 1 },
      { type: "set_field", field: "owner", value: v("_owner") },
      {
        type: "notify",
        to: [{ type: "owner" }],
        title: t("A 级客户已分配给你", "A tier-A customer is assigned to you"),
        body: t(
          "{{customer_name}}，年价值 {{annual_value}}。",
          "{{customer_name}}, annual value {{annual_value}}.",
        ),
      },
    ],
  };
}

/** R1 (tier change), R2 (touch routed by tier), R3 (quarterly re-valuation), C1. */
export function customerTieringRules(): Rule[] {
  return [
    {
      id: "r1_tier_changed",
      name: t("R1 客户级别变化：通知负责人", "R1 Tier changed: tell the owner"),
      trigger: { type: "field.changed", form: "customer", fields: ["effective_tier"] },
      actions: [
        {
          type: "notify",
          to: [{ type: "field", field: "owner" }],
          title: t("客户级别已变化", "Customer tier changed"),
          body: t(
            "{{customer_name}} 现为 {{effective_tier}} 级，回访周期 {{cadence_days}} 天。",
            "{{customer_name}} is now tier {{effective_tier}}, cadence {{cadence_days}} days.",
          ),
        },
      ],
    },
    kamRule("r1_kam_on_create", false),
    kamRule("r1_kam_on_upgrade", true),
    {
      id: "r2_touch_a",
      name: t(
        "R2 A 级到期触达：生成拜访计划并通知上级",
        "R2 Tier A touch due: plan a visit, tell the manager",
      ),
      trigger: TOUCH_DUE,
      when: all(LOOKED_AFTER, IS_A),
      actions: [
        {
          type: "create_record",
          form: "follow_up",
          data: {
            customer: v("_id"),
            owner: v("owner"),
            follow_type: "visit",
            status: "planned",
            follow_at: atTime(today(), "14:00"),
          },
        },
        {
          type: "notify",
          to: [{ type: "manager" }],
          title: t("A 级客户到期回访", "Tier-A customer due for a visit"),
          body: t(
            "{{customer_name}}：已生成今天的拜访计划。",
            "{{customer_name}}: a visit is planned today.",
          ),
        },
      ],
    },
    {
      id: "r2_touch_b",
      name: t("R2 B 级到期触达：提醒负责人", "R2 Tier B touch due: tell the owner"),
      trigger: TOUCH_DUE,
      when: all(LOOKED_AFTER, eq(v("effective_tier"), "B")),
      actions: [
        {
          type: "notify",
          to: [{ type: "field", field: "owner" }],
          title: t("B 级客户到期回访", "Tier-B customer due for a touch"),
          body: t(
            "{{customer_name}}：回访周期 {{cadence_days}} 天已到。",
            "{{customer_name}}: {{cadence_days}}-day cadence reached.",
          ),
        },
      ],
    },
    {
      // Disabled until the installer sets the campaign tool's incoming-webhook address.
      id: "r2_touch_c",
      name: t("R2 C 级到期触达：加入批量营销", "R2 Tier C touch due: add to the batch campaign"),
      enabled: false,
      trigger: TOUCH_DUE,
      when: all(LOOKED_AFTER, eq(v("effective_tier"), "C")),
      actions: [
        {
          type: "webhook",
          url: "https://campaign.example.com/hooks/batch",
          method: "POST",
          body: {
            cat: [
              "C 级批量触达 Batch touch · ",
              v("customer_name"),
              " · ",
              { coalesce: [v("email"), v("phone"), ""] },
            ],
          },
        },
      ],
    },
    {
      // Writing the date makes the customer's won_last_365 be read again; r3_set_annual_value uses it.
      id: "r3_revalue",
      name: t("R3 每季度重估：刷新近一年赢单金额", "R3 Quarterly: read the year's won amount again"),
      trigger: { type: "date.offset", form: "customer", field: "next_revalue_date", days: 0, at: "02:00" },
      when: { "!": { in: [v("_stage"), ["churned"]] } },
      actions: [{ type: "set_field", field: "revalued_on", value: today() }],
    },
    {
      id: "r3_set_annual_value",
      name: t(
        "R3 以近一年赢单金额更新年价值（重新分级）",
        "R3 Annual value = the year's won amount (re-tiers)",
      ),
      trigger: { type: "field.changed", form: "customer", fields: ["revalued_on"] },
      actions: [{ type: "set_field", field: "annual_value", value: v("won_last_365") }],
    },
    ...activityStampRules("c1"),
  ];
}
