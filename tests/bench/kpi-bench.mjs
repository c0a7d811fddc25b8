// KPI benchmark on real Postgres: runs the runtime's own KPI code (runKpi: the SQL aggregates it
// builds from the engine's KPI spec, then the engine's assembly) at 10k, 100k and 1M deals, and
// rewrites the KPI section of BENCHMARKS.md with p50/p99. Run with `pnpm bench:kpi` (needs
// DATABASE_URL; builds runtime-api, seeds with seed-kpi.mjs when needed).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { runKpi } from "../../runtime-api/dist/kpis/run-kpi.js";
import { BENCH_KPIS, BENCH_WORKSPACE, SCALES } from "./kpi-fixtures.mjs";
import { openBenchDatabase, seedKpiBench, sql } from "./seed-kpi.mjs";

const QUERY = { from: "2026-01-01", to: "2027-01-01", unit: "month", groupBy: "_owner" };
const TARGET_MS = 200;
// Samples per case after 2 warm-up runs; fewer at 1M so a slow case does not take minutes.
const samplesFor = (records) => (records >= 1_000_000 ? 15 : 30);

function percentile(sorted, p) {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

const database = await openBenchDatabase();
const runtime = {
  db: database.db,
  dbKind: database.kind,
  clock: { now: () => new Date("2026-11-23T09:00:00Z") },
};
const results = [];
// KPIS=id,id measures only those (and leaves BENCHMARKS.md alone).
const only = process.env.KPIS?.split(",").filter(Boolean);
const kpis = only === undefined ? BENCH_KPIS : BENCH_KPIS.filter((k) => only.includes(k.id));
try {
  await seedKpiBench(database.db);
  const version = (await sql`select current_setting('server_version') as v`.execute(database.db)).rows[0].v;
  for (const { appId, records } of SCALES) {
    for (const kpi of kpis) {
      const run = () => runKpi(runtime, BENCH_WORKSPACE, appId, kpi.id, QUERY);
      // The first query builds the KPI's rollups when they do not exist yet (once per KPI).
      const firstStarted = process.hrtime.bigint();
      const first = await run();
      const firstMs = Number(process.hrtime.bigint() - firstStarted) / 1e6;
      if (first.groups.length === 0) throw new Error(`${kpi.id} at ${appId} answered no groups`);
      await run();
      const times = [];
      for (let i = 0; i < samplesFor(records); i++) {
        const started = process.hrtime.bigint();
        await run();
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      times.sort((a, b) => a - b);
      const row = {
        kpi: kpi.id,
        records,
        p50: percentile(times, 50),
        p99: percentile(times, 99),
        n: times.length,
        firstMs,
      };
      results.push(row);
      console.log(
        `${String(records).padStart(9)}  ${kpi.id.padEnd(20)} p50 ${row.p50.toFixed(1).padStart(8)} ms  p99 ${row.p99.toFixed(1).padStart(8)} ms  first ${row.firstMs.toFixed(0).padStart(6)} ms`,
      );
    }
  }
  if (only === undefined) writeSection(version);
} finally {
  await database.close();
}

function writeSection(pgVersion) {
  const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
  const lines = [
    "<!-- kpi:start -->",
    "## KPIs on Postgres (10k, 100k, 1M records)",
    "",
    "Command: `DATABASE_URL=postgres://… pnpm bench:kpi` (builds runtime-api, seeds with",
    "`tests/bench/seed-kpi.mjs` when needed, then `node tests/bench/kpi-bench.mjs`).",
    `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? "unknown"}), Node ${process.version}, PostgreSQL ${pgVersion}. Run: ${new Date().toISOString().slice(0, 10)}.`,
    `Each KPI is the runtime's own \`runKpi\` (its SQL aggregates + the engine's assembly) for ${QUERY.from} ≤ period < ${QUERY.to}, monthly series, grouped by owner (${"50"} owners);`,
    `2 warm-up runs, then ${samplesFor(1)} samples (${samplesFor(1_000_000)} at 1M); times in ms, wall clock from Node.`,
    "The deals are spread over 2025–2026 (60 % won, 20 % lost), each with 1–3 stage-log rows; 1,200 person goal rows per app.",
    "",
    `| KPI | ${SCALES.map((s) => `${s.records.toLocaleString("en")} p50 / p99`).join(" | ")} | target (1M p50 < ${TARGET_MS} ms) |`,
    `| --- | ${SCALES.map(() => "---:").join(" | ")} | --- |`,
  ];
  for (const kpi of BENCH_KPIS) {
    const cells = SCALES.map((s) => {
      const r = results.find((x) => x.kpi === kpi.id && x.records === s.records);
      return r ? `${fmt(r.p50)} / ${fmt(r.p99)}` : "—";
    });
    const big = results.find((x) => x.kpi === kpi.id && x.records === 1_000_000);
    const verdict = big === undefined ? "—" : big.p50 < TARGET_MS ? "met" : "not met";
    lines.push(`| ${kpi.what} | ${cells.join(" | ")} | ${verdict} |`);
  }
  const notes = process.env.KPI_BENCH_NOTES;
  if (notes) lines.push("", notes);
  lines.push("<!-- kpi:end -->");
  const path = new URL("../../BENCHMARKS.md", import.meta.url);
  const text = existsSync(path) ? readFileSync(path, "utf8") : "# Benchmarks\n";
  const section = lines.join("\n");
  const pattern = /<!-- kpi:start -->[\s\S]*<!-- kpi:end -->/;
  writeFileSync(
    path,
    pattern.test(text) ? text.replace(pattern, section) : `${text.trimEnd()}\n\n${section}\n`,
  );
}
