// Prototype pollution: `__proto__`, `constructor` and `prototype` as keys of record data, subform
// rows, definitions and KPI filters, and as expression paths. Each is refused with a 4xx, nothing
// is written, and no object of the process gains a property.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  expectNothingWritten,
  expectProblem,
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

afterEach(() => {
  // Nothing a request sent reached Object.prototype.
  const probe: Record<string, unknown> = {};
  expect(probe["polluted"]).toBeUndefined();
  expect(probe["x"]).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty("polluted");
});

const JSON_HEADERS = { "content-type": "application/json" };

/** Send a raw JSON text (object literals cannot carry an own `__proto__` key). */
function sendRaw(method: string, url: string, token: string, text: string, headers = {}): Promise<Answer> {
  return world.rt.call(method, url, token, text, { ...JSON_HEADERS, ...headers });
}

function expectClientError(res: Answer): void {
  expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, res.body).toBeLessThan(500);
  expectProblem(res, res.statusCode);
}

describe("polluting keys in bodies", () => {
  it("`__proto__` and `constructor.prototype` in record data → 400", async () => {
    const { rt, home } = world;
    const base = recordsUrl(home.appId);
    await expectNothingWritten(rt, async () => {
      for (const text of [
        `{"data":{"title":"a","__proto__":{"polluted":true}}}`,
        `{"__proto__":{"polluted":true},"data":{"title":"a"}}`,
        `{"data":{"title":"a","constructor":{"prototype":{"polluted":true}}}}`,
        `{"data":{"title":"a","lines":[{"product":"p","__proto__":{"polluted":true}}]}}`,
      ]) {
        expectProblem(await sendRaw("POST", base, home.token, text), 400);
      }
    });
  });

  it("a `prototype` or `constructor` key that is not a field → 422 naming it", async () => {
    const { rt, home } = world;
    await expectNothingWritten(rt, async () => {
      const res = await rt.call("POST", recordsUrl(home.appId), home.token, {
        data: { title: "a", prototype: { polluted: true }, lines: [{ product: "p", prototype: 1 }] },
      });
      expectProblem(res, 422, ["/data/prototype", "/data/lines/0/prototype"]);
      const ctor = await rt.call("POST", recordsUrl(home.appId), home.token, {
        data: { title: "a", constructor: "x" },
      });
      expectClientError(ctor);
    });
  });

  it("`__proto__` in a patch → 400", async () => {
    const { rt, home } = world;
    const record = `${recordsUrl(home.appId)}/${home.recordId}`;
    await expectNothingWritten(rt, async () => {
      const res = await sendRaw("PATCH", record, home.token, `{"data":{"__proto__":{"polluted":true}}}`, {
        "if-match": String(home.recordVersion),
      });
      expectProblem(res, 400);
    });
  });

  it("polluting keys in definitions (fields, options, KPI filters, rule bodies) → 4xx", async () => {
    const { rt, home } = world;
    const draftUrl = `/api/apps/${home.appId}/draft`;
    const good = JSON.stringify({ definition: targetApp() });
    await expectNothingWritten(rt, async () => {
      for (const text of [
        good.replace(`"forms":[`, `"__proto__":{"polluted":true},"forms":[`),
        good.replace(`"id":"deal",`, `"id":"deal","constructor":{"prototype":{"polluted":true}},`),
        good.replace(`"measure":{"type":"count"}`, `"measure":{"type":"count"},"filter":{"__proto__":[]}`),
      ]) {
        expectClientError(await sendRaw("PUT", draftUrl, home.token, text));
      }
      const definition = targetApp();
      const [form] = definition.forms;
      if (form === undefined) throw new Error("the target app has a form");
      form.fields.push({ id: "__proto__", type: "text", label: { zh: "x", en: "x" } });
      const badField = await rt.call("PUT", draftUrl, home.token, { definition });
      expectProblem(badField, 422, ["/definition/forms/0/fields/5/id"]);
      const filtered = targetApp();
      const [kpi] = filtered.kpis ?? [];
      if (kpi === undefined) throw new Error("the target app has a KPI");
      kpi.filter = [{ field: "constructor", op: "eq", value: "x" }];
      expectClientError(await rt.call("PUT", draftUrl, home.token, { definition: filtered }));
    });
  });
});

describe("polluting expression paths", () => {
  for (const path of ["__proto__.polluted", "constructor.prototype", "__proto__", "lines.__proto__.x"]) {
    it(`a formula reading {"var": "${path}"} is refused as a draft`, async () => {
      const { rt, home } = world;
      const definition = targetApp();
      const [form] = definition.forms;
      if (form === undefined) throw new Error("the target app has a form");
      form.fields.push({
        id: "probe",
        type: "formula",
        label: { zh: "探针", en: "Probe" },
        resultType: "text",
        expression: { var: path },
      });
      await expectNothingWritten(rt, async () => {
        const res = await rt.call("PUT", `/api/apps/${home.appId}/draft`, home.token, { definition });
        expectProblem(res, 422);
        expect(res.body).toContain("/definition/forms/0/fields/5");
      });
    });
  }

  it("a guard setting `constructor.prototype` via a rule's set_field is refused", async () => {
    const { rt, home } = world;
    const definition = targetApp();
    definition.rules = [
      {
        id: "pollute",
        trigger: { type: "record.created", form: "deal" },
        when: { "==": [{ var: "constructor.prototype.polluted" }, true] },
        actions: [{ type: "set_field", field: "title", value: { var: "__proto__.title" } }],
      },
    ];
    await expectNothingWritten(rt, async () => {
      const res = await rt.call("PUT", `/api/apps/${home.appId}/draft`, home.token, { definition });
      expectProblem(res, 422);
      expect(res.body).toContain("/definition/rules/0");
    });
  });
});
