export { assembleKpiResult } from "./assemble.js";
export { compileKpi } from "./compile-kpi.js";
export { goalBetween, goalFor } from "./goal.js";
export { KPI_ERROR_CODES, KpiError, type KpiErrorCode } from "./kpi-error.js";
export type * from "./kpi-spec.js";
export {
  MAX_PERIODS,
  parsePeriodKey,
  periodBuckets,
  periodKey,
  periodRange,
  periodsBetween,
  type PeriodBucket,
  type PeriodRange,
} from "./periods.js";
export {
  memberShare,
  splitAmounts,
  splitGoalBetween,
  type SplitAmounts,
  type SplitGoal,
} from "./split-goal.js";
export { startOfDay } from "./zoned-midnight.js";
