import {
  validateDefinition,
  type AppDefinition,
  type Field,
  type Form,
  type Option,
  type Stage,
  type ValidationIssue,
} from "@stagecraft/schemas";

/** Something the composition changed or left out, for the person who combined the templates. */
export interface CompositionNote {
  /** Where in the combined definition (or which template's item) it happened. */
  path: string;
  code: "field_merged" | "stage_merged" | "pipeline_kept" | "renamed" | "dropped";
  message: string;
}

/** The answer of composeTemplates. */
export type Composition =
  | { ok: true; definition: AppDefinition; notes: CompositionNote[] }
  | { ok: false; errors: ValidationIssue[]; notes: CompositionNote[] };

type Named = { id: string };

/** A field list with `extra`'s fields added: same ids merge (stricter `required`, options unioned). */
function mergeFields<F extends Field>(
  base: F[],
  extra: readonly F[],
  path: string,
  notes: CompositionNote[],
): F[] {
  const merged = [...base];
  for (const field of extra) {
    const index = merged.findIndex((f) => f.id === field.id);
    const existing = merged[index];
    if (existing === undefined) {
      merged.push(structuredClone(field));
      continue;
    }
    if (existing.type !== field.type) {
      notes.push({
        path: `${path}/${field.id}`,
        code: "field_merged",
        message: `kept the ${existing.type} field; the other template's ${field.type} field of the same id was left out`,
      });
      continue;
    }
    merged[index] = mergeSameField(existing, field, `${path}/${field.id}`, notes);
  }
  return merged;
}

function unionOptions(a: readonly Option[], b: readonly Option[]): Option[] {
  const values = new Set(a.map((o) => o.value));
  return [...a, ...b.filter((o) => !values.has(o.value))];
}

function mergeSameField<F extends Field>(a: F, b: F, path: string, notes: CompositionNote[]): F {
  const out = structuredClone(a);
  // The same object seen as the whole union, so its member can be narrowed by `type`.
  const view: Field = out;
  if (b.required === true && view.required !== true) {
    view.required = true;
    notes.push({ path, code: "field_merged", message: "required, as one of the templates asks" });
  }
  if ((view.type === "select" || view.type === "multiselect") && "options" in b) {
    view.options = unionOptions(view.options, b.options);
  }
  if (view.type === "subform" && b.type === "subform") {
    view.fields = mergeFields(view.fields, b.fields, `${path}/fields`, notes);
  }
  return out;
}

/** A stage of the kept pipeline with another template's requirements for the same stage added. */
function mergeStage(kept: Stage, other: Stage): Stage {
  const out = structuredClone(kept);
  const requires = [...new Set([...(kept.requires ?? []), ...(other.requires ?? [])])];
  if (requires.length > 0) out.requires = requires;
  if (other.guard !== undefined) {
    out.guard = kept.guard === undefined ? structuredClone(other.guard) : { and: [kept.guard, other.guard] };
    if (kept.guardMessage === undefined && other.guardMessage !== undefined)
      out.guardMessage = other.guardMessage;
  }
  if (kept.approval === undefined && other.approval !== undefined)
    out.approval = structuredClone(other.approval);
  if (kept.sla === undefined && other.sla !== undefined) out.sla = structuredClone(other.sla);
  return out;
}

function mergeForm(base: Form, extra: Form, templateId: string, notes: CompositionNote[]): Form {
  const path = `/forms/${base.id}`;
  const out: Form = { ...base, fields: mergeFields(base.fields, extra.fields, `${path}/fields`, notes) };
  const aggregates = unionById(base.aggregates ?? [], extra.aggregates ?? []);
  if (aggregates.length > 0) out.aggregates = aggregates;
  if (base.pipeline === undefined) {
    if (extra.pipeline !== undefined) out.pipeline = structuredClone(extra.pipeline);
    return out;
  }
  if (extra.pipeline === undefined) return out;
  const other = new Map(extra.pipeline.stages.map((s) => [s.id, s]));
  out.pipeline = {
    ...base.pipeline,
    stages: base.pipeline.stages.map((stage) => {
      const same = other.get(stage.id);
      if (same === undefined) return stage;
      notes.push({
        path: `${path}/pipeline/${stage.id}`,
        code: "stage_merged",
        message: `requirements of ${templateId}'s stage "${stage.id}" added`,
      });
      return mergeStage(stage, same);
    }),
  };
  const left = extra.pipeline.stages.filter((s) => !base.pipeline?.stages.some((k) => k.id === s.id));
  if (left.length > 0) {
    notes.push({
      path: `${path}/pipeline`,
      code: "pipeline_kept",
      message: `the first template's pipeline is kept; ${templateId}'s stages ${left.map((s) => s.id).join(", ")} are not part of it`,
    });
  }
  return out;
}

