import type { Expression } from "@stagecraft/schemas";
import { option } from "../../shared/i18n.js";

/** Call outcomes (通话结果). */
export const OUTCOMES = [
  option("no_answer", "无人接听", "No answer"),
  option("busy", "占线", "Busy"),
  option("not_interested", "无意向", "Not interested"),
  option("callback", "约定回拨", "Callback"),
  option("appointment", "预约成功", "Appointment"),
  option("sale", "成交", "Sale"),
  option("do_not_call", "要求勿扰", "Do not call"),
];

/** Outcomes of calls nobody answered: every other outcome is a connected call. */
export const UNANSWERED = ["no_answer", "busy"];
/** Outcomes that count as a converted call. */
export const CONVERTED = ["appointment", "sale"];

/** Whether an option field holds one of the values. */
export function oneOf(field: string, values: readonly string[]): Expression {
  return { in: [{ var: field }, [...values]] };
}

export const YES_NO = [option("yes", "是", "Yes"), option("no", "否", "No")];
