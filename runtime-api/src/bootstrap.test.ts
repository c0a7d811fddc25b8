import { afterAll, describe, expect, it } from "vitest";
import { bootstrap } from "./bootstrap.js";
import { verifyPassword } from "./auth/passwords.js";
import { openDatabase, type OpenDatabase } from "./db/database.js";
import { testDatabaseTarget } from "./test-database.js";

describe("bootstrap", () => {
  const opened: OpenDatabase[] = [];
  afterAll(async () => {
    for (const o of opened) await o.close();
  });

  it("creates the owner once, with a generated password when none is configured", async () => {
    const database = await openDatabase(await testDatabaseTarget());
    opened.push(database);
    const first = await bootstrap(database.db, { adminEmail: "first@example.com", adminPassword: undefined });
    expect(first.created).toBe(true);
    expect(first.generatedPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const row = await database.db.selectFrom("users").selectAll().executeTakeFirstOrThrow();
    expect(row.is_owner).toBe(true);
    expect(await verifyPassword(row.password_hash, first.generatedPassword ?? "")).toBe(true);
    expect(row.password_hash).not.toContain(first.generatedPassword ?? "");
    const again = await bootstrap(database.db, {
      adminEmail: "second@example.com",
      adminPassword: "whatever1",
    });
    expect(again).toEqual({ created: false });
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
  });
});