function unionById<T extends Named>(a: readonly T[], b: readonly T[]): T[] {
  const ids = new Set(a.map((x) => x.id));
  return [...a, ...b.filter((x) => !ids.has(x.id)).map((x) => structuredClone(x))];
}

/** `templateId` as a snake_case prefix: `customer-tiering` → `customer_tiering`. */
function prefixOf(templateId: string): string {
  return templateId.replaceAll("-", "_");
}

/** An id free in `taken`: the id itself, or prefixed with its template (`customer_tiering__r2`). */
function freeId(id: string, templateId: string, taken: Set<string>): string {
  if (!taken.has(id)) return id;
  const prefixed = `${prefixOf(templateId)}__${id}`.slice(0, 63);
  let candidate = prefixed;
  for (let n = 2; taken.has(candidate); n++) candidate = `${prefixed.slice(0, 60)}_${n}`;
  return candidate;
}

/** Rename ids of `items` that clash with `taken`; answers the renames (old → new). */
function renameClashes(
  items: Named[],
  taken: Set<string>,
  templateId: string,
  kind: string,
  notes: CompositionNote[],
): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const item of items) {
    const id = freeId(item.id, templateId, taken);
    if (id !== item.id) {
      renamed.set(item.id, id);
      notes.push({ path: `/${kind}/${id}`, code: "renamed", message: `${templateId}'s ${item.id}` });
      item.id = id;
    }
    taken.add(id);
  }
  return renamed;
}

type DroppableKind = "rules" | "kpis" | "dashboards";

/** Indexes the validator refused, per list: `/rules/3/…` → rules 3; `/dashboards/1/widgets/2/…` → widget 2 of 1. */
interface Refusals {
  items: Map<DroppableKind, Set<number>>;
  widgets: Map<number, Set<number>>;
  other: ValidationIssue[];
}

function addTo<K>(map: Map<K, Set<number>>, key: K, index: number): void {
  const set = map.get(key) ?? new Set<number>();
  set.add(index);
  map.set(key, set);
}

function refusals(errors: readonly ValidationIssue[]): Refusals {
  const found: Refusals = { items: new Map(), widgets: new Map(), other: [] };
  for (const error of errors) {
    const widget = /^\/dashboards\/(\d+)\/widgets\/(\d+)/.exec(error.path);
    const item = /^\/(rules|kpis|dashboards)\/(\d+)/.exec(error.path);
    if (widget !== null) addTo(found.widgets, Number(widget[1]), Number(widget[2]));
    else if (item?.[1] === "rules" || item?.[1] === "kpis" || item?.[1] === "dashboards")
      addTo(found.items, item[1], Number(item[2]));
    else found.other.push(error);
  }
  return found;
}

function reason(errors: readonly ValidationIssue[], prefix: string): string {
  const first = errors.find((e) => e.path === prefix || e.path.startsWith(`${prefix}/`));
  return `left out: ${first?.message ?? "it refers to something the combination lacks"}`;
}

function keep<T extends Named>(
  list: T[] | undefined,
  drop: ReadonlySet<number> | undefined,
  path: (item: T, index: number) => string,
  errors: readonly ValidationIssue[],
  notes: CompositionNote[],
  errorPrefix: (index: number) => string,
): T[] | undefined {
  if (list === undefined || drop === undefined) return list;
  return list.filter((item, index) => {
    if (!drop.has(index)) return true;
    notes.push({ path: path(item, index), code: "dropped", message: reason(errors, errorPrefix(index)) });
    return false;
  });
}

/**
 * Drop the rules, KPIs and dashboard widgets the validator refuses (they name stages or fields the
 * combination lacks), until it accepts the definition; answers what else it refuses.
 */
