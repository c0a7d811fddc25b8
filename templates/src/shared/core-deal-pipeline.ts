import type { Pipeline } from "@stagecraft/schemas";
import { t } from "./i18n.js";

/** The core deal pipeline (TEMPLATES.md §0): qualified → proposal → negotiation → won✓ / lost✗[req: lost_reason]. */
export function coreDealPipeline(): Pipeline {
  return {
    initial: "qualified",
    stages: [
      { id: "qualified", name: t("已确认", "Qualified"), probability: 20 },
      { id: "proposal", name: t("方案报价", "Proposal"), probability: 50 },
      { id: "negotiation", name: t("商务谈判", "Negotiation"), probability: 75 },
      { id: "won", name: t("赢单", "Won"), probability: 100, terminal: "won" },
      { id: "lost", name: t("输单", "Lost"), probability: 0, terminal: "lost", requires: ["lost_reason"] },
    ],
  };
}
