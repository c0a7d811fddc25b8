import type { Field } from "@stagecraft/schemas";
import { t } from "./i18n.js";
import { INDUSTRIES, REGIONS } from "./option-sets.js";

/** The core `customer` fields (TEMPLATES.md §0); templates append their own after these. */
export function coreCustomerFields(): Field[] {
  return [
    {
      id: "customer_name",
      type: "text",
      label: t("客户名称", "Customer name"),
      required: true,
      maxLength: 200,
    },
    { id: "owner", type: "user", label: t("负责人", "Owner"), required: true },
    { id: "region", type: "select", label: t("区域", "Region"), required: true, options: [...REGIONS] },
    { id: "industry", type: "select", label: t("行业", "Industry"), options: [...INDUSTRIES] },
    { id: "phone", type: "phone", label: t("电话", "Phone") },
    { id: "email", type: "email", label: t("邮箱", "Email") },
    {
      id: "last_activity_at",
      type: "datetime",
      label: t("最近跟进时间", "Last activity at"),
      help: t("完成跟进记录时自动更新", "Set automatically when a follow-up is marked done"),
    },
  ];
}
