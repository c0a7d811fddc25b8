import type { Rule } from "@stagecraft/schemas";
import { eq, v } from "../../shared/expressions.js";
import { where } from "../../shared/filters.js";
import { t } from "../../shared/i18n.js";

/**
 * R10 Weekly review. A schedule runs once, or once per record of a form: there is no "per value
 * of @teams". So each team's review begets the next one: every Monday, the review of the week
 * before last creates last week's review for the same team and host (the first one is created by
 * hand). Targets, actuals and ranking cannot be computed per team (contracts carry no team); the
 * host fills them from the weekly-leaderboard dashboard.
 */
export function reviewRules(): Rule[] {
  return [
    {
      id: "r10_weekly_review",
      name: t("R10 每周一生成各团队周复盘", "R10 Create each team's weekly review on Monday"),
      trigger: {
        type: "schedule",
        cron: "0 9 * * 1",
        timeZone: "Asia/Shanghai",
        form: "weekly_review",
        filter: [where("week_start", "within_last_days", 21)],
      },
      when: eq({ days_since: [v("week_start")] }, 14),
      actions: [
        {
          type: "create_record",
          form: "weekly_review",
          data: {
            week_start: { add_days: [v("week_start"), 7] },
            team: v("team"),
            host: v("host"),
            week_target: v("week_target"),
          },
        },
        {
          type: "notify",
          to: [{ type: "field", field: "host" }],
          title: t("本周复盘会已创建", "This week's review is ready"),
          body: t(
            "团队 {{team}}：请对照周排行榜准备复盘。",
            "Team {{team}}: prepare it with the weekly leaderboard.",
          ),
        },
      ],
    },
    {
      // Disabled until the installer sets the IM group's incoming-webhook address.
      id: "r10_im_group",
      name: t("R10 周复盘推送到 IM 群", "R10 Post the weekly review to the IM group"),
      enabled: false,
      trigger: { type: "record.created", form: "weekly_review" },
      actions: [
        {
          type: "webhook",
          url: "https://im.example.com/hooks/weekly-review",
          method: "POST",
          body: { cat: ["周复盘 Weekly review · ", v("team"), " · ", v("week_start")] },
        },
      ],
    },
  ];
}
