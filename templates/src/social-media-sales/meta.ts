import type { TemplateMeta } from "../template-entry.js";
import { t } from "../shared/i18n.js";

/** Gallery metadata of social media sales (seed 002 §2.10). */
export const socialMediaMeta: TemplateMeta = {
  id: "social-media-sales",
  name: t("社交媒体销售管理", "Social media sales"),
  summary: t(
    "利用微信、抖音、微博、小红书的内容与社群获客和成交：线索追溯到来源内容，快速响应，引入私域，成交自动生成归因商机。",
    "Win and convert customers through WeChat, Douyin, Weibo and Xiaohongshu content and communities: leads are traced to their post, answered fast and brought into the private domain; purchases become attributed deals.",
  ),
  whenToUse: t(
    "适合互联网企业和个体创业者。优势：流量大、互动强。",
    "For internet firms and solo entrepreneurs. Strengths: large traffic, strong interaction.",
  ),
  limitations: t(
    "依赖平台规则，算法或政策变化会直接影响获客；跨平台、跨触点的归因较弱（本模板只归因到第一篇来源内容）。",
    "Depends on platform rules: algorithm or policy changes hit acquisition directly; attribution across platforms and touchpoints is weak (this template credits the first source post only).",
  ),
  limitationSource: "inferred",
  tags: ["social-media", "content", "private-domain", "community", "attribution"],
};
