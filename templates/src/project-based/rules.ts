import type { Rule } from "@stagecraft/schemas";
import { eq, isSet, today, v } from "../shared/expressions.js";
import { t } from "../shared/i18n.js";
import { MAX_TEAM } from "./forms/deal.js";

/** Where R3 tells the delivery PM tool about a won project (the installer points it at theirs). */
export const DELIVERY_PM_WEBHOOK = "https://delivery-pm.example.com/hooks/project-won";

/** The delivery milestones R3 creates: [name zh, payment share, due in days]. */
const MILESTONES: [string, number, number][] = [
  ["项目启动会", 0.3, 14],
  ["系统上线验收", 0.5, 90],
  ["终验与质保启动", 0.2, 180],
];

/** Books team member `index` (0-based) as an assignment: a rule cannot loop over rows. */
function bookMemberRule(index: number): Rule {
  const row = (field: string) => ({ var: `project_team.${index}.${field}` });
  return {
    id: `r3_book_team_${index + 1}`,
    name: t(`投标决策后登记团队第 ${index + 1} 位成员的占用`, `Go: book team member ${index + 1}`),
    trigger: { type: "stage.entered", form: "deal", stage: "solution_design" },
    when: { ">": [{ count: [v("project_team")] }, index] },
    actions: [
      {
        type: "create_record",
        form: "team_assignment",
        data: { deal: v("_id"), member: row("member"), role: row("role"), allocation: row("allocation") },
      },
    ],
  };
}

/** R1–R3 of TEMPLATES.md B11, the team bookings team_load reads, and the late-milestone check. */
export function projectBasedRules(): Rule[] {
  return [
    {
      id: "r1_open_bid_review",
      name: t(
        "R1 进入投标评审：生成评审单并通知销售总监",
        "R1 Bid review: open the review, tell the director",
      ),
      trigger: { type: "stage.entered", form: "deal", stage: "bid_review" },
      actions: [
        { type: "create_record", form: "bid_review", data: { deal: v("_id") } },
        {
          type: "notify",
          to: [{ type: "manager" }],
          title: t("有项目待投标评审", "A project awaits its bid review"),
          body: t("{{deal_name}}（招标编号 {{tender_no}}）", "{{deal_name}} (tender {{tender_no}})"),
        },
      ],
    },
    {
      id: "r2_record_decision",
      name: t("R2 评审结论写回项目", "R2 Write the review's decision to the deal"),
      trigger: { type: "field.changed", form: "bid_review", fields: ["decision"] },
      when: isSet("decision"),
      actions: [
        {
          type: "update_records",
          form: "deal",
          target: { type: "reference", field: "deal" },
          set: { go_decision: v("decision") },
        },
      ],
    },
    {
      id: "r2_no_bid",
      name: t("R2 放弃投标：项目转为输单（放弃投标）", "R2 No go: the deal is lost (no bid)"),
      trigger: { type: "field.changed", form: "deal", fields: ["go_decision"] },
      when: eq(v("go_decision"), "no_go"),
      actions: [
        { type: "set_field", field: "lost_reason", value: "no_bid" },
        { type: "move_stage", to: "lost" },
      ],
    },
    ...Array.from({ length: MAX_TEAM }, (_, i) => bookMemberRule(i)),
    {
      id: "r3_release_team",
      name: t("项目结束释放团队占用", "Project closed: release the team"),
      trigger: { type: "stage.entered", form: "deal" },
      when: { in: [v("_stage"), ["won", "lost"]] },
      actions: [
        {
          type: "update_records",
          form: "team_assignment",
          target: { type: "referencing", field: "deal" },
          set: { released: "yes" },
        },
      ],
    },
    {
      id: "r3_milestones",
      name: t("R3 中标：生成交付里程碑并通知交付系统", "R3 Won: create the milestones, call the delivery PM"),
      trigger: { type: "stage.entered", form: "deal", stage: "won" },
      actions: [
        ...MILESTONES.map(([name, share, days]) => ({
          type: "create_record" as const,
          form: "milestone",
          data: {
            deal: v("_id"),
            name,
            owner: v("owner"),
            due_date: { add_days: [today(), days] },
            payment_share: share,
            status: "open",
          },
        })),
        {
          type: "webhook",
          url: DELIVERY_PM_WEBHOOK,
          // Expressions build no objects: the body is the whole project record (fields and _id, _stage…).
          body: { var: "" },
        },
      ],
    },
    {
      id: "r4_milestone_late",
      name: t("里程碑逾期提醒", "Milestone past its due date"),
      trigger: { type: "date.offset", form: "milestone", field: "due_date", days: 1, at: "09:00" },
      when: eq(v("status"), "open"),
      actions: [
        { type: "set_field", field: "status", value: "late" },
        {
          type: "notify",
          to: [{ type: "field", field: "owner" }, { type: "manager" }],
          title: t("里程碑已逾期", "Milestone overdue"),
          body: t("{{name}} 计划 {{due_date}} 完成。", "{{name}} was due on {{due_date}}."),
        },
      ],
    },
  ];
}
