import type { CompiledForm } from "@stagecraft/engine";
import type { Field } from "@stagecraft/schemas";
import { HttpProblem, type ProblemItem } from "../problem.js";
import { cellText, type Cell } from "./cell.js";

/** Columns an export writes before the fields; an import skips them. */
export const SYSTEM_COLUMNS = ["id", "stage", "owner", "createdAt", "updatedAt"] as const;

/**
 * Field types a sheet cell cannot carry: uploads live outside the record. Subforms and addresses
 * are JSON text in their cell (see cell-value.ts), as an export writes them.
 */
const NOT_IMPORTABLE = new Set<Field["type"]>(["file", "image", "signature"]);
/** Field types whose input is ignored (computed or layout). */
const IGNORED = new Set<Field["type"]>(["formula", "serial", "section"]);

/** A field that takes its value from one sheet column. */
export interface ImportColumn {
  index: number;
  field: Field;
}

/** The key a header or name is compared by: trimmed, case-insensitive. */
function keyOf(text: string): string {
  return text.trim().toLowerCase();
}

/** The fields a header may name: by id, Chinese label or English label. */
function fieldsNamed(form: CompiledForm, header: string): Field[] {
  const key = keyOf(header);
  const byId = [...form.fields.values()].filter((f) => keyOf(f.id) === key);
  if (byId.length > 0) return byId;
  return [...form.fields.values()].filter((f) => keyOf(f.label.zh) === key || keyOf(f.label.en) === key);
}

/**
 * Map a sheet's header row to the form's fields. System columns, blank headers and computed
 * fields are skipped; 422 naming every unknown, ambiguous, repeated or non-importable header.
 */
export function importColumns(form: CompiledForm, headerRow: readonly Cell[]): ImportColumn[] {
  const system = new Set<string>(SYSTEM_COLUMNS.map(keyOf));
  const problems: ProblemItem[] = [];
  const columns: ImportColumn[] = [];
  const seen = new Map<string, string>();
  const unknown: string[] = [];
  headerRow.forEach((cell, index) => {
    const header = cellText(cell);
    if (header === "" || system.has(keyOf(header))) return;
    const path = `/file/header/${index + 1}`;
    const matches = fieldsNamed(form, header);
    const field = matches[0];
    if (field === undefined) {
      unknown.push(`"${header}"`);
      problems.push({
        path,
        code: "unknown_column",
        message: `column "${header}" names no field of the form`,
      });
      return;
    }
    if (matches.length > 1) {
      const ids = matches.map((f) => f.id).join(", ");
      problems.push({
        path,
        code: "ambiguous_column",
        message: `column "${header}" matches several fields (${ids}): use the field id`,
      });
      return;
    }
    if (IGNORED.has(field.type)) return;
    if (NOT_IMPORTABLE.has(field.type)) {
      problems.push({
        path,
        code: "not_importable",
        message: `column "${header}" is a ${field.type} field, which cannot be imported from a sheet`,
      });
      return;
    }
    const earlier = seen.get(field.id);
    if (earlier !== undefined) {
      problems.push({
        path,
        code: "duplicate_column",
        message: `columns "${earlier}" and "${header}" both name field ${field.id}`,
      });
      return;
    }
    seen.set(field.id, header);
    columns.push({ index, field });
  });
  if (problems.length > 0) {
    const detail =
      unknown.length > 0
        ? `unknown column${unknown.length === 1 ? "" : "s"} ${unknown.join(", ")}: name fields by id, Chinese or English label`
        : "some columns of the file cannot be imported";
    throw new HttpProblem(422, detail, problems);
  }
  return columns;
}
