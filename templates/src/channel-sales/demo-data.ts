import type { DemoRecord } from "../template-entry.js";
import { demoClock, demoFile } from "../shared/demo-clock.js";
import { TIER_THRESHOLDS } from "./forms/partner.js";

const INSTALLER = { $user: "installer" } as const;

interface DemoPartner {
  key: string;
  name: string;
  type: "agent" | "distributor" | "reseller";
  territory: string;
  stage: "applied" | "qualified" | "signed" | "active" | "terminated";
  /** Sell-in orders: [days ago, product, qty, unit price]. */
  orders: [number, string, number, number][];
}

const PARTNERS: DemoPartner[] = [
  {
    key: "p_huadong",
    name: "华东鑫达贸易有限公司",
    type: "distributor",
    territory: "east_china",
    stage: "active",
    orders: [
      [150, "professional", 400, 3800],
      [80, "enterprise", 60, 12_000],
      [20, "standard", 500, 1200],
    ],
  },
  {
    key: "p_jinghua",
    name: "北京京华智联科技",
    type: "agent",
    territory: "north_china",
    stage: "active",
    orders: [
      [120, "standard", 300, 1200],
      [45, "professional", 150, 3800],
    ],
  },
  {
    key: "p_lingnan",
    name: "广州岭南通渠道服务",
    type: "distributor",
    territory: "south_china",
    stage: "active",
    orders: [
      [200, "enterprise", 90, 12_000],
      [110, "professional", 250, 3800],
      [12, "support", 100, 2000],
    ],
  },
  {
    key: "p_bashu",
    name: "成都巴蜀云商",
    type: "reseller",
    territory: "southwest",
    stage: "active",
    orders: [[95, "standard", 120, 1200]],
  },
  {
    key: "p_chutian",
    name: "武汉楚天电子",
    type: "agent",
    territory: "central_china",
    stage: "active",
    orders: [
      [30, "standard", 200, 1200],
      [8, "training", 20, 5000],
    ],
  },
  {
    key: "p_xibei",
    name: "西安丝路数码",
    type: "reseller",
    territory: "northwest",
    stage: "signed",
    orders: [],
  },
  {
    key: "p_liaoning",
    name: "沈阳辽沈工控",
    type: "agent",
    territory: "northeast",
    stage: "qualified",
    orders: [],
  },
  {
    key: "p_minnan",
    name: "厦门闽南优选",
    type: "reseller",
    territory: "east_china",
    stage: "applied",
    orders: [],
  },
  {
    key: "p_old",
    name: "南京金陵商贸（已终止）",
    type: "reseller",
    territory: "east_china",
    stage: "terminated",
    orders: [],
  },
];

const PATHS: Record<DemoPartner["stage"], string[]> = {
  applied: [],
  qualified: ["qualified"],
  signed: ["qualified", "signed"],
  active: ["qualified", "signed", "active"],
  terminated: ["qualified", "signed", "active", "terminated"],
};

function tierOf(amount: number): string {
  if (amount >= TIER_THRESHOLDS.gold) return "gold";
  return amount >= TIER_THRESHOLDS.silver ? "silver" : "bronze";
}

/** Rebate rate of the demo policy's highest tier reached. */
function rateOf(amount: number): number {
  if (amount >= 3_000_000) return 0.05;
  return amount >= 1_000_000 ? 0.03 : amount >= 300_000 ? 0.01 : 0;
}

/** One rebate policy, nine partners along the pipeline and their sell-in orders this year. */
export function channelSalesDemo(now: Date): DemoRecord[] {
  const clock = demoClock(now);
  const records: DemoRecord[] = [
    {
      key: "policy",
      form: "rebate_policy",
      at: clock.at(300),
      data: {
        year: Number(clock.day(0).slice(0, 4)),
        tiers: [
          { min_amount: 300_000, rebate_rate: 0.01 },
          { min_amount: 1_000_000, rebate_rate: 0.03 },
          { min_amount: 3_000_000, rebate_rate: 0.05 },
        ],
        product_scope: ["standard", "professional", "enterprise"],
        settlement: "quarterly",
        effective_from: `${clock.day(0).slice(0, 4)}-01-01`,
      },
    },
  ];
  PARTNERS.forEach((p, i) => {
    const totals = p.orders.map(([, , qty, price]) => qty * price);
    const ytd = totals.reduce((a, b) => a + b, 0);
    const lastOrder = p.orders.length === 0 ? undefined : Math.min(...p.orders.map(([days]) => days));
    const reached = PATHS[p.stage];
    records.push({
      key: p.key,
      form: "partner",
      at: clock.at(240 - i * 10),
      path: reached,
      data: {
        name: p.name,
        partner_type: p.type,
        territory: p.territory,
        channel_manager: INSTALLER,
        contact_name: ["张伟", "李娜", "王强", "刘洋", "陈静", "杨帆", "赵磊", "周敏", "吴昊"][i],
        contact_phone: `+86 139-${String(1000 + i * 37).padStart(4, "0")}-${String(2000 + i * 53)}`,
        contact_email: `channel${String(i + 1)}@partner-demo.cn`,
        ...(reached.length > 0 ? { business_license: demoFile(`营业执照-${p.name}.pdf`) } : {}),
        ...(reached.length > 1
          ? { agreement_file: demoFile(`渠道协议-${p.name}.pdf`), signed_date: clock.day(220 - i * 10) }
          : {}),
        ...(reached.length > 2 ? { settlement_contact: INSTALLER } : {}),
        ...(lastOrder === undefined ? {} : { last_sell_in_date: clock.day(lastOrder) }),
        ...(ytd >= 300_000
          ? {
              rebate_accrued: Math.round(ytd * rateOf(ytd) * 100) / 100,
              rebate_accrued_on: clock.day(lastOrder ?? 0),
            }
          : {}),
        ...(p.stage === "terminated" ? { termination_reason: "no_sales" } : {}),
      },
    });
    p.orders.forEach(([days, product, qty, price], n) => {
      records.push({
        form: "sell_in_order",
        at: clock.at(days),
        data: {
          partner: { $demo: p.key },
          order_date: clock.day(days),
          lines: [{ product, qty, unit_price: price }],
          paid: n === 0 || days > 30 ? "yes" : "no",
          partner_tier: tierOf(ytd),
        },
      });
    });
  });
  return records;
}
