/** The usual log level names, most verbose first; the server writes only errors, so `silent` and `fatal` hide them. */
export const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Whether `value` names a log level. */
export function isLogLevel(value: string): value is LogLevel {
  return LOG_LEVELS.some((level) => level === value);
}

/** Where the server reports what an operator must see: an unexpected error (a bug) with its context. */
export interface ServerLog {
  error(message: string, context: Readonly<Record<string, unknown>>): void;
}

/** A log that reports nothing (LOG_LEVEL=silent). */
export const silentLog: ServerLog = { error: () => undefined };

/**
 * The log of a server process: one JSON line on stderr per error (what log collectors read), or
 * nothing when `level` is above `error`.
 */
export function stderrLog(
  level: LogLevel = "error",
  write: (line: string) => unknown = (line) => process.stderr.write(line),
): ServerLog {
  if (LOG_LEVELS.indexOf(level) > LOG_LEVELS.indexOf("error")) return silentLog;
  return {
    error: (message, context) => {
      write(
        `${JSON.stringify({ level: "error", time: new Date().toISOString(), msg: message, ...context })}\n`,
      );
    },
  };
}
