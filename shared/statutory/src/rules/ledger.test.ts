import fs from 'node:fs';
import path from 'node:path';
import * as api from '../index';
import { CALCULATOR_RULES, RULES } from './registry';
import { ALL_RULE_IDS } from './rule-ids';

const ledgerText = fs.readFileSync(path.join(__dirname, 'not-implemented.txt'), 'utf8');
const ledgerLines = ledgerText.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
const ledger = new Map(ledgerLines.map((l) => l.split('\t') as [string, string]));

describe('not-implemented ledger', () => {
  it('has one well-formed ID<TAB>reason line per id, no duplicates', () => {
    for (const line of ledgerLines) expect(line).toMatch(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+\t\S.{9,}$/);
    expect(ledger.size).toBe(ledgerLines.length);
  });

  it('names only catalogue ids', () => {
    const known = new Set<string>(ALL_RULE_IDS);
    expect([...ledger.keys()].filter((id) => !known.has(id))).toEqual([]);
  });

  it.each(ALL_RULE_IDS.map((id) => ({ id })))('$id is implemented or in the ledger, never both', ({ id }) => {
    // An ENGINE-ONLY line names a rule in RULES that nothing in the API starts (see reachability.test.ts).
    const notImplemented = ledger.has(id) && !ledger.get(id)!.startsWith('ENGINE-ONLY: ');
    const places = [id in RULES ? 'RULES' : null, id in CALCULATOR_RULES ? 'CALCULATOR_RULES' : null, notImplemented ? 'ledger' : null];
    expect(places.filter(Boolean)).toHaveLength(1);
  });

  it('marks ENGINE-ONLY only rules that are in the registry', () => {
    const engineOnly = [...ledger.entries()].filter(([, reason]) => reason.startsWith('ENGINE-ONLY: ')).map(([id]) => id);
    expect(engineOnly.filter((id) => !(id in RULES))).toEqual([]);
  });

  it('names a real export for every calculator-implemented id', () => {
    for (const [id, impl] of Object.entries(CALCULATOR_RULES)) {
      const name = impl!.split(/[ .,(]/)[0]!;
      expect({ id, exported: name in api }).toEqual({ id, exported: true });
    }
  });
});

// DOMAIN.md sits beside the checkout (../shared/DOMAIN.md from the repository root) here and in CI.
const domainPath = path.resolve(__dirname, '../../../../../shared/DOMAIN.md');
const haveDomain = fs.existsSync(domainPath);

/** Rule ids from the first cell of every table row in §1–§12 (bold or not); §13 conflicts and §14 codes excluded. */
function domainRuleIds(markdown: string): string[] {
  const start = markdown.search(/^## 1\. /m);
  const end = markdown.search(/^## 13\. /m);
  const ids: string[] = [];
  for (const line of markdown.slice(start, end).split('\n')) {
    const m = /^\|\s*\*{0,2}([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)\*{0,2}\s*\|/.exec(line);
    if (m && !/^C-\d+$/.test(m[1]!)) ids.push(m[1]!);
  }
  return ids;
}

(haveDomain ? describe : describe.skip)('ALL_RULE_IDS matches DOMAIN.md (run when ../shared/DOMAIN.md is present)', () => {
  const ids = haveDomain ? domainRuleIds(fs.readFileSync(domainPath, 'utf8')) : [];

  it('contains every rule id in DOMAIN.md tables §1–§12', () => {
    const mine = new Set<string>(ALL_RULE_IDS);
    expect(ids.filter((id) => !mine.has(id))).toEqual([]);
  });

  it('contains nothing DOMAIN.md does not, in catalogue order', () => {
    expect([...ALL_RULE_IDS]).toEqual(ids);
  });
});
