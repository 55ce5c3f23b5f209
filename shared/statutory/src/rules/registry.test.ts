import fs from 'node:fs';
import path from 'node:path';
import { IMPLEMENTED_RULE_IDS, RULES, isImplementedRuleId } from './registry';
import { ALL_RULE_IDS, isRuleId } from './rule-ids';

const definitions = IMPLEMENTED_RULE_IDS.map((id) => ({ id, rule: RULES[id] }));

describe('rule registry', () => {
  it('lists catalogue ids only, in catalogue order, each once', () => {
    const order = IMPLEMENTED_RULE_IDS.map((id) => ALL_RULE_IDS.indexOf(id));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(new Set(IMPLEMENTED_RULE_IDS).size).toBe(IMPLEMENTED_RULE_IDS.length);
    expect(Object.keys(RULES).sort()).toEqual([...IMPLEMENTED_RULE_IDS].sort());
  });

  it('is frozen, definitions included', () => {
    expect(Object.isFrozen(RULES)).toBe(true);
    for (const { rule } of definitions) expect(Object.isFrozen(rule)).toBe(true);
  });

  it.each(definitions)('$id is well formed, in its own file, and configurable exactly when not NAT-REG', ({ id, rule }) => {
    expect(rule.id).toBe(id);
    expect(fs.existsSync(path.join(__dirname, `${id.toLowerCase()}.ts`))).toBe(true);
    expect(rule.title.length).toBeGreaterThan(10);
    expect(rule.citation).not.toBe('');
    expect(rule.markers).toContain(rule.class === 'NAT-GUID' ? 'GUID' : rule.class === 'LOCAL' ? 'LOCAL' : 'NAT-REG');
    expect(rule.configurable).toBe(rule.class !== 'NAT-REG');
    expect(rule.anchor).toMatch(/^[a-z][A-Za-z0-9]*$/);
    expect(Number.isInteger(rule.count) && rule.count >= 0).toBe(true);
    if (rule.unit !== 'IMMEDIATE') expect(rule.count).toBeGreaterThan(0);
    if (rule.phases) {
      const first = rule.phases[0]!;
      expect([first.anchor, first.unit, first.count, first.direction]).toEqual([rule.anchor, rule.unit, rule.count, rule.direction ?? 'after']);
      expect(new Set(rule.phases.map((p) => p.phase)).size).toBe(rule.phases.length);
    }
  });

  it('guards ids', () => {
    expect(isRuleId('CP-DUE-10WD')).toBe(true);
    expect(isRuleId('C-09')).toBe(false);
    expect(isImplementedRuleId('CP-KEY-OBJ')).toBe(false);
    expect(isImplementedRuleId('toString')).toBe(false);
  });
});
