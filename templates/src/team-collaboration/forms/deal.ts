import type { Expression, Form } from "@stagecraft/schemas";
import { coreDealFields } from "../../shared/core-deal.js";
import { eq, or0, round, v } from "../../shared/expressions.js";
import { option, t } from "../../shared/i18n.js";
import { TEAMS } from "../../shared/option-sets.js";
import { dealTerminalStages } from "../../shared/plain-core-forms.js";

/** The shares of the split rows of one role (row scope: the row's own fields). */
function roleShare(role: string): Expression {
  return { sum_of: [{ filter: [{ coalesce: [v("split"), []] }, eq(v("role"), role)] }, v("share")] };
}

/** Revenue credited to a role: amount × that role's share. */
function credit(role: string): Expression {
  return round({ "*": [or0(v("amount")), roleShare(role)] }, 2);
}

/** R2 guard: the credit split must add up to exactly 100 %. */
export const SPLIT_COMPLETE: Expression = eq(round(or0(v("split_total")), 4), 1);

/** `deal` (商机) = core deal + team, pre-sales and the credit split. */
export const dealForm: Form = {
  id: "deal",
  name: t("商机", "Deal"),
  description: t(
    "团队作战：客户经理、销售助理、售前协同，赢单前业绩分配须合计 100%",
    "Team selling: account manager, assistant and pre-sales work together; the credit split must total 100 % before a win",
  ),
  titleField: "deal_name",
  fields: [
    ...coreDealFields(),
    { id: "team", type: "select", label: t("团队", "Team"), required: true, options: [...TEAMS] },
    { id: "presales", type: "user", label: t("售前顾问", "Pre-sales consultant") },
    {
      id: "split",
      type: "subform",
      label: t("业绩分配", "Credit split"),
      fields: [
        { id: "member", type: "user", label: t("成员", "Member"), required: true },
        {
          id: "role",
          type: "select",
          label: t("角色", "Role"),
          required: true,
          options: [
            option("am", "客户经理", "Account manager"),
            option("assistant", "销售助理", "Sales assistant"),
            option("presales", "售前顾问", "Pre-sales"),
          ],
        },
        { id: "share", type: "percent", label: t("分配比例", "Share"), required: true, min: 0, max: 1 },
      ],
    },
    {
      id: "split_total",
      type: "formula",
      label: t("分配合计", "Split total"),
      resultType: "percent",
      precision: 4,
      expression: { sum_of: [{ coalesce: [v("split"), []] }, v("share")] },
    },
    {
      id: "am_credit",
      type: "formula",
      label: t("客户经理业绩", "Account manager credit"),
      resultType: "money",
      expression: credit("am"),
    },
    {
      id: "assistant_credit",
      type: "formula",
      label: t("销售助理业绩", "Assistant credit"),
      resultType: "money",
      expression: credit("assistant"),
    },
    {
      id: "presales_credit",
      type: "formula",
      label: t("售前业绩", "Pre-sales credit"),
      resultType: "money",
      expression: credit("presales"),
    },
  ],
  pipeline: {
    initial: "qualified",
    stages: [
      { id: "qualified", name: t("已确认", "Qualified"), probability: 20 },
      {
        id: "presales_engaged",
        name: t("售前介入", "Pre-sales engaged"),
        probability: 40,
        requires: ["presales"],
      },
      { id: "negotiation", name: t("商务谈判", "Negotiation"), probability: 70 },
      ...dealTerminalStages().map((s) =>
        s.terminal === "won"
          ? {
              ...s,
              guard: SPLIT_COMPLETE,
              guardMessage: t("业绩分配合计必须为 100%", "The credit split must total 100 %"),
            }
          : s,
      ),
    ],
  },
};
