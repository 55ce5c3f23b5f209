import { getIntrospectionQuery, parse } from 'graphql';
import { countTokens, measureDocument } from './document-shape';
import { OPERATION_LIMIT_DEFAULTS as DEFAULT_LIMITS } from './operation-limits';

describe('countTokens', () => {
  it.each([
    { query: '{ a }', expected: 3, why: 'braces and a name' },
    { query: '{ a(first: 10) { b } }', expected: 11, why: 'arguments and nesting' },
    { query: '# only a comment\n{ a }', expected: 3, why: 'comments are not tokens' },
    { query: '', expected: 0, why: 'empty document' },
    { query: '{ a "unterminated', expected: 2, why: 'a syntax error stops the count; the parser reports it' },
  ])('$why', ({ query, expected }) => {
    expect(countTokens(query)).toBe(expected);
  });

  it('stops one past the limit instead of lexing the whole document', () => {
    const huge = `{ ${'a '.repeat(100_000)}}`;
    expect(countTokens(huge, 2000)).toBe(2001);
  });
});

describe('measureDocument', () => {
  it.each([
    { query: '{ a }', depth: 1, aliases: 0, why: 'one field' },
    { query: '{ a { b { c } } d }', depth: 3, aliases: 0, why: 'deepest branch wins' },
    { query: '{ x: a y: a { z: b } }', depth: 2, aliases: 3, why: 'aliases at every level count' },
    { query: '{ a { ...F } } fragment F on T { b { c } }', depth: 3, aliases: 0, why: 'fragment spreads are expanded' },
    { query: '{ a { ... on T { b } } }', depth: 2, aliases: 0, why: 'inline fragments add no depth' },
    { query: '{ p: a { ...F } q: a { ...F } } fragment F on T { r: b }', depth: 2, aliases: 4, why: 'a fragment counts once per spread' },
    { query: 'query A { a } query B { b { c } }', depth: 2, aliases: 0, why: 'the worst operation counts' },
    { query: '{ a { ...Missing } }', depth: 1, aliases: 0, why: 'an unknown fragment counts as empty (validation rejects it)' },
  ])('$why', ({ query, depth, aliases }) => {
    expect(measureDocument(parse(query))).toEqual({ depth, aliases });
  });

  it('survives fragment cycles, which validation rejects afterwards', () => {
    const doc = parse('{ a { ...F } } fragment F on T { b { ...G } } fragment G on T { c { ...F } }');
    expect(measureDocument(doc).depth).toBe(3);
  });

  it('measures nested fragment fan-out without exponential work', () => {
    // F0 spreads F1 twice, F1 spreads F2 twice, ... 2^30 expansions if walked naively
    const defs = Array.from({ length: 30 }, (_, i) => `fragment F${i} on T { x: f { ...F${i + 1} } y: f { ...F${i + 1} } }`);
    const doc = parse(`{ ...F0 } ${defs.join(' ')} fragment F30 on T { leaf }`);
    const started = Date.now();
    const shape = measureDocument(doc);
    expect(Date.now() - started).toBeLessThan(500);
    expect(shape.depth).toBe(31);
    expect(shape.aliases).toBeGreaterThan(DEFAULT_LIMITS.maxAliases);
  });

  it('lets GraphiQL introspection through the default limits (development use)', () => {
    const query = getIntrospectionQuery();
    const shape = measureDocument(parse(query));
    expect(shape.depth).toBeLessThanOrEqual(DEFAULT_LIMITS.maxDepth);
    expect(shape.aliases).toBeLessThanOrEqual(DEFAULT_LIMITS.maxAliases);
    expect(countTokens(query)).toBeLessThanOrEqual(DEFAULT_LIMITS.maxTokens);
  });
});
