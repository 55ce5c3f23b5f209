import { buildSchema, parse } from 'graphql';
import { coerceVariables, operationLimitsFromEnv, resolveOperationLimits, OPERATION_LIMIT_DEFAULTS } from './operation-limits';

const schema = buildSchema(`
  input RangeInput { from: String!  to: String }
  type Query { child(id: ID!): String  page(first: Int, range: RangeInput): String }
`);
const coerce = (query: string, variables: Record<string, unknown> | undefined) => coerceVariables(schema, parse(query), undefined, variables);

describe('coerceVariables', () => {
  it.each([
    { why: 'an object for ID!', query: 'query($id: ID!) { child(id: $id) }', variables: { id: { a: 1 } }, variable: 'id' },
    { why: 'a string for Int', query: 'query($n: Int) { page(first: $n) }', variables: { n: '10' }, variable: 'n' },
    { why: 'a fraction for Int', query: 'query($n: Int) { page(first: $n) }', variables: { n: 1.5 }, variable: 'n' },
    { why: 'a missing required variable', query: 'query($id: ID!) { child(id: $id) }', variables: {}, variable: 'id' },
    { why: 'null for a non-null variable', query: 'query($id: ID!) { child(id: $id) }', variables: { id: null }, variable: 'id' },
    { why: 'an input object missing a required field', query: 'query($r: RangeInput) { page(range: $r) }', variables: { r: { to: 'x' } }, variable: 'r' },
    { why: 'an unknown input field', query: 'query($r: RangeInput) { page(range: $r) }', variables: { r: { from: 'a', evil: 1 } }, variable: 'r' },
  ])('refuses $why with BAD_USER_INPUT, HTTP 400, naming the variable', ({ query, variables, variable }) => {
    const r = coerce(query, variables);
    expect('errors' in r).toBe(true);
    if (!('errors' in r)) return;
    for (const e of r.errors) {
      expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_VARIABLE', variable, http: { status: 400 } });
    }
  });

  it('returns coerced values (so the cost of `first: $n` is priced on a real number)', () => {
    expect(coerce('query($n: Int = 5) { page(first: $n) }', undefined)).toEqual({ coerced: { n: 5 } });
    expect(coerce('query($id: ID!) { child(id: $id) }', { id: 7 })).toEqual({ coerced: { id: '7' } });
  });

  it('leaves an unresolvable operation to execution, which reports it', () => {
    expect(coerceVariables(schema, parse('query A { child(id: "1") } query B { child(id: "2") }'), undefined, {})).toEqual({ coerced: {} });
  });
});

describe('operationLimitsFromEnv', () => {
  it('reads the GATEWAY_MAX_* variables, which the gateway and the subgraphs share', () => {
    expect(resolveOperationLimits(operationLimitsFromEnv({ GATEWAY_MAX_DEPTH: '9', GATEWAY_MAX_COST: '100' }))).toEqual({
      ...OPERATION_LIMIT_DEFAULTS,
      maxDepth: 9,
      maxCost: 100,
    });
    expect(operationLimitsFromEnv({})).toEqual({});
  });

  it.each(['0', '-1', '1.5', 'many'])('refuses GATEWAY_MAX_ALIASES=%s', (value) => {
    expect(() => operationLimitsFromEnv({ GATEWAY_MAX_ALIASES: value })).toThrow(/GATEWAY_MAX_ALIASES must be a positive integer/);
  });
});
