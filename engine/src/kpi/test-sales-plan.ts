// Test fixture: a slice of the flagship `sales-plan` app (TEMPLATES.md §A) with its KPIs K1–K9.
import type { AppDefinition, Field, Kpi, Stage } from "@stagecraft/schemas";

const t = (en: string) => ({ zh: en, en });
const f = (id: string, type: string, extra: Record<string, unknown> = {}) =>
  ({ id, type, label: t(id), ...extra }) as Field;
const options = (...values: string[]) => ({ options: values.map((value) => ({ value, label: t(value) })) });
const stage = (id: string, extra: Partial<Stage> = {}): Stage => ({ id, name: t(id), ...extra });

/** K1: signed contract totals ÷ person-level goal rows, by month and by person, goal 100 %. */
export const K1: Kpi = {
  id: "goal_achievement_rate",
  name: t("Goal achievement"),
  form: "quote_contract",
  measure: {
    type: "ratio",
    numerator: {
      measure: { type: "sum", field: "total_amount" },
      filter: [{ field: "_stage", op: "eq", value: "signed" }],
      periodField: "sign_date",
      groupField: "owner",
    },
    denominator: {
      form: "goal_breakdown",
      measure: { type: "sum", field: "target_amount" },
      filter: [{ field: "level", op: "eq", value: "person" }],
      periodField: "period_start",
      groupField: "assignee",
    },
  },
  groupBy: ["owner"],
  format: "percent",
  goal: { type: "fixed", value: 1 },
};

/** K1 told the other way: signed revenue with the person-level goal rows as its goal. */
export const K1_REVENUE: Kpi = {
  id: "signed_revenue",
  name: t("Signed revenue"),
  form: "quote_contract",
  measure: { type: "sum", field: "total_amount" },
  filter: [{ field: "_stage", op: "eq", value: "signed" }],
  periodField: "sign_date",
  groupBy: ["owner"],
  goal: {
    type: "records",
    form: "goal_breakdown",
    field: "target_amount",
    from: "period_start",
    to: "period_end",
    groupField: "assignee",
    filter: [{ field: "level", op: "eq", value: "person" }],
  },
};

/** K3: converted leads ÷ leads, by source. */
export const K3: Kpi = {
  id: "lead_conversion_rate",
  name: t("Lead conversion"),
  form: "lead",
  measure: {
    type: "ratio",
    numerator: { measure: { type: "count" }, filter: [{ field: "_stage", op: "eq", value: "converted" }] },
    denominator: { measure: { type: "count" } },
  },
  groupBy: ["source"],
};

/** K4: deals that reached solution ÷ deals that confirmed needs (stage log), by owner. */
export const K4: Kpi = {
  id: "stage_conversion_rate",
  name: t("Stage conversion"),
  form: "deal",
  measure: { type: "stage_conversion", from: "needs_confirmed", to: "solution" },
  groupBy: ["_owner"],
};

/** K5: average cycle days of won deals, by month closed and owner. */
export const K5: Kpi = {
  id: "sales_cycle_days",
  name: t("Sales cycle"),
  form: "deal",
  measure: { type: "avg", field: "cycle_days" },
  filter: [{ field: "_stage", op: "eq", value: "won" }],
  periodField: "_closed_at",
  groupBy: ["_owner"],
  format: "days",
  better: "lower",
};

/** K6: average satisfaction of return visits, by month. */
export const K6: Kpi = {
  id: "customer_satisfaction",
  name: t("Satisfaction"),
  form: "follow_up",
  measure: { type: "avg", field: "satisfaction_score" },
  filter: [
    { field: "follow_type", op: "eq", value: "return_visit" },
    { field: "status", op: "eq", value: "done" },
  ],
  periodField: "follow_at",
};

/** K7: signed renewals ÷ contracts ending, goal from the renewal targets. */
export const K7: Kpi = {
  id: "renewal_rate",
  name: t("Renewal rate"),
  form: "quote_contract",
  measure: {
    type: "ratio",
    numerator: {
      measure: { type: "count" },
      filter: [
        { field: "contract_type", op: "eq", value: "renewal" },
        { field: "_stage", op: "eq", value: "signed" },
      ],
      periodField: "sign_date",
    },
    denominator: { measure: { type: "count" }, periodField: "end_date" },
  },
};

/** K9: done visits, by week and owner, goal from target_visits. */
export const K9: Kpi = {
  id: "visits",
  name: t("Visits"),
  form: "follow_up",
  measure: { type: "count" },
  filter: [{ field: "status", op: "eq", value: "done" }],
  periodField: "follow_at",
  groupBy: ["_owner"],
  goal: { type: "split", year: 2026, total: 1200, mode: "weights" },
};

