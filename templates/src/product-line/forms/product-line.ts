import type { Form } from "@stagecraft/schemas";
import { t } from "../../shared/i18n.js";

/** `product_line` (产品线): its manager, specialists, annual target and discount cap. */
export const productLineForm: Form = {
  id: "product_line",
  name: t("产品线", "Product line"),
  titleField: "name",
  fields: [
    { id: "name", type: "text", label: t("产品线名称", "Name"), required: true, maxLength: 100 },
    { id: "line_manager", type: "user", label: t("产品线经理", "Line manager"), required: true },
    {
      id: "specialists",
      type: "subform",
      label: t("产品专家", "Specialists"),
      required: true,
      minRows: 1,
      fields: [{ id: "member", type: "user", label: t("专家", "Specialist"), required: true }],
    },
    { id: "annual_target", type: "money", label: t("年度目标", "Annual target"), required: true, min: 0 },
    {
      id: "max_discount",
      type: "percent",
      label: t("折扣上限", "Discount cap"),
      required: true,
      min: 0,
      max: 1,
    },
    {
      id: "effective_from",
      type: "date",
      label: t("生效日期", "Effective from"),
      required: true,
      help: t("商机按当日生效的产品线配置分配专家", "Deals get specialists from the lines in force that day"),
    },
    {
      // Lines are looked up by their data (a config lookup), so the record carries its own id.
      id: "line_id",
      type: "text",
      label: t("产品线记录号（自动）", "Line record id (automatic)"),
      readOnlyWhen: true,
    },
  ],
};
