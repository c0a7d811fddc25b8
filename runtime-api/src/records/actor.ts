/**
 * Who performs a record write: a signed-in person, an automation rule run, an anonymous
 * visitor of a public share link, or the system itself (a due time or SLA that passed). The audit
 * trail names it; ownership and `ctx.userId` follow it.
 */
export type Actor =
  | { type: "user"; userId: string }
  | { type: "rule"; runId: string; ruleId: string }
  | { type: "public"; shareToken: string }
  | { type: "system"; reason: string };

/** The audit columns of a write by `actor`. */
export interface ActorColumns {
  actor_type: Actor["type"];
  actor_id: string | null;
  run_id: string | null;
}

/** How record_events stores an actor (a share token is a secret: never stored in the trail). */
export function actorColumns(actor: Actor): ActorColumns {
  switch (actor.type) {
    case "user":
      return { actor_type: "user", actor_id: actor.userId, run_id: null };
    case "rule":
      return { actor_type: "rule", actor_id: actor.ruleId, run_id: actor.runId };
    case "public":
      return { actor_type: "public", actor_id: null, run_id: null };
    case "system":
      return { actor_type: "system", actor_id: actor.reason, run_id: null };
  }
}

/** The person behind a write, if any (stage log `entered_by`, engine `ctx.userId`). */
export function actorUserId(actor: Actor): string | undefined {
  return actor.type === "user" ? actor.userId : undefined;
}
