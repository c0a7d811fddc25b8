import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { RE2JS } from "re2js";

/** ajv's RegExp engine contract: a factory with a `code` name, returning objects with test/toString. */
function re2Engine(pattern: string): { test(s: string): boolean; toString(): string } {
  const re = RE2JS.compile(pattern);
  return { test: (s: string) => re.matcher(s).find(), toString: () => pattern };
}
re2Engine.code = "re2";

// ajv-formats is published as CommonJS with `exports.default`; under NodeNext it arrives as the module.
const addFormats = addFormatsModule.default;

/**
 * The one ajv instance of the project: draft 2020-12, every error at once, `discriminator` for
 * tagged unions, and RE2 for every `pattern` so no schema can make validation backtrack.
 */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    // `type: [..]` is plain 2020-12 (filter values are string|number|boolean|null); strict mode bans it by default.
    allowUnionTypes: true,
    discriminator: true,
    useDefaults: false,
    code: { regExp: re2Engine },
  });
  addFormats(ajv, ["email", "uri", "date", "date-time"]);
  return ajv;
}

export const ajv = createAjv();

/** One problem found in a document: a JSON Pointer, a stable code, a message and its parameters. */
export interface ValidationIssue {
  path: string;
  code: string;
  message: string;
  params?: Readonly<Record<string, unknown>>;
}

/** Turn ajv's errors into issues; a discriminator mismatch is reported once, not per branch. */
export function issuesFromAjv(errors: readonly ErrorObject[] | null | undefined): ValidationIssue[] {
  if (!errors) return [];
  return errors.map((e) => {
    let path = e.instancePath;
    if (e.keyword === "required" && typeof e.params["missingProperty"] === "string") {
      path = `${path}/${escapePointer(e.params["missingProperty"])}`;
    } else if (e.keyword === "additionalProperties" && typeof e.params["additionalProperty"] === "string") {
      path = `${path}/${escapePointer(e.params["additionalProperty"])}`;
    }
    return { path, code: e.keyword, message: e.message ?? e.keyword, params: e.params };
  });
}

/** Escape one JSON Pointer segment (RFC 6901). */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

export type { ValidateFunction };
