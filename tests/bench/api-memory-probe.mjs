/* global gc */
// Preloaded into the benchmarked server (node --expose-gc --import …): on SIGUSR2 it collects
// garbage fully and prints process.memoryUsage() as one line, so the benchmark can read the
// server's RSS and heap without an endpoint for it.
process.on("SIGUSR2", () => {
  if (typeof gc === "function") gc();
  process.stdout.write(`STAGECRAFT_BENCH_MEMORY ${JSON.stringify(process.memoryUsage())}\n`);
});
