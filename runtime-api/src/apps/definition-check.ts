import { validateDefinition, type AppDefinition } from "@stagecraft/schemas";
import { HttpProblem } from "../problem.js";

/**
 * The definition when it validates, else a 422 naming every problem at once, each path prefixed
 * with `at` (where the definition sits in the request, e.g. `/definition`).
 */
export function requireValidDefinition(json: unknown, at: string): AppDefinition {
  const result = validateDefinition(json);
  if (result.valid) return result.definition;
  const count = result.errors.length;
  throw new HttpProblem(
    422,
    `the app definition has ${count} problem${count === 1 ? "" : "s"}`,
    result.errors.map((issue) => ({ ...issue, path: `${at}${issue.path}` })),
  );
}
