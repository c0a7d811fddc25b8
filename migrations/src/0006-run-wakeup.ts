import { sql, type Kysely } from "kysely";

/** The channel a commit that queued rule runs notifies; idle workers listen on it. */
export const RUNS_QUEUED_CHANNEL = "stagecraft_runs_queued";

/**
 * Workers sleep between polls when the queue is empty. A statement that inserts rule runs now
 * notifies RUNS_QUEUED_CHANNEL; Postgres delivers it when the transaction commits (never for a
 * rolled-back one, once per transaction however many runs it queued), so a worker starts a run
 * right after the write that queued it instead of at its next poll.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function stagecraft_runs_queued() returns trigger language plpgsql as $$
    begin
      perform pg_notify(${sql.lit(RUNS_QUEUED_CHANNEL)}, '');
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger rule_runs_queued after insert on rule_runs
    for each statement execute function stagecraft_runs_queued()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger rule_runs_queued on rule_runs`.execute(db);
  await sql`drop function stagecraft_runs_queued()`.execute(db);
}
