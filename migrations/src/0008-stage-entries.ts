import { sql, type Kysely, type RawBuilder } from "kysely";

/**
 * Stage-log KPIs served by the day-level rollups of 0007.
 *
 * - `records.stage_entries` (jsonb): every entry of the record into a stage, from its stage-log
 *   rows, as `{stage: [entered_at, …]}` sorted by time (UTC text with microseconds, so it casts back
 *   to the exact instant): element 0 is the first entry (`stage_entered` moments), the whole list
 *   the rows a stage-log KPI part reads. Statement-level triggers on `stage_log` keep it exact for
 *   every write path (the record row is locked first, then the list re-read from the log), and a
 *   row trigger fills it on insert (log rows of an earlier record of the same id, or else the entry
 *   into the stage it is created in, so the log row that follows changes nothing). Writing it fires
 *   the records rollup triggers, so a rollup reading it is kept exact like any other.
 * - `kpi_rollups.since`: a count of distinct records over stage-log rows is not additive by day (a
 *   record re-entering a stage counts once). Each row of a record carries the day of the record's
 *   previous row in the same rollup (`since`, -infinity for the first, and for every record-sourced
 *   rollup): the records with a row in [F, T) are exactly the rows in [F, T) with since < F.
 * - `kpi_rollup_plans.entries_row_sql/entries_params`: the plan of the rollups reading
 *   stage_entries only (null: none). The stage-log triggers flag their update of stage_entries
 *   (`stagecraft.rollup_rows`, transaction-local) so the rollup trigger applies just that plan.
 * Existing plans and cells are dropped (their row SQL has no `since`); queries rebuild them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`delete from kpi_rollup_plans`.execute(db);
  await sql`delete from kpi_rollups`.execute(db);
  await sql`alter table kpi_rollups add column since date not null default '-infinity'`.execute(db);
  // The plan of the rollups that read stage_entries: all the stage-log triggers' updates can move.
  await sql`alter table kpi_rollup_plans add column entries_row_sql text`.execute(db);
  await sql`alter table kpi_rollup_plans add column entries_params jsonb`.execute(db);
  await sql`alter table kpi_rollups drop constraint kpi_rollups_pk`.execute(db);
  await sql`alter table kpi_rollups add constraint kpi_rollups_pk
    primary key (workspace_id, app_id, rollup_key, day, grp, since)`.execute(db);
  await applyFunction(true).execute(db);

  await sql`alter table records add column stage_entries jsonb not null default '{}'::jsonb`.execute(db);
  await sql`
    create or replace function record_stage_entries(ws text, rid text) returns jsonb language sql stable as $fn$
      select coalesce(jsonb_object_agg(s.stage, s.entries), '{}'::jsonb) from (
        select l.stage, jsonb_agg(${entryText()} order by l.entered_at) as entries
        from stage_log l where l.workspace_id = ws and l.record_id = rid group by l.stage) s
    $fn$`.execute(db);
  // Backfill in one pass over the log (no triggers yet, no rollup plans to maintain).
  await sql`
    update records r set stage_entries = s.entries
    from (select x.workspace_id, x.record_id, jsonb_object_agg(x.stage, x.entries) as entries
          from (select l.workspace_id, l.record_id, l.stage, jsonb_agg(${entryText()} order by l.entered_at) as entries
                from stage_log l group by l.workspace_id, l.record_id, l.stage) x
          group by x.workspace_id, x.record_id) s
    where r.workspace_id = s.workspace_id and r.id = s.record_id`.execute(db);

  await sql`
    create or replace function records_stage_entries_fill() returns trigger language plpgsql as $fn$
    begin
      if exists (select 1 from stage_log l where l.workspace_id = new.workspace_id and l.record_id = new.id) then
        new.stage_entries := record_stage_entries(new.workspace_id, new.id);
      elsif new.stage is not null and new.stage_entered_at is not null then
        -- A record is created in its stage together with the log row of that entry (same instant):
        -- writing the entry now spares the log trigger an update of the row it has just inserted.
        -- The log trigger re-reads the log all the same and corrects any difference.
        new.stage_entries := jsonb_build_object(new.stage, jsonb_build_array(
          to_char(new.stage_entered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')));
      else
        new.stage_entries := '{}'::jsonb;
      end if;
      return new;
    end
    $fn$`.execute(db);
  await sql`create trigger records_stage_entries_fill before insert on records
    for each row execute function records_stage_entries_fill()`.execute(db);

  await sql`
    create or replace function stage_entries_sync() returns trigger language plpgsql as $fn$
    declare
      ws text[];
      ids text[];
    begin
      -- The records whose entries may change: every row inserted or deleted, updated rows whose
      -- record, stage or entry time changed (closing a stint changes nothing here).
      if tg_op = 'INSERT' then
        select array_agg(c.workspace_id), array_agg(c.record_id) into ws, ids
        from (select distinct n.workspace_id, n.record_id from stage_new n order by 1, 2) c;
      elsif tg_op = 'DELETE' then
        select array_agg(c.workspace_id), array_agg(c.record_id) into ws, ids
        from (select distinct o.workspace_id, o.record_id from stage_old o order by 1, 2) c;
      else
        select array_agg(c.workspace_id), array_agg(c.record_id) into ws, ids
        from (select o.workspace_id, o.record_id from stage_old o join stage_new n on n.workspace_id = o.workspace_id and n.id = o.id
              where (o.record_id, o.stage, o.entered_at) is distinct from (n.record_id, n.stage, n.entered_at)
              union select n.workspace_id, n.record_id from stage_old o join stage_new n on n.workspace_id = o.workspace_id and n.id = o.id
              where (o.record_id, o.stage, o.entered_at) is distinct from (n.record_id, n.stage, n.entered_at)
              order by 1, 2) c;
      end if;
      if ws is null then
        return null;
      end if;
      -- Lock the records first (in key order), then read the log in a new snapshot: a concurrent
      -- writer of the same record's log either committed before (and is read) or waits for us.
      perform 1 from records r join unnest(ws, ids) c(workspace_id, record_id)
        on r.workspace_id = c.workspace_id and r.id = c.record_id
      order by r.workspace_id, r.id for update of r;
      -- This update changes stage_entries only: the rollup trigger applies just the rollups reading it.
      perform set_config('stagecraft.rollup_rows', 'stage_entries', true);
      update records r set stage_entries = c.entries
      from (select u.workspace_id, u.record_id, record_stage_entries(u.workspace_id, u.record_id) as entries
            from unnest(ws, ids) u(workspace_id, record_id)) c
      where r.workspace_id = c.workspace_id and r.id = c.record_id and r.stage_entries is distinct from c.entries;
      perform set_config('stagecraft.rollup_rows', '', true);
      return null;
    end
    $fn$`.execute(db);
  await sql`create trigger stage_entries_insert after insert on stage_log referencing new table as stage_new
    for each statement execute function stage_entries_sync()`.execute(db);
  await sql`create trigger stage_entries_update after update on stage_log referencing old table as stage_old
    new table as stage_new for each statement execute function stage_entries_sync()`.execute(db);
  await sql`create trigger stage_entries_delete after delete on stage_log referencing old table as stage_old
    for each statement execute function stage_entries_sync()`.execute(db);
}

/** An entry time as stored: UTC text with microseconds, so it sorts and casts back exactly. */
function entryText(): RawBuilder<unknown> {
  return sql`to_char(l.entered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** The rollup trigger function of 0007, writing cells keyed by `since` too (or not, for down). */
function applyFunction(withSince: boolean): RawBuilder<unknown> {
  const since = withSince ? ", since" : "";
  const entriesCols = withSince ? ", p.entries_row_sql, p.entries_params" : "";
  // An update of stage_entries alone (flagged by stage_entries_sync) moves only the rollups reading it.
  const entriesOnly = withSince
    ? `
        if tg_op = 'UPDATE' and coalesce(current_setting('stagecraft.rollup_rows', true), '') = 'stage_entries' then
          continue when plan.entries_row_sql is null;
          plan.row_sql := plan.entries_row_sql;
          plan.params := plan.entries_params;
        end if;`
    : "";
  const dSince = withSince ? ", d.since" : "";
  return sql`
    create or replace function kpi_rollup_apply() returns trigger language plpgsql as $fn$
    declare
      ws text[];
      apps text[];
      forms text[];
      plan record;
      source text;
    begin
      -- Static SQL (cached plans) for the scopes; transition tables exist only for their event.
      if tg_op = 'INSERT' then
        select array_agg(s.workspace_id), array_agg(s.app_id), array_agg(s.form_id) into ws, apps, forms
        from (select distinct n.workspace_id, n.app_id, n.form_id from kpi_new n order by 1, 2, 3) s;
        source := '(select 1 as kpi_sign, n.* from kpi_new n)';
      elsif tg_op = 'DELETE' then
        select array_agg(s.workspace_id), array_agg(s.app_id), array_agg(s.form_id) into ws, apps, forms
        from (select distinct o.workspace_id, o.app_id, o.form_id from kpi_old o order by 1, 2, 3) s;
        source := '(select -1 as kpi_sign, o.* from kpi_old o)';
      else
        select array_agg(s.workspace_id), array_agg(s.app_id), array_agg(s.form_id) into ws, apps, forms
        from (select o.workspace_id, o.app_id, o.form_id from kpi_old o
              union select n.workspace_id, n.app_id, n.form_id from kpi_new n order by 1, 2, 3) s;
        source := '(select -1 as kpi_sign, o.* from kpi_old o union all select 1, n.* from kpi_new n)';
      end if;
      for i in 1 .. coalesce(array_length(ws, 1), 0) loop
        if i = 1 or ws[i] <> ws[i - 1] or apps[i] <> apps[i - 1] then
          perform pg_advisory_xact_lock_shared(hashtext('kpi_rollups'), hashtext(ws[i] || '/' || apps[i]));
        end if;
        select p.keys, p.row_sql, p.params${sql.raw(entriesCols)} into plan from kpi_rollup_plans p
        where p.workspace_id = ws[i] and p.app_id = apps[i] and p.form_id = forms[i];
        continue when not found;${sql.raw(entriesOnly)}
        begin
          execute 'insert into kpi_rollups (workspace_id, app_id, rollup_key, day, grp${sql.raw(since)}, rows, vn, total)'
            || ' select $2, $3, d.k, d.day, d.grp${sql.raw(dSince)}, sum(d.rows), sum(d.vn), sum(d.total) from ('
            || replace(replace(plan.row_sql, '__rows__', source), '__sign__', 'r.kpi_sign') || ') d'
            || ' group by d.k, d.day, d.grp${sql.raw(dSince)} having sum(d.rows) <> 0 or sum(d.vn) <> 0 or sum(d.total) <> 0'
            || ' order by d.k, d.day, d.grp${sql.raw(dSince)}'
            || ' on conflict (workspace_id, app_id, rollup_key, day, grp${sql.raw(since)}) do update set rows = kpi_rollups.rows + excluded.rows,'
            || ' vn = kpi_rollups.vn + excluded.vn, total = kpi_rollups.total + excluded.total'
            using plan.params, ws[i], apps[i];
        exception when data_exception then
          raise warning 'kpi rollups of %/%/% dropped: %', ws[i], apps[i], forms[i], sqlerrm;
          delete from kpi_rollups k where k.workspace_id = ws[i] and k.app_id = apps[i]
            and k.rollup_key = any(plan.keys);
          delete from kpi_rollup_plans p where p.workspace_id = ws[i] and p.app_id = apps[i]
            and p.form_id = forms[i];
        end;
      end loop;
      return null;
    end
    $fn$`;
}

/** Drop the triggers, functions and column; rollups go back to 0007's cells (rebuilt on use). */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of ["stage_entries_insert", "stage_entries_update", "stage_entries_delete"]) {
    await sql`drop trigger if exists ${sql.id(name)} on stage_log`.execute(db);
  }
  await sql`drop trigger if exists records_stage_entries_fill on records`.execute(db);
  await sql`drop function if exists stage_entries_sync()`.execute(db);
  await sql`drop function if exists records_stage_entries_fill()`.execute(db);
  await sql`drop function if exists record_stage_entries(text, text)`.execute(db);
  await sql`alter table records drop column if exists stage_entries`.execute(db);
  await sql`delete from kpi_rollup_plans`.execute(db);
  await sql`delete from kpi_rollups`.execute(db);
  await sql`alter table kpi_rollups drop constraint kpi_rollups_pk`.execute(db);
  await sql`alter table kpi_rollups drop column since`.execute(db);
  await sql`alter table kpi_rollup_plans drop column entries_row_sql`.execute(db);
  await sql`alter table kpi_rollup_plans drop column entries_params`.execute(db);
  await sql`alter table kpi_rollups add constraint kpi_rollups_pk
    primary key (workspace_id, app_id, rollup_key, day, grp)`.execute(db);
  await applyFunction(false).execute(db);
}