function dropRefused(definition: AppDefinition, notes: CompositionNote[]): ValidationIssue[] {
  for (let pass = 0; pass < 10; pass++) {
    const result = validateDefinition(definition);
    if (result.valid) return [];
    const { items, widgets, other } = refusals(result.errors);
    if (other.length > 0) return other;
    const errors = result.errors;
    for (const [index, dashboard] of (definition.dashboards ?? []).entries()) {
      const kept = keep(
        dashboard.widgets,
        widgets.get(index),
        (w) => `/dashboards/${dashboard.id}/widgets/${w.id}`,
        errors,
        notes,
        (i) => `/dashboards/${index}/widgets/${i}`,
      );
      if (kept !== undefined) dashboard.widgets = kept;
    }
    const rules = keep(
      definition.rules,
      items.get("rules"),
      (r) => `/rules/${r.id}`,
      errors,
      notes,
      (i) => `/rules/${i}`,
    );
    const kpis = keep(
      definition.kpis,
      items.get("kpis"),
      (k) => `/kpis/${k.id}`,
      errors,
      notes,
      (i) => `/kpis/${i}`,
    );
    const dashboards = keep(
      definition.dashboards,
      items.get("dashboards"),
      (d) => `/dashboards/${d.id}`,
      errors,
      notes,
      (i) => `/dashboards/${i}`,
    )?.filter((d) => d.widgets.length > 0);
    if (rules !== undefined) definition.rules = rules;
    if (kpis !== undefined) definition.kpis = kpis;
    if (dashboards !== undefined) definition.dashboards = dashboards;
  }
  return validateDefinition(definition).errors;
}

/** The combined app's id: the templates' ids joined (`sales-plan-customer-tiering`), at most 64 characters. */
function combinedId(ids: readonly string[]): string {
  return ids.join("-").slice(0, 64).replace(/-+$/, "");
}

/**
 * Combine templates into one app (TEMPLATES.md §C): same-id forms merge (fields unioned, the
 * stricter `required` wins, select options unioned), the first template owns a form's pipeline and
 * the others' requirements for the same stages are added to it; rules, KPIs and dashboards whose
 * ids clash are renamed with their template's prefix (`customer_tiering__r2`), and those that refer
 * to what the combination lacks (another pipeline's stages) are left out. Every change is a note.
 */
export function composeTemplates(
  templates: readonly { id: string; definition: AppDefinition }[],
): Composition {
  const notes: CompositionNote[] = [];
  const [first, ...others] = templates;
  if (first === undefined)
    return { ok: false, errors: [{ path: "", code: "required", message: "no template", params: {} }], notes };
  const definition = structuredClone(first.definition);
  definition.id = combinedId(templates.map((t) => t.id));
  definition.name = {
    zh: templates.map((t) => t.definition.name.zh).join(" + "),
    en: templates.map((t) => t.definition.name.en).join(" + "),
  };
  const taken = {
    rules: new Set((definition.rules ?? []).map((r) => r.id)),
    kpis: new Set((definition.kpis ?? []).map((k) => k.id)),
    dashboards: new Set((definition.dashboards ?? []).map((d) => d.id)),
  };
  for (const template of others) {
    const extra = structuredClone(template.definition);
    definition.forms = definition.forms.map((form) => {
      const same = extra.forms.find((f) => f.id === form.id);
      return same === undefined ? form : mergeForm(form, same, template.id, notes);
    });
    definition.forms.push(...extra.forms.filter((f) => !definition.forms.some((d) => d.id === f.id)));
    const rules = extra.rules ?? [];
    renameClashes(rules, taken.rules, template.id, "rules", notes);
    const kpis = extra.kpis ?? [];
    const kpiRenames = renameClashes(kpis, taken.kpis, template.id, "kpis", notes);
    const dashboards = extra.dashboards ?? [];
    renameClashes(dashboards, taken.dashboards, template.id, "dashboards", notes);
    for (const widget of dashboards.flatMap((d) => d.widgets)) {
      if ("kpi" in widget) widget.kpi = kpiRenames.get(widget.kpi) ?? widget.kpi;
    }
    definition.rules = [...(definition.rules ?? []), ...rules];
    definition.kpis = [...(definition.kpis ?? []), ...kpis];
    definition.dashboards = [...(definition.dashboards ?? []), ...dashboards];
    definition.calendars = unionById(definition.calendars ?? [], extra.calendars ?? []);
    if (definition.calendars.length === 0) delete definition.calendars;
  }
  const errors = dropRefused(definition, notes);
  return errors.length === 0 ? { ok: true, definition, notes } : { ok: false, errors, notes };
}
