import type { ValidationIssue } from "@stagecraft/schemas";
import { HttpProblem, type ProblemItem } from "../problem.js";

/** Engine issues as problem items, their paths moved under `prefix` ("/data" for record data). */
export function problemItems(issues: readonly ValidationIssue[], prefix = ""): ProblemItem[] {
  return issues.map((issue) => ({
    path: `${prefix}${issue.path}`,
    code: issue.code,
    message: issue.message,
    ...(issue.params !== undefined ? { params: issue.params } : {}),
  }));
}

/** 422 naming every field the app's rules reject. */
export function rejectedData(issues: readonly ValidationIssue[]): HttpProblem {
  const count = issues.length;
  return new HttpProblem(
    422,
    `the record has ${count} invalid field${count === 1 ? "" : "s"}`,
    problemItems(issues, "/data"),
  );
}
