// How the API's cost grows: one API process on Postgres takes API_SCALE_REQUESTS submissions
// (default 1,000,000) in a row; at checkpoints (10k, 100k, then every 100k) it reports the
// throughput and latency of the stretch just run — so at 10k, 100k … 1M records in the table, each
// with its audit event, stage entry and 2 queued rule runs — and the server's memory after a full
// GC, to show it does not grow beyond its caches. Run with `DATABASE_URL=postgres://… pnpm
// bench:api:scale` (builds runtime-api first); it creates and drops its own database on that
// server and rewrites the `api-scale` section of BENCHMARKS.md (API_SCALE_REQUESTS below 1M: it
// only prints). API_SCALE_CONNECTIONS (default 20).
import { cpus, loadavg } from "node:os";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { apiBenchDefinition, apiBenchSubmission } from "./api-fixtures.mjs";
import { MEMORY_PROBE, serverMemory, submitLoad } from "./api-load.mjs";
import { apiSession, connect, freshDatabase, startApi } from "./api-processes.mjs";

const TOTAL = Number(process.env["API_SCALE_REQUESTS"] ?? 1_000_000);
const CONNECTIONS = Number(process.env["API_SCALE_CONNECTIONS"] ?? 20);
const url = process.env["DATABASE_URL"];
if (!url) {
  console.error("api-scale: DATABASE_URL is not set (a Postgres server on which it may create a database).");
  process.exit(1);
}
const log = (line) => console.log(`[api-scale] ${line}`);

/** 10k, 100k, then every 100k up to `total` (and `total` itself). */
function checkpoints(total) {
  const marks = [10_000, 100_000];
  for (let n = 200_000; n < total; n += 100_000) marks.push(n);
  return [...new Set([...marks.filter((n) => n < total), total])];
}

const database = await freshDatabase(url);
const client = await connect(database.url);
const rows = [];
let api;
let version = "";
const started = new Date();
const loadAtStart = loadavg();
try {
  version = (await client.query("select current_setting('server_version') as v")).rows[0].v;
  api = await startApi({ DATABASE_URL: database.url, WORKERS: "0" }, [
    "--expose-gc",
    "--import",
    MEMORY_PROBE,
  ]);
  const { token, call } = await apiSession(api.base);
  const app = await call("/api/apps", {
    method: "POST",
    body: JSON.stringify({ definition: apiBenchDefinition() }),
  });
  await call(`/api/apps/${app.id}/forms/deal/records`, {
    method: "POST",
    body: JSON.stringify({ data: apiBenchSubmission() }),
  });
  const load = { base: api.base, token, appId: app.id, connections: CONNECTIONS };
  const memoryStart = await serverMemory(api);
  rows.push({ at: 0, memory: memoryStart });
  log(`started: RSS ${memoryStart.rss.toFixed(1)} MB, heap ${memoryStart.heapUsed.toFixed(1)} MB`);
  let done = 0;
  for (const mark of checkpoints(TOTAL)) {
    const stretch = await submitLoad({ ...load, amount: mark - done });
    done = mark;
    const records = Number(
      (await client.query("select count(*)::int as n from records where app_id = $1", [app.id])).rows[0].n,
    );
    const memory = await serverMemory(api);
    rows.push({ at: mark, records, stretch, memory, load: loadavg()[0] });
    log(
      `${mark.toLocaleString("en")} requests (${records.toLocaleString("en")} records): ${stretch.perSecond.toFixed(0)} req/s, p50 ${stretch.p50} / p99 ${stretch.p99} ms; RSS ${memory.rss.toFixed(1)} MB, heap ${memory.heapUsed.toFixed(1)} MB`,
    );
  }
} finally {
  await api?.stop();
  await client.end();
  await database.drop();
}

const f0 = (n) => Math.round(Number(n)).toLocaleString("en");
const f1 = (n) => Number(n).toFixed(1);
const table = [
  "| requests so far | records in the table | req/s over the stretch | p50 / p99 (ms) | RSS / heap used after GC (MB) | load (1 min) |",
  "| ---: | ---: | ---: | ---: | ---: | ---: |",
  ...rows.map((r) =>
    r.at === 0
      ? `| 0 (started, app installed) | 1 | — | — | ${f1(r.memory.rss)} / ${f1(r.memory.heapUsed)} | — |`
      : `| ${f0(r.at)} | ${f0(r.records)} | ${f0(r.stretch.perSecond)} | ${r.stretch.p50} / ${r.stretch.p99} | ${f1(r.memory.rss)} / ${f1(r.memory.heapUsed)} | ${f1(r.load)} |`,
  ),
];
console.log(table.join("\n"));
if (TOTAL < 1_000_000) process.exit(0);

const section = [
  "<!-- api-scale:start -->",
  "## API cost as the tables grow, and memory after 1M requests",
  "",
  "Command: `DATABASE_URL=postgres://… pnpm bench:api:scale` (builds runtime-api, then `node tests/bench/api-scale.mjs`).",
  `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? "unknown"}), Node ${process.version}, PostgreSQL ${version}.`,
  `Run: ${started.toISOString().slice(0, 16).replace("T", " ")} UTC, load average at the start ${loadAtStart.map(f1).join(", ")}.`,
  `One API process (WORKERS=0, one Postgres pool of 10) takes ${f0(TOTAL)} submissions of the API benchmark's form in a row, ${CONNECTIONS} connections;`,
  "each adds a record, its stage entry, its audit event and 2 queued rule runs (no worker runs them, so `rule_runs` grows",
  "to twice the records). Each row is the stretch since the previous one; memory is read after a full GC (`--expose-gc`).",
  "",
  ...table,
  "<!-- api-scale:end -->",
].join("\n");
const file = new URL("../../BENCHMARKS.md", import.meta.url);
const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
const pattern = /<!-- api-scale:start -->[\s\S]*<!-- api-scale:end -->/;
writeFileSync(
  file,
  pattern.test(current) ? current.replace(pattern, section) : `${current.trimEnd()}\n\n${section}\n`,
);
