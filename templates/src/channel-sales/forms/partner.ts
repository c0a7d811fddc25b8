import type { Expression, Form, Pipeline } from "@stagecraft/schemas";
import { agg, or0, v } from "../../shared/expressions.js";
import { thisValue, todayValue, where } from "../../shared/filters.js";
import { option, t } from "../../shared/i18n.js";
import { REGIONS } from "../../shared/option-sets.js";

/** Tier thresholds on this year's sell-in (parameters: an installed app edits its own copy). */
export const TIER_THRESHOLDS = { gold: 3_000_000, silver: 1_000_000 } as const;

/** This year's sell-in, summed over the partner's orders (kept current as orders change). */
export const YTD_SELL_IN: Expression = or0(agg("ytd_sell_in_total"));

/** gold / silver / bronze by a sell-in amount. */
export function tierOf(amount: Expression): Expression {
  return {
    if: [
      { ">=": [amount, TIER_THRESHOLDS.gold] },
      "gold",
      { ">=": [amount, TIER_THRESHOLDS.silver] },
      "silver",
      "bronze",
    ],
  };
}

/** A tier as a rank (bronze 1, silver 2, gold 3), so an upgrade is a higher rank than before. */
export function tierRank(tier: Expression): Expression {
  return { case: [tier, "bronze", 1, "silver", 2, "gold", 3, 0] };
}

/**
 * The rebate rate of the highest tier of the policy in force that `amount` reaches. Row
 * expressions see only their row, so a reduce carries [amount, best rate] through the tiers.
 */
export function rebateRateOf(amount: Expression): Expression {
  const tiers: Expression = { reduce: [[agg("rebate_policy")], { var: "current.tiers" }, null] };
  const step: Expression = {
    merge: [
      { var: "accumulator.0" },
      {
        if: [
          { "<=": [{ var: "current.min_amount" }, { var: "accumulator.0" }] },
          { max: [{ var: "current.rebate_rate" }, { var: "accumulator.1" }] },
          { var: "accumulator.1" },
        ],
      },
    ],
  };
  const pair: Expression = { reduce: [tiers, step, { merge: [amount, 0] }] };
  return { coalesce: [{ reduce: [[pair], { var: "current.1" }, 0] }, 0] };
}

const pipeline: Pipeline = {
  initial: "applied",
  stages: [
    { id: "applied", name: t("申请中", "Applied") },
    {
      id: "qualified",
      name: t("资质审核通过", "Qualified"),
      requires: ["business_license", "contact_phone"],
    },
    { id: "signed", name: t("已签约", "Signed"), requires: ["agreement_file", "signed_date"] },
    { id: "active", name: t("合作中", "Active"), requires: ["settlement_contact"] },
    {
      id: "terminated",
      name: t("已终止", "Terminated"),
      terminal: "lost",
      requires: ["termination_reason"],
    },
  ],
};

