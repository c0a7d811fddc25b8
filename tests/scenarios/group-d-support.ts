// Helpers the group-D template scenarios share: switching on the rules a template ships disabled
// (their webhook addresses are the installer's to set) and reading one KPI value.
import type { Scenario } from "./scenario.js";

/** Enable the named rules in a draft and publish it, as an installer does after setting the URLs. */
export async function enableRules(s: Scenario, ruleIds: readonly string[]): Promise<void> {
  await s.republish((definition) => {
    for (const rule of definition.rules ?? []) if (ruleIds.includes(rule.id)) rule.enabled = true;
  });
}

/** A KPI's value over [from, to] (dates), rounded to 6 decimals so sums of money compare exactly. */
export async function kpiValue(s: Scenario, kpiId: string, from: string, to: string): Promise<number | null> {
  const result = await s.kpi(kpiId, { from, to });
  return result.value === null ? null : Math.round(result.value * 1e6) / 1e6;
}
