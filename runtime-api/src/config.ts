import { isLogLevel, LOG_LEVELS, type LogLevel } from "./server-log.js";

/** Runtime configuration read from the environment (see README "Configuration"). */
export interface RuntimeConfig {
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  workers: number;
  /** HTTP server processes sharing the port (Node's cluster); more than 1 needs DATABASE_URL. */
  apiProcesses: number;
  adminEmail: string;
  adminPassword: string | undefined;
  /** Signs outbound webhooks; unset = a secret generated once and kept in the database. */
  webhookSecret: string | undefined;
  /** How much the server logs: unexpected errors unless `silent` (or `fatal`). */
  logLevel: LogLevel;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

function apiProcessesFrom(env: Readonly<Record<string, string | undefined>>): number {
  const n = intFrom(env["API_PROCESSES"], 1, "API_PROCESSES");
  if (n < 1) throw new Error(`API_PROCESSES must be at least 1, got "${String(env["API_PROCESSES"])}"`);
  // Embedded PGlite lives in one process: its files cannot be shared by several.
  if (n > 1 && (env["DATABASE_URL"] ?? "") === "")
    throw new Error("API_PROCESSES above 1 needs DATABASE_URL (the embedded database serves one process)");
  return n;
}

function logLevelFrom(value: string | undefined): LogLevel {
  if (value === undefined || value === "") return "error";
  const level = value.toLowerCase();
  if (!isLogLevel(level))
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${value}"`);
  return level;
}

/** Read the configuration; a malformed value is an error at start-up, not a surprise later. */
export function readConfig(env: Readonly<Record<string, string | undefined>>): RuntimeConfig {
  return {
    host: env["HOST"] ?? "127.0.0.1",
    port: intFrom(env["PORT"], 3000, "PORT"),
    databaseUrl: env["DATABASE_URL"] === "" ? undefined : env["DATABASE_URL"],
    dataDir: env["DATA_DIR"] ?? "./.data",
    workers: intFrom(env["WORKERS"], 1, "WORKERS"),
    apiProcesses: apiProcessesFrom(env),
    adminEmail: env["ADMIN_EMAIL"] ?? "admin@example.com",
    adminPassword: env["ADMIN_PASSWORD"] === "" ? undefined : env["ADMIN_PASSWORD"],
    webhookSecret: env["WEBHOOK_SECRET"] === "" ? undefined : env["WEBHOOK_SECRET"],
    logLevel: logLevelFrom(env["LOG_LEVEL"]),
  };
}
