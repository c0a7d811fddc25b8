// Bombs: catastrophic regex patterns (RE2 keeps them linear), definitions and expressions beyond
// the depth and size limits, huge and deeply nested bodies, huge arrays in record values. Each is
// refused with the right 4xx in bounded time, nothing is written, the server stays healthy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Field } from "@stagecraft/schemas";
import {
  expectNothingWritten,
  expectProblem,
  recordsUrl,
  startSecurityWorld,
  targetApp,
  type SecurityWorld,
} from "./security-harness.js";

let world: SecurityWorld;

beforeAll(async () => {
  world = await startSecurityWorld();
});

afterAll(async () => {
  await world.close();
});

const JSON_HEADERS = { "content-type": "application/json" };

function t(en: string): { zh: string; en: string } {
  return { zh: en, en };
}

/** The target app with one more text field on the deal form. */
function withField(field: Field): ReturnType<typeof targetApp> {
  const definition = targetApp();
  const [form] = definition.forms;
  if (form === undefined) throw new Error("the target app has a form");
  form.fields.push(field);
  return definition;
}

/** `{"+": [{"+": [… {"var": "amount"} …, 1]}, 1]}` nested `depth` times, as JSON text. */
function nestedText(depth: number): string {
  return `${'{"+":['.repeat(depth)}{"var":"amount"}${",1]}".repeat(depth)}`;
}

describe("ReDoS", () => {
  it("patterns RE2 cannot run in linear time (backreferences, lookarounds) are refused as drafts", async () => {
    const { rt, home } = world;
    await expectNothingWritten(rt, async () => {
      for (const pattern of ["^(a+)\\1$", "^(?=a)a+$", "^(?!b).*$", "(?<=x)y", "(a"]) {
        const definition = withField({ id: "evil", type: "text", label: t("Evil"), pattern });
        const res = await rt.call("PUT", `/api/apps/${home.appId}/draft`, home.token, { definition });
        expectProblem(res, 422, ["/definition/forms/0/fields/5/pattern"]);
      }
    });
  });

  it("catastrophic backtracking patterns run in linear time against hostile values", async () => {
    const { rt, home } = world;
    const evil: Field[] = [
      { id: "nested_plus", type: "text", label: t("A"), pattern: "^(a+)+$" },
      { id: "alternation", type: "text", label: t("B"), pattern: "^(a|a)*$" },
      { id: "email_like", type: "text", label: t("C"), pattern: "^([a-zA-Z0-9]+\\.?)+@x$" },
    ];
    const definition = targetApp();
    const [form] = definition.forms;
    if (form === undefined) throw new Error("the target app has a form");
    form.fields.push(...evil);
    const installed = await rt.call("POST", "/api/apps", home.token, { definition });
    expect(installed.statusCode, installed.body).toBe(201);
    const appId = installed.json<{ id: string }>().id;
    const hostile = `${"a".repeat(50_000)}!`;
    await expectNothingWritten(rt, async () => {
      const res = await rt.call("POST", recordsUrl(appId), home.token, {
        data: {
          title: "x",
          nested_plus: hostile,
          alternation: hostile,
          email_like: `${"a.".repeat(20_000)}!`,
        },
      });
      expectProblem(res, 422, ["/data/nested_plus", "/data/alternation", "/data/email_like"]);
    });
  }, 20_000);
});

