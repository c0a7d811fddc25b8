import type { ErrorObject } from "ajv/dist/2020.js";
import { issuesFromAjv, type ValidationIssue } from "../ajv.js";

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The subschema at an ajv `schemaPath` ("#/properties/forms/items/…"), if it can be found. */
function schemaAt(root: unknown, schemaPath: string): unknown {
  let node = root;
  for (const raw of schemaPath.split("/").slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isRecord(node) && Object.hasOwn(node, key)) node = node[key];
    else return undefined;
  }
  return node;
}

function branches(root: unknown, schemaPath: string): readonly unknown[] {
  const node = schemaAt(root, schemaPath);
  return Array.isArray(node) ? node : [];
}

const TYPE_NOUNS: Readonly<Record<string, string>> = {
  string: "a string",
  number: "a number",
  integer: "an integer",
  boolean: "a boolean",
  null: "null",
  object: "an object",
  array: "a list",
};

function typeNoun(type: unknown): string {
  return typeof type === "string" ? (TYPE_NOUNS[type] ?? type) : "a valid value";
}

/** How a union member reads in a message: its constant, description, members or type. */
function describe(branch: unknown): string {
  if (!isRecord(branch)) return "a valid value";
  if ("const" in branch) return JSON.stringify(branch["const"]);
  const description = branch["description"];
  if (typeof description === "string") return description;
  const members = branch["anyOf"];
  if (Array.isArray(members)) return members.map(describe).join(", or ");
  const type = branch["type"];
  return Array.isArray(type) ? type.map(typeNoun).join(", ") : typeNoun(type);
}

function isChild(child: ErrorObject, parent: ErrorObject): boolean {
  return (
    child.schemaPath.startsWith(`${parent.schemaPath}/`) &&
    (child.instancePath === parent.instancePath || child.instancePath.startsWith(`${parent.instancePath}/`))
  );
}

/**
 * ajv reports a failed union (anyOf) as one error per branch plus its own; keep only its own.
 * The branch errors are the ones pushed just before it, so a stack does this in linear time.
 */
function collapseUnions(errors: readonly ErrorObject[]): ErrorObject[] {
  const kept: ErrorObject[] = [];
  for (const error of errors) {
    if (error.keyword === "anyOf") {
      for (let top = kept.at(-1); top && isChild(top, error); top = kept.at(-1)) kept.pop();
    }
    kept.push(error);
  }
  return kept;
}

function snakeCase(keyword: string): string {
  return keyword.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Give a structural issue its snake_case code and a message that names what is allowed. */
function refine(found: ValidationIssue, error: ErrorObject, schema: unknown): ValidationIssue {
  const base = {
    ...found,
    code: snakeCase(error.keyword),
    params: { ...error.params, keyword: error.keyword },
  };
  switch (error.keyword) {
    case "anyOf": {
      const options = branches(schema, error.schemaPath);
      if (options.length > 0 && options.every((b) => isRecord(b) && "const" in b)) {
        const allowedValues = options.map((b) => (isRecord(b) ? b["const"] : undefined));
        const list = allowedValues.map((v) => JSON.stringify(v)).join(", ");
        return {
          ...base,
          code: "enum",
          message: `must be one of: ${list}`,
          params: { ...base.params, allowedValues },
        };
      }
      return { ...base, message: `must be ${options.map(describe).join(", or ")}` };
    }
    case "discriminator": {
      const parentPath = error.schemaPath.replace(/\/discriminator$/, "/oneOf");
      const types = branches(schema, parentPath).flatMap((b) => {
        const type = isRecord(b) && isRecord(b["properties"]) ? b["properties"]["type"] : undefined;
        return isRecord(type) && typeof type["const"] === "string" ? [type["const"]] : [];
      });
      const message = `type must be one of: ${types.join(", ")}`;
      return {
        ...base,
        path: `${found.path}/type`,
        message,
        params: { ...base.params, allowedValues: types },
      };
    }
    case "not": {
      const reserved = schemaAt(schema, error.schemaPath);
      const values = isRecord(reserved) && Array.isArray(reserved["enum"]) ? reserved["enum"] : [];
      return {
        ...base,
        message: `must not be one of the reserved values: ${values.map((v) => JSON.stringify(v)).join(", ")}`,
      };
    }
    case "additionalProperties":
      return { ...base, message: `unknown property "${String(error.params["additionalProperty"])}"` };
    default:
      return base;
  }
}

/** Turn ajv's errors for a document validated against `schema` into definition issues. */
export function structuralIssues(
  errors: readonly ErrorObject[] | null | undefined,
  schema: unknown,
): ValidationIssue[] {
  const kept = collapseUnions(errors ?? []);
  const issues = issuesFromAjv(kept);
  return issues.map((found, i) => {
    const error = kept[i];
    return error ? refine(found, error, schema) : found;
  });
}
