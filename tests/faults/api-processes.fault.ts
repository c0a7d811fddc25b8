import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, createRecord } from "./harness/app.js";
import { login, send } from "./harness/client.js";
import { freshDatabase, query, serverUrl } from "./harness/postgres.js";
import { eventually, startApi, type ApiProcess } from "./harness/processes.js";

// API_PROCESSES=2: one primary and two server processes sharing the port. Both serve; a server
// process killed with SIGKILL is replaced while the other keeps answering; SIGTERM to the primary
// stops them all and it exits 0.

const server = serverUrl();

/** The pids of the processes whose parent is `pid` (from /proc). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name (which may hold spaces): state, ppid, …
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return children.sort((a, b) => a - b);
}

/** CPU time (user + system clock ticks) a process has used. */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

describe.skipIf(server === undefined || process.platform !== "linux")("several API processes", () => {
  let db = "";
  let api: ApiProcess | undefined;

  beforeAll(async () => {
    db = await freshDatabase(server ?? "");
    api = await startApi(db, { apiProcesses: 2 });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it("serves from both, replaces one that dies, and stops them all on SIGTERM", async () => {
    if (api === undefined || api.child.pid === undefined) throw new Error("set-up failed");
    const primary = api.child.pid;
    await eventually(() => Promise.resolve(childrenOf(primary).length === 2), "two server processes");
    const first = childrenOf(primary);
    const token = await login(api.base);
    const appId = await createApp(api.base, token, []);

    // Connections are handed out in turn: many clients at once reach both processes.
    const before = first.map(cpuTicks);
    const names = Array.from({ length: 60 }, (_, i) => `deal ${i}`);
    const ids = await Promise.all(names.map((name) => createRecord(api?.base ?? "", token, appId, name)));
    expect(new Set(ids).size).toBe(names.length);
    const used = first.map((pid, i) => cpuTicks(pid) - (before[i] ?? 0));
    expect(used.every((ticks) => ticks > 0)).toBe(true);

    const [victim, survivor] = first;
    if (victim === undefined || survivor === undefined) throw new Error("no server processes");
    process.kill(victim, "SIGKILL");
    await eventually(() => {
      const now = childrenOf(primary);
      return Promise.resolve(now.length === 2 && !now.includes(victim) && now.includes(survivor));
    }, "a replacement process");
    await eventually(
      async () => (await send(api?.base ?? "", "GET", "/api/health")).status === 200,
      "health",
    );
    const after = await Promise.all(
      names.slice(0, 10).map((name) => createRecord(api?.base ?? "", token, appId, `${name} again`)),
    );
    expect(after).toHaveLength(10);
    const [{ n } = { n: 0 }] = await query<{ n: number }>(
      db,
      `select count(*)::int as n from records where app_id = '${appId}'`,
    );
    expect(n).toBe(names.length + after.length);

    const children = childrenOf(primary);
    api.kill("SIGTERM");
    expect(await api.exited).toBe(0);
    await eventually(
      () => Promise.resolve(children.every((pid) => !readdirSync("/proc").includes(String(pid)))),
      "the server processes to end",
    );
  });
});
