import type { I18nText } from "@stagecraft/schemas";
import { t } from "../shared/i18n.js";

/** One CSV column: the header people use, the field it fills, and for references the lookup key. */
export interface ImportColumn {
  header: I18nText;
  field: string;
  /** For a reference field: the field of the referenced form the cell is matched against. */
  lookupBy?: string;
}

/** How a CSV of existing data maps onto a form (the app schema has no place for this). */
export interface ImportMap {
  form: string;
  columns: readonly ImportColumn[];
}

/** The flagship's CSV import maps, for moving customers and deals over from spreadsheets. */
export const SALES_PLAN_IMPORT_MAPS: readonly ImportMap[] = [
  {
    form: "customer",
    columns: [
      { header: t("客户名称", "Customer name"), field: "customer_name" },
      { header: t("负责人", "Owner"), field: "owner" },
      { header: t("区域", "Region"), field: "region" },
      { header: t("行业", "Industry"), field: "industry" },
      { header: t("电话", "Phone"), field: "phone" },
      { header: t("邮箱", "Email"), field: "email" },
      { header: t("企业规模", "Company size"), field: "company_size" },
      { header: t("年度价值", "Annual value"), field: "annual_value" },
      { header: t("客户层级", "Tier"), field: "tier" },
      { header: t("客户状态", "Status"), field: "status" },
    ],
  },
  {
    form: "deal",
    columns: [
      { header: t("商机名称", "Deal name"), field: "deal_name" },
      { header: t("客户名称", "Customer name"), field: "customer", lookupBy: "customer_name" },
      { header: t("负责人", "Owner"), field: "owner" },
      { header: t("预计金额", "Amount"), field: "amount" },
      { header: t("预计成交日期", "Expected close date"), field: "expected_close_date" },
      { header: t("商机类型", "Deal type"), field: "deal_type" },
      { header: t("赢单概率", "Win probability"), field: "win_probability" },
      { header: t("需求概要", "Needs summary"), field: "needs_summary" },
      { header: t("决策人", "Decision maker"), field: "decision_maker" },
      { header: t("客户预算", "Budget"), field: "budget_amount" },
    ],
  },
];
