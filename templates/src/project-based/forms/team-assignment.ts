import type { Form } from "@stagecraft/schemas";
import { option, t } from "../../shared/i18n.js";

/** `team_assignment` (团队占用): one member's allocation to a project, booked from its team for team_load. */
export const teamAssignmentForm: Form = {
  id: "team_assignment",
  name: t("团队占用", "Team assignment"),
  description: t(
    "投标决策后按项目团队自动生成，项目结束时释放；用于统计成员负荷",
    "Booked from the project team once the deal goes ahead and released when it closes; feeds the team load",
  ),
  titleField: "member",
  fields: [
    {
      id: "deal",
      type: "reference",
      label: t("项目商机", "Deal"),
      required: true,
      form: "deal",
      displayField: "deal_name",
    },
    { id: "member", type: "user", label: t("成员", "Member"), required: true },
    {
      id: "role",
      type: "select",
      label: t("角色", "Role"),
      options: [
        option("pm", "项目经理", "Project manager"),
        option("sales", "销售", "Sales"),
        option("presales", "售前", "Presales"),
        option("engineer", "工程师", "Engineer"),
      ],
    },
    { id: "allocation", type: "percent", label: t("投入比例", "Allocation"), min: 0, max: 1 },
    {
      id: "released",
      type: "select",
      label: t("已释放", "Released"),
      default: "no",
      options: [option("no", "占用中", "Active"), option("yes", "已释放", "Released")],
    },
  ],
};
