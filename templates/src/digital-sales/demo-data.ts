import type { DemoRecord } from "../template-entry.js";
import { INSTALLER, dateFrom, daysAgo } from "../shared/demo-time.js";

/** [name, type, direction, events, status, days since last success, successes, failures] */
const INTEGRATIONS = [
  ["用友 U8 ERP", "erp", "outbound", ["deal_won"], "live", 0, 412, 3],
  ["金蝶云财务", "finance", "inbound", ["payment_received"], "live", 1, 188, 0],
  ["e签宝 电子签章", "e_sign", "both", ["deal_won", "contract_signed"], "failing", 4, 96, 11],
  ["企业微信 群机器人", "im", "outbound", ["deal_won"], "testing", 2, 12, 1],
] as const;

/** [phase, modules, go-live offset, training, migrated, path] */
const PHASES = [
  [1, ["customer", "follow_up"], -60, "yes", "yes", ["configuring", "training", "live", "reviewed"]],
  [2, ["lead", "deal"], -10, "yes", "yes", ["configuring", "training", "live"]],
  [3, ["analytics"], 20, "no", "no", ["configuring"]],
] as const;

/** B24 demo: integrations, a three-phase rollout, adoption snapshots, deals with an online trail. */
export function digitalDemoData(now: Date): DemoRecord[] {
  return [
    ...INTEGRATIONS.map(([system_name, system_type, direction, events, status, ago, ok, failed]) => ({
      form: "integration",
      data: {
        system_name,
        system_type,
        direction,
        events: [...events],
        owner: INSTALLER,
        status,
        last_success_at: daysAgo(now, ago),
        success_count: ok,
        failure_count: failed,
      },
    })),
    ...PHASES.map(([phase_no, modules, goLive, training_done, data_migrated, path]) => ({
      form: "rollout_phase",
      data: {
        phase_no,
        modules: [...modules],
        go_live: dateFrom(now, goLive),
        training_done,
        data_migrated,
      },
      path: [...path],
    })),
    ...[21, 14, 7].flatMap((ago, i) => [snapshot(now, ago, 5 - i, true), snapshot(now, ago, 2 + i, true)]),
    snapshot(now, 0, 3, false),
    ...(
      [
        ["c_lanhai", "蓝海国际物流", "east_china", "other"],
        ["c_shengshi", "盛世家居", "southwest", "retail"],
      ] as const
    ).map(([key, customer_name, region, industry]) => ({
      key,
      form: "customer",
      data: { customer_name, owner: INSTALLER, region, industry },
    })),
    ...(
      [
        ["d1", "蓝海 报关单据线上化", "c_lanhai", 150_000, "yes", ["proposal", "negotiation", "won"]],
        ["d2", "蓝海 运费结算", "c_lanhai", 90_000, "no", ["proposal", "won"]],
        ["d3", "盛世 门店导购小程序", "c_shengshi", 120_000, "yes", ["proposal", "won"]],
        ["d4", "盛世 会员数据中台", "c_shengshi", 260_000, undefined, ["proposal"]],
      ] as const
    ).map(([key, deal_name, customer, amount, signed, path]) => ({
      key,
      form: "deal",
      data: {
        deal_name,
        customer: { $demo: customer },
        owner: INSTALLER,
        amount,
        expected_close_date: dateFrom(now, 15),
        last_activity_at: daysAgo(now, 3),
        ...(signed === undefined ? {} : { signed_online: signed }),
      },
      path: [...path],
    })),
    ...(["d1", "d3", "d4"] as const).map((deal, i) => ({
      form: "follow_up",
      data: {
        customer: { $demo: deal === "d1" ? "c_lanhai" : "c_shengshi" },
        deal: { $demo: deal },
        owner: INSTALLER,
        follow_type: "wechat",
        status: "done",
        follow_at: daysAgo(now, 1 + i),
        content: "通过企业微信发送方案并记录客户反馈。",
      },
    })),
  ];
}

function snapshot(now: Date, ago: number, activeDays: number, closed: boolean): DemoRecord {
  return {
    form: "adoption_snapshot",
    data: {
      week_start: dateFrom(now, -ago - 6),
      user: INSTALLER,
      active_days: activeDays,
      ...(closed ? { closed_on: dateFrom(now, -ago + 1) } : {}),
    },
  };
}
