// API and automation benchmark on real Postgres (and the embedded PGlite mode): record submission
// throughput and latency through HTTP against pgbench running the same statements, automation
// latency from the write to its effect under load, worker throughput, start-up time and memory.
// Run with `DATABASE_URL=postgres://… pnpm bench:api` (builds runtime-api first). It creates its
// own database on that server and drops it afterwards, starts its own processes, prints a table
// and rewrites the API section of BENCHMARKS.md. Durations: API_BENCH_SECONDS (default 20),
// API_BENCH_LONG_SECONDS (memory run, default 180), API_BENCH_CONNECTIONS (default 20),
// API_BENCH_WORKERS (worker loops of the worker process during the latency run, default 4),
// API_BENCH_LOW_RATE (the second automation latency run, requests/s, default 10),
// API_BENCH_API_PROCESSES (the server processes of the second throughput run and of the latency
// runs, API_PROCESSES of the server, default 2).
// API_BENCH_CASES (comma-separated, default all: submit, pgbench, worker, latency, memory, embedded)
// runs only some cases; a partial run prints its figures and leaves BENCHMARKS.md alone. Every
// Postgres case but pgbench needs `submit` (the worker drains the backlog it queued), so it always runs.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { apiBenchDefinition, apiBenchSubmission } from "./api-fixtures.mjs";
import { MEMORY_PROBE, serverMemory, submitLoad } from "./api-load.mjs";
import { pgbenchScript, runPgbench } from "./api-pgbench.mjs";
import { apiSession, connect, freshDatabase, startApi, startWorker } from "./api-processes.mjs";
import { writeApiSection } from "./api-report.mjs";

const SECONDS = Number(process.env["API_BENCH_SECONDS"] ?? 20);
const LONG_SECONDS = Number(process.env["API_BENCH_LONG_SECONDS"] ?? 180);
const CONNECTIONS = Number(process.env["API_BENCH_CONNECTIONS"] ?? 20);
const WORKERS = Number(process.env["API_BENCH_WORKERS"] ?? 4);
const LOW_RATE = Number(process.env["API_BENCH_LOW_RATE"] ?? 10);
const API_PROCESSES = Number(process.env["API_BENCH_API_PROCESSES"] ?? 2);
const ALL_CASES = ["submit", "pgbench", "worker", "latency", "memory", "embedded"];
const CASES = new Set(
  (process.env["API_BENCH_CASES"] ?? ALL_CASES.join(","))
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== ""),
);
const unknownCases = [...CASES].filter((name) => !ALL_CASES.includes(name));
if (unknownCases.length > 0) {
  console.error(`api-bench: unknown case(s) ${unknownCases.join(", ")}; known: ${ALL_CASES.join(", ")}`);
  process.exit(1);
}
const FULL_RUN = ALL_CASES.every((name) => CASES.has(name));
// pgbench gets as many connections as the API's pool (runtime-api/src/db/database.ts).
const PG_CLIENTS = 10;
const NODE_ARGS = ["--expose-gc", "--import", MEMORY_PROBE];

const url = process.env["DATABASE_URL"];
if (!url) {
  console.error(
    "api-bench: DATABASE_URL is not set. It needs a Postgres server on which it may create (and drop) a database.",
  );
  process.exit(1);
}

const results = {
  connections: CONNECTIONS,
  seconds: SECONDS,
  workers: WORKERS,
  pgClients: PG_CLIENTS,
  apiProcesses: API_PROCESSES,
};
const log = (line) => console.log(`[api-bench] ${line}`);

/** Install the benchmark app through the API and submit one record; answers what the load needs. */
async function installApp(base) {
  const { token, call } = await apiSession(base);
  const app = await call("/api/apps", {
    method: "POST",
    body: JSON.stringify({ definition: apiBenchDefinition() }),
  });
  const sample = await call(`/api/apps/${app.id}/forms/deal/records`, {
    method: "POST",
    body: JSON.stringify({ data: apiBenchSubmission() }),
  });
  return { token, appId: app.id, sample };
}