/** The app: goal rows, contracts, leads, deals, follow-ups (with a section, an address, several users). */
export function salesPlan(kpis: Kpi[] = [K1, K1_REVENUE, K3, K4, K5, K6, K7, K9]): AppDefinition {
  return {
    id: "sales-plan",
    name: t("Sales plan"),
    settings: { timeZone: "Asia/Shanghai" },
    forms: [
      {
        id: "goal_breakdown",
        name: t("Goal breakdown"),
        fields: [
          f("level", "select", options("quarter", "month", "team", "person")),
          f("period_start", "date"),
          f("period_end", "date"),
          f("team", "select", options("east", "west")),
          f("assignee", "user"),
          f("target_amount", "money"),
          f("target_visits", "number"),
        ],
      },
      {
        id: "quote_contract",
        name: t("Quote and contract"),
        fields: [
          f("owner", "user"),
          f("contract_type", "select", options("new", "renewal")),
          f("line_items", "subform", { fields: [f("qty", "number"), f("unit_price", "money")] }),
          f("total_amount", "formula", { expression: { var: "x" }, resultType: "money" }),
          f("max_discount", "formula", { expression: { var: "x" }, resultType: "percent" }),
          f("contract_no", "text"),
          f("sign_date", "date"),
          f("end_date", "date"),
        ],
        pipeline: {
          initial: "drafting",
          stages: [
            stage("drafting"),
            stage("pending_approval"),
            stage("sent"),
            stage("signed", { terminal: "won" }),
            stage("rejected", { terminal: "lost" }),
          ],
        },
      },
      {
        id: "lead",
        name: t("Lead"),
        fields: [
          f("company", "text"),
          f("source", "select", options("ad", "content", "event", "referral", "website")),
          f("region", "select", options("east", "west")),
          f("owner", "user"),
        ],
        pipeline: {
          initial: "new",
          stages: ["new", "contacted", "qualified"]
            .map((id) => stage(id))
            .concat([stage("converted", { terminal: "won" }), stage("disqualified", { terminal: "lost" })]),
        },
      },
      {
        id: "deal",
        name: t("Deal"),
        fields: [
          f("deal_name", "text"),
          f("owner", "user"),
          f("amount", "money"),
          f("deal_type", "select", options("new", "renewal", "upsell")),
          f("tags", "multiselect", options("price", "feature_gap")),
          f("expected_close_date", "date"),
          f("last_activity_at", "datetime"),
          f("won", "boolean"),
          f("serial_no", "serial"),
          f("cycle_days", "formula", { expression: { var: "x" }, resultType: "number" }),
          f("close_label", "formula", { expression: { var: "x" }, resultType: "text" }),
          f("close_day", "formula", { expression: { var: "x" }, resultType: "date" }),
          f("is_big", "formula", { expression: { var: "x" }, resultType: "boolean" }),
        ],
        pipeline: {
          initial: "initial_contact",
          stages: ["initial_contact", "needs_confirmed", "solution", "quotation", "signing"]
            .map((id) => stage(id))
            .concat([stage("won", { terminal: "won" }), stage("lost", { terminal: "lost" })]),
        },
      },
      {
        id: "follow_up",
        name: t("Follow-up"),
        fields: [
          f("notes_section", "section"),
          f("customer", "reference", { form: "deal" }),
          f("deals", "reference", { form: "deal", multiple: true }),
          f("follow_type", "select", options("call", "visit", "return_visit")),
          f("status", "select", options("planned", "done")),
          f("follow_at", "datetime"),
          f("satisfaction_score", "number"),
          f("rating", "rating"),
          f("share", "percent"),
          f("content", "textarea"),
          f("site", "address"),
          f("collaborators", "user", { multiple: true }),
          f("departments", "department", { multiple: true }),
          f("photos", "image"),
          f("files", "file"),
          f("phone", "phone"),
          f("email", "email"),
          f("url", "url"),
          f("signature", "signature"),
        ],
      },
    ],
    kpis,
    dashboards: [
      {
        id: "plan_cockpit",
        name: t("Plan cockpit"),
        widgets: [
          { id: "k1_by_month", type: "line", kpi: "goal_achievement_rate", period: "month" },
          { id: "k4_funnel", type: "funnel", form: "deal" },
          { id: "k4_by_type", type: "bar", kpi: "stage_conversion_rate", groupBy: "deal_type" },
          { id: "k5_board", type: "leaderboard", kpi: "sales_cycle_days", groupBy: "_owner" },
          { id: "k3_bars", type: "bar", kpi: "lead_conversion_rate" },
        ],
      },
    ],
  };
}
