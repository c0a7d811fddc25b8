import { validateDefinition, type AppDefinition } from "@stagecraft/schemas";
import { getTemplate } from "@stagecraft/templates";
import { HttpProblem, type ProblemItem } from "../problem.js";
import { requireValidDefinition } from "./definition-check.js";

/** The body of `POST /api/apps`: exactly one of the three keys. */
export interface InstallRequest {
  templateId?: string;
  templateIds?: string[];
  definition?: Record<string, unknown>;
}

/** A definition to install and the template it came from (null when the caller sent it). */
export interface AppSource {
  definition: AppDefinition;
  templateId: string | null;
}

const SOURCE_KEYS = ["templateId", "templateIds", "definition"] as const;

/** A shipped template, checked like any definition (a template that fails is a bug, not bad input). */
function templateSource(templateId: string, path: string): AppSource {
  const template = getTemplate(templateId);
  if (template === undefined) {
    throw new HttpProblem(422, `no template "${templateId}"`, [unknownTemplate(path, templateId)]);
  }
  const result = validateDefinition(template);
  if (!result.valid) {
    throw new Error(`template ${templateId} is invalid: ${JSON.stringify(result.errors.slice(0, 3))}`);
  }
  return { definition: result.definition, templateId };
}

function unknownTemplate(path: string, templateId: string): ProblemItem {
  return { path, code: "unknown_template", message: `no template "${templateId}"`, params: { templateId } };
}

function fromTemplates(templateIds: readonly string[]): AppSource {
  const [only, ...others] = templateIds;
  if (only !== undefined && others.length === 0) return templateSource(only, "/templateIds/0");
  const unknown = templateIds.flatMap((id, i) =>
    getTemplate(id) === undefined ? [unknownTemplate(`/templateIds/${i}`, id)] : [],
  );
  throw new HttpProblem(422, "combining templates is not available yet", [
    {
      path: "/templateIds",
      code: "not_available",
      message: "combining templates is not available yet; install one template",
    },
    ...unknown,
  ]);
}

/** Resolve what `POST /api/apps` asks for: 400 unless exactly one source is given, 422 when it is rejected. */
export function resolveAppSource(body: InstallRequest): AppSource {
  const [source, ...extra] = SOURCE_KEYS.filter((key) => body[key] !== undefined);
  if (source === undefined) {
    throw new HttpProblem(400, "send templateId or definition", [
      { path: "", code: "required", message: "send one of templateId, templateIds or definition" },
    ]);
  }
  if (extra.length > 0) {
    throw new HttpProblem(
      400,
      "send templateId or definition, not both",
      extra.map((key) => ({ path: `/${key}`, code: "oneOf", message: `cannot be sent with ${source}` })),
    );
  }
  if (body.templateId !== undefined) return templateSource(body.templateId, "/templateId");
  if (body.templateIds !== undefined) return fromTemplates(body.templateIds);
  return { definition: requireValidDefinition(body.definition, "/definition"), templateId: null };
}