describe("schema bombs", () => {
  it("an expression nested beyond the depth limit → 422 at its path", async () => {
    const { rt, home } = world;
    await expectNothingWritten(rt, async () => {
      for (const depth of [200, 5_000]) {
        const definition = withField({
          id: "deep",
          type: "formula",
          label: t("Deep"),
          resultType: "number",
          expression: { var: "__deep__" },
        });
        // Built as text: the client's own JSON.stringify cannot nest this deep.
        const text = JSON.stringify({ definition }).replace('{"var":"__deep__"}', nestedText(depth));
        const draftUrl = `/api/apps/${home.appId}/draft`;
        const res = await rt.call("PUT", draftUrl, home.token, text, JSON_HEADERS);
        expect(res.statusCode, res.body.slice(0, 500)).toBe(422);
        expectProblem(res, 422);
        expect(res.body).toContain("/definition/forms/0/fields/5");
      }
    });
  });

  it("more fields, options, rules or forms than the limits allow → 422", async () => {
    const { rt, home } = world;
    const draftUrl = `/api/apps/${home.appId}/draft`;
    await expectNothingWritten(rt, async () => {
      const manyFields = targetApp();
      const [form] = manyFields.forms;
      if (form === undefined) throw new Error("the target app has a form");
      for (let i = 0; i < 600; i++) form.fields.push({ id: `f${i}`, type: "text", label: t(`F${i}`) });
      expectProblem(await rt.call("PUT", draftUrl, home.token, { definition: manyFields }), 422, [
        "/definition/forms/0/fields",
      ]);
      const manyRules = targetApp();
      manyRules.rules = Array.from({ length: 1_001 }, (_, i) => ({
        id: `r${i}`,
        trigger: { type: "record.created" as const, form: "deal" },
        actions: [{ type: "notify" as const, to: [{ type: "owner" as const }], title: t("x") }],
      }));
      expectProblem(await rt.call("PUT", draftUrl, home.token, { definition: manyRules }), 422, [
        "/definition/rules",
      ]);
      const options = Array.from({ length: 5_000 }, (_, i) => ({ value: `o${i}`, label: t(`O${i}`) }));
      const manyOptions = withField({ id: "pick", type: "select", label: t("Pick"), options });
      expectProblem(await rt.call("PUT", draftUrl, home.token, { definition: manyOptions }), 422, [
        "/definition/forms/0/fields/5/options",
      ]);
    });
  });

  it("record values beyond their limits: subform rows, long text, huge arrays → 422 naming each", async () => {
    const { rt, home } = world;
    await expectNothingWritten(rt, async () => {
      const res = await rt.call("POST", recordsUrl(home.appId), home.token, {
        data: {
          title: "x".repeat(201),
          amount: Array.from({ length: 50_000 }, () => 1),
          lines: Array.from({ length: 6 }, () => ({ product: "p" })),
        },
      });
      expectProblem(res, 422, ["/data/title", "/data/amount", "/data/lines"]);
    });
  });
});

describe("huge and deeply nested bodies", () => {
  it("a body above the size limit → 413", async () => {
    const { rt, home } = world;
    await expectNothingWritten(rt, async () => {
      const res = await rt.call("POST", recordsUrl(home.appId), home.token, {
        data: { title: "x".repeat(2 * 1024 * 1024) },
      });
      expectProblem(res, 413);
      const draft = await rt.call("PUT", `/api/apps/${home.appId}/draft`, home.token, {
        definition: { ...targetApp(), padding: "y".repeat(3 * 1024 * 1024) },
      });
      expectProblem(draft, 413);
    });
  });

  it("deeply nested JSON in records and drafts → 4xx, never a crash", async () => {
    const { rt, home } = world;
    await expectNothingWritten(rt, async () => {
      for (const depth of [1_000, 100_000]) {
        const deep = `${"[".repeat(depth)}1${"]".repeat(depth)}`;
        const record = await rt.call(
          "POST",
          recordsUrl(home.appId),
          home.token,
          `{"data":{"title":"x","amount":${deep}}}`,
          JSON_HEADERS,
        );
        expect(record.statusCode, record.body.slice(0, 300)).toBeGreaterThanOrEqual(400);
        expect(record.statusCode).toBeLessThan(500);
        expectProblem(record, record.statusCode);
        const objects = `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
        const draft = await rt.call(
          "PUT",
          `/api/apps/${home.appId}/draft`,
          home.token,
          `{"definition":${objects}}`,
          JSON_HEADERS,
        );
        expect(draft.statusCode, draft.body.slice(0, 300)).toBeGreaterThanOrEqual(400);
        expect(draft.statusCode).toBeLessThan(500);
        expectProblem(draft, draft.statusCode);
      }
    });
  });
});
