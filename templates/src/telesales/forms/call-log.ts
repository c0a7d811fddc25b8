import type { Form } from "@stagecraft/schemas";
import { eq, v } from "../../shared/expressions.js";
import { t } from "../../shared/i18n.js";
import { OUTCOMES } from "./options.js";

/** `call_log` (通话记录): one call with its outcome; a callback outcome needs the callback time. */
export const callLogForm: Form = {
  id: "call_log",
  name: t("通话记录", "Call log"),
  description: t("每通电话的时长、所用话术与结果编码", "Each call's duration, script and outcome code"),
  fields: [
    {
      id: "prospect",
      type: "reference",
      label: t("外呼对象", "Prospect"),
      required: true,
      form: "prospect",
      displayField: "name",
    },
    { id: "agent", type: "user", label: t("坐席", "Agent"), required: true },
    { id: "started_at", type: "datetime", label: t("通话开始", "Started at"), required: true },
    {
      id: "duration_sec",
      type: "number",
      label: t("通话时长（秒）", "Duration (s)"),
      required: true,
      min: 0,
      precision: 0,
    },
    {
      id: "script",
      type: "reference",
      label: t("话术", "Script"),
      required: true,
      form: "call_script",
      displayField: "name",
    },
    {
      id: "outcome",
      type: "select",
      label: t("通话结果", "Outcome"),
      required: true,
      options: [...OUTCOMES],
    },
    {
      // `callback_at!(outcome=callback)`: shown, and then required, for a callback.
      id: "callback_at",
      type: "datetime",
      label: t("回拨时间", "Callback at"),
      required: true,
      visibleWhen: eq(v("outcome"), "callback"),
    },
    {
      id: "callback_due_at",
      type: "datetime",
      label: t("本次回拨的约定时间", "Callback due at"),
      help: t(
        "这通电话是回拨时，填入当初约定的回拨时间",
        "When this call is a callback: the time it was promised for",
      ),
    },
    {
      id: "callback_on_time",
      type: "formula",
      label: t("按时回拨", "Callback on time"),
      resultType: "number",
      precision: 0,
      // Within the promised day counts as on time (the engine compares days, not minutes).
      expression: {
        if: [
          { "!!": [v("callback_due_at")] },
          { if: [{ "<=": [{ days_between: [v("callback_due_at"), v("started_at")] }, 0] }, 1, 0] },
          null,
        ],
      },
    },
    { id: "notes", type: "textarea", label: t("通话备注", "Notes") },
  ],
};
