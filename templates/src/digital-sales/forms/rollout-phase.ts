import type { Form } from "@stagecraft/schemas";
import { all, eq, v } from "../../shared/expressions.js";
import { option, t } from "../../shared/i18n.js";

const YES_NO = [option("yes", "是", "Yes"), option("no", "否", "No")];

/** `rollout_phase` (上线阶段): modules go live in phases, after training and data migration. */
export const rolloutPhaseForm: Form = {
  id: "rollout_phase",
  name: t("上线阶段", "Rollout phase"),
  titleField: "phase_no",
  fields: [
    { id: "phase_no", type: "number", label: t("阶段序号", "Phase"), required: true, min: 1, precision: 0 },
    {
      id: "modules",
      type: "multiselect",
      label: t("上线模块", "Modules"),
      required: true,
      options: [
        option("customer", "客户", "Customers"),
        option("follow_up", "跟进", "Follow-ups"),
        option("lead", "线索", "Leads"),
        option("deal", "商机", "Deals"),
        option("analytics", "分析看板", "Analytics"),
      ],
    },
    { id: "go_live", type: "date", label: t("计划上线日期", "Go-live date"), required: true },
    {
      id: "training_done",
      type: "select",
      label: t("培训完成", "Training done"),
      required: true,
      default: "no",
      options: YES_NO,
    },
    {
      id: "data_migrated",
      type: "select",
      label: t("数据迁移完成", "Data migrated"),
      required: true,
      default: "no",
      options: YES_NO,
    },
    { id: "import_file", type: "file", label: t("迁移数据文件", "Import file"), accept: [".csv", ".xlsx"] },
  ],
  pipeline: {
    initial: "planned",
    stages: [
      { id: "planned", name: t("已计划", "Planned") },
      { id: "configuring", name: t("配置中", "Configuring") },
      { id: "training", name: t("培训中", "Training") },
      {
        id: "live",
        name: t("已上线", "Live"),
        // R3 as a native guard: the move is refused instead of made and undone.
        guard: all(eq(v("training_done"), "yes"), eq(v("data_migrated"), "yes")),
        guardMessage: t(
          "培训与数据迁移都完成后才能上线",
          "Training and data migration must be done before going live",
        ),
      },
      { id: "reviewed", name: t("已复盘", "Reviewed"), terminal: "won" },
    ],
  },
};
