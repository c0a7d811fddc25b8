// The API benchmark's table: printed, and written as the API section of BENCHMARKS.md (between
// its markers; the analysis after the section is kept by hand).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";

const f0 = (n) => Math.round(Number(n)).toLocaleString("en");
const f1 = (n) => Number(n).toFixed(1);
const mb = (m) => `${f1(m.rss)} / ${f1(m.heapUsed)}`;
const verdict = (ok) => (ok ? "met" : "not met");

function gitCommit() {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

/** Print the results and rewrite the `api` section of BENCHMARKS.md. */
export function writeApiSection(r) {
  const ratio1 = r.api.perSecond / r.pgbench.tps;
  const ratioN = r.apiN.perSecond / r.pgbench.tps;
  const rows = [
    [
      `submit a record over HTTP (Postgres), 1 API process, ${r.connections} connections, ${r.seconds} s`,
      `${f0(r.api.perSecond)} req/s (${f0(r.api.requests)} requests)`,
      `${r.api.p50} / ${r.api.p99}`,
      "—",
    ],
    [
      `submit a record over HTTP (Postgres), API_PROCESSES=${r.apiProcesses}, ${r.connections} connections, ${r.seconds} s`,
      `${f0(r.apiN.perSecond)} req/s (${f0(r.apiN.requests)} requests)`,
      `${r.apiN.p50} / ${r.apiN.p99}`,
      "—",
    ],
    [
      `pgbench: the same statements per transaction, ${r.pgClients} clients, ${r.seconds} s`,
      `${f0(r.pgbench.tps)} tps`,
      `${f1(r.pgbench.latencyMs)} (average)`,
      "—",
    ],
    ["ratio API ÷ pgbench, 1 API process", ratio1.toFixed(2), "—", `≥ 0.5: ${verdict(ratio1 >= 0.5)}`],
    [
      `ratio API ÷ pgbench, API_PROCESSES=${r.apiProcesses}`,
      ratioN.toFixed(2),
      "—",
      `≥ 0.5: ${verdict(ratioN >= 0.5)}`,
    ],
    ...r.latency.flatMap((l) => [
      [
        `submit at ${l.rate} req/s${l === r.latency[0] ? " (half the maximum)" : ""} to API_PROCESSES=${r.apiProcesses}, worker process with WORKERS=${r.workers} running`,
        `${f0(l.submitted.perSecond)} req/s`,
        `${l.submitted.p50} / ${l.submitted.p99}`,
        "—",
      ],
      [
        `automation at ${l.rate} req/s: write → effect applied (${f0(l.n)} runs${l.drained ? "" : ", queue not drained in 120 s"})`,
        "—",
        `${f0(l.p50)} / ${f0(l.p99)}`,
        `p99 < 250 ms: ${verdict(l.drained && Number(l.p99) < 250)}`,
      ],
    ]),
    ...r.worker.map((w) => [
      `worker throughput: WORKERS=${w.loops} (${w.loops} claim loop(s)), draining a backlog of ${f0(r.backlog)} runs`,
      `${f1(w.jobsPerSecond)} jobs/s`,
      "—",
      "—",
    ]),
    [
      "embedded: `node runtime-api/dist/main.js` on a fresh DATA_DIR → /api/health 200",
      "—",
      `${r.embeddedStartMs.map(f0).join(", ")} (3 starts)`,
      "—",
    ],
    ["embedded: restart on the same DATA_DIR → /api/health 200", "—", f0(r.embeddedRestartMs), "—"],
    [
      `submit a record over HTTP (PGlite), ${r.connections} connections, ${r.seconds} s`,
      `${f0(r.embedded.perSecond)} req/s`,
      `${r.embedded.p50} / ${r.embedded.p99}`,
      "—",
    ],
    [
      "server memory RSS / heap used (MB, after a full GC): started · warmed up · after the long run",
      `${f0(r.long.requests)} requests in ${f0(r.long.elapsedS)} s`,
      `${mb(r.memoryStart)} · ${mb(r.memoryWarm)} · ${mb(r.memoryEnd)}`,
      "—",
    ],
  ];
  const table = [
    "| case | throughput | latency p50 / p99 (ms) | target |",
    "| --- | ---: | ---: | --- |",
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ];
  console.log(table.join("\n"));
  const load = loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");
  const section = [
    "<!-- api:start -->",
    "## API and automation (HTTP on Postgres and PGlite)",
    "",
    "Command: `DATABASE_URL=postgres://… pnpm bench:api` (builds runtime-api, then `node tests/bench/api-bench.mjs`;",
    "it creates and drops its own database on that server and starts its own server and worker processes).",
    `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? "unknown"}), Node ${process.version}, PostgreSQL ${r.postgres}.`,
    `Run: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC at commit ${gitCommit()}, load average at the end ${load}.`,
    "Each request is `POST /api/apps/:app/forms/deal/records` with a bearer session: a 30-field form (27 inputs,",
    "3 formulas), validated and computed by the engine, then one statement inserting the record, its stage log",
    "entry, its audit event and the 2 rule runs its 2 matching rules start (a third rule is evaluated, not matched),",
    "after the session lookup and the published app's version check.",
    "The server runs with WORKERS=0; the automation runs in `runtime-api/dist/worker-main.js` (each run: a",
    "`set_field` applied in its own transaction). Automation latency is the run's `finished_at − created_at`",
    "(`created_at` is the write's clock, read before its statement). pgbench runs the same 3 statements",
    "with payloads of the same size (`tests/bench/api-pgbench.mjs`; simple query protocol, see there why).",
    "",
    ...table,
    "<!-- api:end -->",
  ].join("\n");
  const file = new URL("../../BENCHMARKS.md", import.meta.url);
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const pattern = /<!-- api:start -->[\s\S]*<!-- api:end -->/;
  writeFileSync(
    file,
    pattern.test(current) ? current.replace(pattern, section) : `${current.trimEnd()}\n\n${section}\n`,
  );
}
