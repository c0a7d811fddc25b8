import type { TemplateMeta } from "../template-entry.js";
import { t } from "../shared/i18n.js";

/** Gallery metadata of event marketing (seed 002 §2.12). */
export const eventMarketingMeta: TemplateMeta = {
  id: "event-marketing",
  name: t("活动营销型销售管理", "Event marketing"),
  summary: t(
    "通过线上线下活动集中获客：报名与签到、提醒短信，会后在转化窗口内把热/温意向的到场者转为商机，并核算活动 ROI。",
    "Win customers through online and offline events: registrations, check-ins and SMS reminders; after the event, hot and warm attendees become deals within a conversion window, and each event's ROI is tracked.",
  ),
  whenToUse: t(
    "适合新品推广、开拓新市场等需要短期集中突破的场景。优势：短期爆发力强。",
    "For product launches and market entry that need a short, concentrated push. Strength: a strong short-term burst.",
  ),
  limitations: t(
    "效果随活动结束迅速衰减；活动成本高；会后跟进不及时线索就会流失（本模板 2 天未推进即提醒）。",
    "The effect fades quickly after the event; events are costly; leads leak when follow-up is slow (this template reminds after 2 idle days).",
  ),
  limitationSource: "inferred",
  tags: ["events", "registrations", "check-in", "conversion-window", "roi", "sms"],
};
