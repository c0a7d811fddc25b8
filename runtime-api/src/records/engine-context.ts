import type { CompiledApp, EngineContext, RecordSystemValues } from "@stagecraft/engine";
import { actorUserId, type Actor } from "./actor.js";

/** What a write tells the engine about the world: the time, the app's zone, the actor, the record. */
export function engineContext(
  compiled: CompiledApp,
  actor: Actor,
  now: Date,
  extra: {
    record?: RecordSystemValues;
    serials?: Readonly<Record<string, number>>;
    aggregates?: Readonly<Record<string, unknown>> | undefined;
  } = {},
): EngineContext {
  const ctx: EngineContext = { now: now.toISOString(), timeZone: compiled.timeZone };
  const userId = actorUserId(actor);
  if (userId !== undefined) ctx.userId = userId;
  if (extra.record !== undefined) ctx.record = extra.record;
  if (extra.serials !== undefined) ctx.serials = extra.serials;
  if (extra.aggregates !== undefined) ctx.aggregates = extra.aggregates;
  return ctx;
}
