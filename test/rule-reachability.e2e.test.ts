import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, isObjectType } from 'graphql';
import { RULE_REACHABILITY } from '@hub/statutory';

/**
 * The reachability table of shared/statutory names, for each implemented rule, the operation that starts it and
 * the operation (or recorded fact) that meets it. Every coordinate must exist in the composed supergraph the
 * gateway serves, so a renamed or removed operation fails here rather than leaving a rule unreachable.
 */
const supergraph = buildSchema(fs.readFileSync(path.join(__dirname, '..', 'gateway', 'supergraph.graphql'), 'utf8'), { assumeValidSDL: true });

function exists(coordinate: string): boolean {
  const [typeName, fieldName] = coordinate.split('.') as [string, string];
  const type = supergraph.getType(typeName);
  return isObjectType(type) && fieldName in type.getFields();
}

describe('rule reachability against the composed supergraph', () => {
  const entries = Object.entries(RULE_REACHABILITY).map(([id, r]) => ({ id, ...r! }));

  it('covers the rules it is meant to', () => {
    expect(entries.length).toBeGreaterThan(40);
  });

  it.each(entries)('$id: started by $startedBy, met by $metBy: both exist', ({ id, startedBy, metBy }) => {
    expect({ id, startedBy: exists(startedBy), metBy: exists(metBy) }).toEqual({ id, startedBy: true, metBy: true });
  });

  it('would notice a missing operation', () => {
    expect(exists('Mutation.noSuchOperation')).toBe(false);
    expect(exists('Mutation.startPlacement')).toBe(true);
  });
});
