/**
 * Kysely migrations of the runtime database, applied in name order on start (the same ones on
 * PGlite and Postgres). The tables arrive with the runtime: this package exists so the workspace
 * has its final shape from the start.
 */
export const MIGRATION_NAMES: readonly string[] = [];
