// Fuzz: random JSON thrown at record create and patch and at the app draft, as whole bodies, as
// record data and as definitions mutated at random. Whatever comes in, the answer is never a 5xx,
// every refusal is problem+json, and the server stays healthy.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  recordsUrl,
  startSecurityWorld,
  targetApp,
  type Answer,
  type SecurityWorld,
} from "./security-harness.js";

let world: SecurityWorld;

beforeAll(async () => {
  world = await startSecurityWorld();
});

afterAll(async () => {
  await world.close();
});

const RUNS = 150;
// Record field ids, server-owned names and polluting keys, so random objects hit real paths.
const KEYS = [
  "title",
  "amount",
  "code",
  "net",
  "lines",
  "product",
  "qty",
  "id",
  "_stage",
  "constructor",
  "prototype",
  "x",
];

const key = fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 }));
const leaf = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("'; drop table records; --", "9".repeat(400), "1e309", "2026-02-30", "\u0000"),
);
const value = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("any"), { maxLength: 5 }),
    fc.dictionary(key, tie("any"), { maxKeys: 6 }),
  ),
})).any;

// Record data that mostly passes validation, so random values reach the database too.
const title = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom("a\u0000b", "x\ud800", "\udfff", "中文 😀", "'; drop table records; --"),
  leaf,
);
const plausibleData = fc.record(
  {
    title,
    amount: fc.integer(),
    lines: fc.array(fc.record({ product: title, qty: fc.integer() }), { maxLength: 3 }),
    net: leaf,
  },
  { requiredKeys: ["title"] },
);

function expectNoServerError(res: Answer): void {
  expect(res.statusCode, res.body.slice(0, 400)).toBeLessThan(500);
  if (res.statusCode >= 400) expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
}

async function expectHealthy(): Promise<void> {
  expect((await world.rt.call("GET", "/api/health", null)).statusCode).toBe(200);
}

describe("random JSON never gets a 5xx", () => {
  it("record create: random bodies and random data", async () => {
    const { rt, home } = world;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(value, fc.record({ data: fc.dictionary(key, value, { maxKeys: 8 }) }), {
          arbitrary: fc.record({ data: plausibleData }),
          weight: 3,
        }),
        async (body) => {
          expectNoServerError(
            await rt.call("POST", recordsUrl(home.appId), home.token, JSON.stringify(body), {
              "content-type": "application/json",
            }),
          );
        },
      ),
      { numRuns: RUNS },
    );
    await expectHealthy();
  });

  it("record patch: random data at the current version, and random If-Match headers", async () => {
    const { rt, home } = world;
    const record = `${recordsUrl(home.appId)}/${home.recordId}`;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.dictionary(key, value, { maxKeys: 8 }), plausibleData),
        fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
        async (data, ifMatch) => {
          const current = (await rt.call("GET", record, home.token)).json<{ version: number }>();
          const res = await rt.call("PATCH", record, home.token, JSON.stringify({ data }), {
            "content-type": "application/json",
            "if-match": ifMatch ?? String(current.version),
          });
          expectNoServerError(res);
        },
      ),
      { numRuns: RUNS },
    );
    await expectHealthy();
  });

  it("app draft: random definitions and the target definition with random parts replaced", async () => {
    const { rt, home } = world;
    const draftUrl = `/api/apps/${home.appId}/draft`;
    const base = targetApp() as unknown as Record<string, unknown>;
    const replace = fc.tuple(
      fc.constantFrom("name", "forms", "rules", "kpis", "dashboards", "id", "extra"),
      value,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          value.map((definition) => ({ definition })),
          replace,
        ),
        async (input) => {
          const body = Array.isArray(input) ? { definition: { ...base, [input[0]]: input[1] } } : input;
          expectNoServerError(
            await rt.call("PUT", draftUrl, home.token, JSON.stringify(body), {
              "content-type": "application/json",
            }),
          );
        },
      ),
      { numRuns: RUNS },
    );
    await expectHealthy();
  });

  it("app draft: one field of the deal form replaced by random JSON", async () => {
    const { rt, home } = world;
    const draftUrl = `/api/apps/${home.appId}/draft`;
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 4 }),
        fc.dictionary(key, value, { maxKeys: 6 }),
        async (index, patch) => {
          const definition = targetApp();
          const [form] = definition.forms;
          if (form === undefined) throw new Error("the target app has a form");
          const fields: unknown[] = [...form.fields];
          fields[index] = { ...(fields[index] as object), ...patch };
          const body = { definition: { ...definition, forms: [{ ...form, fields }] } };
          expectNoServerError(
            await rt.call("PUT", draftUrl, home.token, JSON.stringify(body), {
              "content-type": "application/json",
            }),
          );
        },
      ),
      { numRuns: RUNS },
    );
    await expectHealthy();
  });
});
