import type { Expression, Form } from "@stagecraft/schemas";
import { agg, or0, v } from "../../shared/expressions.js";
import { t } from "../../shared/i18n.js";

/** The plan in force, read as the only row of a one-element list (its data is one record's). */
const PLAN = [agg("active_plan")];

/**
 * `tier_rate`: the rate of the highest tier of the active plan whose `attainment_from` ≤ attainment.
 * Row operators cannot see the record, so the attainment travels in a reduce accumulator
 * `[attainment, best tier start, its rate]`; the last element (the rate) is read by a reduce that
 * keeps its current element.
 */
export const TIER_RATE: Expression = {
  reduce: [
    PLAN,
    {
      reduce: [
        {
          reduce: [
            v("current.tiers"),
            {
              if: [
                {
                  and: [
                    { "<=": [v("current.attainment_from"), v("accumulator.0")] },
                    { ">=": [v("current.attainment_from"), v("accumulator.1")] },
                  ],
                },
                { merge: [v("accumulator.0"), v("current.attainment_from"), v("current.rate")] },
                v("accumulator"),
              ],
            },
            { merge: [v("accumulator"), -1, 0] },
          ],
        },
        v("current"),
        0,
      ],
    },
    or0(v("attainment")),
  ],
};

/** The active plan's accelerator rate above 100 % (0 without one). */
const ACCELERATOR: Expression = or0({ sum_of: [PLAN, v("accelerator_above_100")] });

/** `commission_statement` (提成结算单): computed from the active plan, confirmed, approved and paid. */
export const commissionStatementForm: Form = {
  id: "commission_statement",
  name: t("提成结算单", "Commission statement"),
  description: t(
    "每位销售每个结算周期一张：赢单金额自动累加到“已达成”，按当前提成方案的阶梯计算提成",
    "One per rep and period: won deals add to Attained automatically; commission follows the tiers of the plan in force",
  ),
  fields: [
    { id: "rep", type: "user", label: t("销售", "Rep"), required: true },
    { id: "period_start", type: "date", label: t("周期开始", "Period start"), required: true },
    // Not in TEMPLATES.md: R1 finds the statement whose period holds the win date.
    { id: "period_end", type: "date", label: t("周期结束", "Period end"), required: true },
    { id: "quota", type: "money", label: t("业绩配额", "Quota"), required: true, min: 0 },
    {
      id: "attained",
      type: "money",
      label: t("已达成", "Attained"),
      default: 0,
      min: 0,
      help: t("赢单时自动累加", "Won deals add to it automatically"),
    },
    {
      id: "attainment",
      type: "formula",
      label: t("达成率", "Attainment"),
      resultType: "percent",
      precision: 4,
      expression: { div: [or0(v("attained")), v("quota")] },
    },
    {
      id: "tier_rate",
      type: "formula",
      label: t("适用提成比例", "Tier rate"),
      resultType: "percent",
      precision: 4,
      expression: TIER_RATE,
    },
    {
      id: "commission",
      type: "formula",
      label: t("提成金额", "Commission"),
      resultType: "money",
      help: t(
        "已达成 × 适用比例；超出配额部分另按超额加速比例计提",
        "Attained × tier rate, plus the accelerator on the amount above quota",
      ),
      expression: {
        "+": [
          { "*": [or0(v("attained")), or0(v("tier_rate"))] },
          { "*": [{ max: [0, { "-": [or0(v("attained")), or0(v("quota"))] }] }, ACCELERATOR] },
        ],
      },
    },
    { id: "dispute_note", type: "textarea", label: t("异议说明", "Dispute note") },
    {
      id: "quota_recognised",
      type: "boolean",
      label: t("已触发达标激励", "Quota recognition drafted"),
      help: t("达成率首次突破 100% 时由规则勾选", "Ticked by the rule when attainment first passes 100 %"),
    },
  ],
  aggregates: [{ id: "active_plan", type: "active", form: "commission_plan", from: "effective_from" }],
  pipeline: {
    initial: "calculated",
    stages: [
      { id: "calculated", name: t("已计算", "Calculated"), moves: ["rep_confirmed", "disputed"] },
      {
        id: "disputed",
        name: t("有异议", "Disputed"),
        requires: ["dispute_note"],
        moves: ["calculated"],
      },
      { id: "rep_confirmed", name: t("销售已确认", "Confirmed by rep"), moves: ["approved", "disputed"] },
      { id: "approved", name: t("已审批", "Approved"), moves: ["paid", "calculated"] },
      { id: "paid", name: t("已发放", "Paid"), terminal: "won", moves: [] },
    ],
  },
};
