import type { Form } from "@stagecraft/schemas";
import { or0, v } from "../../shared/expressions.js";
import { option, t } from "../../shared/i18n.js";

/** `community` (社群): a WeChat group or Douyin fan group run by an operator. */
export const communityForm: Form = {
  id: "community",
  name: t("社群", "Community"),
  description: t("私域社群与粉丝群的规模与活跃度", "Private-domain groups and fan groups: size and activity"),
  titleField: "group_name",
  fields: [
    { id: "group_name", type: "text", label: t("群名称", "Group name"), required: true, maxLength: 100 },
    {
      id: "platform",
      type: "select",
      label: t("平台", "Platform"),
      required: true,
      options: [
        option("wechat_group", "微信群", "WeChat group"),
        option("douyin_fans", "抖音粉丝群", "Douyin fan group"),
      ],
    },
    { id: "operator", type: "user", label: t("群运营", "Operator"), required: true },
    { id: "members", type: "number", label: t("成员数", "Members"), min: 0, precision: 0 },
    { id: "active_members", type: "number", label: t("活跃成员", "Active members"), min: 0, precision: 0 },
    {
      id: "active_rate",
      type: "formula",
      label: t("活跃率", "Active rate"),
      resultType: "percent",
      expression: { div: [or0(v("active_members")), v("members")] },
    },
  ],
};
