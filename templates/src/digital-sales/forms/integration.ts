import type { Form } from "@stagecraft/schemas";
import { or0, v } from "../../shared/expressions.js";
import { option, t } from "../../shared/i18n.js";

/** `integration` (系统集成): a connected system, its events and its health. */
export const integrationForm: Form = {
  id: "integration",
  name: t("系统集成", "Integration"),
  titleField: "system_name",
  fields: [
    { id: "system_name", type: "text", label: t("系统名称", "System"), required: true, maxLength: 200 },
    {
      id: "system_type",
      type: "select",
      label: t("系统类型", "Type"),
      required: true,
      options: [
        option("erp", "ERP", "ERP"),
        option("finance", "财务系统", "Finance"),
        option("e_sign", "电子签章", "E-signature"),
        option("im", "即时通讯", "Messaging"),
        option("bi", "BI 报表", "BI"),
      ],
    },
    {
      id: "direction",
      type: "select",
      label: t("数据方向", "Direction"),
      required: true,
      options: [
        option("inbound", "流入", "Inbound"),
        option("outbound", "流出", "Outbound"),
        option("both", "双向", "Both"),
      ],
    },
    {
      id: "events",
      type: "multiselect",
      label: t("同步事件", "Events"),
      required: true,
      options: [
        option("deal_won", "赢单", "Deal won"),
        option("contract_signed", "合同签署", "Contract signed"),
        option("payment_received", "回款到账", "Payment received"),
      ],
    },
    { id: "owner", type: "user", label: t("负责人", "Owner"), required: true },
    {
      id: "status",
      type: "select",
      label: t("状态", "Status"),
      required: true,
      default: "testing",
      options: [
        option("testing", "测试中", "Testing"),
        option("live", "已上线", "Live"),
        option("failing", "异常", "Failing"),
      ],
    },
    { id: "last_success_at", type: "datetime", label: t("最近成功同步", "Last success at") },
    // Not in TEMPLATES.md: the sync counts integration_success is computed from (written through the API).
    {
      id: "success_count",
      type: "number",
      label: t("成功次数", "Successful syncs"),
      default: 0,
      min: 0,
      precision: 0,
    },
    {
      id: "failure_count",
      type: "number",
      label: t("失败次数", "Failed syncs"),
      default: 0,
      min: 0,
      precision: 0,
    },
    {
      id: "total_syncs",
      type: "formula",
      label: t("同步总次数", "Syncs"),
      resultType: "number",
      precision: 0,
      expression: { "+": [or0(v("success_count")), or0(v("failure_count"))] },
    },
  ],
};
