/* global fetch */
// Processes and databases of the API benchmark: a fresh Postgres database on the server of
// DATABASE_URL (dropped afterwards), the built API server and worker as child processes, and a
// signed-in API session.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";

export const MAIN = fileURLToPath(new URL("../../runtime-api/dist/main.js", import.meta.url));
export const WORKER_MAIN = fileURLToPath(new URL("../../runtime-api/dist/worker-main.js", import.meta.url));
export const ADMIN_EMAIL = "admin@example.com";
export const ADMIN_PASSWORD = "bench-admin-password";

// pg as the runtime resolves it (the benchmark has no dependency of its own on it).
const runtimeRequire = createRequire(new URL("../../runtime-api/package.json", import.meta.url));
const pg = runtimeRequire("pg");

/** A client on `url` for the benchmark's own queries; end() it. */
export async function connect(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Create a fresh database on the server of `url`; answers its URL and drop(). */
export async function freshDatabase(url) {
  const name = `stagecraft_api_bench_${process.pid}_${Date.now()}`;
  const admin = await connect(url);
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    name,
    url: target.toString(),
    async drop() {
      const client = await connect(url);
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function spawnNode(script, env, nodeArgs) {
  const output = [];
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env: { ...process.env, ADMIN_EMAIL, ADMIN_PASSWORD, HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (chunk) => output.push(String(chunk)));
  child.stderr.on("data", (chunk) => output.push(String(chunk)));
  return {
    child,
    output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, sleep(15_000)]);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGKILL");
        await exited;
      }
    },
  };
}

/**
 * Start the built API server with `env` (DATABASE_URL or DATA_DIR, WORKERS…); resolves once
 * /api/health answers 200, with the milliseconds from spawn to that answer.
 */
export async function startApi(env, nodeArgs = []) {
  const port = await freePort();
  const started = performance.now();
  const proc = spawnNode(MAIN, { ...env, PORT: String(port) }, nodeArgs);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (proc.child.exitCode !== null)
      throw new Error(`server exited (${proc.child.exitCode}):\n${proc.output.join("")}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await proc.stop();
      throw new Error(`server did not become healthy:\n${proc.output.join("")}`);
    }
    await sleep(10);
  }
  return { ...proc, base, port, healthyMs: performance.now() - started };
}

/** Start the built automation worker process (no HTTP) with `env`. */
export function startWorker(env, nodeArgs = []) {
  return spawnNode(WORKER_MAIN, env, nodeArgs);
}

/** Sign in as the benchmark's admin; answers the bearer token and a JSON fetch carrying it. */
export async function apiSession(base) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const { token } = await res.json();
  const call = async (path, init = {}) => {
    const answer = await fetch(`${base}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...init.headers },
    });
    const text = await answer.text();
    if (!answer.ok) throw new Error(`${init.method ?? "GET"} ${path}: ${answer.status} ${text}`);
    return text === "" ? null : JSON.parse(text);
  };
  return { token, call };
}
