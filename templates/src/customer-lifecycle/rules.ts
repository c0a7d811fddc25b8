import type { Expression, Rule } from "@stagecraft/schemas";
import { all, eq, isSet, or0, today, v } from "../shared/expressions.js";
import { t } from "../shared/i18n.js";

const ORDER_CREATED = { type: "record.created", form: "order" } as const;
const RENEWS: Expression = { in: [v("order_type"), ["new", "renewal"]] };

/** R1–R3 of TEMPLATES.md B8, and the order loop: a won deal books an order, an order renews the customer. */
export function customerLifecycleRules(): Rule[] {
  return [
    {
      id: "r1_renewal_due",
      name: t(
        "R1 合同到期前 90 天进入待续费并生成续费商机",
        "R1 90 days before the contract ends: renewal due",
      ),
      trigger: { type: "date.offset", form: "customer", field: "contract_end_date", days: -90, at: "09:00" },
      when: eq(v("_stage"), "active"),
      actions: [
        { type: "move_stage", to: "renewal_due" },
        {
          type: "create_record",
          form: "deal",
          data: {
            deal_name: { cat: ["续费 · ", v("customer_name")] },
            customer: v("_id"),
            owner: v("owner"),
            amount: or0(v("contract_value")),
            expected_close_date: v("contract_end_date"),
            deal_type: "renewal",
            term_months: 12,
          },
        },
        {
          type: "notify",
          to: [
            { type: "field", field: "csm" },
            { type: "field", field: "owner" },
          ],
          title: t("客户合同 90 天后到期，已生成续费商机", "Contract ends in 90 days: renewal deal created"),
          body: t(
            "{{customer_name}} 合同到期日 {{contract_end_date}}。",
            "{{customer_name}} ends on {{contract_end_date}}.",
          ),
        },
      ],
    },
    {
      id: "r2_health_alert",
      name: t("R2 健康分低于 40 提醒客户成功经理与上级", "R2 Health below 40: alert the CSM and manager"),
      trigger: { type: "field.changed", form: "customer", fields: ["health_score"] },
      when: all(isSet("health_score"), { "<": [v("health_score"), 40] }, { "!": [v("_closed_at")] }),
      actions: [
        {
          type: "notify",
          to: [{ type: "field", field: "csm" }, { type: "manager" }],
          title: t("客户健康分低于 40", "Customer health below 40"),
          body: t(
            "{{customer_name}} 健康分 {{health_score}}。",
            "{{customer_name}} health score {{health_score}}.",
          ),
        },
      ],
    },
    {
      id: "r3_expansion_deal",
      name: t("R3 回访发现增购信号时生成增购商机", "R3 Expansion signal: create an upsell deal"),
      trigger: { type: "record.created", form: "health_check" },
      when: eq(v("expansion_signal"), "yes"),
      actions: [
        {
          type: "create_record",
          form: "deal",
          data: {
            deal_name: { cat: ["增购 · 回访 ", v("check_date")] },
            customer: v("customer"),
            owner: v("csm"),
            // Unknown at the check: the owner sizes it.
            amount: 0,
            expected_close_date: { add_days: [today(), 60] },
            deal_type: "upsell",
          },
        },
      ],
    },
    {
      id: "r3_stamp_health_check",
      name: t(
        "回访更新客户推荐意愿与最近跟进",
        "Health check: stamp the customer's recommendation and activity",
      ),
      trigger: { type: "record.created", form: "health_check" },
      when: isSet("nps_answer"),
      actions: [
        {
          type: "update_records",
          form: "customer",
          target: { type: "reference", field: "customer" },
          set: { nps: v("nps_answer"), last_activity_at: { cat: [v("check_date"), "T09:00:00+08:00"] } },
        },
      ],
    },
    {
      id: "r4_won_deal_order",
      name: t("赢单生成订单", "A won deal books an order"),
      trigger: { type: "stage.entered", form: "deal", stage: "won" },
      actions: [
        {
          type: "create_record",
          form: "order",
          data: {
            customer: v("customer"),
            deal: v("_id"),
            order_type: v("deal_type"),
            amount: v("amount"),
            order_date: today(),
            term_months: { coalesce: [v("term_months"), 12] },
          },
        },
      ],
    },
    {
      id: "r5_order_renews",
      name: t("新购/续费订单更新客户合同", "A new or renewal order renews the customer's contract"),
      trigger: ORDER_CREATED,
      when: RENEWS,
      actions: [
        {
          type: "update_records",
          form: "customer",
          target: { type: "reference", field: "customer" },
          set: {
            last_order_date: v("order_date"),
            contract_end_date: v("end_date"),
            contract_value: v("amount"),
          },
        },
      ],
    },
    {
      id: "r5_order_expands",
      name: t("增购订单提高客户合同额", "An upsell order raises the contract value"),
      trigger: ORDER_CREATED,
      when: { "!": [RENEWS] },
      actions: [
        {
          type: "update_records",
          form: "customer",
          target: { type: "reference", field: "customer" },
          set: { last_order_date: v("order_date") },
          increment: { contract_value: or0(v("amount")) },
        },
      ],
    },
    {
      // "A renewal returns the customer to active"; a churned customer who orders again is won back.
      id: "r6_back_to_active",
      name: t("续费或赢回：客户回到活跃", "Renewed or won back: the customer is active again"),
      trigger: { type: "field.changed", form: "customer", fields: ["last_order_date"] },
      when: { in: [v("_stage"), ["renewal_due", "churned"]] },
      actions: [
        { type: "move_stage", to: "active" },
        {
          type: "notify",
          to: [{ type: "field", field: "csm" }],
          title: t("客户已续费/赢回，回到活跃", "Customer renewed or won back: active again"),
          body: t(
            "{{customer_name}} 新合同到期日 {{contract_end_date}}。",
            "{{customer_name}} now ends on {{contract_end_date}}.",
          ),
        },
      ],
    },
  ];
}
