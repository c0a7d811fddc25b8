import type { Form } from "@stagecraft/schemas";
import { option, t } from "../../shared/i18n.js";

/** `experiment` (策略实验): a sales tactic tried as a hypothesis within a sprint. */
export const experimentForm: Form = {
  id: "experiment",
  name: t("策略实验", "Tactic experiment"),
  description: t(
    "把打法当作实验：假设、结果和采纳决定",
    "A tactic as an experiment: hypothesis, result and decision",
  ),
  titleField: "hypothesis",
  fields: [
    {
      id: "sprint",
      type: "reference",
      label: t("所属冲刺", "Sprint"),
      required: true,
      form: "sprint",
      displayField: "name",
    },
    { id: "hypothesis", type: "textarea", label: t("假设", "Hypothesis"), required: true },
    {
      id: "tactic",
      type: "select",
      label: t("打法类型", "Tactic"),
      required: true,
      options: [
        option("pitch", "话术", "Pitch"),
        option("pricing", "定价", "Pricing"),
        option("offer", "优惠方案", "Offer"),
        option("channel", "渠道", "Channel"),
        option("segment", "客群", "Segment"),
      ],
    },
    { id: "owner", type: "user", label: t("负责人", "Owner"), required: true },
    {
      id: "result",
      type: "number",
      label: t("结果指标", "Result"),
      help: t("如转化率提升的百分点", "E.g. conversion uplift in points"),
    },
    {
      id: "decision",
      type: "select",
      label: t("决定", "Decision"),
      options: [
        option("adopt", "采纳", "Adopt"),
        option("iterate", "迭代", "Iterate"),
        option("drop", "放弃", "Drop"),
      ],
    },
  ],
  pipeline: {
    initial: "running",
    stages: [
      { id: "running", name: t("进行中", "Running") },
      { id: "evaluated", name: t("已评估", "Evaluated"), requires: ["decision"], terminal: "won" },
      { id: "dropped", name: t("已放弃", "Dropped"), terminal: "lost" },
    ],
  },
};
