import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

// The suite talks to Postgres with psql (installed with the server; no client library needed
// here): each query's rows come back as one JSON array.

const run = promisify(execFile);
const BIN = "/usr/lib/postgresql/15/bin";
const START_SCRIPT = fileURLToPath(new URL("../../../scripts/start-postgres.sh", import.meta.url));

/** The server the suite runs against, or undefined (the suite is skipped). */
export function serverUrl(): string | undefined {
  const url = process.env["DATABASE_URL"];
  return url === undefined || url === "" ? undefined : url;
}

/** Rows of a query as objects (column name → JSON value). */
export async function query<T>(url: string, text: string): Promise<T[]> {
  const wrapped = `select coalesce(json_agg(q), '[]'::json) from (${text}) q`;
  const { stdout } = await run(`${BIN}/psql`, [url, "-X", "-At", "-v", "ON_ERROR_STOP=1", "-c", wrapped]);
  return JSON.parse(stdout) as T[];
}

/** Run a statement. */
export async function execute(url: string, text: string): Promise<void> {
  await run(`${BIN}/psql`, [url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", text]);
}

/** A fresh, empty database on the server (as runtime-api's test-database.ts makes them). */
export async function freshDatabase(server: string): Promise<string> {
  const name = `sc_fault_${randomBytes(6).toString("hex")}`;
  await execute(server, `create database ${name}`);
  const target = new URL(server);
  target.pathname = `/${name}`;
  return target.toString();
}

/** A throwaway Postgres server of the test's own (it may be stopped and restarted). */
export interface OwnServer {
  url: string;
  /** Stop it at once (pg_ctl -m fast): connections are cut. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stop it for good and remove its files. */
  destroy(): Promise<void>;
}

function asPostgres(args: string[]): [string, string[]] {
  const root = process.getuid?.() === 0;
  return root ? ["runuser", ["-u", "postgres", "--", ...args]] : [args[0] ?? "", args.slice(1)];
}

/** Start a server with scripts/start-postgres.sh (never the one other suites share). */
export async function startOwnServer(): Promise<OwnServer> {
  const { stdout } = await run("bash", [START_SCRIPT]);
  const url = /DATABASE_URL=(\S+)/.exec(stdout)?.[1];
  const dir = /STAGECRAFT_PG_DIR=(\S+)/.exec(stdout)?.[1];
  if (url === undefined || dir === undefined) throw new Error(`start-postgres.sh said: ${stdout}`);
  const pgCtl = async (...args: string[]): Promise<void> => {
    const [command, rest] = asPostgres([`${BIN}/pg_ctl`, "-D", `${dir}/data`, "-l", `${dir}/log`, ...args]);
    await run(command, rest);
  };
  return {
    url,
    stop: () => pgCtl("-m", "fast", "-w", "stop"),
    // The options start-postgres.sh started it with (pg_ctl start does not remember them).
    start: () => pgCtl("-w", "-o", `-h 127.0.0.1 -p ${new URL(url).port} -k ${dir} -c fsync=off`, "start"),
    destroy: async () => {
      await pgCtl("-m", "immediate", "-w", "stop").catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
