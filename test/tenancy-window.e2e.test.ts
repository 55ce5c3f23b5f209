/**
 * How long a former provider can still read a child's reviews after `endPlacement`: the reviews service learns
 * of the end from the PlacementEnded event (outbox → relay → queue → its child_access copy). Ends a placement,
 * then polls the reviews subgraph directly as the former provider until it is refused, and prints the window.
 */
import { bearer, gql, testConfig } from '@hub/service-kit/testing';
import { startHub, Hub } from './harness/hub';

let hub: Hub;
afterAll(() => hub?.stop());

it('a former provider is refused by the reviews service once PlacementEnded is relayed', async () => {
  hub = await startHub({ label: 'tenancywindow' });
  const admin = bearer('ADMIN', 'HUB');
  const sw = bearer('SOCIAL_WORKER', 'LA-W');
  const provider = bearer('PROVIDER_STAFF', 'PRV-W');
  await hub.query('mutation { upsertAuthority(code: "LA-W", name: "LA-W") { code } }', {}, admin);
  await hub.query('mutation { upsertProvider(input: { id: "PRV-W", name: "PRV-W", kind: "CHILDRENS_HOME" }) { id } }', {}, admin);
  const reviews = hub.subgraphs.reviews.url;
  const windows: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const child = await hub.query('mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }', {
      i: { givenName: `Win${i}`, familyName: 'Dow', dateOfBirth: '2012-01-01', placingAuthority: 'LA-W', becameLookedAfterOn: '2026-09-01' },
    }, sw);
    const childId = child.data!.registerChild.id;
    const placed = await hub.query('mutation($i: StartPlacementInput!) { startPlacement(input: $i) { id } }', {
      i: { childId, providerId: 'PRV-W', startedAt: '2026-09-01T10:00:00Z', placementType: 'K2' },
    }, sw);
    await hub.settle();
    const read = () => gql(reviews, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { reviews { id } nextReview { dueBy } } } }', { r: [{ __typename: 'Child', id: childId }] }, provider);
    // Positive control: while placed, the provider reads the child's reviews straight from the subgraph.
    const before = await read();
    expect(before.errors).toBeUndefined();
    expect(before.data!._entities[0].nextReview.dueBy).toBeTruthy();
    const ended = await hub.query('mutation($i: EndPlacementInput!) { endPlacement(input: $i) { id } }', {
      i: { placementId: placed.data!.startPlacement.id, endedAt: new Date().toISOString(), reason: 'CARPL' },
    }, sw);
    expect(ended.errors).toBeUndefined();
    const t0 = performance.now();
    for (;;) {
      const r = await read();
      if (r.errors?.[0]?.extensions?.code === 'FORBIDDEN') break;
      expect(r.data!._entities[0]).not.toBeNull();
      if (performance.now() - t0 > 15_000) throw new Error('the former provider was never refused');
    }
    windows.push(Math.round(performance.now() - t0));
  }
  console.log(`former-provider window at the reviews service after endPlacement: ${windows.join(', ')} ms (relay poll ${testConfig('postgres://unused').relayPollMs} ms)`);
});
