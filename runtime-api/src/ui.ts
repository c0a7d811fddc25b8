import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/** Where `pnpm build` puts the builder UI, relative to this package. */
export const UI_DIR = fileURLToPath(new URL("../../builder-ui/dist/", import.meta.url));

/**
 * Serve the built builder UI at `/` when it exists (after `pnpm build`); paths outside `/api`
 * that are no file get index.html, so the UI's own routes load on refresh.
 */
export async function registerUi(app: FastifyInstance, dir: string = UI_DIR): Promise<boolean> {
  if (!existsSync(`${dir}/index.html`)) return false;
  await app.register(fastifyStatic, { root: dir, prefix: "/", wildcard: false });
  app.get("/*", (request, reply) => {
    if (request.url.startsWith("/api/")) {
      reply.callNotFound();
      return reply;
    }
    return reply.type("text/html").sendFile("index.html");
  });
  return true;
}
