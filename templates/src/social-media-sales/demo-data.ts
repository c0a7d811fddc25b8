import type { DemoRecord } from "../template-entry.js";
import { demoClock } from "../shared/demo-clock.js";

const INSTALLER = { $user: "installer" } as const;

/** Posts: [key, platform, title, format, days ago, spend, views, interactions]. */
const POSTS: [string, string, string, string, number, number, number, number][] = [
  ["dy1", "douyin", "3 分钟看懂家庭净水器怎么选", "short_video", 28, 3000, 52_000, 2_600],
  ["dy2", "douyin", "工厂直播：滤芯是怎么做出来的", "live", 14, 5000, 36_000, 2_900],
  ["wx1", "wechat", "净水器选购避坑指南", "article", 21, 800, 9_500, 420],
  ["xhs1", "xiaohongshu", "租房党的小厨房改造", "article", 10, 600, 12_000, 1_150],
  ["wb1", "weibo", "新品预售抽奖", "article", 6, 1500, 20_000, 640],
  ["dy3", "douyin", "滤芯多久换一次？实测", "short_video", 3, 2000, 18_000, 900],
];

/** Leads: [nickname, platform, post key, stage path, region]. */
const LEADS: [string, string, string, string[], string][] = [
  ["小鱼儿", "douyin", "dy1", ["engaged", "private_domain", "interested", "purchased"], "east_china"],
  ["晴天", "douyin", "dy1", ["engaged", "private_domain"], "south_china"],
  ["阿杰", "douyin", "dy2", ["engaged", "private_domain", "interested", "purchased"], "north_china"],
  ["Momo", "douyin", "dy2", ["engaged"], "east_china"],
  ["老王家的厨房", "wechat", "wx1", ["engaged", "private_domain", "interested"], "central_china"],
  ["一只猫", "xiaohongshu", "xhs1", ["engaged"], "southwest"],
  ["Lily", "xiaohongshu", "xhs1", ["dropped"], "east_china"],
  ["北漂小李", "weibo", "wb1", [], "north_china"],
  ["快乐星球", "douyin", "dy3", [], "south_china"],
  ["陈先生", "wechat", "wx1", ["engaged", "private_domain"], "east_china"],
  ["Sunny", "douyin", "dy3", ["engaged"], "south_china"],
];

/** Six posts, eleven social leads, two communities and the deals of two purchases. */
export function socialMediaDemo(now: Date): DemoRecord[] {
  const clock = demoClock(now);
  const records: DemoRecord[] = POSTS.map(
    ([key, platform, title, format, days, spend, views, interactions]) => ({
      key,
      form: "content_post",
      at: clock.at(days),
      data: {
        platform,
        title,
        format,
        publish_at: clock.at(days, 19),
        author: INSTALLER,
        spend,
        views,
        interactions,
      },
    }),
  );
  records.push(
    {
      key: "group1",
      form: "community",
      at: clock.at(60),
      data: {
        group_name: "净水生活交流群 1 群",
        platform: "wechat_group",
        operator: INSTALLER,
        members: 386,
        active_members: 74,
      },
    },
    {
      form: "community",
      at: clock.at(45),
      data: {
        group_name: "抖音粉丝福利群",
        platform: "douyin_fans",
        operator: INSTALLER,
        members: 512,
        active_members: 61,
      },
    },
  );
  LEADS.forEach(([nickname, platform, post, path, region], i) => {
    const days = POSTS.find(([key]) => key === post)?.[4] ?? 1;
    const key = `lead${String(i)}`;
    records.push({
      key,
      form: "social_lead",
      at: clock.at(Math.max(0, days - 1)),
      path,
      data: {
        nickname,
        platform,
        handle: `user_${String(10_230 + i * 7)}`,
        source_post: { $demo: post },
        owner: INSTALLER,
        region,
        in_private_domain: path.includes("private_domain") ? "yes" : "no",
        ...(path.includes("private_domain")
          ? { wechat_id: `wx_${String(8800 + i)}`, community: { $demo: "group1" } }
          : {}),
        ...(path.includes("interested") ? { interest_note: "想买厨下净水器，预算 3000 左右" } : {}),
        ...(path.includes("purchased") ? { purchase_amount: 2_999 + i * 100 } : {}),
        ...(path.includes("dropped") ? { drop_reason: "price" } : {}),
      },
    });
    if (!path.includes("purchased")) return;
    records.push(
      {
        key: `c_${key}`,
        form: "customer",
        at: clock.at(Math.max(0, days - 3)),
        data: {
          customer_name: nickname,
          owner: INSTALLER,
          region,
          source_post: { $demo: post },
          first_order_amount: 2_999 + i * 100,
        },
      },
      {
        form: "deal",
        at: clock.at(Math.max(0, days - 3)),
        path: ["won"],
        data: {
          deal_name: `${nickname} · 社媒成交`,
          customer: { $demo: `c_${key}` },
          owner: INSTALLER,
          amount: 2_999 + i * 100,
          expected_close_date: clock.day(Math.max(0, days - 3)),
          source_post: { $demo: post },
        },
      },
    );
  });
  return records;
}
