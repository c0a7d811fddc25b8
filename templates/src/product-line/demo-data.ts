import { demoDate, demoInstant } from "../shared/demo-dates.js";
import type { DemoRecord } from "../template-entry.js";

const ME = { $user: "installer" } as const;

/** [key, name, target, cap] */
const LINES: [string, string, number, number][] = [
  ["l_cloud", "云平台产品线", 8_000_000, 0.15],
  ["l_service", "实施与服务线", 5_000_000, 0.1],
  ["l_hardware", "智能硬件线", 6_000_000, 0.2],
];

/** [key, name, region, industry] */
const CUSTOMERS: [string, string, string, string][] = [
  ["c_tianrui", "天瑞制药", "east_china", "healthcare"],
  ["c_hongda", "宏达汽配", "central_china", "manufacturing"],
  ["c_yuehai", "粤海连锁超市", "south_china", "retail"],
  ["c_shuguang", "曙光职业学院", "southwest", "education"],
];

type Item = [string, string, number, number];
/** [name, customer, primary line, items [line, product, amount, discount], path] */
const DEALS: [string, string, string, Item[], string[]][] = [
  [
    "天瑞 私有云平台",
    "c_tianrui",
    "l_cloud",
    [
      ["l_cloud", "enterprise", 1_200_000, 0.1],
      ["l_service", "implementation", 300_000, 0.05],
    ],
    ["product_demo", "proposal", "won"],
  ],
  [
    "宏达 设备联网",
    "c_hongda",
    "l_hardware",
    [["l_hardware", "professional", 800_000, 0.15]],
    ["product_demo", "proposal", "won"],
  ],
  [
    "粤海 门店收银云",
    "c_yuehai",
    "l_cloud",
    [
      ["l_cloud", "standard", 450_000, 0.08],
      ["l_hardware", "standard", 260_000, 0.1],
      ["l_service", "training", 40_000, 0],
    ],
    ["product_demo", "proposal", "won"],
  ],
  [
    "曙光 智慧校园",
    "c_shuguang",
    "l_cloud",
    [["l_cloud", "professional", 600_000, 0.12]],
    ["product_demo", "proposal"],
  ],
  ["天瑞 运维年包", "c_tianrui", "l_service", [["l_service", "support", 180_000, 0.05]], ["product_demo"]],
  [
    "宏达 二期产线",
    "c_hongda",
    "l_hardware",
    [["l_hardware", "enterprise", 950_000, 0.18]],
    ["product_demo", "proposal", "lost"],
  ],
];

/** Demo data of product-line: three lines, deals across them, and the revenue the won ones booked. */
export function productLineDemo(now: Date): DemoRecord[] {
  const records: DemoRecord[] = [];
  for (const [key, name, target, cap] of LINES) {
    records.push({
      key,
      form: "product_line",
      at: demoInstant(now, 29),
      data: {
        name,
        line_manager: ME,
        specialists: [{ member: ME }],
        annual_target: target,
        max_discount: cap,
        effective_from: demoDate(now, 29),
      },
    });
  }
  for (const [key, name, region, industry] of CUSTOMERS) {
    records.push({ key, form: "customer", data: { customer_name: name, owner: ME, region, industry } });
  }
  const month = demoDate(now, 0).slice(0, 8) + "01";
  DEALS.forEach(([name, customer, primary, items, path], i) => {
    const key = `d_${i}`;
    records.push({
      key,
      form: "deal",
      at: demoInstant(now, 15 - i),
      data: {
        deal_name: name,
        customer: { $demo: customer },
        owner: ME,
        amount: items.reduce((sum, [, , amount, discount]) => sum + amount * (1 - discount), 0),
        expected_close_date: demoDate(now, -30),
        primary_line: { $demo: primary },
        specialist: ME,
        items: items.map(([line, product, amount, discount]) => ({
          product_line: { $demo: line },
          product,
          amount,
          discount,
        })),
        ...(path.includes("lost") ? { lost_reason: "competitor" } : {}),
      },
      path,
    });
    // The revenue split R3 books when a deal is won (demo data is loaded without running rules twice).
    if (path.includes("won")) {
      for (const [line, product, amount, discount] of items) {
        records.push({
          form: "line_revenue",
          data: {
            deal: { $demo: key },
            product_line: { $demo: line },
            product,
            owner: ME,
            amount: amount * (1 - discount),
            month,
          },
        });
      }
    }
  });
  return records;
}
