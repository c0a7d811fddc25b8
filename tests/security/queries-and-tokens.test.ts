// Hostile query strings and credentials: SQL-looking values in filters, sorts and `q`, limits
// beyond 500, forged cursors, NUL bytes in parameters; forged, expired and garbage bearer tokens
// and cookies. Each gets the right 4xx (or, for search text, an ordinary empty answer), nothing
// is written and every table survives.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectNothingWritten,
  expectProblem,
  recordsUrl,
  rowCounts,
  startSecurityWorld,
  type SecurityWorld,
} from "./security-harness.js";

let world: SecurityWorld;

beforeAll(async () => {
  world = await startSecurityWorld();
});

afterAll(async () => {
  await world.close();
});

const INJECTIONS = [
  "'; drop table records; --",
  "1 OR 1=1",
  '" or ""="',
  "title); delete from users; --",
  "x' union select password_hash from users --",
  "%' or '1'='1",
  "_stage,(select 1)",
];

function list(appId: string, query: Record<string, string>): string {
  return `${recordsUrl(appId)}?${new URLSearchParams(query).toString()}`;
}

describe("SQL-looking query parameters", () => {
  it("in `q`: an ordinary search that finds nothing", async () => {
    const { rt, home } = world;
    await expectNothingWritten(rt, async () => {
      for (const q of INJECTIONS) {
        const res = await rt.call("GET", list(home.appId, { q }), home.token);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json<{ items: unknown[] }>().items).toEqual([]);
      }
    });
    const counts = await rowCounts(rt);
    expect(counts.records).toBeGreaterThan(0);
    expect(counts.users).toBeGreaterThan(0);
  });

  it("in `sort`, `stage` and `owner`: 400 naming the parameter, or an empty answer", async () => {
    const { rt, home } = world;
    await expectNothingWritten(rt, async () => {
      for (const value of INJECTIONS) {
        expectProblem(await rt.call("GET", list(home.appId, { sort: value }), home.token), 400, [
          "/query/sort",
        ]);
        for (const name of ["stage", "owner"]) {
          const res = await rt.call("GET", list(home.appId, { [name]: value }), home.token);
          if (res.statusCode === 200) expect(res.json<{ items: unknown[] }>().items).toEqual([]);
          else expectProblem(res, 400, [`/query/${name}`]);
        }
      }
    });
  });

  it("in run, KPI and export parameters: 4xx, never a 500", async () => {
    const { rt, home } = world;
    const app = `/api/apps/${home.appId}`;
    await expectNothingWritten(rt, async () => {
      for (const value of INJECTIONS) {
        const encoded = encodeURIComponent(value);
        for (const url of [
          `${app}/runs?status=${encoded}`,
          `${app}/runs?ruleId=${encoded}`,
          `${app}/kpis/deal_count?groupBy=${encoded}`,
          `${app}/kpis/deal_count?from=${encoded}`,
          `${app}/forms/deal/export?format=${encoded}`,
          `${app}/kpis/${encoded}`,
          `${recordsUrl(home.appId)}/${encoded}`,
        ]) {
          const res = await rt.call("GET", url, home.token);
          expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(500);
          if (res.statusCode !== 200) expectProblem(res, res.statusCode);
          else expect(res.body).not.toContain("password");
        }
      }
    });
  });

  it("NUL bytes in query and path parameters → 400 naming them", async () => {
    const { rt, home } = world;
    await expectNothingWritten(rt, async () => {
      expectProblem(await rt.call("GET", list(home.appId, { q: "a\u0000b" }), home.token), 400, ["/query/q"]);
      const record = `${recordsUrl(home.appId)}/rec%00x`;
      expectProblem(await rt.call("GET", record, home.token), 400, ["/params/id"]);
      const app = await rt.call("GET", `/api/apps/app%00`, home.token);
      expectProblem(app, 400, ["/params/appId"]);
    });
  });
});

describe("page limits and cursors", () => {
  it("`limit` beyond 500, zero, negative or not a number → 400 naming it", async () => {
    const { rt, home } = world;
    await expectNothingWritten(rt, async () => {
      for (const limit of ["501", "1000000", "0", "-1", "1e3", "abc", "5.5", "99999999999999999999"]) {
        expectProblem(await rt.call("GET", list(home.appId, { limit }), home.token), 400, ["/query/limit"]);
      }
    });
  });

  it("forged and garbage cursors → 400 naming the cursor", async () => {
    const { rt, home } = world;
    const first = await rt.call("GET", list(home.appId, { limit: "1" }), home.token);
    const real = first.json<{ nextCursor: string | null }>().nextCursor;
    expect(real).not.toBeNull();
    const forged = Buffer.from(JSON.stringify({ v: "'; drop table records; --", id: "x" })).toString(
      "base64url",
    );
    await expectNothingWritten(rt, async () => {
      for (const cursor of [
        "garbage",
        "%%%",
        forged,
        Buffer.from("{").toString("base64url"),
        "A".repeat(5000),
        `${real ?? ""}tampered`,
      ]) {
        const res = await rt.call("GET", list(home.appId, { limit: "1", cursor }), home.token);
        expectProblem(res, 400, ["/query/cursor"]);
      }
      // A cursor of another sort order is not accepted either.
      const res = await rt.call(
        "GET",
        list(home.appId, { limit: "1", sort: "updatedAt", cursor: real ?? "" }),
        home.token,
      );
      expectProblem(res, 400, ["/query/cursor"]);
    });
  });
});

