import type { Rule } from "@stagecraft/schemas";
import { activityRules } from "./activity-rules.js";
import { contractRules } from "./contract-rules.js";
import { balanceRules } from "./balance-rules.js";
import { goalScaffoldRules } from "./goal-scaffold.js";
import { leadRules } from "./lead-rules.js";
import { paceRules } from "./pace-rules.js";
import { reviewRules } from "./review-rules.js";

/** The flagship's automation R1–R11 (several TEMPLATES.md rules take more than one rule here). */
export function salesPlanRules(): Rule[] {
  return [
    ...goalScaffoldRules(),
    ...balanceRules(),
    ...leadRules(),
    ...activityRules(),
    ...contractRules(),
    ...reviewRules(),
    ...paceRules(),
  ];
}
