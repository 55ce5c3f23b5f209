import { RuleOverrideError } from '../errors';
import { messages } from '../messages';
import type { RuleDefinition } from './rule-definition';
import type { RuleId } from './rule-ids';
import { type ImplementedRuleId, RULES, isImplementedRuleId } from './registry';

/**
 * An organisation's change to one rule: switch it off, or change its count (for IMMEDIATE rules, the count is a
 * target in hours). Only configurable rules (LOCAL, and NAT-GUID good-practice clocks) may be changed.
 */
export interface RuleOverride {
  ruleId: RuleId;
  /**
   * False switches the rule off for the organisation.
   * @default true
   */
  enabled?: boolean;
  /**
   * Replacement count in the rule's own unit (whole number; at least 1, or 0 for IMMEDIATE rules; at most 1000).
   * @default the registry count
   */
  count?: number;
}

const MAX_COUNT = 1000;

function checkOne(o: RuleOverride, rule: RuleDefinition): void {
  if (o.enabled !== undefined && typeof o.enabled !== 'boolean') throw new RuleOverrideError(o.ruleId, messages.overrideBadEnabled(o.ruleId, o.enabled));
  if (o.count !== undefined) {
    const min = rule.unit === 'IMMEDIATE' ? 0 : 1;
    if (!Number.isInteger(o.count) || o.count < min || o.count > MAX_COUNT)
      throw new RuleOverrideError(o.ruleId, messages.overrideBadCount(o.ruleId, o.count, min));
  }
  const changes = o.enabled === false || (o.count !== undefined && o.count !== rule.count);
  if (!rule.configurable && changes) throw new RuleOverrideError(o.ruleId, messages.overrideNotConfigurable(o.ruleId, rule.class, rule.citation));
}

/**
 * Checks an organisation's overrides. A NAT-REG rule may not be switched off or re-timed (restating its own count,
 * or `enabled: true`, is allowed as a no-op); ids must name implemented rules, at most once each; counts must be
 * whole numbers in range.
 * @param overrides - the organisation's overrides
 * @returns nothing; returns normally when every override is acceptable
 * @throws RuleOverrideError (carrying `ruleId`) for the first override refused
 * @example validateOverrides([{ ruleId: 'PPM-72H', count: 48 }]); // ok: a LOCAL rule
 * @example validateOverrides([{ ruleId: 'PP-DUE-5WD', enabled: false }]); // throws: CPPCR reg 9(2) is NAT-REG
 */
export function validateOverrides(overrides: readonly RuleOverride[]): void {
  const seen = new Set<string>();
  for (const o of overrides) {
    const id: unknown = o?.ruleId;
    if (!isImplementedRuleId(id)) throw new RuleOverrideError(String(id), messages.overrideUnknownRule(id));
    if (seen.has(id)) throw new RuleOverrideError(id, messages.overrideDuplicate(id));
    seen.add(id);
    checkOne(o, RULES[id]);
  }
}

/**
 * The override for one rule, after validating the whole list.
 * @param ruleId - the rule
 * @param overrides - the organisation's overrides
 * @returns the override, or undefined
 * @throws RuleOverrideError when the list is invalid
 * @example overrideFor('PPM-72H', [{ ruleId: 'PPM-72H', count: 48 }])?.count; // 48
 */
export function overrideFor(ruleId: ImplementedRuleId, overrides: readonly RuleOverride[] = []): RuleOverride | undefined {
  validateOverrides(overrides);
  return overrides.find((o) => o.ruleId === ruleId);
}
