import type { Field, Form } from "@stagecraft/schemas";
import { t } from "../../shared/i18n.js";

function threshold(id: string, zh: string, en: string, type: "money" | "number", dflt?: number): Field {
  return {
    id,
    type,
    label: t(zh, en),
    required: true,
    min: 0,
    ...(type === "number" ? { precision: 0 } : {}),
    ...(dflt === undefined ? {} : { default: dflt }),
  };
}

/**
 * `tiering_rule` (分级标准): versioned criteria; the version whose effective_from is the latest
 * on or before today is in force, so changing the criteria never rewrites history.
 */
export const tieringRuleForm: Form = {
  id: "tiering_rule",
  name: t("分级标准", "Tiering criteria"),
  description: t(
    "按年价值 × 潜力分 A/B/C 三级，并规定各级回访周期；新版本从生效日起适用",
    "A/B/C tiers from annual value × potential and the touch cadence of each; a new version applies from its effective date",
  ),
  titleField: "version",
  fields: [
    { id: "version", type: "text", label: t("版本", "Version"), required: true, maxLength: 50 },
    { id: "effective_from", type: "date", label: t("生效日期", "Effective from"), required: true },
    threshold("a_value", "A 级年价值门槛", "A-tier annual value", "money"),
    threshold("b_value", "B 级年价值门槛", "B-tier annual value", "money"),
    threshold("a_pot", "A 级潜力分门槛", "A-tier potential score", "number"),
    threshold("b_pot", "B 级潜力分门槛", "B-tier potential score", "number"),
    threshold("cad_a", "A 级回访周期（天）", "A-tier cadence (days)", "number", 7),
    threshold("cad_b", "B 级回访周期（天）", "B-tier cadence (days)", "number", 30),
    threshold("cad_c", "C 级回访周期（天）", "C-tier cadence (days)", "number", 90),
  ],
};
