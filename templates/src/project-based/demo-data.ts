import { demoDate, demoInstant } from "../shared/demo-dates.js";
import { demoFile } from "../shared/demo-time.js";
import type { DemoRecord } from "../template-entry.js";

const ME = { $user: "installer" } as const;
const TEAM = [
  { member: ME, role: "pm", allocation: 0.5 },
  { member: ME, role: "presales", allocation: 0.3 },
];

/** [key, name, customer, amount, path, go decision] — amounts stay under the approval threshold. */
const DEALS: [string, string, string, number, string[], string][] = [
  [
    "d_metro",
    "地铁 3 号线综合监控",
    "c_metro",
    880_000,
    ["bid_review", "solution_design", "bid_submitted", "won"],
    "go",
  ],
  [
    "d_water",
    "水务集团 漏损监测平台",
    "c_water",
    760_000,
    ["bid_review", "solution_design", "bid_submitted", "won"],
    "go",
  ],
  [
    "d_hospital",
    "市一院 智慧后勤",
    "c_hospital",
    640_000,
    ["bid_review", "solution_design", "bid_submitted"],
    "go",
  ],
  ["d_park", "高新区 园区安防", "c_metro", 520_000, ["bid_review", "solution_design"], "go"],
  ["d_school", "教育局 校园一卡通", "c_water", 450_000, ["bid_review", "lost"], "no_go"],
  ["d_port", "港务集团 堆场调度", "c_hospital", 2_600_000, ["bid_review"], "pending"],
  ["d_grid", "电网 巡检机器人", "c_metro", 980_000, [], "pending"],
];

/** Demo data of project-based: projects in every stage, their reviews, teams and milestones. */
export function projectBasedDemo(now: Date): DemoRecord[] {
  const records: DemoRecord[] = [
    {
      key: "c_metro",
      form: "customer",
      data: {
        customer_name: "城市轨道交通集团",
        owner: ME,
        region: "north_china",
        industry: "public_sector",
      },
    },
    {
      key: "c_water",
      form: "customer",
      data: { customer_name: "江城水务集团", owner: ME, region: "central_china", industry: "public_sector" },
    },
    {
      key: "c_hospital",
      form: "customer",
      data: { customer_name: "市第一人民医院", owner: ME, region: "east_china", industry: "healthcare" },
    },
  ];
  DEALS.forEach(([key, name, customer, amount, path, decision], i) => {
    const designed = path.includes("solution_design");
    records.push({
      key,
      form: "deal",
      at: demoInstant(now, 20 - i),
      data: {
        deal_name: name,
        customer: { $demo: customer },
        owner: ME,
        amount,
        expected_close_date: demoDate(now, -60),
        tender_no: `ZB-2026-${String(101 + i)}`,
        go_decision: decision,
        ...(designed ? { project_team: TEAM } : {}),
        ...(path.includes("bid_submitted")
          ? { tender_docs: demoFile(`demo_tender_${i}`, "投标文件.zip") }
          : {}),
        ...(path.includes("lost") ? { lost_reason: "no_bid" } : {}),
      },
      path,
    });
    if (path.includes("bid_review") && decision !== "pending") {
      records.push({
        form: "bid_review",
        data: {
          deal: { $demo: key },
          strategic_fit: decision === "go" ? 4 : 2,
          win_probability: decision === "go" ? 0.45 : 0.15,
          capacity_ok: decision === "go" ? "yes" : "no",
          decision,
          approver: ME,
          notes: decision === "go" ? "标杆项目，资源可保障" : "交付资源不足，放弃",
        },
        path: ["decided"],
      });
    }
    if (designed && !path.includes("won")) {
      for (const row of TEAM)
        records.push({ form: "team_assignment", data: { deal: { $demo: key }, ...row } });
    }
  });
  const milestones: [string, string, number, number, string, number?][] = [
    ["d_metro", "项目启动会", 0.3, 5, "done", 6],
    ["d_metro", "系统上线验收", 0.5, -80, "open"],
    ["d_water", "项目启动会", 0.3, 3, "late"],
    ["d_water", "系统上线验收", 0.5, -85, "open"],
  ];
  for (const [deal, name, share, dueAgo, status, doneAgo] of milestones) {
    records.push({
      form: "milestone",
      data: {
        deal: { $demo: deal },
        name,
        owner: ME,
        due_date: demoDate(now, dueAgo),
        payment_share: share,
        status,
        ...(doneAgo === undefined ? {} : { done_on: demoDate(now, doneAgo) }),
      },
    });
  }
  return records;
}
