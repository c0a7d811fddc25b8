import type { Expression, Rule } from "@stagecraft/schemas";
import { all, eq, isSet, v } from "../shared/expressions.js";
import { t } from "../shared/i18n.js";

const CHECKED_IN: Expression = eq(v("checked_in"), "yes");
const HOT_OR_WARM: Expression = { in: [v("interest"), ["hot", "warm"]] };
const REGISTRATIONS_OF_EVENT = { type: "referencing", field: "event" } as const;

/** R1: confirmation on registration, reminder the day before (fanned out from the event). */
function registrationRules(): Rule[] {
  return [
    {
      // Disabled until the installer sets the SMS gateway's address.
      id: "r1_sms_confirm",
      name: t("R1 报名成功短信确认", "R1 SMS confirmation of a registration"),
      enabled: false,
      trigger: { type: "record.created", form: "registration" },
      actions: [
        {
          type: "webhook",
          url: "https://sms.example.com/hooks/event-confirm",
          method: "POST",
          body: { merge: ["registration_confirmed", v("phone"), v("attendee"), v("event")] },
        },
      ],
    },
    {
      // Date triggers run per record of their own form: the event stamps its registrations.
      id: "r1_reminder_day_before",
      name: t("R1 活动前一天触发提醒", "R1 The day before the event: start the reminders"),
      trigger: { type: "date.offset", form: "event", field: "event_date", days: -1, at: "10:00" },
      when: { in: [v("_stage"), ["promotion", "live"]] },
      actions: [
        {
          type: "update_records",
          form: "registration",
          target: REGISTRATIONS_OF_EVENT,
          set: { reminder_due_on: { today: [] } },
        },
      ],
    },
    {
      id: "r1_sms_reminder",
      name: t("R1 活动提醒短信", "R1 SMS reminder the day before"),
      enabled: false,
      trigger: { type: "field.changed", form: "registration", fields: ["reminder_due_on"] },
      when: isSet("reminder_due_on"),
      actions: [
        {
          type: "webhook",
          url: "https://sms.example.com/hooks/event-reminder",
          method: "POST",
          body: { merge: ["event_reminder", v("phone"), v("attendee"), v("event")] },
        },
      ],
    },
  ];
}

/** R2: after the event, hot and warm attendees become customers and deals; cold ones go to nurture. */
function conversionRules(): Rule[] {
  return [
    {
      id: "r2_start_follow_up",
      name: t("R2 活动进入会后转化：通知报名记录", "R2 Event in follow-up: stamp its registrations"),
      trigger: { type: "stage.entered", form: "event", stage: "follow_up" },
      actions: [
        {
          type: "update_records",
          form: "registration",
          target: REGISTRATIONS_OF_EVENT,
          set: { follow_up_from: { today: [] }, event_owner: v("owner") },
        },
      ],
    },
    {
      // A deal needs a customer: the attendee's company becomes one, which then opens the deal.
      id: "r2_attendee_to_customer",
      name: t("R2 热/温意向的签到者建为客户", "R2 Hot and warm attendees become customers"),
      trigger: { type: "field.changed", form: "registration", fields: ["follow_up_from"] },
      when: all(isSet("follow_up_from"), CHECKED_IN, HOT_OR_WARM),
      actions: [
        {
          type: "create_record",
          form: "customer",
          linkField: "registration",
          data: {
            customer_name: { coalesce: [v("company"), v("attendee")] },
            owner: v("event_owner"),
            region: v("region"),
            phone: v("phone"),
            source_event: v("event"),
            event_owner: v("event_owner"),
          },
        },
      ],
    },
    {
      id: "r2_customer_to_deal",
      name: t("R2 活动客户生成商机", "R2 An event customer opens a deal"),
      trigger: { type: "record.created", form: "customer" },
      when: isSet("registration"),
      actions: [
        {
          type: "create_record",
          form: "deal",
          data: {
            deal_name: { cat: [v("customer_name"), " · 活动商机"] },
            customer: v("_id"),
            owner: v("owner"),
            // Unknown at conversion: the owner fills the amount in.
            amount: 0,
            expected_close_date: { add_days: [{ today: [] }, 30] },
            source_event: v("source_event"),
            registration: v("registration"),
            event_owner: v("event_owner"),
            region: v("region"),
          },
        },
      ],
    },
    {
      id: "r2_assign_by_region",
      name: t("R2 活动商机按区域分配", "R2 Assign event deals by region"),
      trigger: { type: "record.created", form: "deal" },
      when: isSet("source_event"),
      actions: [
        // A template cannot know the workspace's people: the installer maps each region to a rep.
        { type: "assign_owner", strategy: { type: "by_field", field: "region", map: [] } },
        // Actions are planned together from the record as it was: resuming after a zero wait
        // plans the rest from the record with its new owner.
        { type: "wait", minutes: 0 },
        { type: "set_field", field: "owner", value: v("_owner") },
        {
          type: "update_records",
          form: "registration",
          target: { type: "reference", field: "registration" },
          set: { deal: v("_id") },
        },
        {
          type: "notify",
          to: [{ type: "owner" }],
          title: t("新的活动商机", "New event deal"),
          body: t(
            "{{deal_name}}，请在转化窗口内跟进",
            "{{deal_name}}: follow up within the conversion window",
          ),
        },
      ],
    },
    {
      id: "r2_cold_to_nurture",
      name: t("R2 冷意向签到者进入培育", "R2 Cold attendees go to nurture"),
      enabled: false,
      trigger: { type: "field.changed", form: "registration", fields: ["follow_up_from"] },
      when: all(isSet("follow_up_from"), CHECKED_IN, { "!": [HOT_OR_WARM] }),
      actions: [
        {
          type: "webhook",
          url: "https://marketing.example.com/hooks/nurture",
          method: "POST",
          body: {
            merge: ["nurture", v("phone"), v("attendee"), { coalesce: [v("company"), ""] }, v("event")],
          },
        },
      ],
    },
  ];
}

/** R1–R3 of TEMPLATES.md B17, with the ROI refresh of the event. */
export function eventMarketingRules(): Rule[] {
  return [
    ...registrationRules(),
    ...conversionRules(),
    {
      id: "r3_idle_event_deal",
      name: t("R3 活动商机 2 天未推进", "R3 Event deal untouched for 2 days"),
      trigger: { type: "record.idle", form: "deal", days: 2, stage: "qualified" },
      when: isSet("source_event"),
      actions: [
        {
          type: "notify",
          to: [{ type: "owner" }, { type: "field", field: "event_owner" }],
          title: t("活动商机 2 天未跟进", "Event deal idle for 2 days"),
          body: t(
            "{{deal_name}} 仍在已确认阶段，线索正在变冷",
            "{{deal_name}} is still qualified: the lead is cooling",
          ),
        },
      ],
    },
    {
      // The event's ROI sums its won deals when the event is saved: a won deal saves it.
      id: "refresh_event_roi",
      name: t("活动商机赢单后刷新活动 ROI", "A won event deal refreshes the event's ROI"),
      trigger: { type: "stage.entered", form: "deal", stage: "won" },
      when: isSet("source_event"),
      actions: [
        {
          type: "update_records",
          form: "event",
          target: { type: "reference", field: "source_event" },
          set: { last_won_at: { today: [] } },
        },
      ],
    },
  ];
}
