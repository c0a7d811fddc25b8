import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compileForm } from "./compile-form.js";
import { computeFormulas } from "./compute-record.js";
import { submit } from "./submit.js";
import { bigForm, ctx, richForm } from "./test-forms.js";
import { visibleFields } from "./visibility.js";

const rich = compileForm(richForm());
const big = compileForm(bigForm());
const ids = richForm().fields.map((f) => f.id);

function wellFormed(result: ReturnType<typeof submit>): void {
  if (result.ok) {
    expect(JSON.parse(JSON.stringify(result.data))).toBeTypeOf("object");
  } else {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const issue of result.errors) {
      expect(issue.path === "" || issue.path.startsWith("/")).toBe(true);
      expect(typeof issue.code).toBe("string");
    }
  }
}

describe("submit never throws", () => {
  test("for any value as the input", () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), (input) => {
        wellFormed(submit(rich, input, ctx));
        wellFormed(submit(big, input, ctx));
      }),
      { numRuns: 300 },
    );
  });

  test("for any JSON object as the input, create or update", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue()), (input, previous) => {
        wellFormed(submit(rich, input, ctx));
        wellFormed(submit(rich, input, ctx, { previous }));
      }),
      { numRuns: 300 },
    );
  });

  test("for any values under the form's own keys (rows included)", () => {
    const value = fc.oneof(
      fc.anything(),
      fc.array(
        fc.dictionary(fc.constantFrom("product", "count", "unit", "amount", "remark", "x"), fc.jsonValue()),
      ),
      fc.constantFrom("", " ", "2026-02-29", "2026-03-01T00:00:00+08:00", "a", "renewal", "1e3"),
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...ids), value),
        fc.dictionary(fc.constantFrom(...ids), value),
        (input, previous) => {
          const context = { ...ctx, aggregates: { quota: 0 }, serials: { number: 1 } };
          wellFormed(submit(rich, input, context));
          wellFormed(submit(rich, input, context, { previous }));
          expect(() => computeFormulas(rich, input, context)).not.toThrow();
          expect(() => visibleFields(rich, input, context)).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });

  test("a regression shape: rows of rows and prototype keys", () => {
    const input = JSON.parse(
      '{"lines":[[{"__proto__":1}],{"product":{"toString":1}},null],"title":{"valueOf":1}}',
    );
    wellFormed(submit(rich, input, ctx));
  });
});
