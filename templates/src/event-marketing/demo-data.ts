import type { DemoRecord } from "../template-entry.js";
import { demoClock } from "../shared/demo-clock.js";

const INSTALLER = { $user: "installer" } as const;

/** Attendees: [name, company, region, checked in, interest]. */
type Attendee = [string, string, string, boolean, "hot" | "warm" | "cold"];

const LAUNCH: Attendee[] = [
  ["王磊", "华东精工机械", "east_china", true, "hot"],
  ["李娟", "苏州新材科技", "east_china", true, "warm"],
  ["张涛", "杭州云帆信息", "east_china", true, "cold"],
  ["刘芳", "上海申联物流", "east_china", false, "warm"],
  ["陈刚", "宁波港通贸易", "east_china", true, "hot"],
  ["杨洁", "南京金桥电子", "east_china", false, "cold"],
];
const WEBINAR: Attendee[] = [
  ["赵敏", "北京博远咨询", "north_china", true, "warm"],
  ["黄伟", "天津海河制造", "north_china", true, "cold"],
  ["周琳", "石家庄恒泰医药", "north_china", false, "hot"],
  ["吴迪", "济南泉城软件", "north_china", true, "hot"],
];
const SALON: Attendee[] = [
  ["徐晨", "广州南粤食品", "south_china", false, "warm"],
  ["孙悦", "深圳前海金融科技", "south_china", false, "hot"],
];

/** Three events (closed, in follow-up, promoting), their registrations and the deals they produced. */
export function eventMarketingDemo(now: Date): DemoRecord[] {
  const clock = demoClock(now);
  const records: DemoRecord[] = [];
  const event = (
    key: string,
    name: string,
    type: string,
    daysAgo: number,
    path: string[],
    extra: Record<string, unknown>,
  ) =>
    records.push({
      key,
      form: "event",
      at: clock.at(daysAgo + 30),
      path,
      data: {
        name,
        event_type: type,
        event_date: daysAgo >= 0 ? clock.day(daysAgo) : clock.ahead(-daysAgo),
        owner: INSTALLER,
        venue: type === "webinar" ? "视频号直播间" : "国际会议中心 3 号厅",
        registration_deadline: daysAgo >= 0 ? clock.day(daysAgo + 2) : clock.ahead(-daysAgo - 2),
        budget: 80_000,
        target_registrations: 50,
        conversion_window_days: 30,
        ...extra,
      },
    });
  event("launch", "智能产线新品发布会", "launch", 40, ["promotion", "live", "follow_up", "closed"], {
    region: "east_china",
    actual_cost: 72_000,
  });
  event("webinar", "制造业数字化直播课", "webinar", 6, ["promotion", "live", "follow_up"], {
    region: "north_china",
  });
  event("salon", "华南客户答谢沙龙", "salon", -12, ["promotion"], { region: "south_china" });

  const attend = (eventKey: string, list: Attendee[], daysAgo: number) => {
    list.forEach(([attendee, company, region, checkedIn, interest], i) => {
      records.push({
        key: `${eventKey}_${String(i)}`,
        form: "registration",
        at: clock.at(daysAgo + 10 - i),
        data: {
          event: { $demo: eventKey },
          attendee,
          company,
          phone: `+86 135-${String(4100 + i * 23)}-${String(5200 + i * 31)}`,
          region,
          checked_in: checkedIn ? "yes" : "no",
          interest,
        },
      });
    });
  };
  attend("launch", LAUNCH, 40);
  attend("webinar", WEBINAR, 6);
  attend("salon", SALON, 0);

  // Hot and warm attendees who checked in became customers and deals.
  const deals: [string, number, string[], number][] = [
    ["launch_0", 0, ["proposal", "negotiation", "won"], 260_000],
    ["launch_1", 1, ["proposal"], 90_000],
    ["launch_4", 4, ["proposal", "negotiation", "won"], 180_000],
    ["webinar_0", 0, [], 60_000],
    ["webinar_3", 3, ["proposal"], 120_000],
  ];
  for (const [registration, index, path, amount] of deals) {
    const fromLaunch = registration.startsWith("launch");
    const person = (fromLaunch ? LAUNCH : WEBINAR)[index];
    if (person === undefined) continue;
    const [, company, region] = person;
    records.push({
      key: `c_${registration}`,
      form: "customer",
      at: clock.at(fromLaunch ? 38 : 4),
      data: {
        customer_name: company,
        owner: INSTALLER,
        region,
        source_event: { $demo: fromLaunch ? "launch" : "webinar" },
        event_owner: INSTALLER,
      },
    });
    records.push({
      form: "deal",
      at: clock.at(fromLaunch ? 38 : 4),
      path,
      data: {
        deal_name: `${company} · 活动商机`,
        customer: { $demo: `c_${registration}` },
        owner: INSTALLER,
        amount,
        expected_close_date: clock.ahead(20),
        source_event: { $demo: fromLaunch ? "launch" : "webinar" },
        registration: { $demo: registration },
        event_owner: INSTALLER,
        region,
      },
    });
  }
  return records;
}
