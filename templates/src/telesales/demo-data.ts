import type { DemoRecord } from "../template-entry.js";
import { demoClock } from "../shared/demo-clock.js";

const INSTALLER = { $user: "installer" } as const;

type Stage =
  "to_call" | "contacted" | "interested" | "appointment" | "sold" | "not_interested" | "unreachable";

interface DemoProspect {
  key: string;
  name: string;
  stage: Stage;
  /** Calls: [days ago, seconds, script key, outcome]. */
  calls: [number, number, "s_v1" | "s_v2", string][];
}

const PROSPECTS: DemoProspect[] = [
  {
    key: "p1",
    name: "周建国",
    stage: "sold",
    calls: [
      [20, 35, "s_v1", "callback"],
      [18, 420, "s_v1", "appointment"],
      [12, 600, "s_v2", "sale"],
    ],
  },
  {
    key: "p2",
    name: "吴秀兰",
    stage: "appointment",
    calls: [
      [15, 0, "s_v2", "no_answer"],
      [14, 380, "s_v2", "appointment"],
    ],
  },
  { key: "p3", name: "郑海燕", stage: "interested", calls: [[10, 260, "s_v2", "callback"]] },
  {
    key: "p4",
    name: "孙志强",
    stage: "unreachable",
    calls: [
      [9, 0, "s_v1", "no_answer"],
      [8, 0, "s_v1", "busy"],
      [7, 0, "s_v1", "no_answer"],
    ],
  },
  { key: "p5", name: "马丽", stage: "not_interested", calls: [[6, 45, "s_v1", "do_not_call"]] },
  { key: "p6", name: "胡斌", stage: "contacted", calls: [[5, 120, "s_v1", "not_interested"]] },
  {
    key: "p7",
    name: "林晓东",
    stage: "sold",
    calls: [
      [25, 300, "s_v2", "appointment"],
      [21, 540, "s_v2", "sale"],
    ],
  },
  {
    key: "p8",
    name: "何静",
    stage: "interested",
    calls: [
      [4, 0, "s_v2", "busy"],
      [3, 210, "s_v2", "callback"],
    ],
  },
  { key: "p9", name: "高鹏", stage: "to_call", calls: [[2, 0, "s_v1", "no_answer"]] },
  { key: "p10", name: "罗婷", stage: "to_call", calls: [] },
  { key: "p11", name: "梁宇", stage: "contacted", calls: [[1, 95, "s_v1", "not_interested"]] },
];

const PATHS: Record<Stage, string[]> = {
  to_call: [],
  contacted: ["contacted"],
  interested: ["contacted", "interested"],
  appointment: ["contacted", "interested", "appointment"],
  sold: ["contacted", "interested", "appointment", "sold"],
  not_interested: ["not_interested"],
  unreachable: ["unreachable"],
};

/** Two script versions (A/B), eleven prospects along the pipeline and their calls. */
export function telesalesDemo(now: Date): DemoRecord[] {
  const clock = demoClock(now);
  const records: DemoRecord[] = [1, 2].map((version) => ({
    key: `s_v${String(version)}`,
    form: "call_script",
    at: clock.at(40),
    data: {
      name: `理财产品开场 v${String(version)}`,
      scenario: "cold_call",
      opening:
        version === 1
          ? "您好，我是恒信财富的理财顾问，耽误您一分钟介绍一款稳健型产品。"
          : "您好，看到您关注过我们的养老规划讲座，想邀请您参加本周的一对一咨询。",
      objections: [
        { objection: "没时间", response: "理解，我们约一个您方便的时间回电，三分钟讲完。" },
        { objection: "收益太低", response: "这款产品主打稳健，适合作为家庭资产的压舱石。" },
      ],
      version,
      active: "yes",
    },
  }));
  PROSPECTS.forEach((p, i) => {
    const last = p.calls.at(-1);
    const path = PATHS[p.stage];
    records.push({
      key: p.key,
      form: "prospect",
      at: clock.at(30),
      path,
      data: {
        name: p.name,
        phone: `+86 137-${String(2100 + i * 17)}-${String(3300 + i * 29)}`,
        campaign: "年末稳健理财外呼",
        agent: INSTALLER,
        dnd: p.calls.some((c) => c[3] === "do_not_call") ? "yes" : "no",
        product_interest: i % 2 === 0 ? "wealth" : "insurance",
        ...(last === undefined ? {} : { last_call_at: clock.at(last[0], 14), last_outcome: last[3] }),
        ...(path.includes("interested") ? { interest_note: "关注稳健收益，家庭年收入 40 万左右" } : {}),
        ...(path.includes("appointment") ? { appointment_at: clock.at(last?.[0] ?? 1, 16) } : {}),
        ...(path.includes("sold") ? { sale_amount: 50_000 + i * 10_000 } : {}),
        ...(last?.[3] === "callback" ? { next_callback_at: clock.aheadAt(1, 15) } : {}),
      },
    });
    p.calls.forEach(([days, seconds, script, outcome], n) => {
      const previous = p.calls[n - 1];
      records.push({
        form: "call_log",
        at: clock.at(days, 14),
        data: {
          prospect: { $demo: p.key },
          agent: INSTALLER,
          started_at: clock.at(days, 14),
          duration_sec: seconds,
          script: { $demo: script },
          outcome,
          ...(outcome === "callback" ? { callback_at: clock.aheadAt(1, 15) } : {}),
          // A call after a promised callback answers it: on the promised day, except 林晓东's (a day late).
          ...(previous?.[3] === "callback"
            ? { callback_due_at: clock.at(days + (p.key === "p7" ? 1 : 0), 15) }
            : {}),
          notes: outcome === "sale" ? "已签署购买协议" : "",
        },
      });
    });
  });
  return records;
}
