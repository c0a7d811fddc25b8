import type { TemplateMeta } from "../template-entry.js";
import { t } from "../shared/i18n.js";

/** Gallery metadata of telesales (seed 002 §2.11). */
export const telesalesMeta: TemplateMeta = {
  id: "telesales",
  name: t("电话销售管理", "Telesales"),
  summary: t(
    "以电话为主要沟通方式：分版本的话术模板、按结果编码的通话记录、约定回拨、未接通自动换时段重拨和勿扰名单。",
    "Phone-first selling: versioned call scripts, outcome-coded call logs, scheduled callbacks, automatic retries in another time slot and a do-not-call list.",
  ),
  whenToUse: t(
    "适合金融、教育等以电话触达客户的团队。优势：效率高、成本低。",
    "For finance and education teams that reach customers by phone. Strengths: efficient and cheap.",
  ),
  limitations: t(
    "接通率普遍偏低；必须遵守勿扰名单与通话录音的合规要求（本模板不保存录音）；高强度外呼容易让坐席疲惫流失。",
    "Connect rates are low; do-not-call and call-recording compliance must be respected (this template stores no recordings); high call volumes burn agents out.",
  ),
  limitationSource: "inferred",
  tags: ["telesales", "call-center", "scripts", "callbacks", "do-not-call", "a-b-testing"],
};
