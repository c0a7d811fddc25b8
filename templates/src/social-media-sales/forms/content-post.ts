import type { Form } from "@stagecraft/schemas";
import { agg, or0, v } from "../../shared/expressions.js";
import { thisValue, where } from "../../shared/filters.js";
import { option, t } from "../../shared/i18n.js";

/** The platforms leads and posts come from. */
export const PLATFORMS = [
  option("wechat", "微信", "WeChat"),
  option("douyin", "抖音", "Douyin"),
  option("weibo", "微博", "Weibo"),
  option("xiaohongshu", "小红书", "Xiaohongshu"),
];

/** `content_post` (内容发布): one post, its reach and the leads it brought. */
export const contentPostForm: Form = {
  id: "content_post",
  name: t("内容发布", "Content post"),
  description: t(
    "各平台发布的内容及其投放、曝光与互动；线索按来源内容归因",
    "Posts on each platform with spend, views and interactions; leads are traced back to their post",
  ),
  titleField: "title",
  fields: [
    { id: "platform", type: "select", label: t("平台", "Platform"), required: true, options: [...PLATFORMS] },
    { id: "title", type: "text", label: t("标题", "Title"), required: true, maxLength: 200 },
    {
      id: "format",
      type: "select",
      label: t("形式", "Format"),
      required: true,
      options: [
        option("article", "图文", "Article"),
        option("short_video", "短视频", "Short video"),
        option("live", "直播", "Live stream"),
      ],
    },
    { id: "publish_at", type: "datetime", label: t("发布时间", "Published at"), required: true },
    { id: "author", type: "user", label: t("作者", "Author"), required: true },
    { id: "spend", type: "money", label: t("投放费用", "Spend"), min: 0 },
    { id: "views", type: "number", label: t("曝光/播放量", "Views"), min: 0, precision: 0 },
    { id: "interactions", type: "number", label: t("互动数", "Interactions"), min: 0, precision: 0 },
    {
      id: "engagement_rate",
      type: "formula",
      label: t("互动率", "Engagement rate"),
      resultType: "percent",
      expression: { div: [or0(v("interactions")), v("views")] },
    },
    {
      id: "leads",
      type: "formula",
      label: t("获客数", "Leads"),
      resultType: "number",
      precision: 0,
      expression: or0(agg("lead_count")),
    },
    {
      id: "cost_per_lead",
      type: "formula",
      label: t("单条线索成本", "Cost per lead"),
      resultType: "money",
      expression: { div: [or0(v("spend")), agg("lead_count")] },
    },
  ],
  aggregates: [
    {
      id: "lead_count",
      type: "rollup",
      form: "social_lead",
      measure: "count",
      filter: [where("source_post", "eq", thisValue("_id"))],
    },
  ],
};
