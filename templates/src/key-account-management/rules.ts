import type { Rule } from "@stagecraft/schemas";
import { eq, isSet, today, v } from "../shared/expressions.js";
import { t } from "../shared/i18n.js";
import { FIRST_QBR_PREP, nextQbrPrepAfter } from "./forms/quarters.js";

/** Days without contact after which a decision maker is flagged (R2). */
export const STALE_CONTACT_DAYS = 60;

/** R1–R3 of TEMPLATES.md B12, and won deals counting toward their account plan. */
export function keyAccountRules(): Rule[] {
  return [
    {
      id: "r0_first_qbr_prep",
      name: t("新关键客户：排定首次 QBR 准备日", "New key account: schedule its first QBR"),
      trigger: { type: "record.created", form: "key_account" },
      actions: [{ type: "set_field", field: "next_qbr_prep", value: FIRST_QBR_PREP }],
    },
    {
      id: "r1_open_qbr",
      name: t(
        "R1 季度结束前 15 天生成 QBR 并通知 KAM 与高管赞助人",
        "R1 15 days before quarter end: open the QBR",
      ),
      trigger: { type: "date.offset", form: "key_account", field: "next_qbr_prep", days: 0, at: "09:00" },
      actions: [
        {
          type: "create_record",
          form: "qbr",
          data: {
            key_account: v("_id"),
            quarter: { period: [today(), "quarter"] },
            meeting_date: { add_days: [today(), 10] },
          },
        },
        { type: "set_field", field: "next_qbr_prep", value: nextQbrPrepAfter(v("next_qbr_prep")) },
        {
          type: "notify",
          to: [
            { type: "field", field: "kam" },
            { type: "field", field: "exec_sponsor" },
          ],
          title: t("请准备本季度业务回顾（QBR）", "Prepare this quarter's business review (QBR)"),
          body: t("会议建议在 10 天内召开。", "Hold the meeting within 10 days."),
        },
      ],
    },
    {
      id: "r2_stale_decision_maker",
      name: t("R2 决策者 60 天未接触提醒 KAM", "R2 A decision maker not met for 60 days: tell the KAM"),
      trigger: {
        type: "date.offset",
        form: "account_plan",
        field: "stalest_dm_contact",
        days: STALE_CONTACT_DAYS,
        at: "09:00",
      },
      when: { in: [v("_stage"), ["approved", "executing"]] },
      actions: [
        {
          type: "notify",
          to: [{ type: "field", field: "kam" }],
          title: t("有决策者 60 天未接触", "A decision maker has not been met for 60 days"),
          body: t("最近一次接触：{{stalest_dm_contact}}。", "Last met on {{stalest_dm_contact}}."),
        },
      ],
    },
    {
      id: "r3_health_red",
      name: t("R3 客户健康度转红通知高管赞助人", "R3 Health turns red: tell the executive sponsor"),
      trigger: { type: "field.changed", form: "key_account", fields: ["health"] },
      when: eq(v("health"), "red"),
      actions: [
        {
          type: "notify",
          to: [{ type: "field", field: "exec_sponsor" }],
          title: t("关键客户健康度转为红色", "Key account health is red"),
          body: t(
            "年收入 {{annual_revenue}}，请介入。",
            "Annual revenue {{annual_revenue}}: please step in.",
          ),
        },
      ],
    },
    {
      // Writing the plan recomputes its won revenue and attainment.
      id: "r4_deal_counts_toward_plan",
      name: t("计划内商机赢单：更新计划达成", "A plan's deal is won: update the plan's attainment"),
      trigger: { type: "stage.entered", form: "deal", stage: "won" },
      when: isSet("account_plan"),
      actions: [
        {
          type: "update_records",
          form: "account_plan",
          target: { type: "reference", field: "account_plan" },
          set: { last_won_on: today() },
        },
      ],
    },
  ];
}
