export { actorColumns, type Actor } from "./actor.js";
export { createRecord, type CreateRecordOptions } from "./create-record.js";
export { deleteRecord, type DeleteRecordOptions } from "./delete-record.js";
export { getRecord } from "./get-record.js";
export { recordHistory, type HistoryEntry } from "./history.js";
export { parseListQuery, type ListQuery } from "./list-query.js";
export { listRecords, type RecordPage } from "./list-records.js";
export { loadScopedForm, type RecordScope } from "./record-scope.js";
export { etagOf, parseIfMatch } from "./record-version.js";
export { recordView, type RecordView } from "./record-view.js";
export {
  transitionRecord,
  type TransitionRecordOptions,
  type TransitionRecordResult,
} from "./transition-record.js";
export { updateRecord, type UpdateRecordOptions, type UpdateRecordResult } from "./update-record.js";
