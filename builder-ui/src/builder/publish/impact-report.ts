import type { AppDefinition } from "@stagecraft/schemas";
import type { TFunction } from "i18next";
import { isRecord, numberAt, stringAt } from "../shared/json-guards.js";
import { textOf, type Lang } from "../shared/i18n-text.js";

/** One line of a publish's impact report. */
export interface Change {
  kind: string;
  formId: string;
  fieldId: string;
  stageId: string;
  from: string;
  to: string;
  records: number;
}

/** What a dry run (or a publish) answers: the version it makes and its changes. */
export interface PublishPlan {
  version: number;
  changes: Change[];
}

/** The changes of an API answer, read defensively. */
export function changesOf(value: unknown): Change[] {
  return (Array.isArray(value) ? value : []).filter(isRecord).map((c) => ({
    kind: stringAt(c, "kind"),
    formId: stringAt(c, "formId"),
    fieldId: stringAt(c, "fieldId"),
    stageId: stringAt(c, "stageId"),
    from: stringAt(c, "from"),
    to: stringAt(c, "to"),
    records: numberAt(c, "records") ?? 0,
  }));
}

/** A publish answer read defensively. */
export function publishPlanOf(body: unknown): PublishPlan {
  return isRecord(body)
    ? { version: numberAt(body, "version") ?? 0, changes: changesOf(body["changes"]) }
    : { version: 0, changes: [] };
}

/** A change as a sentence, naming the form, field or stage as the draft names them (ids for removed ones). */
export function describeChange(
  change: Change,
  definition: AppDefinition | undefined,
  lang: Lang,
  t: TFunction,
): string {
  const form = definition?.forms.find((f) => f.id === change.formId);
  const field = form?.fields.find((f) => f.id === change.fieldId);
  const stage = form?.pipeline?.stages.find((s) => s.id === change.stageId);
  const names = {
    form: textOf(form?.name, lang) || change.formId,
    field: textOf(field?.label, lang) || change.fieldId,
    stage: textOf(stage?.name, lang) || change.stageId,
    from: t(`publish.types.${change.from}`, { defaultValue: change.from }),
    to: t(`publish.types.${change.to}`, { defaultValue: change.to }),
  };
  return t(`publish.kinds.${change.kind}`, { ...names, defaultValue: `${change.kind} ${names.form}` });
}
