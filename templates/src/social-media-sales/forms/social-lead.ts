import type { Form, Pipeline } from "@stagecraft/schemas";
import { eq, v } from "../../shared/expressions.js";
import { option, t } from "../../shared/i18n.js";
import { REGIONS } from "../../shared/option-sets.js";
import { PLATFORMS } from "./content-post.js";

const pipeline: Pipeline = {
  initial: "new",
  stages: [
    { id: "new", name: t("新线索", "New") },
    { id: "engaged", name: t("已互动", "Engaged") },
    {
      id: "private_domain",
      name: t("已进私域", "In private domain"),
      requires: ["wechat_id"],
      guard: eq(v("in_private_domain"), "yes"),
      guardMessage: t(
        "请先确认已添加到企业微信/社群（私域）",
        "Confirm the lead joined WeCom or a community first",
      ),
    },
    { id: "interested", name: t("有购买意向", "Interested"), requires: ["interest_note"] },
    {
      id: "purchased",
      name: t("已购买", "Purchased"),
      terminal: "won",
      requires: ["purchase_amount", "region"],
    },
    { id: "dropped", name: t("已流失", "Dropped"), terminal: "lost", requires: ["drop_reason"] },
  ],
};

/** `social_lead` (社媒线索): someone who reached out on a platform, traced to the post that brought them. */
export const socialLeadForm: Form = {
  id: "social_lead",
  name: t("社媒线索", "Social lead"),
  description: t(
    "来自私信、评论、表单的社媒线索；可经 API 自动创建",
    "Leads from DMs, comments and forms on social platforms; may be created through the API",
  ),
  titleField: "nickname",
  fields: [
    { id: "nickname", type: "text", label: t("昵称", "Nickname"), required: true, maxLength: 100 },
    { id: "platform", type: "select", label: t("平台", "Platform"), required: true, options: [...PLATFORMS] },
    { id: "handle", type: "text", label: t("平台账号", "Handle"), required: true, maxLength: 100 },
    {
      id: "source_post",
      type: "reference",
      label: t("来源内容", "Source post"),
      form: "content_post",
      displayField: "title",
    },
    { id: "phone", type: "phone", label: t("手机", "Phone") },
    {
      id: "region",
      type: "select",
      label: t("所在区域", "Region"),
      options: [...REGIONS],
      help: t("成交时必填，用于建客户", "Required at purchase, for the customer record"),
    },
    { id: "owner", type: "user", label: t("运营负责人", "Operator") },
    {
      id: "in_private_domain",
      type: "select",
      label: t("已进私域", "In private domain"),
      required: true,
      default: "no",
      options: [option("yes", "是", "Yes"), option("no", "否", "No")],
    },
    { id: "wechat_id", type: "text", label: t("企业微信/微信号", "WeChat ID"), maxLength: 100 },
    {
      id: "community",
      type: "reference",
      label: t("所在社群", "Community"),
      form: "community",
      displayField: "group_name",
    },
    { id: "interest_note", type: "textarea", label: t("意向说明", "Interest") },
    { id: "purchase_amount", type: "money", label: t("购买金额", "Purchase amount"), min: 0 },
    {
      id: "drop_reason",
      type: "select",
      label: t("流失原因", "Drop reason"),
      options: [
        option("no_reply", "不再回复", "No reply"),
        option("price", "价格", "Price"),
        option("competitor", "选择竞品", "Competitor"),
        option("not_target", "非目标客户", "Not a target"),
      ],
    },
  ],
  pipeline,
};
