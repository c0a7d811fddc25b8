import { bootstrap } from "./bootstrap.js";
import { systemClock } from "./clock.js";
import { readConfig } from "./config.js";
import { openDatabase } from "./db/database.js";
import { buildServer } from "./server.js";

const config = readConfig(process.env);
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
const app = await buildServer({ db: database.db, dbKind: database.kind, clock: systemClock });
const address = await app.listen({ host: config.host, port: config.port });
console.log(`Stagecraft listening on ${address} (${database.kind})`);

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing in-flight requests, then closing`);
  // close() stops accepting connections and waits for in-flight requests; then the pool closes.
  app
    .close()
    .then(() => database.close())
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
