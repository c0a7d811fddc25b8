// Malformed bodies: wrong content types, broken JSON, NUL bytes, lone surrogates and invalid
// UTF-8 in strings. Each is refused with the right 4xx (or, for text the database can store,
// accepted intact), never a 500, and refusals write nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectNothingWritten,
  expectProblem,
  recordsUrl,
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

describe("content types and JSON syntax", () => {
  it("a body that is not JSON by its content type → 415", async () => {
    const { rt, home } = world;
    await expectNothingWritten(rt, async () => {
      for (const type of [
        "text/plain",
        "application/xml",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/x-yaml",
      ]) {
        const res = await rt.call("POST", recordsUrl(home.appId), home.token, `{"data":{"title":"x"}}`, {
          "content-type": type,
        });
        expectProblem(res, 415);
      }
    });
  });

  it("malformed JSON → 400", async () => {
    const { rt, home } = world;
    await expectNothingWritten(rt, async () => {
      for (const text of [
        `{"data":{"title":"x"}`,
        `{"data":{"title":'x'}}`,
        `{"data":{"title":"x",}}`,
        `{data:{title:"x"}}`,
        `{"data":{"title":"x"}}garbage`,
        `NaN`,
        ``,
      ]) {
        const res = await rt.call("POST", recordsUrl(home.appId), home.token, text, {
          "content-type": "application/json",
        });
        expectProblem(res, 400);
      }
    });
  });

  it("JSON of the wrong shape (null, an array, a string, data not an object) → 400", async () => {
    const { rt, home } = world;
    await expectNothingWritten(rt, async () => {
      for (const text of [`null`, `[]`, `"data"`, `{"data":null}`, `{"data":[1,2]}`, `{"data":"title"}`]) {
        const res = await rt.call("POST", recordsUrl(home.appId), home.token, text, {
          "content-type": "application/json",
        });
        expectProblem(res, 400);
      }
      const draft = await rt.call("PUT", `/api/apps/${home.appId}/draft`, home.token, `{"definition":[]}`, {
        "content-type": "application/json",
      });
      expect([400, 422]).toContain(draft.statusCode);
      expectProblem(draft, draft.statusCode);
    });
  });
});

describe("hostile characters in strings", () => {
  it("NUL bytes in record values, keys and definitions → 400 naming the field, never a 500", async () => {
    const { rt, home } = world;
    await expectNothingWritten(rt, async () => {
      const value = await rt.call("POST", recordsUrl(home.appId), home.token, {
        data: { title: "evil\u0000title", lines: [{ product: "p\u0000" }] },
      });
      expectProblem(value, 400, ["/data/title", "/data/lines/0/product"]);
      const key = await rt.call("POST", recordsUrl(home.appId), home.token, {
        data: { title: "x", "ti\u0000tle": "y" },
      });
      expectProblem(key, 400, ["/data/ti\u0000tle"]);
      const login = await rt.call("POST", "/api/auth/login", null, {
        email: "owner@example.com\u0000",
        password: "x\u0000",
      });
      expect([400, 401]).toContain(login.statusCode);
      expectProblem(login, login.statusCode);
    });
  });

  it("lone surrogates in record values → 400 naming the field, never a 500", async () => {
    const { rt, home } = world;
    await expectNothingWritten(rt, async () => {
      for (const text of [`"x\\ud800"`, `"\\udfff y"`, `"\\ud800\\ud800"`]) {
        const res = await rt.call("POST", recordsUrl(home.appId), home.token, `{"data":{"title":${text}}}`, {
          "content-type": "application/json",
        });
        expectProblem(res, 400, ["/data/title"]);
      }
    });
  });

  it("invalid UTF-8 bytes are replaced, never stored raw, and a proper pair survives", async () => {
    const { rt, home } = world;
    const bytes = Buffer.concat([
      Buffer.from(`{"data":{"title":"bad `),
      Buffer.from([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80]),
      Buffer.from(` end 😀 中文"}}`),
    ]);
    const res = await rt.app.inject({
      method: "POST",
      url: recordsUrl(home.appId),
      headers: { authorization: `Bearer ${home.token}`, "content-type": "application/json" },
      payload: bytes,
    });
    expect(res.statusCode, res.body).toBe(201);
    const title = res.json<{ data: { title: string } }>().data.title;
    expect(title.startsWith("bad ")).toBe(true);
    expect(title.endsWith(" end 😀 中文")).toBe(true);
    expect(title).not.toMatch(/\p{Cs}/u);
    expect((await rt.call("GET", "/api/health", null)).statusCode).toBe(200);
  });

  it("NUL bytes and lone surrogates in a draft's labels → 400, never a 500", async () => {
    const { rt, home } = world;
    await expectNothingWritten(rt, async () => {
      const text = JSON.stringify({
        definition: {
          id: "deal-desk",
          name: { zh: "a\u0000b", en: "x" },
          forms: [
            {
              id: "deal",
              name: { zh: "d", en: "d" },
              fields: [{ id: "t", type: "text", label: { zh: "t", en: "t" } }],
            },
          ],
        },
      }).replace('"en":"x"', '"en":"\\udc00"');
      const res = await rt.call("PUT", `/api/apps/${home.appId}/draft`, home.token, text, {
        "content-type": "application/json",
      });
      expectProblem(res, 400, ["/definition/name/zh", "/definition/name/en"]);
    });
  });
});
