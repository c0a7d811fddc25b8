import { Ajv, type Options, type SchemaObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import type { FastifyInstance } from "fastify";

// ajv-formats is published as CommonJS with `exports.default`; under NodeNext it arrives as the module.
const addFormats = addFormatsModule.default;

// Fastify's own defaults (of @fastify/ajv-compiler), with every error at once and nothing removed.
const OPTIONS: Options = {
  useDefaults: true,
  removeAdditional: false,
  addUsedSchema: false,
  allErrors: true,
};

function isSchemaObject(schema: unknown): schema is SchemaObject {
  return typeof schema === "object" && schema !== null && !Array.isArray(schema);
}

function compilerOf(ajv: Ajv): (schema: unknown) => ValidateFunction {
  return (schema) => {
    if (!isSchemaObject(schema)) throw new Error("a route schema must be a JSON Schema object");
    // ajv refuses to compile a second schema of one $id: the first compilation serves both routes.
    const known = typeof schema.$id === "string" ? ajv.getSchema(schema.$id) : undefined;
    return known ?? ajv.compile(schema);
  };
}

/**
 * Validate requests with two ajv instances: querystrings, params and headers arrive as text and
 * are coerced to the types their schemas name (`limit=5` is 5); JSON bodies already carry types,
 * so a body value of the wrong type is refused (naming the field) instead of being converted
 * (`["a"]` silently becoming `"a"`, `"5"` becoming 5).
 */
export function registerRequestValidation(app: FastifyInstance): void {
  const coercing = new Ajv({ ...OPTIONS, coerceTypes: "array" });
  const exact = new Ajv({ ...OPTIONS, coerceTypes: false });
  addFormats(coercing);
  addFormats(exact);
  const compileCoercing = compilerOf(coercing);
  const compileExact = compilerOf(exact);
  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === "body" ? compileExact(schema) : compileCoercing(schema),
  );
}
