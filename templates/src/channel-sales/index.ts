import type { AppDefinition } from "@stagecraft/schemas";
import type { TemplateEntry } from "../template-entry.js";
import { channelSalesDashboards } from "./dashboards.js";
import { channelSalesDemo } from "./demo-data.js";
import { partnerForm } from "./forms/partner.js";
import { rebatePolicyForm } from "./forms/rebate-policy.js";
import { sellInOrderForm } from "./forms/sell-in-order.js";
import { channelSalesKpis } from "./kpis.js";
import { channelSalesMeta } from "./meta.js";
import { channelSalesRules } from "./rules.js";

/** The channel sales app definition (TEMPLATES.md B13), built fresh on each call. */
export function buildChannelSales(): AppDefinition {
  return structuredClone<AppDefinition>({
    id: "channel-sales",
    name: channelSalesMeta.name,
    description: channelSalesMeta.summary,
    forms: [partnerForm, rebatePolicyForm, sellInOrderForm],
    rules: channelSalesRules(),
    kpis: channelSalesKpis(),
    dashboards: channelSalesDashboards(),
    settings: { timeZone: "Asia/Shanghai" },
  });
}

/** Channel sales as a catalogue entry. */
export const channelSalesTemplate: TemplateEntry = {
  meta: channelSalesMeta,
  definition: buildChannelSales(),
  demoData: channelSalesDemo,
};
