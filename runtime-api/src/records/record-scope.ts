import type { CompiledForm } from "@stagecraft/engine";
import { loadPublishedApp, type PublishedApp } from "../apps/app-cache.js";
import { notFound } from "../problem.js";
import type { Runtime } from "../runtime.js";

/** Where records live: a form of an app of a workspace. Every query is scoped by all three. */
export interface RecordScope {
  workspaceId: string;
  appId: string;
  formId: string;
}

/** The published app of a scope and the compiled form the records belong to. */
export interface ScopedForm {
  app: PublishedApp;
  form: CompiledForm;
}

/** Load the published app and its form; 404 when either is unknown in the workspace. */
export async function loadScopedForm(runtime: Runtime, scope: RecordScope): Promise<ScopedForm> {
  const app = await loadPublishedApp(runtime, scope.workspaceId, scope.appId);
  const form = app.compiled.forms.get(scope.formId);
  if (form === undefined) throw notFound("form");
  return { app, form };
}
