// Test-only surface of the runtime for suites outside this package (tests/scenarios…): a server
// on a fresh database, and the automation parts a suite drives by hand. Source-only export.
export { ManualClock } from "./clock.js";
export { createApplyRecordEffect } from "./automation/apply-record-effect.js";
export type { OutboundRequest, OutboundResponse } from "./automation/http-transport.js";
export { createRuleExecutor } from "./automation/rule-executor.js";
export { schedulerTick } from "./automation/scheduler.js";
export { Worker } from "./automation/worker.js";
export type { Database } from "./db/tables.js";
export {
  defaultWorkspaceId,
  insertPublishedApp,
  OWNER_EMAIL,
  OWNER_PASSWORD,
  startTestRuntime,
  type TestRuntime,
} from "./test-runtime.js";