/** CPU seconds (user + system) a process has used so far, from /proc (0 where there is none). */
function cpuSeconds(pid) {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return 0;
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = readFileSync(stat, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds used so far by each process of the database server (same machine only), by pid. */
async function serverCpuSeconds(client) {
  const { rows } = await client.query("select pid from pg_stat_activity");
  return new Map(rows.map((row) => [row.pid, cpuSeconds(row.pid)]));
}

/** CPU seconds the server's processes used between two serverCpuSeconds (those alive at both). */
function serverCpuUsed(before, after) {
  let sum = 0;
  for (const [pid, seconds] of after) if (before.has(pid)) sum += seconds - before.get(pid);
  return sum;
}

/** Wait until no rule run is queued or running (at most `timeoutS`); answers whether it drained. */
async function drained(client, timeoutS) {
  const deadline = Date.now() + timeoutS * 1000;
  while (Date.now() < deadline) {
    const { rows } = await client.query(
      "select count(*)::int as n from rule_runs where status in ('queued', 'running')",
    );
    if (rows[0].n === 0) return true;
    await sleep(250);
  }
  return false;
}

/** pgbench on the same statements, then its rows removed (they are not the API's). */
async function pgbenchRun(client, database, sample, appId) {
  const ids = await client.query(
    "select s.token_hash, s.workspace_id, s.user_id from sessions s order by s.created_at desc limit 1",
  );
  const changes = await client.query("select changes from record_events where record_id = $1", [sample.id]);
  const pgbenchFrom = (await client.query("select now() as at")).rows[0].at;
  results.pgbench = await runPgbench({
    url: database.url,
    script: pgbenchScript(sample, changes.rows[0].changes),
    vars: {
      ws: ids.rows[0].workspace_id,
      app: appId,
      user: ids.rows[0].user_id,
      token: ids.rows[0].token_hash,
    },
    clients: PG_CLIENTS,
    seconds: SECONDS,
  });
  log(`pgbench ${results.pgbench.tps.toFixed(0)} tps, ${results.pgbench.latencyMs} ms average`);
  // pgbench's rows are not the API's: its rule runs must not reach the worker.
  for (const [table, column] of [
    ["rule_runs", "created_at"],
    ["record_events", "at"],
    ["stage_log", "entered_at"],
    ["records", "created_at"],
  ])
    await client.query(`delete from ${table} where ${column} >= $1`, [pgbenchFrom]);
}

async function postgresRuns() {
  const database = await freshDatabase(url);
  log(`database ${database.name}`);
  let api;
  let apis;
  let worker;
  const client = await connect(database.url);
  try {
    const version = await client.query("select current_setting('server_version') as v");
    results.postgres = version.rows[0].v;
    api = await startApi({ DATABASE_URL: database.url, WORKERS: "0" }, NODE_ARGS);
    const { token, appId, sample } = await installApp(api.base);
    const load = { base: api.base, token, appId, connections: CONNECTIONS };
    results.memoryStart = await serverMemory(api);

    // 1. Throughput: a warm-up, then the measured run; pgbench right after on the same database.
    await submitLoad({ ...load, seconds: 3 });
    results.memoryWarm = await serverMemory(api);
    results.api = await submitLoad({ ...load, seconds: SECONDS });
    log(
      `API ${results.api.perSecond.toFixed(0)} req/s, p50 ${results.api.p50} ms, p99 ${results.api.p99} ms`,
    );
    // The same load on API_PROCESSES server processes sharing one port (the latency runs' server).
    apis = await startApi({ DATABASE_URL: database.url, WORKERS: "0", API_PROCESSES: String(API_PROCESSES) });
    const loadN = { ...load, base: apis.base };
    await submitLoad({ ...loadN, seconds: 3 });
    results.apiN = await submitLoad({ ...loadN, seconds: SECONDS });
    log(
      `API_PROCESSES=${API_PROCESSES}: ${results.apiN.perSecond.toFixed(0)} req/s, p50 ${results.apiN.p50} ms, p99 ${results.apiN.p99} ms`,
    );
    if (CASES.has("pgbench")) await pgbenchRun(client, database, sample, appId);

    // 2. Worker throughput: drain the backlog the API run queued (2 runs per record) for a while,
    // with one worker loop (the default WORKERS=1) and then with WORKERS loops.
    const backlog = await client.query("select count(*)::int as n from rule_runs where status = 'queued'");
    results.backlog = backlog.rows[0].n;
    const countDone = async () =>
      (await client.query("select count(*)::int as n from rule_runs where status = 'succeeded'")).rows[0].n;
    results.worker = [];
    for (const loops of CASES.has("worker") ? [...new Set([1, WORKERS])] : []) {
      worker = startWorker({ DATABASE_URL: database.url, WORKERS: String(loops) });
      // Start-up (migrations check, first claims) is not throughput: measure once runs complete.
      const first = await countDone();
      while ((await countDone()) === first) await sleep(100);
      const before = await countDone();
      const started = performance.now();
      const cpuBefore = { worker: cpuSeconds(worker.child.pid), server: await serverCpuSeconds(client) };
      await sleep(Math.min(SECONDS, 15) * 1000);
      const done = (await countDone()) - before;
      // CPU per run depends less on the other load of the machine than runs per second do.
      const cpuMs = {
        worker: ((cpuSeconds(worker.child.pid) - cpuBefore.worker) * 1000) / done,
        server: (serverCpuUsed(cpuBefore.server, await serverCpuSeconds(client)) * 1000) / done,
      };
      const jobsPerSecond = done / ((performance.now() - started) / 1000);
      results.worker.push({ loops, jobsPerSecond, cpuMsPerJob: cpuMs });
      log(
        `worker, ${loops} loop(s): ${jobsPerSecond.toFixed(0)} jobs/s, CPU per run ${cpuMs.worker.toFixed(2)} ms worker + ${cpuMs.server.toFixed(2)} ms Postgres (load average ${loadavg()
          .map((n) => n.toFixed(2))
          .join(", ")})`,
      );
      await worker.stop();
      worker = undefined;
    }
    const failed = await client.query(
      "select count(*)::int as n from rule_runs where status in ('failed', 'dead')",
    );
    if (failed.rows[0].n > 0) throw new Error(`${failed.rows[0].n} rule runs failed`);
    // The rest of the backlog is not this run's business: the latency run starts on an empty queue.
    await client.query("delete from rule_runs where status = 'queued'");

    // 3. Automation latency at half the API's maximum throughput, the worker running alongside;
    // then at a low rate the worker certainly keeps up with (what is left is the queue's own delay).
    if (CASES.has("latency")) await latencyRuns(client, database, loadN);
    await apis.stop();
    apis = undefined;
    // 4. Memory over a long run (the worker stopped: this is the API process alone).
    if (CASES.has("memory")) {
      results.long = await submitLoad({ ...load, seconds: LONG_SECONDS });
      results.memoryEnd = await serverMemory(api);
      log(`long run: ${results.long.requests} requests in ${results.long.elapsedS.toFixed(0)} s`);
    }
  } finally {
    await worker?.stop();
    await apis?.stop();
    await api?.stop();
    await client.end();
    await database.drop();
  }
}

/** Automation latency from the write to its effect at half the API's maximum, then at LOW_RATE. */
async function latencyRuns(client, database, load) {
  const worker = startWorker({ DATABASE_URL: database.url, WORKERS: String(WORKERS) });
  try {
    await sleep(2000);
    const half = Math.max(1, Math.round(Math.max(results.api.perSecond, results.apiN.perSecond) / 2));
    results.latency = [];
    for (const rate of [half, LOW_RATE]) {
      const since = new Date();
      const submitted = await submitLoad({ ...load, seconds: SECONDS, rate });
      const isDrained = await drained(client, 120);
      const latency = await client.query(
        `select count(*)::int as n,
                percentile_cont(0.5) within group (order by extract(epoch from finished_at - created_at) * 1000) as p50,
                percentile_cont(0.99) within group (order by extract(epoch from finished_at - created_at) * 1000) as p99
           from rule_runs where status = 'succeeded' and created_at >= $1`,
        [since],
      );
      const row = latency.rows[0];
      results.latency.push({ rate, submitted, drained: isDrained, ...row });
      log(
        `at ${rate} req/s: API p99 ${submitted.p99} ms; automation p50 ${Number(row.p50).toFixed(0)} ms, p99 ${Number(row.p99).toFixed(0)} ms over ${row.n} runs`,
      );
      // A backlog left by the first rate must not count against the second.
      if (!isDrained) await client.query("delete from rule_runs where status = 'queued'");
    }
  } finally {
    await worker.stop();
  }
}

async function embeddedRuns() {
  const starts = [];
  for (let i = 0; i < 3; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), "stagecraft-api-bench-"));
    let api;
    try {
      api = await startApi({ DATABASE_URL: "", DATA_DIR: dataDir, WORKERS: "0" });
      starts.push(api.healthyMs);
      if (i === 0) {
        const { token, appId } = await installApp(api.base);
        const load = { base: api.base, token, appId, connections: CONNECTIONS };
        await submitLoad({ ...load, seconds: 3 });
        results.embedded = await submitLoad({ ...load, seconds: SECONDS });
        log(`PGlite ${results.embedded.perSecond.toFixed(0)} req/s, p99 ${results.embedded.p99} ms`);
        await api.stop();
        // A restart on the same DATA_DIR: no initdb, migrations already applied.
        api = await startApi({ DATABASE_URL: "", DATA_DIR: dataDir, WORKERS: "0" });
        results.embeddedRestartMs = api.healthyMs;
      }
    } finally {
      await api?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  results.embeddedStartMs = starts.sort((a, b) => a - b);
  log(
    `PGlite start to healthy: ${starts.map((ms) => ms.toFixed(0)).join(", ")} ms; restart ${results.embeddedRestartMs.toFixed(0)} ms`,
  );
}

await postgresRuns();
if (CASES.has("embedded")) await embeddedRuns();
if (FULL_RUN) writeApiSection(results);
else log(`partial run (${[...CASES].join(", ")}): BENCHMARKS.md left as it is\n${JSON.stringify(results)}`);
