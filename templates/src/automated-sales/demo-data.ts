import type { DemoRecord } from "../template-entry.js";
import { demoClock } from "../shared/demo-clock.js";

const INSTALLER = { $user: "installer" } as const;

/** Leads: [name, company, source, region, engagement, fit, path, enrolment step, state, stop reason]. */
const LEADS: [string, string, string, string, number, number, string[], number, string, string | null][] = [
  [
    "陈晓",
    "杭州数跃科技",
    "website",
    "east_china",
    45,
    25,
    ["nurturing", "mql", "sql"],
    2,
    "stopped",
    "qualified",
  ],
  ["林峰", "厦门海蓝物流", "content", "east_china", 20, 15, ["nurturing"], 3, "running", null],
  ["黄蕾", "广州优品电商", "ad", "south_china", 35, 30, ["nurturing", "mql"], 2, "stopped", "qualified"],
  ["周凯", "北京中科信达", "website", "north_china", 10, 20, ["nurturing"], 2, "stopped", "replied"],
  ["郭静", "成都天府软件", "content", "southwest", 5, 10, ["nurturing"], 1, "stopped", "unsubscribed"],
  [
    "何亮",
    "武汉光谷智造",
    "ad",
    "central_china",
    50,
    30,
    ["nurturing", "mql", "sql", "converted"],
    3,
    "stopped",
    "qualified",
  ],
  ["罗敏", "西安秦川电子", "website", "northwest", 15, 10, ["nurturing"], 4, "completed", null],
  ["谢婷", "上海云启网络", "content", "east_china", 25, 20, ["nurturing"], 2, "stopped", "replied"],
  [
    "韩冰",
    "沈阳北方重工",
    "ad",
    "northeast",
    0,
    15,
    ["nurturing", "disqualified"],
    2,
    "stopped",
    "unsubscribed",
  ],
  ["唐宁", "深圳极光传媒", "website", "south_china", 30, 10, ["nurturing"], 1, "running", null],
];

/** Three sequences, ten leads along the funnel and their enrolments. */
export function automatedSalesDemo(now: Date): DemoRecord[] {
  const clock = demoClock(now);
  const sequence = (source: string, name: string): DemoRecord => ({
    form: "sequence",
    at: clock.at(90),
    data: {
      name,
      audience: source,
      steps: [
        { day_offset: 0, channel: "email", template_code: `${source.toUpperCase()}_WELCOME` },
        { day_offset: 2, channel: "wechat", template_code: `${source.toUpperCase()}_CASE` },
        { day_offset: 5, channel: "call_task", template_code: "CALL_DISCOVERY" },
      ],
      stop_on: ["replied", "meeting_booked", "unsubscribed"],
      active: "yes",
      effective_from: clock.day(90),
    },
  });
  const records: DemoRecord[] = [
    sequence("website", "官网注册培育序列"),
    sequence("content", "白皮书下载培育序列"),
    sequence("ad", "广告落地页培育序列"),
  ];
  LEADS.forEach(([name, company, source, region, engagement, fit, path, step, state, reason], i) => {
    const days = 30 - i * 3;
    records.push({
      key: `lead${String(i)}`,
      form: "lead",
      at: clock.at(days, 9 + (i % 8)),
      path,
      data: {
        contact_name: name,
        company,
        email: `contact${String(i + 1)}@${source}-demo.cn`,
        phone: `+86 136-${String(5100 + i * 41)}-${String(6200 + i * 13)}`,
        source,
        region,
        engagement_points: engagement,
        fit_points: fit,
        owner: INSTALLER,
        replied: reason === "replied" ? "yes" : "no",
        meeting_booked: "no",
        unsubscribed: reason === "unsubscribed" ? "yes" : "no",
        ...(path.includes("disqualified") ? { disqualify_reason: "no_need" } : {}),
      },
    });
    records.push({
      form: "enrollment",
      at: clock.at(days, 9 + (i % 8)),
      data: {
        lead: { $demo: `lead${String(i)}` },
        owner: INSTALLER,
        audience: source,
        start_date: clock.day(days),
        current_step: step,
        state,
        fired_step: step - 1,
        first_touch_at: clock.at(days, 10 + (i % 8)),
        ...(reason === null ? {} : { stop_reason: reason }),
        ...(state === "running" ? { next_run_date: clock.ahead(1 + (i % 3)) } : {}),
      },
    });
  });
  return records;
}
