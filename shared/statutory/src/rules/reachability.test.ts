import fs from 'node:fs';
import path from 'node:path';
import { IMPLEMENTED_RULE_IDS } from './registry';
import { RULE_REACHABILITY } from './reachability';

const ledgerLines = fs.readFileSync(path.join(__dirname, 'not-implemented.txt'), 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
const engineOnly = new Set(ledgerLines.filter((l) => l.split('\t')[1]?.startsWith('ENGINE-ONLY: ')).map((l) => l.split('\t')[0]!));

describe('every implemented rule is reachable through the API, or named ENGINE-ONLY in the ledger', () => {
  it.each(IMPLEMENTED_RULE_IDS.map((id) => ({ id })))('$id has a reachability entry or an ENGINE-ONLY line, not both', ({ id }) => {
    const places = [RULE_REACHABILITY[id] ? 'reachability' : null, engineOnly.has(id) ? 'ENGINE-ONLY' : null].filter(Boolean);
    expect({ id, places }).toEqual({ id, places: [places[0] ?? 'missing'] });
  });

  it('names only implemented rules', () => {
    const known = new Set<string>(IMPLEMENTED_RULE_IDS);
    expect(Object.keys(RULE_REACHABILITY).filter((id) => !known.has(id))).toEqual([]);
  });

  it('gives each entry a Type.field coordinate and the fact, for the start and the meeting', () => {
    for (const [id, r] of Object.entries(RULE_REACHABILITY)) {
      expect({ id, startedBy: /^[A-Z]\w*\.[a-z]\w*$/.test(r!.startedBy), metBy: /^[A-Z]\w*\.[a-z]\w*$/.test(r!.metBy) }).toEqual({ id, startedBy: true, metBy: true });
      expect(r!.startedWhen.length).toBeGreaterThan(3);
      expect(r!.metWhen.length).toBeGreaterThan(3);
    }
  });
});
