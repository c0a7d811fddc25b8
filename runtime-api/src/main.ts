import cluster from "node:cluster";
import { runApiCluster } from "./api-cluster.js";
import { readConfig } from "./config.js";
import { buildServer } from "./server.js";
import { stderrLog } from "./server-log.js";
import { startProcess, stopOnSignals } from "./start-process.js";

// The API server, with WORKERS automation workers in the same process (0 = API only); with
// API_PROCESSES > 1, that many such processes sharing the port.
const config = readConfig(process.env);
if (config.apiProcesses > 1 && cluster.isPrimary) {
  await runApiCluster(config.apiProcesses, async () => {
    const prepared = await startProcess(config, 0);
    await prepared.automation.stop();
    await prepared.database.close();
  });
} else {
  const proc = await startProcess(config, config.workers);
  const app = await buildServer(proc.runtime, { log: stderrLog(config.logLevel) });
  const address = await app.listen({ host: config.host, port: config.port });
  console.log(
    `Stagecraft listening on ${address} (${proc.database.kind}, ${String(config.workers)} worker(s))`,
  );
  // close() stops taking requests and waits for in-flight ones; then automation and the pool stop.
  stopOnSignals(proc, () => app.close());
}
