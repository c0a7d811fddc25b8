import { RUNS_QUEUED_CHANNEL } from "@stagecraft/migrations";
import { PublishedVersions } from "./apps/published-versions.js";
import { createApplyRecordEffect } from "./automation/apply-record-effect.js";
import { startAutomation, type RunningAutomation } from "./automation/start-automation.js";
import { bootstrap } from "./bootstrap.js";
import { systemClock } from "./clock.js";
import type { RuntimeConfig } from "./config.js";
import { openDatabase, type OpenDatabase } from "./db/database.js";
import { instanceSecret } from "./instance-secret.js";
import type { Runtime } from "./runtime.js";

/** A process of the runtime: its database, shared runtime and automation (workers + scheduler). */
export interface RuntimeProcess {
  database: OpenDatabase;
  runtime: Runtime;
  automation: RunningAutomation;
}

/** Open the database (migrating it), create the owner on first start, and start `workers` workers. */
export async function startProcess(config: RuntimeConfig, workers: number): Promise<RuntimeProcess> {
  const database = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
  );
  const first = await bootstrap(database.db, {
    adminEmail: config.adminEmail,
    adminPassword: config.adminPassword,
  });
  if (first.generatedPassword !== undefined) {
    console.log(
      `First start: admin ${first.email ?? ""} with password ${first.generatedPassword} (shown once)`,
    );
  }
  const runtime: Runtime = { db: database.db, dbKind: database.kind, clock: systemClock };
  const webhookSecret = await instanceSecret(database.db, "webhook", config.webhookSecret);
  // Record effects read the published app version once per claimed batch, not once per effect.
  const publishedVersions = new PublishedVersions();
  const automation = startAutomation(runtime, {
    workers,
    applyRecordEffect: createApplyRecordEffect({ ...runtime, publishedVersions }),
    publishedVersions,
    webhookSecret,
    wakeOn: (wake) => database.listen(RUNS_QUEUED_CHANNEL, wake),
    onError: (err: unknown) => {
      console.error("automation:", err);
    },
  });
  return { database, runtime, automation };
}

/** Stop in order on SIGTERM/SIGINT: `before` (e.g. the HTTP server), then automation, then the pool. */
export function stopOnSignals(proc: RuntimeProcess, before: () => Promise<void>): void {
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight work, then closing`);
    before()
      .then(() => proc.automation.stop())
      .then(() => proc.database.close())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          console.error(err);
          process.exit(1);
        },
      );
  };
  process.once("SIGTERM", () => {
    stop("SIGTERM");
  });
  process.once("SIGINT", () => {
    stop("SIGINT");
  });
}
