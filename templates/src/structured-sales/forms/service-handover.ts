import type { Form } from "@stagecraft/schemas";
import { t } from "../../shared/i18n.js";

/** `service_handover` (售后交接): after-sales (售后服务) continues here once a deal is won. */
export const serviceHandoverForm: Form = {
  id: "service_handover",
  name: t("售后交接", "Service handover"),
  description: t("赢单后交接给售后服务", "A won deal handed over to after-sales service"),
  fields: [
    {
      id: "deal",
      type: "reference",
      label: t("商机", "Deal"),
      required: true,
      form: "deal",
      displayField: "deal_name",
    },
    { id: "service_owner", type: "user", label: t("售后负责人", "Service owner"), required: true },
    { id: "handover_date", type: "date", label: t("交接日期", "Handover date"), required: true },
    { id: "deliverables", type: "textarea", label: t("交付内容", "Deliverables"), required: true },
    { id: "acceptance_file", type: "file", label: t("验收文件", "Acceptance file") },
  ],
};
