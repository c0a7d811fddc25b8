import type { Aggregate, Expression, Form } from "@stagecraft/schemas";
import { agg, eq, or0, v } from "../../shared/expressions.js";
import { where } from "../../shared/filters.js";
import { option, t } from "../../shared/i18n.js";

/** The preset metrics a definition can watch (its `key`), each computed from the data. */
export const PRESET_METRICS = ["win_rate", "avg_completeness", "activities_7d", "open_pipeline"] as const;

const aggregates: Aggregate[] = [
  { id: "won", type: "rollup", form: "deal", measure: "count", filter: [where("_stage", "eq", "won")] },
  {
    id: "closed",
    type: "rollup",
    form: "deal",
    measure: "count",
    filter: [where("_stage", "in", ["won", "lost"])],
  },
  {
    id: "open_completeness",
    type: "rollup",
    form: "deal",
    measure: "avg",
    field: "completeness",
    filter: [where("_stage", "not_in", ["won", "lost"])],
  },
  {
    id: "activities_7d",
    type: "rollup",
    form: "activity_log",
    measure: "count",
    filter: [where("occurred_at", "within_last_days", 7)],
  },
  {
    id: "open_pipeline",
    type: "rollup",
    form: "deal",
    measure: "sum",
    field: "amount",
    filter: [where("_stage", "not_in", ["won", "lost"])],
  },
];

/** The metric's value now, by its key (null for a key that is not a preset). */
const CURRENT: Expression = {
  case: [
    v("key"),
    "win_rate",
    { div: [or0(agg("won")), agg("closed")] },
    "avg_completeness",
    agg("open_completeness"),
    "activities_7d",
    or0(agg("activities_7d")),
    "open_pipeline",
    or0(agg("open_pipeline")),
    null,
  ],
};

/** Red when the value is past the threshold in the metric's bad direction. */
const IS_RED: Expression = {
  and: [
    { "!=": [CURRENT, null] },
    { "!=": [v("red_threshold"), null] },
    {
      if: [
        eq(v("red_when"), "above"),
        { ">": [CURRENT, v("red_threshold")] },
        { "<": [CURRENT, v("red_threshold")] },
      ],
    },
  ],
};

/** `metric_definition` (指标字典): what a metric means, who owns it and when it turns red. */
export const metricDefinitionForm: Form = {
  id: "metric_definition",
  name: t("指标字典", "Metric dictionary"),
  description: t(
    "统一口径：指标定义、负责人和红线；预置指标每日自动计算，越过红线即告警",
    "One definition per metric with its owner and red line; preset metrics are computed daily and alert when they cross it",
  ),
  titleField: "name_cn",
  fields: [
    {
      id: "key",
      type: "text",
      label: t("指标键", "Key"),
      required: true,
      maxLength: 50,
      help: t(
        "预置：win_rate、avg_completeness、activities_7d、open_pipeline",
        "Presets: win_rate, avg_completeness, activities_7d, open_pipeline",
      ),
    },
    { id: "name_cn", type: "text", label: t("中文名称", "Name (Chinese)"), required: true, maxLength: 100 },
    { id: "definition", type: "textarea", label: t("口径定义", "Definition"), required: true },
    { id: "owner", type: "user", label: t("负责人", "Owner"), required: true },
    { id: "red_threshold", type: "number", label: t("红线", "Red threshold") },
    {
      id: "red_when",
      type: "select",
      label: t("告警方向", "Red when"),
      default: "below",
      options: [
        option("below", "低于红线", "Below the threshold"),
        option("above", "高于红线", "Above the threshold"),
      ],
    },
    {
      id: "current_value",
      type: "formula",
      label: t("当前值", "Current value"),
      resultType: "number",
      precision: 4,
      expression: CURRENT,
    },
    { id: "is_red", type: "formula", label: t("红灯", "Red"), resultType: "boolean", expression: IS_RED },
    {
      id: "was_red",
      type: "boolean",
      label: t("上次计算时为红灯", "Red at the last computation"),
      readOnlyWhen: true,
    },
    { id: "checked_on", type: "date", label: t("最近计算日期", "Last computed"), readOnlyWhen: true },
    {
      id: "next_check_date",
      type: "formula",
      label: t("下次计算日期", "Next computation"),
      resultType: "date",
      expression: { add_days: [{ coalesce: [v("checked_on"), v("_created_at")] }, 1] },
    },
  ],
  aggregates,
};
