import type { ValidationIssue } from "@stagecraft/schemas";

/** Parameters of an issue (limits, the offending option, …) for messages in the UI's language. */
export type IssueParams = Readonly<Record<string, unknown>>;

/**
 * Collects the issues of one submission, remembering which field owns each one, so issues of
 * fields that turn out hidden can be dropped once visibility is known. Normalizers report paths
 * relative to `prefix` (the row a subform normalizer is inside), so the happy path builds no
 * strings.
 */
export class IssueCollector {
  /** JSON Pointer of the object being normalized ("" for the record, "/lines/3" for a row). */
  prefix = "";
  /** Index of the top-level field being normalized, -1 for issues about the input as a whole. */
  field = -1;
  /** Row index inside that field's subform, -1 outside rows. */
  row = -1;
  /** Index of the row field being normalized, -1 outside rows. */
  rowField = -1;
  readonly issues: ValidationIssue[] = [];
  /** For issue i: owners[3i] = field, owners[3i+1] = row, owners[3i+2] = row field. */
  readonly owners: number[] = [];

  /** Record an issue at `prefix + path`, owned by the current field. */
  report(path: string, code: string, message: string, params?: IssueParams): void {
    const issue: ValidationIssue = { path: this.prefix + path, code, message };
    if (params !== undefined) issue.params = params;
    this.issues.push(issue);
    this.owners.push(this.field, this.row, this.rowField);
  }

  /** Whether an issue was reported with exactly this owner. */
  owns(field: number, row: number, rowField: number): boolean {
    for (let i = 0; i < this.owners.length; i += 3) {
      if (this.owners[i] === field && this.owners[i + 1] === row && this.owners[i + 2] === rowField)
        return true;
    }
    return false;
  }

  /** The issues whose owner `isHidden` does not reject. */
  visibleIssues(isHidden: (field: number, row: number, rowField: number) => boolean): ValidationIssue[] {
    const kept: ValidationIssue[] = [];
    for (let i = 0; i < this.issues.length; i++) {
      const issue = this.issues[i];
      const field = this.owners[3 * i] ?? -1;
      const row = this.owners[3 * i + 1] ?? -1;
      const rowField = this.owners[3 * i + 2] ?? -1;
      if (issue !== undefined && (field < 0 || !isHidden(field, row, rowField))) kept.push(issue);
    }
    return kept;
  }
}
