import type { TemplateMeta } from "../template-entry.js";
import { t } from "../shared/i18n.js";

/** Gallery metadata of automated sales (seed 002 §2.9). */
export const automatedSalesMeta: TemplateMeta = {
  id: "automated-sales",
  name: t("自动化销售管理", "Automated sales"),
  summary: t(
    "线索分配、培育序列、评分与移交全部自动运行：新线索按区域分配并加入来源对应的序列，按天发送消息或生成电话任务，评分达标自动转 MQL。",
    "Routing, nurture sequences, scoring and hand-off run by themselves: new leads are routed by region and enrolled in their source's sequence, messages and call tasks go out on schedule, and a qualifying score makes the lead an MQL.",
  ),
  whenToUse: t(
    "适合客户数量大、追求效率的团队。优势：节省人力、提升转化率。",
    "For teams with many leads that want efficiency. Strengths: saves labour, lifts conversion.",
  ),
  limitations: t(
    "规则设计不当会骚扰客户；依赖干净的数据和完善的退订处理（本模板退订即停止序列）；自动化不能替代销售对客户的判断。",
    "Badly designed rules spam customers; it needs clean data and proper opt-out handling (here an opt-out stops the sequence); automation does not replace a salesperson's judgement.",
  ),
  limitationSource: "inferred",
  tags: ["automation", "routing", "nurture", "sequences", "lead-scoring", "webhooks"],
};
