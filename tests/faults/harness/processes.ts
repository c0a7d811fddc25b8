import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";

// The runtime as it runs in production: the built entry points (pnpm build first), one OS process
// each, configured by environment variables.

const DIST = new URL("../../../runtime-api/dist/", import.meta.url);
export const ADMIN_EMAIL = "admin@example.com";
export const ADMIN_PASSWORD = "faults-admin-password";

/** A running runtime process. */
export interface RuntimeProcess {
  child: ChildProcess;
  /** Everything it printed (for failure messages). */
  output: string[];
  /** Resolves with the exit code (or the signal's name) once it ended. */
  exited: Promise<number | string>;
  kill(signal: NodeJS.Signals): void;
  /** SIGTERM, then SIGKILL if it has not ended after 15 s. */
  stop(): Promise<void>;
}

/** An API process and its base URL. */
export interface ApiProcess extends RuntimeProcess {
  base: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => {
        resolve(typeof address === "object" && address !== null ? address.port : 0);
      });
    });
  });
}

function spawnEntry(entry: string, env: Record<string, string>): RuntimeProcess {
  const child = spawn(process.execPath, [fileURLToPath(new URL(entry, DIST))], {
    env: { ...process.env, ADMIN_EMAIL, ADMIN_PASSWORD, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString("utf8")));
  const exited = new Promise<number | string>((resolve) => {
    child.once("exit", (code, signal) => {
      resolve(code ?? signal ?? "unknown");
    });
  });
  const kill = (signal: NodeJS.Signals): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  return {
    child,
    output,
    exited,
    kill,
    stop: async () => {
      kill("SIGTERM");
      const ended = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
      if (!ended) kill("SIGKILL");
      await exited;
    },
  };
}

async function waitFor(proc: RuntimeProcess, ready: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`${what} exited:\n${proc.output.join("")}`);
    if (await ready()) return;
    await sleep(100);
  }
  proc.kill("SIGKILL");
  throw new Error(`${what} did not become ready:\n${proc.output.join("")}`);
}

/**
 * Start `node runtime-api/dist/main.js` on the database (WORKERS=0 and API_PROCESSES=1 unless told)
 * and wait for health.
 */
export async function startApi(
  databaseUrl: string,
  options: { workers?: number; apiProcesses?: number } = {},
): Promise<ApiProcess> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const proc = spawnEntry("main.js", {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    WORKERS: String(options.workers ?? 0),
    API_PROCESSES: String(options.apiProcesses ?? 1),
  });
  await waitFor(
    proc,
    async () => {
      try {
        return (await fetch(`${base}/api/health`)).ok;
      } catch {
        return false;
      }
    },
    "the API",
  );
  return { ...proc, base };
}

/** Start `node runtime-api/dist/worker-main.js` (one worker and the scheduler) and wait until it runs. */
export async function startWorker(databaseUrl: string): Promise<RuntimeProcess> {
  const proc = spawnEntry("worker-main.js", { DATABASE_URL: databaseUrl, WORKERS: "1" });
  await waitFor(
    proc,
    () => Promise.resolve(proc.output.join("").includes("Stagecraft worker running")),
    "the worker",
  );
  return proc;
}

/** Poll `check` until it answers true (every 200 ms, up to `timeoutMs`); throws with `what` otherwise. */
export async function eventually(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}`);
}
