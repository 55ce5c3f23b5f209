import { subgraphUrlsOf } from './readiness';

const supergraph = `
schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/join/v0.5", for: EXECUTION) { query: Query }
directive @join__graph(name: String!, url: String!) on ENUM_VALUE
enum join__Graph {
  CHILDREN @join__graph(name: "children", url: "http://127.0.0.1:4001/graphql")
  PLANS @join__graph(name: "plans", url: "http://127.0.0.1:4002/graphql")
}
type Query { a: Int }
`;

describe('subgraphUrlsOf', () => {
  it('reads each subgraph name and routing URL from join__Graph', () => {
    expect(subgraphUrlsOf(supergraph)).toEqual({
      children: 'http://127.0.0.1:4001/graphql',
      plans: 'http://127.0.0.1:4002/graphql',
    });
  });

  it('applies overrides by subgraph name', () => {
    expect(subgraphUrlsOf(supergraph, { plans: 'http://plans:8080/graphql' }).plans).toBe('http://plans:8080/graphql');
  });

  it('refuses an override for a subgraph the supergraph lacks (a typo would silently route nowhere)', () => {
    expect(() => subgraphUrlsOf(supergraph, { childern: 'http://x/graphql' })).toThrow(/childern.*children, plans/);
  });
});
