import type { Form, Stage } from "@stagecraft/schemas";
import { coreCustomerFields } from "../../shared/core-customer.js";
import { coreDealFields } from "../../shared/core-deal.js";
import { t } from "../../shared/i18n.js";
import { REGIONS } from "../../shared/option-sets.js";

/** `customer` (客户) = core customer + the event and registration it came from. */
export const customerForm: Form = {
  id: "customer",
  name: t("客户", "Customer"),
  titleField: "customer_name",
  fields: [
    ...coreCustomerFields(),
    {
      id: "source_event",
      type: "reference",
      label: t("来源活动", "Source event"),
      form: "event",
      displayField: "name",
    },
    {
      id: "registration",
      type: "reference",
      label: t("来源报名", "Registration"),
      form: "registration",
      displayField: "attendee",
    },
    { id: "event_owner", type: "user", label: t("活动负责人", "Event owner") },
  ],
};

/** The core deal pipeline (TEMPLATES.md §0) with default win probabilities. */
const stages: Stage[] = [
  { id: "qualified", name: t("已确认", "Qualified"), probability: 20 },
  { id: "proposal", name: t("方案报价", "Proposal"), probability: 50 },
  { id: "negotiation", name: t("商务谈判", "Negotiation"), probability: 75 },
  { id: "won", name: t("赢单", "Won"), probability: 100, terminal: "won" },
  { id: "lost", name: t("输单", "Lost"), probability: 0, terminal: "lost", requires: ["lost_reason"] },
];

/** `deal` (商机) = core deal + source_event (and the registration and event owner it came with). */
export const dealForm: Form = {
  id: "deal",
  name: t("商机", "Deal"),
  titleField: "deal_name",
  fields: [
    ...coreDealFields(),
    {
      id: "source_event",
      type: "reference",
      label: t("来源活动", "Source event"),
      form: "event",
      displayField: "name",
    },
    {
      id: "registration",
      type: "reference",
      label: t("来源报名", "Registration"),
      form: "registration",
      displayField: "attendee",
    },
    { id: "event_owner", type: "user", label: t("活动负责人", "Event owner") },
    { id: "region", type: "select", label: t("区域", "Region"), options: [...REGIONS] },
  ],
  pipeline: { initial: "qualified", stages },
};
