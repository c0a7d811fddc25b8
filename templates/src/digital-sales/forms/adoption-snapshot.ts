import type { Form } from "@stagecraft/schemas";
import { agg, or0, v } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { t } from "../../shared/i18n.js";

const MINE = where("owner", "eq", thisValue("user"));
const IN_WEEK = (field: string) => [
  where(field, "gte", thisValue("week_start")),
  where(field, "lt", thisValue("week_end")),
];

/** `adoption_snapshot` (使用度周快照): one user's week in the system, scored 0–100. */
export const adoptionSnapshotForm: Form = {
  id: "adoption_snapshot",
  name: t("使用度周快照", "Weekly adoption snapshot"),
  fields: [
    { id: "week_start", type: "date", label: t("周开始", "Week start"), required: true },
    { id: "user", type: "user", label: t("用户", "User"), required: true },
    {
      id: "week_end",
      type: "formula",
      label: t("下周开始", "Next week starts"),
      resultType: "date",
      expression: { add_days: [v("week_start"), 7] },
    },
    {
      id: "active_days",
      type: "number",
      label: t("活跃天数", "Active days"),
      min: 0,
      max: 7,
      precision: 0,
      help: t("取自登录日志", "From the sign-in log"),
    },
    {
      id: "records_created",
      type: "formula",
      label: t("本周新建记录", "Records created"),
      resultType: "number",
      precision: 0,
      expression: { "+": [or0(agg("deals_created")), or0(agg("follow_ups_logged"))] },
    },
    {
      id: "overdue_items",
      type: "formula",
      label: t("逾期待办", "Overdue items"),
      resultType: "number",
      precision: 0,
      expression: or0(agg("overdue_follow_ups")),
    },
    {
      id: "adoption_score",
      type: "formula",
      label: t("使用度得分", "Adoption score"),
      resultType: "number",
      precision: 0,
      expression: {
        max: [
          0,
          {
            min: [
              100,
              {
                "-": [
                  { "+": [{ "*": [15, or0(v("active_days"))] }, { "*": [2, or0(v("records_created"))] }] },
                  { "*": [5, or0(v("overdue_items"))] },
                ],
              },
            ],
          },
        ],
      },
    },
    // Not in TEMPLATES.md: R2 stamps the day the week was closed (the write recounts the week).
    { id: "closed_on", type: "date", label: t("结算日期", "Closed on") },
  ],
  aggregates: [
    {
      id: "deals_created",
      type: "rollup",
      form: "deal",
      measure: "count",
      filter: [MINE, ...IN_WEEK("_created_at")],
    },
    {
      id: "follow_ups_logged",
      type: "rollup",
      form: "follow_up",
      measure: "count",
      filter: [MINE, where("status", "eq", "done"), ...IN_WEEK("follow_at")],
    },
    {
      id: "overdue_follow_ups",
      type: "rollup",
      form: "follow_up",
      measure: "count",
      filter: [MINE, where("status", "eq", "planned"), where("follow_at", "lt", thisValue("week_end"))],
    },
  ],
};
