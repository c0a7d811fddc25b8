import { validateDefinition, type AppDefinition } from "@stagecraft/schemas";
import { isRecord, numberAt } from "../shared/json-guards.js";
import { ApiError, type BuilderApi } from "./builder-api.js";

/** What the builder opens: the definition to edit (the draft when there is one) and the published version. */
export interface LoadedApp {
  definition: AppDefinition;
  version: number;
  fromDraft: boolean;
}

/**
 * Load an app for editing: its saved draft when it has one (a draft affects nothing until
 * published), else its published definition. Throws ApiError when the app cannot be read.
 */
export async function loadApp(api: BuilderApi, appId: string): Promise<LoadedApp> {
  const base = `/api/apps/${encodeURIComponent(appId)}`;
  const published = await api.request("GET", base);
  const version = isRecord(published) ? (numberAt(published, "version") ?? 0) : 0;
  let draft: unknown;
  try {
    const answer = await api.request("GET", `${base}/draft`);
    draft = isRecord(answer) ? answer["draft"] : undefined;
  } catch (e) {
    // No draft yet: edit the published definition.
    if (!(e instanceof ApiError && e.status === 404)) throw e;
  }
  if (draft !== undefined && draft !== null) {
    const checked = validateDefinition(draft);
    if (checked.valid) return { definition: checked.definition, version, fromDraft: true };
  }
  const checked = validateDefinition(isRecord(published) ? published["definition"] : undefined);
  if (!checked.valid)
    throw new ApiError(500, "the published definition does not validate", undefined, checked.errors);
  return { definition: checked.definition, version, fromDraft: false };
}
