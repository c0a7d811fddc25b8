import type { Form } from "@stagecraft/schemas";
import { coreDealFields } from "../../shared/core-deal.js";
import { option, t } from "../../shared/i18n.js";
import { dealTerminalStages } from "../../shared/plain-core-forms.js";

/** `deal` (商机) = core deal + forecast commitment and the target it counts toward. */
export const dealForm: Form = {
  id: "deal",
  name: t("商机", "Deal"),
  titleField: "deal_name",
  fields: [
    ...coreDealFields(),
    {
      id: "commit",
      type: "select",
      label: t("预测承诺", "Forecast commitment"),
      required: true,
      options: [
        option("commit", "承诺", "Commit"),
        option("upside", "可能", "Upside"),
        option("none", "不计入", "None"),
      ],
    },
    {
      // R1 adds a won deal to this target (the owner's rep target of the closing period).
      id: "target",
      type: "reference",
      label: t("计入目标", "Counts toward target"),
      form: "target",
    },
  ],
  pipeline: {
    initial: "qualified",
    stages: [
      { id: "qualified", name: t("已确认", "Qualified"), probability: 20 },
      { id: "proposal", name: t("方案", "Proposal"), probability: 50 },
      { id: "negotiation", name: t("谈判", "Negotiation"), probability: 75 },
      ...dealTerminalStages().map((s) => (s.terminal === "won" ? { ...s, requires: ["target"] } : s)),
    ],
  },
};
