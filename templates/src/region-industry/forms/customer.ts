import type { Expression, Form } from "@stagecraft/schemas";
import { coreCustomerFields } from "../../shared/core-customer.js";
import { agg, or0 } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { option, t } from "../../shared/i18n.js";
import { PROVINCES } from "./provinces.js";

/** A value inside a looked-up record's data (`path` is read from it, e.g. "manager"). */
function inside(record: Expression, path: Expression): Expression {
  return { reduce: [[record], { var: [{ cat: ["current.", path] }] }, null] };
}

/** An industry territory wins over a region one: industry specialists own their vertical. */
const MATCHED: Expression = { coalesce: [agg("industry_territory"), agg("region_territory")] };

/** Round robin over the territory's reps: the next rep after the customers it already holds. */
const NEXT_REP: Expression = {
  reduce: [
    [agg("own_territory")],
    {
      var: [
        {
          cat: [
            "current.reps.",
            { "%": [or0(agg("territory_customers")), { count: [{ var: "current.reps" }] }] },
            ".rep",
          ],
        },
      ],
    },
    null,
  ],
};

/** `customer` = core + province, its territory and the boundary-conflict flag. */
export const customerForm: Form = {
  id: "customer",
  name: t("客户", "Customer"),
  titleField: "customer_name",
  fields: [
    ...coreCustomerFields(),
    { id: "province", type: "select", label: t("省份", "Province"), required: true, options: [...PROVINCES] },
    {
      id: "territory",
      type: "reference",
      label: t("所属单元", "Territory"),
      form: "territory",
      displayField: "code",
      help: t("新建时按省份或行业自动归属", "Set from the province or industry when the customer is created"),
    },
    {
      id: "conflict",
      type: "select",
      label: t("归属冲突", "Boundary conflict"),
      default: "none",
      options: [
        option("none", "无", "None"),
        option("flagged", "待裁定", "Flagged"),
        option("resolved", "已裁定", "Resolved"),
      ],
    },
    {
      id: "conflict_from_manager",
      type: "user",
      label: t("冲突：原单元负责人", "Conflict: current territory's manager"),
      readOnlyWhen: true,
    },
    {
      id: "conflict_to_manager",
      type: "user",
      label: t("冲突：新单元负责人", "Conflict: new territory's manager"),
      readOnlyWhen: true,
    },
    // Lookups for the rules (rules read stored values; these are recomputed on every write).
    {
      id: "matched_territory",
      type: "formula",
      label: t("按规则应属单元", "Territory by the rules"),
      resultType: "text",
      expression: inside(MATCHED, "territory_id"),
    },
    {
      id: "matched_manager",
      type: "formula",
      label: t("应属单元负责人", "Manager of that territory"),
      resultType: "text",
      expression: inside(MATCHED, "manager"),
    },
    {
      id: "territory_manager",
      type: "formula",
      label: t("所属单元负责人", "Territory manager"),
      resultType: "text",
      expression: inside(agg("own_territory"), "manager"),
    },
    {
      id: "next_rep",
      type: "formula",
      label: t("轮转分配销售", "Next rep in rotation"),
      resultType: "text",
      expression: NEXT_REP,
    },
    {
      id: "open_deal_count",
      type: "formula",
      label: t("进行中商机数", "Open deals"),
      resultType: "number",
      precision: 0,
      expression: or0(agg("open_deals")),
    },
  ],
  aggregates: [
    {
      id: "region_territory",
      type: "active",
      form: "territory",
      from: "effective_from",
      filter: [where("kind", "eq", "region"), where("provinces", "contains", thisValue("province"))],
    },
    {
      id: "industry_territory",
      type: "active",
      form: "territory",
      from: "effective_from",
      filter: [where("kind", "eq", "industry"), where("industries", "contains", thisValue("industry"))],
    },
    {
      id: "own_territory",
      type: "active",
      form: "territory",
      from: "effective_from",
      filter: [where("territory_id", "eq", thisValue("territory"))],
    },
    {
      id: "territory_customers",
      type: "rollup",
      form: "customer",
      measure: "count",
      filter: [where("territory", "eq", thisValue("territory")), where("_id", "ne", thisValue("_id"))],
    },
    {
      id: "open_deals",
      type: "rollup",
      form: "deal",
      measure: "count",
      filter: [where("customer", "eq", thisValue("_id")), where("_closed_at", "not_set")],
    },
  ],
};