describe("forged credentials", () => {
  it("forged, garbage and malformed bearer tokens → 401", async () => {
    const { rt, home } = world;
    const forgedJwt = [
      Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url"),
      Buffer.from(JSON.stringify({ sub: "owner", role: "admin" })).toString("base64url"),
      "",
    ].join(".");
    await expectNothingWritten(rt, async () => {
      for (const token of [
        "forged",
        forgedJwt,
        `${home.token}x`,
        home.token.slice(0, -1),
        home.token.toUpperCase(),
        "' or 1=1 --",
        "A".repeat(10_000),
      ]) {
        expectProblem(await rt.call("GET", "/api/me", token), 401);
        expectProblem(await rt.call("POST", recordsUrl(home.appId), token, { data: { title: "x" } }), 401);
      }
      for (const authorization of [
        "Bearer",
        "Bearer ",
        "Basic b3duZXI6eA==",
        `bearer  ${home.token} extra`,
        "Token x",
      ]) {
        const res = await rt.call("GET", "/api/me", null, undefined, { authorization });
        expectProblem(res, 401);
      }
    });
  });

  it("forged and garbage session cookies → 401", async () => {
    const { rt, home } = world;
    await expectNothingWritten(rt, async () => {
      for (const cookie of [
        "sc_session=forged",
        `sc_session=${home.token}x`,
        "sc_session=",
        "sc_session=%00",
        "sc_session=a; sc_session=b",
        "a=b; c",
      ]) {
        const res = await rt.call("GET", "/api/me", null, undefined, { cookie });
        expect([400, 401]).toContain(res.statusCode);
        expectProblem(res, res.statusCode);
      }
    });
  });

  it("a token after logout, and a session past its expiry → 401", async () => {
    const { rt } = world;
    const token = await rt.login("viewer@example.com", "password-of-viewer");
    expect((await rt.call("GET", "/api/me", token)).statusCode).toBe(200);
    expect((await rt.call("POST", "/api/auth/logout", token)).statusCode).toBe(204);
    expectProblem(await rt.call("GET", "/api/me", token), 401);
    const expiring = await rt.login("viewer@example.com", "password-of-viewer");
    await rt.database.db
      .updateTable("sessions")
      .set({ expires_at: new Date("2026-01-01T00:00:00.000Z") })
      .execute();
    await expectNothingWritten(rt, async () => {
      expectProblem(await rt.call("GET", "/api/me", expiring), 401);
      expectProblem(await rt.call("GET", "/api/apps", expiring), 401);
    });
  });

  it("anonymous routes: guessed share and hook tokens → 404, hostile public bodies → 4xx", async () => {
    const { rt, home } = world;
    await expectNothingWritten(rt, async () => {
      for (const token of ["x", "' or 1=1 --", home.shareToken.slice(0, -1), "..%2F..%2Fapi%2Fme"]) {
        expectProblem(await rt.call("GET", `/api/public/forms/${token}`, null), 404);
        const filled = await rt.call("POST", `/api/public/forms/${token}/records`, null, {
          data: { title: "x" },
        });
        expectProblem(filled, 404);
        expectProblem(await rt.call("POST", `/api/hooks/${token}`, null, { title: "x" }), 404);
      }
      // A token beyond the router's parameter length, and a malformed escape: problem+json too.
      // (A GET the router cannot match falls to the built UI's catch-all when builder-ui/dist exists,
      // which refuses /api paths with 404; without the built UI the router answers 414.)
      const long = await rt.call("GET", `/api/public/forms/${"A".repeat(2000)}`, null);
      expectProblem(long, long.statusCode === 404 ? 404 : 414);
      expectProblem(await rt.call("POST", `/api/hooks/${"A".repeat(2000)}`, null, {}), 414);
      expectProblem(await rt.call("GET", "/api/apps/%E0%A4%A", home.token), 400);
      // The real link refuses server-owned keys and hands out nothing but the new record's id.
      const sneaky = await rt.call("POST", `/api/public/forms/${home.shareToken}/records`, null, {
        data: { title: "x", _owner: "u_x", _stage: "won" },
        ownerId: "u_x",
      });
      expect([400, 422]).toContain(sneaky.statusCode);
      expectProblem(sneaky, sneaky.statusCode);
    });
  });
});
