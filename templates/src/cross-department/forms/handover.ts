import type { Form } from "@stagecraft/schemas";
import { option, t } from "../../shared/i18n.js";

/** `handover` (交接单): what was sold and promised, handed to delivery on a win. */
export const handoverForm: Form = {
  id: "handover",
  name: t("交接单", "Handover"),
  fields: [
    {
      id: "deal",
      type: "reference",
      label: t("商机", "Deal"),
      required: true,
      form: "deal",
      displayField: "deal_name",
    },
    {
      id: "to_dept",
      type: "select",
      label: t("接收部门", "To department"),
      required: true,
      options: [
        option("delivery", "交付部", "Delivery"),
        option("operations", "运营部", "Operations"),
        option("finance", "财务部", "Finance"),
      ],
    },
    { id: "scope", type: "textarea", label: t("交付范围", "Scope"), required: true },
    { id: "commitments", type: "textarea", label: t("对客户的承诺", "Commitments"), required: true },
    { id: "received_by", type: "user", label: t("接收人", "Received by") },
    // Not in TEMPLATES.md: a returned handover says why; first-pass counts handovers never returned.
    { id: "return_reason", type: "textarea", label: t("退回原因", "Return reason") },
    {
      id: "return_count",
      type: "number",
      label: t("退回次数", "Times returned"),
      default: 0,
      min: 0,
      precision: 0,
    },
  ],
  pipeline: {
    initial: "drafted",
    stages: [
      { id: "drafted", name: t("起草中", "Drafted") },
      { id: "submitted", name: t("已提交", "Submitted") },
      {
        id: "returned",
        name: t("已退回", "Returned"),
        requires: ["return_reason"],
        moves: ["drafted", "submitted"],
      },
      { id: "accepted", name: t("已接收", "Accepted"), terminal: "won", requires: ["received_by"] },
    ],
  },
};
