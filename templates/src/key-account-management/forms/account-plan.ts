import type { Expression, Form } from "@stagecraft/schemas";
import { agg, all, eq, isSet, or0, today, v } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { option, t } from "../../shared/i18n.js";

const DECISION_MAKER = eq(v("role"), "decision_maker");
/** A decision maker counts as covered when contacted in the last 90 days. */
export const COVERAGE_DAYS = 90;

/** Days since the least recently contacted decision maker (rows never contacted are not dated). */
const STALEST_DM_DAYS: Expression = {
  max_of: [
    v("stakeholders"),
    { if: [all(DECISION_MAKER, isSet("last_contact")), { days_since: [v("last_contact")] }, null] },
  ],
};

/** `account_plan` (客户经营计划): the yearly plan with its stakeholder map and initiatives. */
export const accountPlanForm: Form = {
  id: "account_plan",
  name: t("客户经营计划", "Account plan"),
  titleField: "fiscal_year",
  fields: [
    {
      id: "key_account",
      type: "reference",
      label: t("关键客户", "Key account"),
      required: true,
      form: "key_account",
      displayField: "customer",
    },
    { id: "kam", type: "user", label: t("客户经理（KAM）", "Key account manager"), required: true },
    {
      id: "fiscal_year",
      type: "number",
      label: t("财年", "Fiscal year"),
      required: true,
      min: 2000,
      max: 2999,
      precision: 0,
    },
    { id: "revenue_goal", type: "money", label: t("收入目标", "Revenue goal"), required: true, min: 0 },
    {
      id: "stakeholders",
      type: "subform",
      label: t("决策链地图", "Stakeholder map"),
      fields: [
        { id: "name", type: "text", label: t("姓名", "Name"), required: true },
        {
          id: "role",
          type: "select",
          label: t("角色", "Role"),
          required: true,
          options: [
            option("decision_maker", "决策者", "Decision maker"),
            option("influencer", "影响者", "Influencer"),
            option("user", "使用者", "User"),
            option("champion", "内部支持者", "Champion"),
          ],
        },
        {
          id: "attitude",
          type: "select",
          label: t("态度", "Attitude"),
          required: true,
          options: [
            option("supporter", "支持", "Supporter"),
            option("neutral", "中立", "Neutral"),
            option("opponent", "反对", "Opponent"),
          ],
        },
        { id: "last_contact", type: "date", label: t("最近接触", "Last contact") },
      ],
    },
    {
      id: "initiatives",
      type: "subform",
      label: t("经营举措", "Initiatives"),
      fields: [
        { id: "initiative", type: "text", label: t("举措", "Initiative"), required: true },
        { id: "value", type: "money", label: t("预期价值", "Value"), min: 0 },
        { id: "due", type: "date", label: t("完成时间", "Due") },
      ],
    },
    {
      id: "last_won_on",
      type: "date",
      label: t("最近赢单日期", "Last deal won on"),
      help: t("计划内商机赢单时写入", "Set when a deal of the plan is won"),
    },
    {
      id: "revenue_actual",
      type: "formula",
      label: t("已实现收入", "Revenue won"),
      resultType: "money",
      expression: or0(agg("won_revenue")),
    },
    {
      id: "attainment",
      type: "formula",
      label: t("计划达成率", "Attainment"),
      resultType: "percent",
      expression: { div: [or0(agg("won_revenue")), v("revenue_goal")] },
    },
    {
      id: "dm_count",
      type: "formula",
      label: t("决策者人数", "Decision makers"),
      resultType: "number",
      precision: 0,
      expression: { count_where: [v("stakeholders"), DECISION_MAKER] },
    },
    {
      id: "dm_covered",
      type: "formula",
      label: t("近 90 天接触的决策者", "Decision makers met in 90 days"),
      resultType: "number",
      precision: 0,
      expression: {
        count_where: [
          v("stakeholders"),
          all(DECISION_MAKER, isSet("last_contact"), {
            "<=": [{ days_since: [v("last_contact")] }, COVERAGE_DAYS],
          }),
        ],
      },
    },
    {
      // A date, so R2 can fire 60 days after it (stored when the plan is saved).
      id: "stalest_dm_contact",
      type: "formula",
      label: t("最久未接触决策者的接触日", "Oldest decision-maker contact"),
      resultType: "date",
      expression: {
        if: [{ "!=": [STALEST_DM_DAYS, null] }, { add_days: [today(), { "-": [0, STALEST_DM_DAYS] }] }, null],
      },
    },
  ],
  pipeline: {
    initial: "draft",
    stages: [
      { id: "draft", name: t("起草", "Draft") },
      {
        id: "stakeholders_mapped",
        name: t("决策链已梳理", "Stakeholders mapped"),
        requires: ["stakeholders"],
      },
      { id: "approved", name: t("已批准", "Approved"), requires: ["stakeholders", "initiatives"] },
      { id: "executing", name: t("执行中", "Executing") },
      { id: "closed", name: t("已结束", "Closed"), terminal: "won" },
    ],
  },
  aggregates: [
    {
      id: "won_revenue",
      type: "rollup",
      form: "deal",
      measure: "sum",
      field: "amount",
      filter: [where("account_plan", "eq", thisValue("_id")), where("_stage", "eq", "won")],
    },
  ],
};
