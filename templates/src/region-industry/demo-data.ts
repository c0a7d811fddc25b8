import { demoDate, demoInstant } from "../shared/demo-dates.js";
import type { DemoRecord } from "../template-entry.js";

const ME = { $user: "installer" } as const;

/** [key, code, kind, provinces, industries, quota, potential, playbook] */
const TERRITORIES: [string, string, string, string[], string[], number, number, string][] = [
  [
    "t_east",
    "EAST-01 华东区",
    "region",
    ["shanghai", "jiangsu", "zhejiang"],
    [],
    6_000_000,
    60_000_000,
    "聚焦长三角制造业集群，季度举办行业沙龙",
  ],
  [
    "t_south",
    "SOUTH-01 华南区",
    "region",
    ["guangdong", "fujian"],
    [],
    4_000_000,
    45_000_000,
    "深耕珠三角电子与外贸企业",
  ],
  [
    "t_health",
    "IND-HC 医疗行业",
    "industry",
    [],
    ["healthcare"],
    5_000_000,
    30_000_000,
    "以三甲医院标杆案例带动区域医院",
  ],
];

/** [key, name, province, industry, territory] */
const CUSTOMERS: [string, string, string, string, string][] = [
  ["c_jiangnan", "江南纺织集团", "jiangsu", "manufacturing", "t_east"],
  ["c_huating", "华庭商业地产", "shanghai", "other", "t_east"],
  ["c_xinhai", "鑫海电子", "guangdong", "manufacturing", "t_south"],
  ["c_minjiang", "闽江外贸", "fujian", "retail", "t_south"],
  ["c_renkang", "仁康医院集团", "zhejiang", "healthcare", "t_health"],
  ["c_ankang", "安康医疗器械", "guangdong", "healthcare", "t_health"],
];

/** [name, customer, territory, industry, amount, path, competitor] */
const DEALS: [string, string, string, string, number, string[], string][] = [
  [
    "江南纺织 MES 升级",
    "c_jiangnan",
    "t_east",
    "manufacturing",
    1_200_000,
    ["proposal", "negotiation", "won"],
    "本地集成商 A",
  ],
  ["华庭 智慧楼宇", "c_huating", "t_east", "other", 680_000, ["proposal", "lost"], "本地集成商 B"],
  [
    "鑫海 产线数据采集",
    "c_xinhai",
    "t_south",
    "manufacturing",
    900_000,
    ["proposal", "negotiation", "won"],
    "深圳某厂商",
  ],
  ["闽江 订单系统", "c_minjiang", "t_south", "retail", 320_000, ["proposal"], ""],
  [
    "仁康 院区设备管理",
    "c_renkang",
    "t_health",
    "healthcare",
    1_500_000,
    ["proposal", "negotiation", "won"],
    "医疗信息化厂商 C",
  ],
  [
    "安康 售后服务平台",
    "c_ankang",
    "t_health",
    "healthcare",
    450_000,
    ["proposal", "lost"],
    "医疗信息化厂商 C",
  ],
  ["仁康 二期扩容", "c_renkang", "t_health", "healthcare", 600_000, ["proposal", "negotiation"], ""],
];

/** Demo data of region-industry: three territories, their customers, deals and monthly reviews. */
export function regionIndustryDemo(now: Date): DemoRecord[] {
  const records: DemoRecord[] = [];
  for (const [key, code, kind, provinces, industries, quota, potential, playbook] of TERRITORIES) {
    records.push({
      key,
      form: "territory",
      at: demoInstant(now, 29),
      data: {
        code,
        kind,
        ...(kind === "region" ? { provinces } : { industries }),
        manager: ME,
        reps: [{ rep: ME, quota }],
        market_potential: potential,
        playbook,
        effective_from: demoDate(now, 29),
      },
    });
  }
  for (const [key, name, province, industry, territory] of CUSTOMERS) {
    records.push({
      key,
      form: "customer",
      data: {
        customer_name: name,
        owner: ME,
        region: "east_china",
        province,
        industry,
        territory: { $demo: territory },
        // 闽江外贸 opened a Guangdong office while its deal is open: a conflict to settle.
        ...(key === "c_minjiang"
          ? { conflict: "flagged", conflict_from_manager: ME, conflict_to_manager: ME }
          : {}),
      },
    });
  }
  for (const [name, customer, territory, industry, amount, path, competitor] of DEALS) {
    records.push({
      form: "deal",
      at: demoInstant(now, 10),
      data: {
        deal_name: name,
        customer: { $demo: customer },
        owner: ME,
        amount,
        expected_close_date: demoDate(now, -30),
        territory: { $demo: territory },
        industry,
        ...(competitor === "" ? {} : { local_competitor: competitor }),
        ...(path.includes("lost") ? { lost_reason: "competitor" } : {}),
      },
      path,
    });
  }
  records.push({
    form: "territory_review",
    data: {
      territory: { $demo: "t_east" },
      manager: ME,
      month: demoDate(now, 0).slice(0, 8) + "01",
      est_share: 0.02,
      actions: "下月在苏州举办制造业数字化沙龙，邀请 20 家重点客户",
    },
    path: ["submitted"],
  });
  return records;
}
