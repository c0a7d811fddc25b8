// What an installer does after installing a template: fill in the routing maps and round-robin
// pools with the workspace's people and switch on the webhook rules once their addresses are known.
// The scenario publishes the configured definition as a new version through the API.
import type { AppDefinition, AssignStrategy, Rule } from "@stagecraft/schemas";
import type { Scenario } from "./scenario.js";

/** How the installer configures the template's rules. */
export interface AppConfiguration {
  /** Rule id → the assignment strategy its assign_owner actions use. */
  assign?: Record<string, AssignStrategy>;
  /** Rule ids to switch on (webhook rules ship disabled). */
  enable?: readonly string[];
}

function configureRule(rule: Rule, config: AppConfiguration): Rule {
  const strategy = config.assign?.[rule.id];
  const actions =
    strategy === undefined
      ? rule.actions
      : rule.actions.map((action) => (action.type === "assign_owner" ? { ...action, strategy } : action));
  const enabled = config.enable?.includes(rule.id) === true ? { enabled: true } : {};
  return { ...rule, ...enabled, actions };
}

/** Apply the configuration to the installed definition, then save it as the draft and publish it. */
export async function configureApp(s: Scenario, config: AppConfiguration): Promise<AppDefinition> {
  const known = new Set((s.definition.rules ?? []).map((rule) => rule.id));
  for (const id of [...Object.keys(config.assign ?? {}), ...(config.enable ?? [])]) {
    if (!known.has(id)) throw new Error(`configureApp: no rule ${id}`);
  }
  return s.republish((definition) => {
    definition.rules = (definition.rules ?? []).map((rule) => configureRule(rule, config));
  });
}
