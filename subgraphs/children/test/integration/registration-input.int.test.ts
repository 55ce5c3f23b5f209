import { bearer, gql, startTestSubgraph } from '@hub/service-kit/testing';
import { childrenSubgraph } from '../../src/definition';

type Running = Awaited<ReturnType<typeof startTestSubgraph>>;
let sg: Running;
const ADMIN = bearer('ADMIN', 'HUB');
const SW = bearer('SOCIAL_WORKER', 'LA-NORTH');

const REGISTER = `mutation($input: RegisterChildInput!) { registerChild(input: $input) { id caseReference } }`;
const BASE = { givenName: 'Robin', familyName: 'Ash', dateOfBirth: '2013-04-02', placingAuthority: 'LA-NORTH' };

beforeAll(async () => {
  sg = await startTestSubgraph(childrenSubgraph, { workers: false });
  await gql(sg.url, 'mutation { upsertAuthority(code: "LA-NORTH", name: "North Shire") { code } }', {}, ADMIN);
});
afterAll(() => sg.stopAll());

async function count(): Promise<number> {
  const rows = await sg.orm.em.getConnection().execute('select count(*)::int as n from children.child');
  return rows[0].n;
}

describe('registerChild: one child per case reference', () => {
  it('answers a repeat with the first child and refuses the reference for another child', async () => {
    const first = await gql(sg.url, REGISTER, { input: { ...BASE, caseReference: 'NS-0001' } }, SW);
    expect(first.errors).toBeUndefined();
    const before = await count();
    const repeat = await gql(sg.url, REGISTER, { input: { ...BASE, caseReference: 'NS-0001' } }, SW);
    expect(repeat.errors).toBeUndefined();
    expect(repeat.data?.registerChild.id).toBe(first.data?.registerChild.id);
    expect(await count()).toBe(before);
    const other = await gql(sg.url, REGISTER, { input: { ...BASE, givenName: 'Rowan', caseReference: 'NS-0001' } }, SW);
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CASE_REFERENCE_IN_USE', childId: first.data?.registerChild.id });
    expect(await count()).toBe(before);
  });

  it('settles concurrent repeats with one child', async () => {
    const input = { ...BASE, givenName: 'Parallel', caseReference: 'NS-0002' };
    const answers = await Promise.all(Array.from({ length: 4 }, () => gql(sg.url, REGISTER, { input }, SW)));
    for (const a of answers) {
      for (const e of a.errors ?? []) expect(e.extensions?.code).toBe('CONFLICT');
    }
    const rows = await sg.orm.em.getConnection().execute(`select count(*)::int as n from children.child where case_reference = 'NS-0002'`);
    expect(rows[0].n).toBe(1);
  });

  it('moving a case reference onto another child is a conflict', async () => {
    const a = await gql(sg.url, REGISTER, { input: { ...BASE, givenName: 'Ash', caseReference: 'NS-0003' } }, SW);
    const b = await gql(sg.url, REGISTER, { input: { ...BASE, givenName: 'Birch', caseReference: 'NS-0004' } }, SW);
    const moved = await gql(sg.url, 'mutation($id: ID!) { updateChild(id: $id, input: { caseReference: "NS-0003" }) { id } }', { id: b.data?.registerChild.id }, SW);
    expect(a.errors).toBeUndefined();
    expect(moved.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});

describe('registerChild: hostile details are refused with a code and change nothing', () => {
  it.each([
    ['30 February', { dateOfBirth: '2013-02-30' }, 'INVALID_SCALAR'],
    ['year 1000', { dateOfBirth: '1000-01-01' }, 'INVALID_SCALAR'],
    ['year 0000', { dateOfBirth: '0000-01-01' }, 'INVALID_SCALAR'],
    ['a future birth', { dateOfBirth: '2099-01-01' }, 'DATE_IN_FUTURE'],
    ['an empty care start', { becameLookedAfterOn: '' }, 'INVALID_SCALAR'],
    ['an empty legal status', { becameLookedAfterOn: '2026-01-05', legalStatus: '' }, 'UNKNOWN_LEGAL_STATUS'],
    ['a NUL in a name', { givenName: 'Ro\u0000bin' }, 'INVALID_CHARACTER'],
    ['an overlong name', { familyName: 'A'.repeat(101) }, 'INVALID_INPUT'],
    ['an overlong social worker', { socialWorker: { name: 'S'.repeat(201) } }, 'INVALID_INPUT'],
    ['a blank case reference', { caseReference: '  ' }, 'REQUIRED'],
  ])('%s', async (_why, extra, reason) => {
    const before = await count();
    const r = await gql(sg.url, REGISTER, { input: { ...BASE, ...extra } }, SW);
    expect(r.status).toBeLessThan(500);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    expect(await count()).toBe(before);
  });

  it('names the overlong nested field', async () => {
    const r = await gql(sg.url, REGISTER, { input: { ...BASE, socialWorker: { name: 'S'.repeat(201) } } }, SW);
    expect(r.errors?.[0].extensions?.fields).toEqual([{ field: 'socialWorker.name', constraints: ['maxLength'] }]);
  });
});
