import type { Form } from "@stagecraft/schemas";
import { option, t } from "../../shared/i18n.js";
import { YES_NO } from "./options.js";

/** `call_script` (话术模板): versioned scripts; each version is its own record, for A/B comparison. */
export const callScriptForm: Form = {
  id: "call_script",
  name: t("话术模板", "Call script"),
  description: t(
    "分场景、分版本的话术与异议处理；每个版本单独一条记录，便于 A/B 对比转化率",
    "Scripts by scenario and version with objection handling; each version is its own record for A/B comparison",
  ),
  titleField: "name",
  fields: [
    { id: "name", type: "text", label: t("话术名称", "Name"), required: true, maxLength: 100 },
    {
      id: "scenario",
      type: "select",
      label: t("场景", "Scenario"),
      required: true,
      options: [
        option("cold_call", "陌生拜访", "Cold call"),
        option("follow_up", "跟进回访", "Follow-up"),
        option("objection", "异议处理", "Objection"),
        option("closing", "促成成交", "Closing"),
      ],
    },
    { id: "opening", type: "textarea", label: t("开场白", "Opening"), required: true },
    {
      id: "objections",
      type: "subform",
      label: t("常见异议", "Objections"),
      fields: [
        { id: "objection", type: "text", label: t("客户异议", "Objection"), required: true, maxLength: 200 },
        { id: "response", type: "textarea", label: t("应答话术", "Response"), required: true },
      ],
    },
    {
      id: "version",
      type: "number",
      label: t("版本号", "Version"),
      required: true,
      min: 1,
      precision: 0,
    },
    {
      id: "active",
      type: "select",
      label: t("启用", "Active"),
      required: true,
      default: "yes",
      options: [...YES_NO],
    },
  ],
};
