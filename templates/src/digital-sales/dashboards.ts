import type { Dashboard } from "@stagecraft/schemas";
import { t } from "../shared/i18n.js";

/** The digital board: adoption, integration health, online trail and the rollout. */
export function digitalDashboards(): Dashboard[] {
  return [
    {
      id: "digital_board",
      name: t("数字化看板", "Digital board"),
      period: "month",
      widgets: [
        { id: "adoption", type: "number", kpi: "adoption_rate", layout: { x: 0, y: 0, w: 4, h: 2 } },
        { id: "integration", type: "number", kpi: "integration_success", layout: { x: 4, y: 0, w: 4, h: 2 } },
        { id: "trail", type: "number", kpi: "digital_trail", layout: { x: 8, y: 0, w: 4, h: 2 } },
        {
          id: "adoption_by_user",
          type: "leaderboard",
          kpi: "adoption_rate",
          groupBy: "user",
          limit: 50,
          title: t("各用户使用率", "Adoption by user"),
          layout: { x: 0, y: 2, w: 6, h: 4 },
        },
        {
          id: "rollout",
          type: "funnel",
          form: "rollout_phase",
          title: t("上线进度", "Rollout by stage"),
          layout: { x: 6, y: 2, w: 6, h: 4 },
        },
        {
          id: "integrations",
          type: "table",
          form: "integration",
          title: t("系统集成状态", "Integrations"),
          columns: [
            "system_name",
            "system_type",
            "status",
            "last_success_at",
            "success_count",
            "failure_count",
          ],
          limit: 50,
          layout: { x: 0, y: 6, w: 12, h: 4 },
        },
      ],
    },
  ];
}
