import type { Form } from "@stagecraft/schemas";
import { option, t } from "../../shared/i18n.js";

/** `key_account` (关键客户): the KAM, a deputy against key-person risk, and the executive sponsor. */
export const keyAccountForm: Form = {
  id: "key_account",
  name: t("关键客户", "Key account"),
  titleField: "customer",
  fields: [
    {
      id: "customer",
      type: "reference",
      label: t("客户", "Customer"),
      required: true,
      form: "customer",
      displayField: "customer_name",
    },
    { id: "kam", type: "user", label: t("客户经理（KAM）", "Key account manager"), required: true },
    {
      id: "deputy",
      type: "user",
      label: t("副客户经理", "Deputy"),
      help: t("KAM 离职或休假时接手，降低关键人风险", "Takes over if the KAM leaves: less key-person risk"),
    },
    { id: "exec_sponsor", type: "user", label: t("高管赞助人", "Executive sponsor"), required: true },
    { id: "annual_revenue", type: "money", label: t("年收入", "Annual revenue"), required: true, min: 0 },
    {
      id: "health",
      type: "select",
      label: t("客户健康度", "Health"),
      required: true,
      default: "green",
      options: [
        { ...option("green", "良好", "Green"), color: "#2e7d32" },
        { ...option("amber", "关注", "Amber"), color: "#f9a825" },
        { ...option("red", "危险", "Red"), color: "#c62828" },
      ],
    },
    {
      id: "next_qbr_prep",
      type: "date",
      label: t("下次 QBR 准备日", "Next QBR preparation day"),
      help: t("季度结束前 15 天，自动生成 QBR", "15 days before the quarter ends; the QBR is created then"),
    },
  ],
};
