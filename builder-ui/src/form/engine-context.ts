import type { CompiledApp, EngineContext, RecordSystemValues } from "@stagecraft/engine";

/** The engine context of the browser: now, the app's time zone, the signed-in user and the record's system values. */
export function browserContext(
  app: CompiledApp | null,
  userId: string | undefined,
  record: RecordSystemValues = {},
): EngineContext {
  return {
    now: new Date().toISOString(),
    timeZone: app?.timeZone ?? "UTC",
    ...(userId === undefined ? {} : { userId }),
    record,
  };
}
