/**
 * DOMAIN.md §15 worked examples replayed through the gateway: GraphQL mutations in, deadlines read back.
 * The hub clock is set to the scenario's date (the examples lie in Christmas 2026 to 2028).
 */
import { setClock } from '@hub/service-kit';
import { bearer } from '@hub/service-kit/testing';
import { startHub, Hub } from './harness/hub';

let hub: Hub;
const ADMIN = bearer('ADMIN', 'HUB');
const SW = bearer('SOCIAL_WORKER', 'LA-WEX');
const TM = bearer('TEAM_MANAGER', 'LA-WEX');

beforeAll(async () => {
  hub = await startHub({ label: 'worked' });
  await hub.query('mutation { upsertAuthority(code: "LA-WEX", name: "Worked Example Council") { code } }', {}, ADMIN);
  await hub.query('mutation { upsertProvider(input: { id: "PRV-WEX", name: "Example Home", kind: "CHILDRENS_HOME", hostAuthority: "LA-WEX" }) { id } }', {}, ADMIN);
});
afterAll(async () => {
  setClock();
  await hub?.stop();
});

async function must(q: string, v: Record<string, unknown>, auth = SW) {
  const r = await hub.query(q, v, auth);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!;
}

/** Registers a child who becomes looked after on `on`, placed in an emergency at `at`. */
async function admit(on: string, at: string, dob = '2012-06-01'): Promise<string> {
  setClock(new Date(new Date(at).getTime() + 60_000));
  const d = await must('mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }', {
    i: { givenName: 'Worked', familyName: `Example ${on}`, dateOfBirth: dob, placingAuthority: 'LA-WEX', becameLookedAfterOn: on, legalStatus: 'C2' },
  });
  const id = d.registerChild.id;
  await must('mutation($i: StartPlacementInput!) { startPlacement(input: $i) { id } }', {
    i: { childId: id, providerId: 'PRV-WEX', startedAt: at, placementType: 'K2', isEmergency: true },
  });
  await hub.settle();
  return id;
}

async function deadlines(id: string): Promise<Record<string, { dueDate: string; dueAt: string; status: string }>> {
  const d = await must('query($id: ID!) { child(id: $id) { deadlines { ruleId dueDate dueAt status basis { unit count citation class } } } }', { id });
  const out: Record<string, any> = {};
  for (const x of d.child.deadlines) out[x.ruleId] = x;
  return out;
}

