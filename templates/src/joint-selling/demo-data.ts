import type { DemoRecord } from "../template-entry.js";
import { demoClock, demoFile } from "../shared/demo-clock.js";

const INSTALLER = { $user: "installer" } as const;

/** Shared leads: [alliance, direction, customer, need, consent, stage]. */
const LEADS: [string, "to_partner" | "from_partner", string, string, "yes" | "no", string[]][] = [
  ["a_yuntu", "to_partner", "江苏恒瑞制药", "需要销售数据分析平台", "yes", ["accepted"]],
  ["a_yuntu", "to_partner", "浙江天成汽配", "ERP 与 BI 一体化", "yes", []],
  ["a_yuntu", "to_partner", "上海悦达零售", "会员数据打通", "no", ["rejected"]],
  ["a_yuntu", "from_partner", "苏州博世通", "需要 CRM 与数据中台联动", "yes", ["accepted"]],
  ["a_yuntu", "from_partner", "南京普华软件", "销售团队管理工具", "yes", ["accepted"]],
  ["a_yuntu", "from_partner", "无锡长江物流", "运输订单可视化", "yes", []],
  ["a_xinke", "to_partner", "广州白云电器", "智能客服", "yes", ["accepted"]],
  ["a_xinke", "from_partner", "深圳鹏程科技", "售后工单系统", "yes", ["accepted"]],
  ["a_xinke", "from_partner", "东莞华阳模具", "生产与销售协同", "yes", []],
  ["a_xinke", "to_partner", "佛山美居家居", "线上商城与门店打通", "yes", ["accepted"]],
];

/** Deals: [alliance, customer, amount, path]. */
const DEALS: [string, string, number, string[]][] = [
  ["a_yuntu", "苏州博世通", 480_000, ["joint_proposal", "won"]],
  ["a_yuntu", "南京普华软件", 220_000, ["joint_proposal"]],
  ["a_xinke", "深圳鹏程科技", 360_000, ["joint_proposal", "won"]],
  ["a_xinke", "广州白云电器", 150_000, ["lost"]],
  ["a_yuntu", "江苏恒瑞制药", 300_000, []],
];

/** Two alliances, ten exchanged leads and five joint deals. */
export function jointSellingDemo(now: Date): DemoRecord[] {
  const clock = demoClock(now);
  const alliance = (key: string, company: string, share: number): DemoRecord => ({
    key,
    form: "alliance",
    at: clock.at(120),
    data: {
      partner_company: company,
      partner_email: `alliance@${key.slice(2)}-demo.cn`,
      alliance_manager: INSTALLER,
      finance_contact: INSTALLER,
      our_share: share,
      lead_rules: "双方每月至少互推 3 条线索；推送前须取得客户同意；同一客户 90 天内以先报备方为准。",
      agreement: demoFile(`联合销售协议-${company}.pdf`),
      valid_until: clock.ahead(300),
    },
  });
  const records: DemoRecord[] = [
    alliance("a_yuntu", "云图数据科技", 0.6),
    alliance("a_xinke", "信科智能服务", 0.7),
  ];
  LEADS.forEach(([key, direction, customer, need, consent, path], i) => {
    records.push({
      form: "shared_lead",
      at: clock.at(60 - i * 5),
      path,
      data: {
        alliance: { $demo: key },
        direction,
        customer_name: customer,
        contact_name: ["陈经理", "刘总", "王主管", "赵经理", "孙总"][i % 5],
        need,
        consent,
        ...(consent === "yes" ? { consent_note: `电话确认 #${String(2001 + i)}` } : {}),
        ...(path.includes("accepted") ? { owner: INSTALLER } : {}),
        ...(path.includes("rejected") ? { reject_reason: "no_consent" } : {}),
      },
    });
  });
  DEALS.forEach(([key, customer, amount, path], i) => {
    records.push({
      key: `c${String(i)}`,
      form: "customer",
      at: clock.at(50 - i * 5),
      data: { customer_name: customer, owner: INSTALLER, region: i % 2 === 0 ? "east_china" : "south_china" },
    });
    records.push({
      form: "deal",
      at: clock.at(50 - i * 5),
      path,
      data: {
        deal_name: `${customer} · 联合方案`,
        customer: { $demo: `c${String(i)}` },
        owner: INSTALLER,
        amount,
        expected_close_date: clock.ahead(30),
        alliance: { $demo: key },
        ...(path.includes("joint_proposal") ? { joint_proposal: demoFile(`联合方案-${customer}.pdf`) } : {}),
        ...(path.includes("lost") ? { lost_reason: "competitor" } : {}),
      },
    });
  });
  return records;
}
