// Imports every package's built dist from plain Node, as outside checks do, and exercises the
// public surface once: a failure here means `exports` or the build is broken.
import assert from "node:assert/strict";

const schemas = await import("@stagecraft/schemas");
const engine = await import("@stagecraft/engine");
const templates = await import("@stagecraft/templates");
await import("@stagecraft/migrations");

const bad = schemas.validateDefinition({ id: "Not Kebab", forms: [] });
assert.equal(bad.valid, false);
assert.ok(bad.errors.length >= 2, "every error at once");

const definition = templates.getTemplate("sales-plan");
assert.ok(definition, "the flagship template ships");
assert.equal(schemas.validateDefinition(definition).valid, true);
const compiled = engine.compileApp(definition);
assert.equal(compiled.ok, true);

assert.equal(engine.evaluate({ "+": [1, { var: "a" }] }, { a: 2 }), 3);
assert.throws(
  () => engine.evaluate({ nope: [] }, {}),
  (err) => err.code === "EXPR_UNKNOWN_OPERATOR",
);
assert.throws(
  () => engine.evaluate({ var: "a.__proto__.b" }, { a: {} }),
  (err) => err.code === "EXPR_FORBIDDEN_PATH",
);
console.log("dist exports ok: schemas, engine, templates, migrations");
