import type { Dashboard } from "@stagecraft/schemas";
import { t } from "../shared/i18n.js";

/** One board: attainment per line, the product mix and the cross-sell rate. */
export function productLineDashboards(): Dashboard[] {
  return [
    {
      id: "product_line_board",
      name: t("产品线看板", "Product line board"),
      period: "year",
      widgets: [
        { id: "attainment", type: "number", kpi: "line_attainment", layout: { x: 0, y: 0, w: 4, h: 2 } },
        { id: "revenue", type: "number", kpi: "product_mix", layout: { x: 4, y: 0, w: 4, h: 2 } },
        { id: "cross_sell", type: "number", kpi: "cross_sell_rate", layout: { x: 8, y: 0, w: 4, h: 2 } },
        {
          id: "attainment_by_line",
          type: "bar",
          kpi: "line_attainment",
          groupBy: "product_line",
          title: t("各产品线达成率", "Attainment by line"),
          layout: { x: 0, y: 2, w: 6, h: 4 },
        },
        {
          id: "mix_by_product",
          type: "bar",
          kpi: "product_mix",
          groupBy: "product",
          title: t("产品收入结构", "Revenue by product"),
          layout: { x: 6, y: 2, w: 6, h: 4 },
        },
        {
          id: "deal_funnel",
          type: "funnel",
          form: "deal",
          title: t("商机阶段分布", "Deals by stage"),
          layout: { x: 0, y: 6, w: 12, h: 4 },
        },
      ],
    },
  ];
}
