import type { Migration, MigrationProvider } from "kysely";
import * as initial from "./0001-initial.js";
import * as instanceSecrets from "./0002-instance-secrets.js";
import * as kpiIndexes from "./0003-kpi-indexes.js";
import * as approvals from "./0004-approvals.js";
import * as appMembers from "./0005-app-members.js";
import * as runWakeup from "./0006-run-wakeup.js";
import * as kpiRollups from "./0007-kpi-rollups.js";
import * as stageEntries from "./0008-stage-entries.js";

/**
 * Kysely migrations of the runtime database, applied in name order on start (the same ones on
 * PGlite and Postgres). Add a file per change; never edit one that has shipped.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  "0001-initial": initial,
  "0002-instance-secrets": instanceSecrets,
  "0003-kpi-indexes": kpiIndexes,
  "0004-approvals": approvals,
  "0005-app-members": appMembers,
  "0006-run-wakeup": runWakeup,
  "0007-kpi-rollups": kpiRollups,
  "0008-stage-entries": stageEntries,
};

export { RUNS_QUEUED_CHANNEL } from "./0006-run-wakeup.js";

/** The names of the migrations, in the order they apply. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(migrations).sort();

/** A Kysely MigrationProvider serving the migrations above (no file system access). */
export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...migrations }),
};
