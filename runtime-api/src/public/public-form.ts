import type { Form } from "@stagecraft/schemas";
import type { Runtime } from "../runtime.js";
import { notFound } from "../problem.js";
import { loadScopedForm, type RecordScope } from "../records/record-scope.js";

/** What an anonymous visitor needs to render a shared form: that form's fields, nothing else of the app. */
export interface PublicFormView {
  appId: string;
  appName: Form["name"];
  form: Pick<Form, "id" | "name" | "description" | "fields">;
}

/** The render definition of the published form of a scope (no pipeline, rules, KPIs or other forms). */
export async function publicFormView(runtime: Runtime, scope: RecordScope): Promise<PublicFormView> {
  const { app } = await loadScopedForm(runtime, scope);
  const { definition } = app.compiled;
  const form = definition.forms.find((candidate) => candidate.id === scope.formId);
  if (form === undefined) throw notFound("form");
  return {
    appId: scope.appId,
    appName: definition.name,
    form: {
      id: form.id,
      name: form.name,
      ...(form.description === undefined ? {} : { description: form.description }),
      fields: form.fields,
    },
  };
}
