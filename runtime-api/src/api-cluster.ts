import cluster from "node:cluster";

/**
 * The primary process of API_PROCESSES > 1. One Node process serves about one core of requests;
 * several share the port through Node's cluster (the primary accepts and hands connections out)
 * and one Postgres (every write path is safe across processes, as it is across machines).
 *
 * The primary prepares the database once (`prepare`: migrations and the first owner, so the
 * processes do not race to create it), forks `count` server processes, replaces one that dies,
 * passes SIGTERM/SIGINT on and exits when they all have finished. A process that dies before it
 * ever listened (a port in use, a bad database) stops them all: replacing it would only loop.
 */
export async function runApiCluster(count: number, prepare: () => Promise<void>): Promise<void> {
  await prepare();
  let stopping = false;
  const listened = new Set<number>();
  const alive = (): number => Object.keys(cluster.workers ?? {}).length;
  const stopAll = (signal: NodeJS.Signals): void => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  cluster.on("listening", (worker) => {
    listened.add(worker.id);
  });
  cluster.on("exit", (worker, code) => {
    const how = worker.process.signalCode ?? `code ${String(code)}`;
    if (!stopping && !listened.has(worker.id)) {
      console.error(`API process ${String(worker.process.pid)} exited (${how}) before listening: stopping`);
      process.exitCode = 1;
      stopAll("SIGTERM");
    } else if (!stopping) {
      console.error(`API process ${String(worker.process.pid)} exited (${how}): starting another`);
      cluster.fork();
    }
    if (stopping && alive() === 0) process.exit();
  });
  for (let i = 0; i < count; i++) cluster.fork();
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      console.log(`${signal}: stopping ${String(alive())} API process(es)`);
      stopAll(signal);
    });
  }
}
