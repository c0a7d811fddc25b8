import { readConfig } from "./config.js";
import { buildServer } from "./server.js";

const config = readConfig(process.env);
const app = await buildServer(config);
const address = await app.listen({ host: config.host, port: config.port });
console.log(`Stagecraft listening on ${address}`);

const stop = (signal: string): void => {
  console.log(`${signal}: shutting down`);
  app.close().then(
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
