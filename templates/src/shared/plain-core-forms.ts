import type { Field, Form, Stage } from "@stagecraft/schemas";
import { coreCustomerFields } from "./core-customer.js";
import { coreFollowUpFields } from "./core-follow-up.js";
import { t } from "./i18n.js";

/**
 * The core `customer` form (TEMPLATES.md §0) with a template's own fields after the core ones,
 * for templates that only add to it (ids match the flagship, so templates compose).
 */
export function coreCustomerForm(extra: Field[] = []): Form {
  return {
    id: "customer",
    name: t("客户", "Customer"),
    titleField: "customer_name",
    fields: [...coreCustomerFields(), ...extra],
  };
}

/** The core `follow_up` form (跟进记录); planned rows act as tasks. */
export function coreFollowUpForm(extra: Field[] = []): Form {
  return {
    id: "follow_up",
    name: t("跟进记录", "Follow-up"),
    fields: [...coreFollowUpFields(), ...extra],
  };
}

/** The won✓ and lost✗ terminal stages of a deal pipeline (lost requires the core lost_reason). */
export function dealTerminalStages(): Stage[] {
  return [
    { id: "won", name: t("赢单", "Won"), probability: 100, terminal: "won" },
    { id: "lost", name: t("输单", "Lost"), probability: 0, terminal: "lost", requires: ["lost_reason"] },
  ];
}
