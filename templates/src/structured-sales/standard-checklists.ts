/**
 * The checklist R1 loads into a deal on entering each stage. A rule reads only the record that
 * triggered it, so the items travel in the rules; the stage_standard records hold the same lists
 * (the demo installs them) with the stage's role, time target and conversion target.
 */
export const STAGE_CHECKLISTS: Record<string, { item: string; mandatory: "yes" | "no" }[]> = {
  development: [
    { item: "确认客户基本信息与组织架构", mandatory: "yes" },
    { item: "识别关键联系人", mandatory: "no" },
  ],
  needs_analysis: [
    { item: "完成需求调研并形成文档", mandatory: "yes" },
    { item: "确认预算与决策流程", mandatory: "yes" },
    { item: "安排样板客户参观", mandatory: "no" },
  ],
  presentation: [
    { item: "方案内部评审通过", mandatory: "yes" },
    { item: "完成客户演示", mandatory: "yes" },
  ],
  closing: [
    { item: "报价审批通过", mandatory: "yes" },
    { item: "合同条款双方确认", mandatory: "yes" },
  ],
};
