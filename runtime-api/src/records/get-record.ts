import type { Runtime } from "../runtime.js";
import { findRecord } from "./find-record.js";
import { loadScopedForm, type RecordScope } from "./record-scope.js";
import { recordView, type RecordView } from "./record-view.js";

/** One record of the scope; 404 when the app, form or record is unknown in the workspace. */
export async function getRecord(runtime: Runtime, scope: RecordScope, recordId: string): Promise<RecordView> {
  await loadScopedForm(runtime, scope);
  return recordView(await findRecord(runtime.db, scope, recordId));
}
