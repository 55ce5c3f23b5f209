import { buildSchema, parse } from 'graphql';
import { operationCost } from './operation-cost';

const schema = buildSchema(`
  type Query { child(id: ID!): Child  children(first: Int, after: String): ChildConnection!  tags: [String!]!  all: [Child!]!  node: Node }
  interface Node { id: ID! }
  type Child implements Node { id: ID!  name: String  plans(first: Int): [Plan!]!  events: [Event!]! }
  type Plan implements Node { id: ID!  kind: String }
  type Event { at: String }
  type ChildConnection { edges: [ChildEdge!]!  nodes: [Child!]!  pageInfo: PageInfo! }
  type ChildEdge { node: Child! }
  type PageInfo { hasNextPage: Boolean! }
  type Subscription { childChanged: Child! }
`);

describe('operationCost', () => {
  it.each([
    { query: '{ child(id: "1") { id name } }', expected: 3, why: 'each field costs 1' },
    { query: '{ tags }', expected: 1, why: 'a list of scalars costs 1 (nothing to multiply)' },
    { query: '{ all { id } }', expected: 11, why: 'a list without first is priced at the default size, 10' },
    { query: '{ children(first: 20) { edges { node { id name } } } }', expected: 81, why: 'first multiplies; edges under it are not multiplied again' },
    { query: '{ children(first: 20) { nodes { id } pageInfo { hasNextPage } } }', expected: 81, why: 'nodes under a sliced field count once per item' },
    { query: '{ children { edges { node { id } } } }', expected: 22, why: 'a connection without first prices its edges at the default size' },
    { query: '{ all { plans(first: 2) { id } events { at } } }', expected: 1 + 10 * (1 + 2 * 1 + 1 + 10 * 1), why: 'nested lists multiply' },
    { query: '{ __schema { types { name } } __typename }', expected: 0, why: 'introspection is free' },
    { query: '{ node { ... on Child { name } ... on Plan { kind } } }', expected: 2, why: 'fragments on different object types under an interface are alternatives: the dearest counts' },
    { query: '{ node { id ... on Child { name events { at } } ... on Plan { kind } } }', expected: 14, why: 'the dearest branch (name + 10 events) plus the interface field' },
    { query: '{ node { ... on Node { id } ... on Child { name } } }', expected: 3, why: 'a fragment on the interface itself always applies' },
    { query: '{ all { ...C } } fragment C on Child { id name }', expected: 21, why: 'fragments expand' },
    { query: 'subscription { childChanged { id } }', expected: 2, why: 'subscriptions are priced like queries' },
  ])('$why', ({ query, expected }) => {
    expect(operationCost(schema, parse(query))).toBe(expected);
  });

  it('prices `first: $n` at the variable value, then its default, then the list default', () => {
    const doc = parse('query Q($n: Int = 3) { all { plans(first: $n) { id } } }');
    expect(operationCost(schema, doc, 'Q', { n: 50 })).toBe(1 + 10 * (1 + 50));
    expect(operationCost(schema, doc, 'Q', {})).toBe(1 + 10 * (1 + 3));
    const noDefault = parse('query Q($n: Int) { all { plans(first: $n) { id } } }');
    expect(operationCost(schema, noDefault, 'Q', {})).toBe(1 + 10 * (1 + 10));
  });

  it('uses the configured default list size', () => {
    expect(operationCost(schema, parse('{ all { id } }'), undefined, {}, { defaultListSize: 100 })).toBe(101);
  });

  it('prices only the selected operation', () => {
    const doc = parse('query A { all { id } } query B { tags }');
    expect(operationCost(schema, doc, 'B')).toBe(1);
    expect(operationCost(schema, doc, 'A')).toBe(11);
    expect(operationCost(schema, doc, 'C')).toBe(0);
  });

  it('makes a deep list query expensive', () => {
    const doc = parse('{ children(first: 100) { nodes { plans(first: 100) { id } } } }');
    expect(operationCost(schema, doc)).toBe(1 + 100 * (1 + (1 + 100 * 1)));
  });
});

describe('operationCost of a subgraph fetch', () => {
  const subgraph = buildSchema(`
    scalar _Any
    union _Entity = Child
    type Query { _entities(representations: [_Any!]!): [_Entity]! }
    type Child { id: ID!  plans: [Plan!]! }
    interface Plan { id: ID!  versions: [Version!]! }
    type CarePlan implements Plan { id: ID!  versions: [Version!]! }
    type HealthPlan implements Plan { id: ID!  versions: [Version!]! }
    type Version { n: Int }
  `);
  const gatewaySchema = buildSchema(`
    type Query { child(id: ID!): Child }
    type Child { id: ID!  plans: [Plan!]! }
    interface Plan { id: ID!  versions: [Version!]! }
    type CarePlan implements Plan { id: ID!  versions: [Version!]! }
    type HealthPlan implements Plan { id: ID!  versions: [Version!]! }
    type Version { n: Int }
  `);
  it('prices what the gateway forwards as the gateway priced the same selection (one representation, split fragments)', () => {
    const atGateway = operationCost(gatewaySchema, parse('{ child(id: "1") { plans { id versions { n } } } }'));
    const fetch = parse('query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { plans { __typename ... on CarePlan { id versions { n } } ... on HealthPlan { id versions { n } } } } } }');
    const atSubgraph = operationCost(subgraph, fetch, undefined, { r: [{ __typename: 'Child', id: '1' }] });
    expect(atSubgraph).toBeLessThanOrEqual(atGateway + 1);
    expect(operationCost(subgraph, fetch, undefined, { r: Array.from({ length: 50 }, (_, i) => ({ __typename: 'Child', id: String(i) })) })).toBe(50 * (atSubgraph - 1) + 1);
  });
});
