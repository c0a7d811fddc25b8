import type { AppDefinition } from "@stagecraft/schemas";
import type { TemplateEntry } from "../template-entry.js";
import { keyAccountDashboards } from "./dashboards.js";
import { keyAccountDemo } from "./demo-data.js";
import { accountPlanForm } from "./forms/account-plan.js";
import { customerForm } from "./forms/customer.js";
import { dealForm } from "./forms/deal.js";
import { keyAccountForm } from "./forms/key-account.js";
import { qbrForm } from "./forms/qbr.js";
import { keyAccountKpis } from "./kpis.js";
import { keyAccountMeta } from "./meta.js";
import { keyAccountRules } from "./rules.js";

/** The key-account-management app definition (TEMPLATES.md B12), built fresh on each call. */
export function buildKeyAccountManagement(): AppDefinition {
  return structuredClone({
    id: "key-account-management",
    name: keyAccountMeta.name,
    description: keyAccountMeta.summary,
    forms: [customerForm, keyAccountForm, accountPlanForm, qbrForm, dealForm],
    rules: keyAccountRules(),
    kpis: keyAccountKpis(),
    dashboards: keyAccountDashboards(),
    settings: { timeZone: "Asia/Shanghai" },
  });
}

/** B12 as a catalogue entry. */
export const keyAccountManagementTemplate: TemplateEntry = {
  meta: keyAccountMeta,
  definition: buildKeyAccountManagement(),
  demoData: keyAccountDemo,
};
