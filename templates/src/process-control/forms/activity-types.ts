import type { Option } from "@stagecraft/schemas";
import { option } from "../../shared/i18n.js";

/** The process steps the standard measures (TEMPLATES.md B7), shared by standards and visits. */
export const ACTIVITY_TYPES = ["first_visit", "follow_up", "proposal", "site_tour"] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const ACTIVITY_TYPE_OPTIONS: readonly Option[] = [
  option("first_visit", "首次拜访", "First visit"),
  option("follow_up", "跟进拜访", "Follow-up visit"),
  option("proposal", "方案讲解", "Proposal presentation"),
  option("site_tour", "参观考察", "Site tour"),
];
