import type { ValidationIssue } from "../ajv.js";
import type { AppDefinition } from "../app.js";
import type { Expression } from "../common.js";
import { analyzeExpression, rootField } from "../expression-analysis.js";
import type { Field, RowField } from "../field.js";
import { issue, pointer } from "./issue.js";

/** Formula field id → the formula fields (of the same list) its expression reads. */
function dependencies(fields: readonly (Field | RowField)[]): Map<string, string[]> {
  const formulas = new Map<string, Expression>();
  for (const field of fields) {
    if (field.type === "formula" && !formulas.has(field.id)) formulas.set(field.id, field.expression);
  }
  const deps = new Map<string, string[]>();
  for (const [id, expression] of formulas) {
    const reads = analyzeExpression(expression).vars.map(rootField);
    deps.set(id, [...new Set(reads.filter((r) => formulas.has(r)))]);
  }
  return deps;
}

/** At most this many cycles are reported per list: a dense tangle has more than anyone reads. */
export const MAX_REPORTED_CYCLES = 20;

/** Tarjan's strongly connected components: node → component number. */
function components(deps: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const component = new Map<string, number>();
  const stack: string[] = [];
  let counter = 0;
  let found = 0;
  const connect = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    for (const w of deps.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (!component.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
      component.set(w, found);
      if (w === v) break;
    }
    found++;
  };
  for (const v of deps.keys()) if (!index.has(v)) connect(v);
  return component;
}

/**
 * The elementary cycles among formula fields of one list (Johnson's algorithm, within strongly
 * connected components), each once, starting at its member that comes first in the list.
 */
export function formulaCycles(fields: readonly (Field | RowField)[]): string[][] {
  const deps = dependencies(fields);
  const comp = components(deps);
  const order = [...deps.keys()];
  const rank = new Map(order.map((id, i) => [id, i] as const));
  const cycles: string[][] = [];

  for (const [i, start] of order.entries()) {
    // Only edges inside start's component, to fields not before start: each cycle is found from its first field.
    const next = (v: string): string[] =>
      (deps.get(v) ?? []).filter((w) => comp.get(w) === comp.get(start) && (rank.get(w) ?? -1) >= i);
    const blocked = new Set<string>();
    const blockers = new Map<string, Set<string>>();
    const path: string[] = [];
    const unblock = (u: string): void => {
      blocked.delete(u);
      const waiting = blockers.get(u) ?? new Set<string>();
      blockers.delete(u);
      for (const w of waiting) if (blocked.has(w)) unblock(w);
    };
    const circuit = (v: string): boolean => {
      let found = false;
      path.push(v);
      blocked.add(v);
      for (const w of next(v)) {
        if (cycles.length >= MAX_REPORTED_CYCLES) break;
        if (w === start) {
          cycles.push([...path]);
          found = true;
        } else if (!blocked.has(w) && circuit(w)) {
          found = true;
        }
      }
      if (found) {
        unblock(v);
      } else {
        for (const w of next(v)) {
          const set = blockers.get(w) ?? new Set<string>();
          set.add(v);
          blockers.set(w, set);
        }
      }
      path.pop();
      return found;
    };
    if (cycles.length >= MAX_REPORTED_CYCLES) break;
    circuit(start);
  }
  return cycles;
}

function report(fields: readonly (Field | RowField)[], base: string, issues: ValidationIssue[]): void {
  for (const cycle of formulaCycles(fields)) {
    const [first = ""] = cycle;
    const chain = [...cycle, first].join(" → ");
    const at = fields.findIndex((f) => f.id === first);
    issues.push(
      issue(pointer(base, at, "expression"), "formula_cycle", `formula cycle: ${chain}`, {
        cycle: [...cycle, first],
      }),
    );
  }
}

/** Formula fields that (indirectly) read themselves, per form and per subform row. */
export function checkFormulaCycles(app: AppDefinition): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  app.forms.forEach((form, f) => {
    const base = pointer("/forms", f, "fields");
    report(form.fields, base, issues);
    form.fields.forEach((field, i) => {
      if (field.type === "subform") report(field.fields, pointer(base, i, "fields"), issues);
    });
  });
  return issues;
}
