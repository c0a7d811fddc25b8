// What an installer does after installing a template: fill the placeholders a template cannot know
// (the workspace's users in assignment pools, the addresses of outbound webhooks), through the
// draft and publish routes (`Scenario.republish`).
import type { Action, AppDefinition, Rule } from "@stagecraft/schemas";

function ruleOf(definition: AppDefinition, ruleId: string): Rule {
  const rule = definition.rules?.find((r) => r.id === ruleId);
  if (rule === undefined) throw new Error(`no rule ${ruleId}`);
  return rule;
}

/** Give a rule's assign_owner action a round-robin pool of users. */
export function setPool(definition: AppDefinition, ruleId: string, userIds: string[]): void {
  const rule = ruleOf(definition, ruleId);
  const action = rule.actions.find(
    (a): a is Extract<Action, { type: "assign_owner" }> => a.type === "assign_owner",
  );
  if (action === undefined) throw new Error(`rule ${ruleId} assigns no owner`);
  action.strategy = { type: "round_robin", userIds };
}

/** Point a rule's webhook at `url` and switch the rule on. */
export function setWebhook(definition: AppDefinition, ruleId: string, url: string): void {
  const rule = ruleOf(definition, ruleId);
  const action = rule.actions.find((a): a is Extract<Action, { type: "webhook" }> => a.type === "webhook");
  if (action === undefined) throw new Error(`rule ${ruleId} calls no webhook`);
  action.url = url;
  rule.enabled = true;
}
