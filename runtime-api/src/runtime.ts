import type { Kysely } from "kysely";
import type { Caller } from "./auth/roles.js";
import type { PublishedVersions } from "./apps/published-versions.js";
import type { Clock } from "./clock.js";
import type { DatabaseKind } from "./db/database.js";
import type { Database } from "./db/tables.js";

/** What every route and service of one server process shares. */
export interface Runtime {
  db: Kysely<Database>;
  dbKind: DatabaseKind;
  clock: Clock;
  /** Only on the runtime of the automation's record effects: published versions read once per batch. */
  publishedVersions?: PublishedVersions;
}

declare module "fastify" {
  interface FastifyInstance {
    runtime: Runtime;
  }
  interface FastifyRequest {
    /** The signed-in caller, or null on public routes and before authentication. */
    caller: Caller | null;
  }
}
