import type { Field, Form, Stage } from "@stagecraft/schemas";
import { coreCustomerFields } from "../shared/core-customer.js";
import { coreDealFields } from "../shared/core-deal.js";
import { coreFollowUpFields } from "../shared/core-follow-up.js";
import { t } from "../shared/i18n.js";

/**
 * The core forms (TEMPLATES.md §0) as the group-D templates use them: ids and core fields match
 * the flagship's so templates compose; each template appends its own fields after `+`.
 */

/** The core deal pipeline: qualified → proposal → negotiation → won✓ / lost✗[req: lost_reason]. */
export function coreDealStages(): Stage[] {
  return [
    { id: "qualified", name: t("已确认", "Qualified"), probability: 20 },
    { id: "proposal", name: t("方案报价", "Proposal"), probability: 50 },
    { id: "negotiation", name: t("商务谈判", "Negotiation"), probability: 75 },
    { id: "won", name: t("赢单", "Won"), probability: 100, terminal: "won" },
    { id: "lost", name: t("输单", "Lost"), probability: 0, terminal: "lost", requires: ["lost_reason"] },
  ];
}

/** `customer` (客户) = core fields + `extra`. */
export function customerForm(extra: Field[] = []): Form {
  return {
    id: "customer",
    name: t("客户", "Customer"),
    titleField: "customer_name",
    fields: [...coreCustomerFields(), ...extra],
  };
}

/** `deal` (商机) = core fields + `extra`, on the given stages (the core pipeline by default). */
export function dealForm(extra: Field[] = [], stages: Stage[] = coreDealStages()): Form {
  const first = stages[0];
  return {
    id: "deal",
    name: t("商机", "Deal"),
    titleField: "deal_name",
    fields: [...coreDealFields(), ...extra],
    ...(first === undefined ? {} : { pipeline: { initial: first.id, stages } }),
  };
}

/** `follow_up` (跟进记录) = core fields; planned rows act as tasks. */
export function followUpForm(): Form {
  return { id: "follow_up", name: t("跟进记录", "Follow-up"), fields: coreFollowUpFields() };
}
