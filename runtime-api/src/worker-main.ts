import { readConfig } from "./config.js";
import { startProcess, stopOnSignals } from "./start-process.js";

// Automation only: workers and the scheduler, no HTTP; scale it apart from the API.
const config = readConfig(process.env);
const workers = Math.max(1, config.workers);
const proc = await startProcess(config, workers);
console.log(`Stagecraft worker running ${String(workers)} worker(s) on ${proc.database.kind}`);
stopOnSignals(proc, () => Promise.resolve());
