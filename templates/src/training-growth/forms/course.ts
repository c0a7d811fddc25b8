import type { Form } from "@stagecraft/schemas";
import { option, t } from "../../shared/i18n.js";

/** `course` (课程): the catalogue of courses learning plans draw on. */
export const courseForm: Form = {
  id: "course",
  name: t("课程", "Course"),
  titleField: "title",
  fields: [
    { id: "title", type: "text", label: t("课程名称", "Title"), required: true, maxLength: 200 },
    {
      id: "category",
      type: "select",
      label: t("类别", "Category"),
      required: true,
      options: [
        option("product", "产品知识", "Product"),
        option("methodology", "销售方法论", "Sales methodology"),
        option("negotiation", "谈判技巧", "Negotiation"),
        option("industry", "行业知识", "Industry"),
      ],
    },
    {
      id: "level",
      type: "select",
      label: t("级别", "Level"),
      required: true,
      options: [
        option("newcomer", "新人", "Newcomer"),
        option("intermediate", "进阶", "Intermediate"),
        option("advanced", "高级", "Advanced"),
      ],
    },
    {
      id: "format",
      type: "select",
      label: t("形式", "Format"),
      required: true,
      options: [
        option("classroom", "面授", "Classroom"),
        option("online", "线上", "Online"),
        option("shadowing", "跟访（传帮带）", "Shadowing"),
        option("role_play", "角色扮演", "Role play"),
      ],
    },
    { id: "hours", type: "number", label: t("学时", "Hours"), required: true, min: 0, precision: 1 },
    {
      id: "pass_score",
      type: "number",
      label: t("及格分", "Pass score"),
      required: true,
      min: 0,
      max: 100,
      precision: 0,
    },
  ],
};
