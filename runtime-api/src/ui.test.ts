import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { registerUi } from "./ui.js";

describe("builder UI serving", () => {
  it("serves files, falls back to index.html outside /api, and leaves /api to the API", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ui-"));
    writeFileSync(join(dir, "index.html"), "<html>stagecraft</html>");
    writeFileSync(join(dir, "app.js"), "console.log(1)");
    const app = Fastify();
    expect(await registerUi(app, dir)).toBe(true);
    expect((await app.inject({ url: "/" })).body).toContain("stagecraft");
    expect((await app.inject({ url: "/app.js" })).body).toContain("console.log");
    expect((await app.inject({ url: "/apps/123/board" })).body).toContain("stagecraft");
    expect((await app.inject({ url: "/api/unknown" })).statusCode).toBe(404);
    await app.close();
  });

  it("does nothing before the UI is built", async () => {
    const app = Fastify();
    expect(await registerUi(app, mkdtempSync(join(tmpdir(), "no-ui-")))).toBe(false);
    await app.close();
  });
});
