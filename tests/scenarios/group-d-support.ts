// Helpers the group-D template scenarios share: switching on the rules a template ships disabled
// (their webhook addresses are the installer's to set) and reading one KPI value.
import type { Scenario } from "./scenario.js";

/** Enable the named rules in a draft and publish it, as an installer does after setting the URLs. */
export async function enableRules(s: Scenario, ruleIds: readonly string[]): Promise<void> {
  const definition = structuredClone(s.definition);
  for (const rule of definition.rules ?? []) if (ruleIds.includes(rule.id)) rule.enabled = true;
  const draft = await s.rt.call("PUT", `/api/apps/${s.appId}/draft`, s.owner.token, { definition });
  if (draft.statusCode !== 200) throw new Error(`draft: ${draft.statusCode} ${draft.body}`);
  const published = await s.rt.call("POST", `/api/apps/${s.appId}/publish`, s.owner.token, {});
  if (published.statusCode !== 200) throw new Error(`publish: ${published.statusCode} ${published.body}`);
}

/** A KPI's value over [from, to] (dates), rounded to 6 decimals so sums of money compare exactly. */
export async function kpiValue(s: Scenario, kpiId: string, from: string, to: string): Promise<number | null> {
  const result = await s.kpi(kpiId, { from, to });
  return result.value === null ? null : Math.round(result.value * 1e6) / 1e6;
}

/** Publish a changed copy of the installed definition (as an installer adapting the template). */
export async function publishEdited(
  s: Scenario,
  edit: (definition: Scenario["definition"]) => void,
): Promise<void> {
  const definition = structuredClone(s.definition);
  edit(definition);
  const draft = await s.rt.call("PUT", `/api/apps/${s.appId}/draft`, s.owner.token, { definition });
  if (draft.statusCode !== 200) throw new Error(`draft: ${draft.statusCode} ${draft.body}`);
  const published = await s.rt.call("POST", `/api/apps/${s.appId}/publish`, s.owner.token, {});
  if (published.statusCode !== 200) throw new Error(`publish: ${published.statusCode} ${published.body}`);
}
