import { automatedSalesTemplate } from "../automated-sales/index.js";
import { channelSalesTemplate } from "../channel-sales/index.js";
import { eventMarketingTemplate } from "../event-marketing/index.js";
import { jointSellingTemplate } from "../joint-selling/index.js";
import { socialMediaSalesTemplate } from "../social-media-sales/index.js";
import { telesalesTemplate } from "../telesales/index.js";
import type { TemplateEntry } from "../template-entry.js";

/** Management-style templates of catalogue group C (TEMPLATES.md §B), in catalogue order. */
export const groupCTemplates: TemplateEntry[] = [
  channelSalesTemplate,
  automatedSalesTemplate,
  socialMediaSalesTemplate,
  telesalesTemplate,
  eventMarketingTemplate,
  jointSellingTemplate,
];
