import type { Option } from "@stagecraft/schemas";
import { option } from "./i18n.js";

/**
 * The shared option sets of TEMPLATES.md (`@regions`, `@industries`, `@teams`, `@products`,
 * `@lead_sources`). Templates copy them into their fields (`[...REGIONS]`); an installed app then
 * edits its own copy. The values are starting points: the seeds name no concrete lists.
 */
export const REGIONS: readonly Option[] = [
  option("north_china", "华北", "North China"),
  option("east_china", "华东", "East China"),
  option("south_china", "华南", "South China"),
  option("central_china", "华中", "Central China"),
  option("southwest", "西南", "Southwest"),
  option("northwest", "西北", "Northwest"),
  option("northeast", "东北", "Northeast"),
  option("overseas", "海外", "Overseas"),
];

export const INDUSTRIES: readonly Option[] = [
  option("manufacturing", "制造业", "Manufacturing"),
  option("retail", "零售", "Retail"),
  option("internet", "互联网", "Internet"),
  option("finance", "金融", "Finance"),
  option("healthcare", "医疗健康", "Healthcare"),
  option("education", "教育", "Education"),
  option("public_sector", "政府与公共事业", "Public sector"),
  option("other", "其他", "Other"),
];

export const TEAMS: readonly Option[] = [
  option("team_east", "华东销售组", "East sales team"),
  option("team_north", "华北销售组", "North sales team"),
  option("team_south", "华南销售组", "South sales team"),
  option("key_accounts", "大客户组", "Key accounts team"),
  option("inside_sales", "电销组", "Inside sales team"),
];

export const PRODUCTS: readonly Option[] = [
  option("standard", "标准版", "Standard edition"),
  option("professional", "专业版", "Professional edition"),
  option("enterprise", "企业版", "Enterprise edition"),
  option("implementation", "实施服务", "Implementation service"),
  option("training", "培训服务", "Training service"),
  option("support", "运维支持", "Support plan"),
];

export const LEAD_SOURCES: readonly Option[] = [
  option("ad", "广告投放", "Advertising"),
  option("content", "内容营销", "Content marketing"),
  option("channel_partner", "渠道合作", "Channel partner"),
  option("event", "活动会展", "Event"),
  option("referral", "客户推荐", "Referral"),
  option("website", "官网", "Website"),
];
