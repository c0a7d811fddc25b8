// Load generation and measurement helpers of the API benchmark: autocannon against the record
// submission route, the server's memory through its probe, and percentiles.
import { createRequire } from "node:module";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { apiBenchSubmission } from "./api-fixtures.mjs";

const require = createRequire(import.meta.url);
const autocannon = require("autocannon");

/** The memory probe the server is started with (see api-memory-probe.mjs). */
export const MEMORY_PROBE = fileURLToPath(new URL("./api-memory-probe.mjs", import.meta.url));

/**
 * POST the benchmark submission to the app's deal form: for `seconds` (or `amount` requests) on
 * `connections` connections, at most `rate` requests/s overall when given. Throws when any answer
 * was not 201, so a figure never counts failures.
 */
export async function submitLoad({ base, token, appId, connections, seconds, amount, rate }) {
  const options = {
    url: `${base}/api/apps/${appId}/forms/deal/records`,
    method: "POST",
    connections,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ data: apiBenchSubmission() }),
  };
  if (amount !== undefined) options.amount = amount;
  else options.duration = seconds;
  if (rate !== undefined) options.overallRate = rate;
  const result = await autocannon(options);
  const ok = result["2xx"];
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0)
    throw new Error(
      `submissions failed: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts (${ok} ok)`,
    );
  const elapsedS = result.duration;
  return {
    requests: ok,
    perSecond: ok / elapsedS,
    p50: result.latency.p50,
    p99: result.latency.p99,
    elapsedS,
  };
}

/** The server's memory after a full GC (SIGUSR2 to its probe), in MB. */
export async function serverMemory(server) {
  const marker = "STAGECRAFT_BENCH_MEMORY ";
  const seen = server.output.length;
  server.child.kill("SIGUSR2");
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const line = server.output
      .slice(seen)
      .join("")
      .split("\n")
      .find((l) => l.startsWith(marker));
    if (line) {
      const usage = JSON.parse(line.slice(marker.length));
      const mb = (bytes) => bytes / 1024 / 1024;
      return { rss: mb(usage.rss), heapUsed: mb(usage.heapUsed), heapTotal: mb(usage.heapTotal) };
    }
    await sleep(50);
  }
  throw new Error("the server's memory probe did not answer");
}

/** The p-th percentile (nearest rank) of sorted numbers. */
export function percentile(sorted, p) {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}