/** `partner` (渠道伙伴/经销商): agents and distributors with their tier and accrued rebate. */
export const partnerForm: Form = {
  id: "partner",
  name: t("渠道伙伴/经销商", "Channel partner"),
  description: t(
    "代理商、分销商的资质、签约与分级；本年进货额决定等级和返利",
    "Agents and distributors: qualification, agreement and tier; this year's sell-in sets tier and rebate",
  ),
  titleField: "name",
  fields: [
    { id: "name", type: "text", label: t("伙伴名称", "Partner name"), required: true, maxLength: 200 },
    {
      id: "partner_type",
      type: "select",
      label: t("伙伴类型", "Partner type"),
      required: true,
      options: [
        option("agent", "代理商", "Agent"),
        option("distributor", "分销商", "Distributor"),
        option("reseller", "经销商", "Reseller"),
      ],
    },
    {
      id: "territory",
      type: "select",
      label: t("授权区域", "Territory"),
      required: true,
      options: [...REGIONS],
    },
    { id: "channel_manager", type: "user", label: t("渠道经理", "Channel manager"), required: true },
    { id: "contact_name", type: "text", label: t("联系人", "Contact"), maxLength: 100 },
    { id: "contact_phone", type: "phone", label: t("联系电话", "Contact phone") },
    { id: "contact_email", type: "email", label: t("联系邮箱", "Contact email") },
    { id: "business_license", type: "file", label: t("营业执照", "Business licence") },
    { id: "agreement_file", type: "file", label: t("渠道协议", "Channel agreement") },
    { id: "signed_date", type: "date", label: t("签约日期", "Signed on") },
    {
      id: "settlement_contact",
      type: "user",
      label: t("返利结算财务", "Rebate settlement (finance)"),
      help: t("季度返利计提时通知此人", "Notified when the quarterly rebate is accrued"),
    },
    {
      id: "ytd_sell_in",
      type: "formula",
      label: t("本年进货额", "Sell-in this year"),
      resultType: "money",
      expression: YTD_SELL_IN,
    },
    {
      id: "tier",
      type: "formula",
      label: t("伙伴等级", "Tier"),
      resultType: "text",
      expression: tierOf(YTD_SELL_IN),
      help: t(
        "金牌 ≥ 300 万，银牌 ≥ 100 万，其余铜牌（按本年进货额）",
        "Gold ≥ 3 M, silver ≥ 1 M, else bronze (this year's sell-in)",
      ),
    },
    {
      id: "current_rebate_rate",
      type: "formula",
      label: t("当前返利比例", "Current rebate rate"),
      resultType: "percent",
      expression: rebateRateOf(YTD_SELL_IN),
      help: t(
        "现行返利政策中本年进货额达到的最高档位",
        "The highest tier of the policy in force that this year's sell-in reaches",
      ),
    },
    {
      // Rule conditions cannot read the data before an update, so the last tier is kept here.
      id: "previous_tier",
      type: "text",
      label: t("上次等级", "Previous tier"),
      default: "bronze",
      readOnlyWhen: true,
      help: t("等级变化时自动更新，用于判断升级", "Kept by automation to tell an upgrade"),
    },
    {
      id: "last_sell_in_date",
      type: "date",
      label: t("最近进货日期", "Last sell-in"),
      help: t("录入进货单时自动更新", "Set automatically by each sell-in order"),
    },
    {
      id: "last_order",
      type: "reference",
      label: t("最近进货单", "Last order"),
      form: "sell_in_order",
      displayField: "order_date",
    },
    { id: "rebate_accrued", type: "money", label: t("已计提返利", "Rebate accrued"), min: 0 },
    { id: "rebate_accrued_on", type: "date", label: t("返利计提日期", "Rebate accrued on") },
    {
      id: "rebate_period_end",
      type: "date",
      label: t("下次返利结算日", "Next rebate date"),
      help: t(
        "本季度末；当天 22:00 计提返利后顺延到下一季度末",
        "This quarter's end: the rebate is accrued at 22:00 that day, then the date moves a quarter on",
      ),
    },
    {
      id: "termination_reason",
      type: "select",
      label: t("终止原因", "Termination reason"),
      options: [
        option("no_sales", "长期无进货", "No sell-in"),
        option("breach", "违反渠道政策", "Policy breach"),
        option("conflict", "渠道冲突", "Channel conflict"),
        option("partner_exit", "伙伴退出", "Partner exited"),
      ],
    },
  ],
  pipeline,
  aggregates: [
    {
      id: "ytd_sell_in_total",
      type: "rollup",
      form: "sell_in_order",
      measure: "sum",
      field: "total",
      filter: [where("partner", "eq", thisValue("_id")), where("order_date", "same_year", todayValue())],
    },
    {
      id: "rebate_policy",
      type: "active",
      form: "rebate_policy",
      from: "effective_from",
      to: "effective_to",
    },
  ],
};

/** Rank of the tier the partner had before its latest change (kept by a rule). */
export const PREVIOUS_TIER_RANK: Expression = tierRank(v("previous_tier"));