describe('DOMAIN.md §15 worked examples through the gateway', () => {
  it('Example 1 and 2: Christmas 2026 emergency admission (Mon 21 Dec 2026, 15:00)', async () => {
    const id = await admit('2026-12-21', '2026-12-21T15:00:00+00:00');
    const d = await deadlines(id);
    expect(d['CP-DUE-10WD'].dueDate).toBe('2027-01-07');
    expect(d['PEP-10WD'].dueDate).toBe('2027-01-07');
    expect(d['PP-DUE-5WD'].dueDate).toBe('2026-12-30');
    expect(d['LA-IRO-PLACEMENT'].dueDate).toBe('2026-12-30');
    expect(d['PCPP-5WD'].dueDate).toBe('2026-12-30');
    expect(d['PPM-72H'].dueAt).toBe('2026-12-24T15:00:00+00:00');
    expect(d['VIS-1WK'].dueDate).toBe('2026-12-28');
    expect(d['REV-1ST-20WD'].dueDate).toBe('2027-01-21');
    expect(d['CP-DUE-10WD'].status).toBe('PENDING');
  });

  it('Example 5: Easter 2027 (Wed 24 Mar 2027)', async () => {
    const id = await admit('2027-03-24', '2027-03-24T10:00:00+00:00');
    const d = await deadlines(id);
    expect(d['PP-DUE-5WD'].dueDate).toBe('2027-04-02');
    expect(d['CP-DUE-10WD'].dueDate).toBe('2027-04-09');
    expect(d['REV-1ST-20WD'].dueDate).toBe('2027-04-23');
  });

  it('Example 7: Christmas and New Year 2027–28 (Thu 23 Dec 2027)', async () => {
    const id = await admit('2027-12-23', '2027-12-23T11:00:00+00:00');
    const d = await deadlines(id);
    expect(d['PP-DUE-5WD'].dueDate).toBe('2028-01-04');
    expect(d['CP-DUE-10WD'].dueDate).toBe('2028-01-11');
    expect(d['REV-1ST-20WD'].dueDate).toBe('2028-01-25');
  });

  it('Example 10a: an urgent refusal of contact on Wed 23 Dec 2026 ends by Wed 30 Dec 2026', async () => {
    const id = await admit('2026-12-21', '2026-12-21T15:00:00+00:00');
    setClock('2026-12-23T12:00:00Z');
    await must('mutation($i: RecordSignificantEventInput!) { recordSignificantEvent(input: $i) { id } }', {
      i: { childId: id, kind: 'CONTACT_REFUSED', occurredAt: '2026-12-23T10:00:00+00:00', summary: 's34(6) refusal', durationDays: 7 },
    });
    const tooLong = await hub.query('mutation($i: RecordSignificantEventInput!) { recordSignificantEvent(input: $i) { id } }', {
      i: { childId: id, kind: 'CONTACT_REFUSED', occurredAt: '2026-12-23T10:00:00+00:00', summary: 'too long', durationDays: 8 },
    }, SW);
    expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CONTACT_REFUSAL_TOO_LONG', ruleId: 'CON-S34-7D' });
    await hub.settle();
    expect((await deadlines(id))['CON-S34-7D'].dueDate).toBe('2026-12-30');
  });

  it('Example 11: visits after Example 1 (first visit Tue 22 Dec 2026 → next by Tue 2 Feb 2027)', async () => {
    const id = await admit('2026-12-21', '2026-12-21T15:00:00+00:00');
    setClock('2026-12-22T18:00:00Z');
    await must('mutation($i: RecordVisitInput!) { recordVisit(input: $i) { id } }', { i: { childId: id, visitedOn: '2026-12-22', visitor: 'SW', seenAlone: true } });
    await hub.settle();
    const d = await deadlines(id);
    expect(d['VIS-1WK'].status).toBe('MET');
    expect(d['VIS-6WK-Y1'].dueDate).toBe('2027-02-02');
  });

  it('Example 12: retention until the 75th anniversary; refused deletion', async () => {
    setClock('2026-11-26T12:00:00Z');
    const d = await must('mutation($i: RegisterChildInput!) { registerChild(input: $i) { id retainUntil } }', {
      i: { givenName: 'Kept', familyName: 'Record', dateOfBirth: '2011-02-10', placingAuthority: 'LA-WEX' },
    });
    expect(d.registerChild.retainUntil).toBe('2086-02-10');
    const del = await hub.query('mutation($id: ID!) { deleteChild(id: $id) }', { id: d.registerChild.id }, SW);
    expect(del.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'RETENTION_PERIOD', ruleId: 'RET-LA-75' });
  });

  it('Example 9a: eligible from the 16th birthday after 13 weeks in care since 14', async () => {
    setClock('2026-11-02T12:00:00Z');
    const d = await must('mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }', {
      i: { givenName: 'Nearly', familyName: 'Sixteen', dateOfBirth: '2011-02-10', placingAuthority: 'LA-WEX', becameLookedAfterOn: '2026-11-02', legalStatus: 'C2' },
    });
    setClock('2027-02-10T12:00:00Z');
    const r = await must('query($id: ID!) { child(id: $id) { leavingCare { status eligibleFrom qualifyingDays } } }', { id: d.registerChild.id }, TM);
    expect(r.child.leavingCare).toEqual({ status: 'ELIGIBLE', eligibleFrom: '2027-02-10', qualifyingDays: 101 });
  });

  it('Example 9b: a late entrant becomes eligible on the 91st day and is assessed within 3 months', async () => {
    setClock('2027-01-04T12:00:00Z');
    const d = await must('mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }', {
      i: { givenName: 'Late', familyName: 'Entrant', dateOfBirth: '2010-06-01', placingAuthority: 'LA-WEX', becameLookedAfterOn: '2027-01-04', legalStatus: 'V2' },
    });
    await hub.settle();
    setClock('2027-04-04T12:00:00Z');
    const r = await must('query($id: ID!) { child(id: $id) { leavingCare { status eligibleFrom } deadlines { ruleId dueDate basis { practicalDate } } } }', { id: d.registerChild.id }, TM);
    expect(r.child.leavingCare).toMatchObject({ status: 'ELIGIBLE', eligibleFrom: '2027-04-04' });
    const assess = r.child.deadlines.find((x: any) => x.ruleId === 'PWP-ASSESS-3M');
    expect(assess).toMatchObject({ dueDate: '2027-07-04', basis: { practicalDate: '2027-07-02' } });
  });

  it('Example 10b: a serious police incident on Sat 26 Dec 2026 22:00 is notified by Sun 27 Dec 22:00 (local 24 h), to Ofsted, the authority and the IRO', async () => {
    const id = await admit('2026-12-21', '2026-12-21T15:00:00+00:00');
    await must('mutation($c: ID!, $i: IroInput!) { assignIro(childId: $c, iro: $i) { id } }', { c: id, i: { id: 'iro-wex', name: 'Wendy Examples', email: 'wendy@la-wex.example', phone: '0100 222222' } }, TM);
    setClock('2026-12-26T22:30:00Z');
    await must('mutation($i: RecordSignificantEventInput!) { recordSignificantEvent(input: $i) { id } }', {
      i: { childId: id, kind: 'SERIOUS_POLICE_INCIDENT', occurredAt: '2026-12-26T22:00:00+00:00', summary: 'Missing, then a serious police incident' },
    }, bearer('PROVIDER_MANAGER', 'PRV-WEX'));
    await hub.settle();
    const r = await must('query($id: ID!) { child(id: $id) { notifications { ruleId dueAt recipient { kind } } } }', { id });
    const serious = r.child.notifications.filter((n: any) => n.ruleId === 'R40-SERIOUS');
    expect(serious.map((n: any) => n.recipient.kind).sort()).toEqual(expect.arrayContaining(['IRO', 'OFSTED', 'PLACING_AUTHORITY']));
    expect(serious.every((n: any) => n.dueAt === '2026-12-27T22:00:00+00:00')).toBe(true);
  });
});
