// The physical limit of a record submission: pgbench running, per transaction, the statements the
// API issues for one POST …/records (captured with log_statement = 'all' on Postgres 15):
//   1. the session lookup (sessions ⋈ users by token hash)      — authentication
//   2. select version from apps                                 — the published-app cache check
//   3. one statement: the insert into records … returning every column, with the inserts into
//      stage_log, record_events (the audit event with its 28 changes) and rule_runs (2 rows, the
//      trigger event each) as data-modifying CTEs; atomic by itself, so no begin/commit
// with payloads of the same size as the API's (the stored data, changes and triggers of a real
// submission), so the ratio API ÷ pgbench is what the Node side costs on top of Postgres.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const RECORD_COLUMNS =
  '"workspace_id", "id", "app_id", "form_id", "stage", "owner_id", "version", "definition_version", "data", "created_by", "updated_by", "created_at", "updated_at", "stage_entered_at", "closed_at", "last_activity_at"';

// pgbench runs in simple query mode: in extended mode it turns every `:word`, even inside a string
// (the JSON's "…T09:30…"), into a parameter. Its variables are substituted as text, hence quoted.

/** A JSON value as a quoted literal (pgbench's lexer knows no dollar quoting). */
const literal = (value) => `'${JSON.stringify(value).replaceAll("'", "''")}'::jsonb`;

/**
 * The pgbench script of one submission. `sample` is a record the API created (its stored data),
 * `changes` its audit changes; the ids come from pgbench variables (-D ws, app, user, token).
 */
export function pgbenchScript(sample, changes) {
  const event = (id) => ({
    type: "record.created",
    depth: 0,
    formId: sample.formId,
    record: {
      id,
      data: sample.data,
      stage: sample.stage,
      formId: sample.formId,
      ownerId: sample.ownerId,
      createdAt: sample.createdAt,
      updatedAt: sample.updatedAt,
      stageEnteredAt: sample.stageEnteredAt,
    },
  });
  // The trigger carries the record id; a fixed uuid of the same length keeps the payload's size.
  const trigger = literal(event("00000000-0000-4000-8000-000000000000"));
  const run = (ruleId) =>
    `(':ws', gen_random_uuid()::text, ':app', 1, '${ruleId}', :rid, ${trigger}, 0, 'queued', 0, 5, 0, now(), '[]'::jsonb, now())`;
  // The API makes the record id itself (a uuid); here a client-side random number of similar length.
  const ctes = [
    `insert into "stage_log" ("workspace_id", "app_id", "form_id", "record_id", "stage", "entered_at", "entered_by") values (':ws', ':app', 'deal', :rid, 'lead', now(), ':user')`,
    `insert into "record_events" ("workspace_id", "app_id", "form_id", "record_id", "kind", "changes", "from_stage", "to_stage", "actor_type", "actor_id", "run_id", "at", "detail") values (':ws', ':app', 'deal', :rid, 'created', ${literal(changes)}, null, 'lead', 'user', ':user', null, now(), null)`,
    `insert into "rule_runs" ("workspace_id", "id", "app_id", "app_version", "rule_id", "record_id", "trigger", "depth", "status", "attempts", "max_attempts", "next_action", "run_at", "effects", "created_at") values ${run("triage_new_deal")}, ${run("prioritise_big_deal")}`,
  ];
  return [
    "\\set n random(1000000000000000000, 9000000000000000000)",
    `select "users"."id", "users"."workspace_id", "users"."role", "users"."email", "users"."name", "users"."is_owner", "sessions"."expires_at" from "sessions" inner join "users" on "users"."workspace_id" = "sessions"."workspace_id" and "users"."id" = "sessions"."user_id" where "sessions"."token_hash" = ':token';`,
    `select "version" from "apps" where "workspace_id" = ':ws' and "id" = ':app';`,
    `with ${ctes.map((cte, i) => `"w${i}" as (${cte})`).join(", ")} insert into "records" (${RECORD_COLUMNS}) values (':ws', :rid, ':app', 'deal', 'lead', ':user', 1, 1, ${literal(sample.data)}, ':user', ':user', now(), now(), now(), null, now()) returning ${RECORD_COLUMNS};`,
    "",
  ]
    .join("\n")
    .replaceAll(":rid", "'bench-:client_id-:n'");
}

/**
 * Run pgbench with `script` on `url` for `seconds` with `clients` connections; answers its
 * transactions per second and latency average (ms), as pgbench reports them.
 */
export async function runPgbench({ url, script, vars, clients, seconds }) {
  const dir = mkdtempSync(join(tmpdir(), "stagecraft-pgbench-"));
  const file = join(dir, "submit.sql");
  writeFileSync(file, script);
  const args = ["-n", "-M", "simple", "-f", file, "-c", String(clients), "-j", "2", "-T", String(seconds)];
  for (const [name, value] of Object.entries(vars)) args.push("-D", `${name}=${value}`);
  args.push(url);
  try {
    const output = await new Promise((resolve, reject) => {
      const child = spawn(process.env["PGBENCH"] ?? "pgbench", args, { stdio: ["ignore", "pipe", "pipe"] });
      const chunks = [];
      child.stdout.on("data", (chunk) => chunks.push(String(chunk)));
      child.stderr.on("data", (chunk) => chunks.push(String(chunk)));
      child.on("error", reject);
      child.on("exit", (code) =>
        code === 0
          ? resolve(chunks.join(""))
          : reject(new Error(`pgbench exited ${code}:\n${chunks.join("")}`)),
      );
    });
    const tps = /tps = ([\d.]+)/.exec(output);
    const latency = /latency average = ([\d.]+) ms/.exec(output);
    const failed = /number of failed transactions: (\d+)/.exec(output);
    if (!tps || !latency) throw new Error(`unexpected pgbench output:\n${output}`);
    if (failed && failed[1] !== "0") throw new Error(`pgbench transactions failed:\n${output}`);
    return { tps: Number(tps[1]), latencyMs: Number(latency[1]), output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
