import { zoneOf, type Zone } from "../time/zone.js";
import { RuleError } from "./rule-error.js";

/** The wall clock of a rule's time zone; throws RuleError time_zone_invalid for an unknown zone. */
export function ruleZone(timeZone: string): Zone {
  const zone = zoneOf(timeZone);
  if (zone === null) throw new RuleError("time_zone_invalid", `"${timeZone}"`, { timeZone });
  return zone;
}
