import type { Field, Stage } from "@stagecraft/schemas";
import { eq, v } from "../../shared/expressions.js";
import { option, t } from "../../shared/i18n.js";

/** `deal` ⊕ core + complexity and the product team's feasibility verdict. */
export function crossDeptDealFields(): Field[] {
  return [
    {
      id: "complexity",
      type: "select",
      label: t("方案复杂度", "Complexity"),
      required: true,
      default: "standard",
      options: [
        option("standard", "标准", "Standard"),
        option("configured", "配置", "Configured"),
        option("custom", "定制", "Custom"),
      ],
    },
    {
      id: "feasibility",
      type: "select",
      label: t("可行性评估", "Feasibility"),
      help: t("可行性需求单答复后自动写入", "Set when a feasibility request is answered"),
      options: [
        option("pending", "评估中", "Pending"),
        option("approved", "可行", "Approved"),
        option("rejected", "不可行", "Rejected"),
      ],
    },
  ];
}

/** qualified → solution_design → proposal (R3: custom needs approved feasibility) → won / lost. */
export function crossDeptDealStages(): Stage[] {
  return [
    { id: "qualified", name: t("已确认", "Qualified"), probability: 20 },
    { id: "solution_design", name: t("方案设计", "Solution design"), probability: 40 },
    {
      id: "proposal",
      name: t("方案报价", "Proposal"),
      probability: 65,
      // R3 as a native guard: the move is refused instead of made and undone.
      guard: { or: [{ "!==": [v("complexity"), "custom"] }, eq(v("feasibility"), "approved")] },
      guardMessage: t(
        "定制方案需产品部门评估可行后才能报价",
        "A custom solution needs an approved feasibility review before the proposal",
      ),
    },
    { id: "won", name: t("赢单", "Won"), probability: 100, terminal: "won" },
    { id: "lost", name: t("输单", "Lost"), probability: 0, terminal: "lost", requires: ["lost_reason"] },
  ];
}
