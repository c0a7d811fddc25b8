import type { Form } from "@stagecraft/schemas";
import { agg, or0, v } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { t } from "../../shared/i18n.js";

/** `sprint` (销售冲刺): a time-boxed target with a light, mandatory retro. */
export const sprintForm: Form = {
  id: "sprint",
  name: t("销售冲刺", "Sales sprint"),
  description: t(
    "两到四周一个冲刺：目标、赢单实绩和必填的轻量复盘",
    "A two-to-four-week sprint: target, won revenue and a light, mandatory retro",
  ),
  titleField: "name",
  fields: [
    { id: "name", type: "text", label: t("冲刺名称", "Sprint name"), required: true, maxLength: 100 },
    { id: "start_date", type: "date", label: t("开始日期", "Start date"), required: true },
    { id: "end_date", type: "date", label: t("结束日期", "End date"), required: true },
    { id: "sprint_target", type: "money", label: t("冲刺目标", "Sprint target"), required: true, min: 0 },
    {
      id: "actual",
      type: "formula",
      label: t("赢单实绩", "Won revenue"),
      resultType: "money",
      expression: or0(agg("won_amount")),
    },
    {
      id: "achievement",
      type: "formula",
      label: t("达成率", "Achievement"),
      resultType: "percent",
      precision: 4,
      expression: { div: [or0(agg("won_amount")), v("sprint_target")] },
    },
    { id: "retro_keep", type: "textarea", label: t("复盘：继续保持", "Retro: keep doing") },
    { id: "retro_change", type: "textarea", label: t("复盘：需要改变", "Retro: change") },
    {
      // Written when one of its deals is won or reopened, so `actual` is computed again.
      id: "won_updates",
      type: "number",
      label: t("赢单变动次数", "Won updates"),
      precision: 0,
      readOnlyWhen: true,
    },
  ],
  pipeline: {
    initial: "planning",
    stages: [
      { id: "planning", name: t("计划中", "Planning") },
      { id: "active", name: t("进行中", "Active") },
      { id: "retro", name: t("复盘", "Retro"), requires: ["retro_keep", "retro_change"] },
      { id: "closed", name: t("已结束", "Closed"), terminal: "won" },
    ],
  },
  aggregates: [
    {
      id: "won_amount",
      type: "rollup",
      form: "deal",
      measure: "sum",
      field: "amount",
      filter: [where("sprint", "eq", thisValue("_id")), where("_stage", "eq", "won")],
    },
  ],
};
