import type { Form } from "@stagecraft/schemas";
import { option, t } from "../../shared/i18n.js";
import { describeForm } from "../rollout.js";

/** `market_insight` (市场洞察): trends, competitors, policy and needs, as opportunity or risk. */
export const marketInsightForm: Form = {
  id: "market_insight",
  name: t("市场洞察", "Market insight"),
  description: describeForm(
    "P3",
    "记录市场趋势、竞争动态、政策变化与客户需求，判断机会与风险",
    "Market trends, competitor moves, policy changes and customer needs, judged as opportunity or risk",
  ),
  titleField: "title",
  fields: [
    { id: "title", type: "text", label: t("标题", "Title"), required: true, maxLength: 200 },
    {
      id: "insight_type",
      type: "select",
      label: t("洞察类型", "Insight type"),
      required: true,
      options: [
        option("trend", "市场趋势", "Trend"),
        option("competitor", "竞争动态", "Competitor"),
        option("policy", "政策变化", "Policy"),
        option("need", "客户需求", "Customer need"),
      ],
    },
    {
      id: "impact",
      type: "select",
      label: t("影响", "Impact"),
      required: true,
      options: [option("opportunity", "机会", "Opportunity"), option("risk", "风险", "Risk")],
    },
    { id: "summary", type: "textarea", label: t("摘要", "Summary"), required: true },
    { id: "reported_by", type: "user", label: t("提交人", "Reported by"), required: true },
  ],
};
