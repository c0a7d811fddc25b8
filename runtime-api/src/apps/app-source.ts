import { validateDefinition, type AppDefinition } from "@stagecraft/schemas";
import {
  composeShippedTemplates,
  getTemplate,
  getTemplateDemo,
  type CompositionNote,
  type DemoRecord,
} from "@stagecraft/templates";
import { HttpProblem, type ProblemItem } from "../problem.js";
import { requireValidDefinition } from "./definition-check.js";

/** The body of `POST /api/apps`: exactly one of the three keys. */
export interface InstallRequest {
  templateId?: string;
  templateIds?: string[];
  definition?: Record<string, unknown>;
  /** Add the templates' demo records (templates only). */
  withDemoData?: boolean;
}

/** A definition to install and the template it came from (null when the caller sent it). */
export interface AppSource {
  definition: AppDefinition;
  /** The template, or the combined templates joined with "+"; null when the caller sent the definition. */
  templateId: string | null;
  /** What combining templates changed or left out. */
  notes?: CompositionNote[];
  /** Demo records to add, per template (their `$demo` keys are local to each template). */
  demo?: { templateId: string; records: DemoRecord[] }[];
}

const SOURCE_KEYS = [
  "templateId",
  "templateIds",
  "definition",
] as const satisfies readonly (keyof InstallRequest)[];

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
  if (unknown.length > 0) throw new HttpProblem(422, "unknown templates", unknown);
  const composition = composeShippedTemplates(templateIds);
  if (composition === undefined) throw new Error("a template vanished while composing");
  if (!composition.ok) {
    throw new HttpProblem(
      422,
      "these templates cannot be combined",
      composition.errors.map((issue) => ({ ...issue, path: `/templateIds${issue.path}` })),
    );
  }
  return { definition: composition.definition, templateId: templateIds.join("+"), notes: composition.notes };
}

/** The demo records of every template of `source`, for an install at `now`. */
function withDemo(source: AppSource, templateIds: readonly string[], now: Date): AppSource {
  const demo = templateIds.map((templateId) => ({
    templateId,
    records: getTemplateDemo(templateId, now) ?? [],
  }));
  return { ...source, demo };
}

/** Resolve what `POST /api/apps` asks for: 400 unless exactly one source is given, 422 when it is rejected. */
export function resolveAppSource(body: InstallRequest, now: Date): AppSource {
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
  const demo = body.withDemoData === true;
  if (body.templateId !== undefined) {
    const source = templateSource(body.templateId, "/templateId");
    return demo ? withDemo(source, [body.templateId], now) : source;
  }
  if (body.templateIds !== undefined) {
    const source = fromTemplates(body.templateIds);
    return demo ? withDemo(source, body.templateIds, now) : source;
  }
  if (demo) {
    throw new HttpProblem(422, "demo data comes with templates", [
      {
        path: "/withDemoData",
        code: "not_available",
        message: "demo data comes with templates, not with a definition",
      },
    ]);
  }
  return { definition: requireValidDefinition(body.definition, "/definition"), templateId: null };
}
