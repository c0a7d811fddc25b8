import { sql, type Kysely } from "kysely";

/**
 * Day-level KPI rollups, kept exact in the transaction of every record write.
 *
 * - `kpi_rollup_plans`: per app and form, the rollups (keys) its KPIs read and `row_sql`, the SQL
 *   that turns record rows into signed contributions `(k, day, grp, rows, vn, total)`. The runtime
 *   generates it from the KPI specs (runtime-api/src/kpis/rollup-plan.ts); values reach it only as
 *   the jsonb parameter `$1` (never spliced into the text).
 * - `kpi_rollups`: per rollup key, local day and group key: the number of source rows, of non-null
 *   values and their exact numeric sum.
 * - Statement-level triggers on `records` (every write path: API, automation, imports, cascades)
 *   apply the contributions of the old rows with sign -1 and of the new rows with sign +1 under a
 *   shared advisory lock per app; a rollup is built under the exclusive lock, so a write is either
 *   in the build's snapshot or applies its delta, never both, never neither.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("kpi_rollup_plans")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("app_id", "text", (c) => c.notNull())
    .addColumn("form_id", "text", (c) => c.notNull())
    .addColumn("keys", sql`text[]`, (c) => c.notNull())
    .addColumn("branches", "jsonb", (c) => c.notNull())
    .addColumn("row_sql", "text", (c) => c.notNull())
    .addColumn("params", "jsonb", (c) => c.notNull())
    .addColumn("built_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("kpi_rollup_plans_pk", ["workspace_id", "app_id", "form_id"])
    .execute();
  await db.schema
    .createTable("kpi_rollups")
    .addColumn("workspace_id", "text", (c) => c.notNull())
    .addColumn("app_id", "text", (c) => c.notNull())
    .addColumn("rollup_key", "text", (c) => c.notNull())
    .addColumn("day", "date", (c) => c.notNull())
    .addColumn("grp", "text", (c) => c.notNull())
    .addColumn("rows", "bigint", (c) => c.notNull())
    .addColumn("vn", "bigint", (c) => c.notNull())
    .addColumn("total", "numeric", (c) => c.notNull())
    .addPrimaryKeyConstraint("kpi_rollups_pk", ["workspace_id", "app_id", "rollup_key", "day", "grp"])
    .execute();

  // The two advisory-lock keys of an app are hashtext('kpi_rollups') and hashtext(workspace/app).
  await sql`
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
        select p.keys, p.row_sql, p.params into plan from kpi_rollup_plans p
        where p.workspace_id = ws[i] and p.app_id = apps[i] and p.form_id = forms[i];
        continue when not found;
        -- Cells whose net change is zero (an update that moves nothing) are not touched; the
        -- others in key order, so concurrent writers lock cells in the same order.
        begin
          execute 'insert into kpi_rollups (workspace_id, app_id, rollup_key, day, grp, rows, vn, total)'
            || ' select $2, $3, d.k, d.day, d.grp, sum(d.rows), sum(d.vn), sum(d.total) from ('
            || replace(replace(plan.row_sql, '__rows__', source), '__sign__', 'r.kpi_sign') || ') d'
            || ' group by d.k, d.day, d.grp having sum(d.rows) <> 0 or sum(d.vn) <> 0 or sum(d.total) <> 0'
            || ' order by d.k, d.day, d.grp'
            || ' on conflict (workspace_id, app_id, rollup_key, day, grp) do update set rows = kpi_rollups.rows + excluded.rows,'
            || ' vn = kpi_rollups.vn + excluded.vn, total = kpi_rollups.total + excluded.total'
            using plan.params, ws[i], apps[i];
        exception when data_exception then
          -- A row the rollup SQL cannot read must never fail the record write: the form's rollups
          -- go, and its KPIs read the records until a query builds them again.
          raise warning 'kpi rollups of %/%/% dropped: %', ws[i], apps[i], forms[i], sqlerrm;
          delete from kpi_rollups k where k.workspace_id = ws[i] and k.app_id = apps[i]
            and k.rollup_key = any(plan.keys);
          delete from kpi_rollup_plans p where p.workspace_id = ws[i] and p.app_id = apps[i]
            and p.form_id = forms[i];
        end;
      end loop;
      return null;
    end
    $fn$`.execute(db);
  // Transition tables allow one event per trigger.
  await sql`create trigger kpi_rollup_insert after insert on records referencing new table as kpi_new for each statement execute function kpi_rollup_apply()`.execute(
    db,
  );
  await sql`create trigger kpi_rollup_update after update on records referencing old table as kpi_old new table as kpi_new for each statement execute function kpi_rollup_apply()`.execute(
    db,
  );
  await sql`create trigger kpi_rollup_delete after delete on records referencing old table as kpi_old for each statement execute function kpi_rollup_apply()`.execute(
    db,
  );
}

/** Drop the triggers, the function and the tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of ["kpi_rollup_insert", "kpi_rollup_update", "kpi_rollup_delete"]) {
    await sql`drop trigger if exists ${sql.id(name)} on records`.execute(db);
  }
  await sql`drop function if exists kpi_rollup_apply()`.execute(db);
  await db.schema.dropTable("kpi_rollups").ifExists().execute();
  await db.schema.dropTable("kpi_rollup_plans").ifExists().execute();
}
