import type { I18nText } from "@stagecraft/schemas";
import { t } from "./shared/i18n.js";

/** A recommended combination of templates (TEMPLATES.md §C), installed as one app. */
export interface TemplateCombination {
  id: string;
  name: I18nText;
  /** In order: the first template owns the pipelines of forms several of them define. */
  templateIds: string[];
  /** Where the recommendation comes from. */
  basis: string;
}

/** The recommended combinations of the catalogue, in its order. */
export const TEMPLATE_COMBINATIONS: readonly TemplateCombination[] = [
  {
    id: "internet-company",
    name: t("互联网公司", "Internet company"),
    templateIds: ["automated-sales", "data-driven", "customer-lifecycle"],
    basis: "002 §2",
  },
  {
    id: "traditional-company",
    name: t("传统企业", "Traditional company"),
    templateIds: ["structured-sales", "goal-oriented", "channel-sales"],
    basis: "002 §2",
  },
  {
    id: "small-team",
    name: t("小团队（≤10人）", "Small team (≤10 people)"),
    templateIds: ["goal-oriented", "incentive-driven"],
    basis: "002 FAQ1",
  },
  {
    id: "mid-size",
    name: t("中型团队（几十人）", "Mid-size team (dozens of people)"),
    templateIds: ["structured-sales", "region-industry", "data-driven"],
    basis: "002 FAQ1",
  },
  {
    id: "large-group",
    name: t("大型企业", "Large group"),
    templateIds: ["project-based", "customer-tiering", "cross-department", "data-driven"],
    basis: "002 FAQ1",
  },
  {
    id: "fmcg",
    name: t("快消", "FMCG"),
    templateIds: ["channel-sales", "region-industry"],
    basis: "002 FAQ1",
  },
  {
    id: "b2b-relationship",
    name: t("B2B 关系型销售", "B2B relationship selling"),
    templateIds: ["key-account-management", "customer-lifecycle"],
    basis: "002 FAQ1, our mapping",
  },
  {
    id: "sales-plan-core",
    name: t("销售运营计划核心版", "Sales plan core"),
    templateIds: ["sales-plan", "customer-tiering", "data-driven"],
    basis: "000 B2B case",
  },
  {
    id: "new-retail",
    name: t("新零售", "New retail"),
    templateIds: ["sales-plan", "customer-tiering", "event-marketing"],
    basis: "000 new-retail case",
  },
];
