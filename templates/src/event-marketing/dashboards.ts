import type { Dashboard } from "@stagecraft/schemas";
import { where } from "../shared/filters.js";
import { t } from "../shared/i18n.js";

/** The event board: attendance, conversion, ROI and the deals still waiting in the window. */
export function eventMarketingDashboards(): Dashboard[] {
  return [
    {
      id: "event_board",
      name: t("活动营销看板", "Event marketing board"),
      period: "quarter",
      widgets: [
        { id: "attendance", type: "number", kpi: "attendance_rate", layout: { x: 0, y: 0, w: 4, h: 2 } },
        { id: "to_deal", type: "number", kpi: "attendee_to_deal", layout: { x: 4, y: 0, w: 4, h: 2 } },
        { id: "roi", type: "number", kpi: "event_roi", layout: { x: 8, y: 0, w: 4, h: 2 } },
        {
          id: "attendance_by_event",
          type: "bar",
          kpi: "attendance_rate",
          groupBy: "event",
          title: t("各活动到场率", "Attendance by event"),
          layout: { x: 0, y: 2, w: 6, h: 4 },
        },
        {
          id: "conversion_by_event",
          type: "bar",
          kpi: "attendee_to_deal",
          groupBy: "source_event",
          title: t("各活动到场转商机率", "Attendee-to-deal by event"),
          layout: { x: 6, y: 2, w: 6, h: 4 },
        },
        {
          id: "event_deal_funnel",
          type: "funnel",
          form: "deal",
          title: t("活动商机漏斗", "Event deals by stage"),
          layout: { x: 0, y: 6, w: 6, h: 4 },
        },
        {
          id: "events",
          type: "table",
          form: "event",
          columns: [
            "name",
            "event_date",
            "registrations",
            "budget",
            "actual_cost",
            "won_amount",
            "roi",
            "window_end",
          ],
          limit: 50,
          title: t("活动一览", "Events"),
          layout: { x: 6, y: 6, w: 6, h: 4 },
        },
        {
          id: "waiting_deals",
          type: "table",
          form: "deal",
          columns: ["deal_name", "owner", "source_event", "amount", "expected_close_date"],
          filter: [where("source_event", "is_set"), where("_stage", "eq", "qualified")],
          limit: 100,
          title: t("待跟进的活动商机", "Event deals waiting for follow-up"),
          layout: { x: 0, y: 10, w: 12, h: 4 },
        },
      ],
    },
  ];
}
