import { randomUUID } from 'node:crypto';
import { bearer, gql, startTestSubgraph } from '@hub/service-kit/testing';
import { setClock } from '@hub/service-kit';
import { plansSubgraph } from '../../src/definition';
import { deliver, lookedAfterChild, reviewDueSet } from './support';

type Running = Awaited<ReturnType<typeof startTestSubgraph>>;
let sg: Running;
const SW = bearer('SOCIAL_WORKER', 'LA-NORTH');
const TM = bearer('TEAM_MANAGER', 'LA-NORTH');

const DEADLINES = `query($r: [_Any!]!, $asOf: DateTime) { _entities(representations: $r) { ... on Child { id deadlines(asOf: $asOf) {
  ruleId dueDate dueAt status metAt notApplicableReason basis { skipped { date } explanation } } } } }`;

async function deadlines(childId: string, asOf = '2026-12-22T09:00:00+00:00', auth = SW) {
  const r = await gql(sg.url, DEADLINES, { r: [{ __typename: 'Child', id: childId }], asOf }, auth);
  expect(r.errors).toBeUndefined();
  const list = r.data!._entities[0].deadlines as Array<Record<string, any>>;
  return Object.fromEntries(list.map((d) => [d.ruleId, d]));
}

beforeAll(async () => {
  setClock('2027-01-05T10:00:00+00:00');
  sg = await startTestSubgraph(plansSubgraph, { workers: false });
});
afterAll(async () => {
  setClock();
  await sg.stopAll();
});

describe('deadline ledger fed by events', () => {
  it('worked examples 1 and 2: Christmas 2026 emergency admission gives every placement and period clock', async () => {
    const { childId } = await lookedAfterChild(sg.orm, { authority: 'LA-NORTH', startedAt: '2026-12-21T15:00:00+00:00' });
    const d = await deadlines(childId);
    expect(d['CP-DUE-10WD'].dueDate).toBe('2027-01-07');
    expect(d['PEP-10WD'].dueDate).toBe('2027-01-07');
    expect(d['PP-DUE-5WD'].dueDate).toBe('2026-12-30');
    expect(d['PCPP-5WD'].dueDate).toBe('2026-12-30');
    expect(d['PPM-72H'].dueAt).toBe('2026-12-24T15:00:00+00:00');
    expect(d['VIS-1WK'].dueDate).toBe('2026-12-28');
    expect(d['REV-1ST-20WD'].dueDate).toBe('2027-01-21');
    expect(d['LA-IRO-PLACEMENT'].dueDate).toBe('2026-12-30');
    expect(d['IRO-APPOINT-5WD'].dueDate).toBe('2026-12-30');
    expect(d['HP-IHA'].dueDate).toBe('2027-01-21');
    expect(d['PP-DUE-5WD'].basis.skipped.map((s: { date: string }) => s.date)).toEqual(['2026-12-25', '2026-12-26', '2026-12-27', '2026-12-28']);
    expect(d['PP-DUE-5WD'].status).toBe('PENDING');
    const later = await deadlines(childId, '2027-01-08T09:00:00+00:00');
    expect(later['CP-DUE-10WD'].status).toBe('OVERDUE');
  });

  it('worked examples 3 and 4: a review held on 21 Jan 2027 starts the next review, decisions, care plan update and report clocks', async () => {
    const { childId, periodOfCareId } = await lookedAfterChild(sg.orm, { authority: 'LA-NORTH', startedAt: '2026-12-21T15:00:00+00:00' });
    await deliver(sg.orm, 'ReviewHeld', { childId, reviewId: randomUUID(), periodOfCareId, periodStartedOn: '2026-12-21', sequence: 1, heldOn: '2027-01-21', participation: 'PN1' });
    await deliver(sg.orm, 'ReviewDueSet', reviewDueSet({ childId, periodOfCareId, startedOn: '2026-12-21', held: ['2027-01-21'] }));
    const d = await deadlines(childId, '2027-01-22T09:00:00+00:00');
    expect(d['REV-1ST-20WD'].status).toBe('MET');
    expect(d['REV-2ND-3M'].dueDate).toBe('2027-04-21');
    expect(d['REV-DECISIONS-5WD'].dueDate).toBe('2027-01-28');
    expect(d['CP-UPDATE-POSTREV-10WD'].dueDate).toBe('2027-02-04');
    expect(d['REV-REPORT-20WD'].dueDate).toBe('2027-02-18');
  });

  it('worked example 5: Easter 2027 skips Good Friday and Easter Monday', async () => {
    const { childId } = await lookedAfterChild(sg.orm, { authority: 'LA-NORTH', startedAt: '2027-03-24T10:00:00+00:00' });
    const d = await deadlines(childId);
    expect(d['PP-DUE-5WD'].dueDate).toBe('2027-04-02');
    expect(d['CP-DUE-10WD'].dueDate).toBe('2027-04-09');
    expect(d['REV-1ST-20WD'].dueDate).toBe('2027-04-23');
  });

  it('worked example 7: Christmas 2027-28 double substitute days', async () => {
    const { childId } = await lookedAfterChild(sg.orm, { authority: 'LA-NORTH', startedAt: '2027-12-23T10:00:00+00:00' });
    const d = await deadlines(childId);
    expect(d['PP-DUE-5WD'].dueDate).toBe('2028-01-04');
    expect(d['CP-DUE-10WD'].dueDate).toBe('2028-01-11');
    expect(d['REV-1ST-20WD'].dueDate).toBe('2028-01-25');
  });

  it('CP-DUE-10WD is met when the care plan is endorsed', async () => {
    const { childId } = await lookedAfterChild(sg.orm, { authority: 'LA-NORTH', startedAt: '2026-12-21T15:00:00+00:00' });
    const created = await gql(sg.url, `mutation($i: CreatePlanInput!) { createPlan(input: $i) { id version status } }`, { i: { childId, kind: 'CARE', content: { summary: 'Stay at Oak House', permanencePlan: 'Return home' } } }, SW);
    expect(created.errors).toBeUndefined();
    const id = created.data!.createPlan.id;
    expect((await gql(sg.url, `mutation { submitPlan(planId: "${id}", version: 1) { status } }`, {}, SW)).data!.submitPlan.status).toBe('SUBMITTED');
    const endorsed = await gql(sg.url, `mutation { endorsePlan(planId: "${id}", version: 1) { status endorsedBy endorsedAt } }`, {}, TM);
    expect(endorsed.errors).toBeUndefined();
    expect(endorsed.data!.endorsePlan.status).toBe('ENDORSED');
    const d = await deadlines(childId, '2027-02-01T09:00:00+00:00');
    expect(d['CP-DUE-10WD'].status).toBe('MET');
    expect(d['CP-DUE-10WD'].metAt).toBe('2027-01-05T10:00:00+00:00');
    expect(d['PP-DUE-5WD'].status).toBe('OVERDUE');
  });

  it('ChildCeasedLookedAfter makes the unmet clocks of the period NOT_APPLICABLE', async () => {
    const { childId, periodOfCareId } = await lookedAfterChild(sg.orm, { authority: 'LA-NORTH', startedAt: '2026-12-21T15:00:00+00:00' });
    await deliver(sg.orm, 'ChildCeasedLookedAfter', { childId, periodOfCareId, startedOn: '2026-12-21', endedOn: '2026-12-23', reason: 'E4A', ceasedAt: '2026-12-23T12:00:00+00:00' });
    const d = await deadlines(childId, '2027-03-01T09:00:00+00:00');
    for (const rule of ['CP-DUE-10WD', 'PP-DUE-5WD', 'REV-1ST-20WD', 'VIS-1WK', 'PEP-10WD']) {
      expect(d[rule].status).toBe('NOT_APPLICABLE');
      expect(d[rule].notApplicableReason).toContain('2026-12-23');
    }
  });

  it('the same event delivered twice changes nothing', async () => {
    const c = await lookedAfterChild(sg.orm, { authority: 'LA-NORTH', startedAt: '2026-12-21T15:00:00+00:00' });
    const before = await deadlines(c.childId);
    await deliver(sg.orm, 'PlacementStarted', c.placement, c.startedEventId);
    await deliver(sg.orm, 'PlacementStarted', c.placement);
    const after = await deadlines(c.childId);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(after).toEqual(before);
  });

  it('visits: a visit meets VIS-1WK and starts the six-weekly clock (Example 11)', async () => {
    const c = await lookedAfterChild(sg.orm, { authority: 'LA-NORTH', startedAt: '2026-12-21T15:00:00+00:00' });
    await deliver(sg.orm, 'VisitRecorded', { childId: c.childId, visitId: randomUUID(), visitedOn: '2026-12-22', placementId: c.placementId, seenAlone: true, welfareConcern: false });
    const d = await deadlines(c.childId);
    expect(d['VIS-1WK'].status).toBe('MET');
    expect(d['VIS-6WK-Y1'].dueDate).toBe('2027-02-02');
  });

  it('REV-CONSULT-20WD is flagged not applicable for a first review (C-09) and computed for a second', async () => {
    const c = await lookedAfterChild(sg.orm, { authority: 'LA-NORTH', startedAt: '2026-12-21T15:00:00+00:00' });
    const first = randomUUID();
    const second = randomUUID();
    await deliver(sg.orm, 'ReviewScheduled', { childId: c.childId, reviewId: first, periodOfCareId: c.periodOfCareId, sequence: 1, scheduledFor: '2027-01-21', dueBy: '2027-01-21', ruleId: 'REV-1ST-20WD' });
    let d = await deadlines(c.childId);
    expect(d['REV-CONSULT-20WD'].status).toBe('NOT_APPLICABLE');
    await deliver(sg.orm, 'ReviewScheduled', { childId: c.childId, reviewId: second, periodOfCareId: c.periodOfCareId, sequence: 2, scheduledFor: '2027-04-21', dueBy: '2027-04-21', ruleId: 'REV-2ND-3M' });
    const r = await gql(sg.url, DEADLINES, { r: [{ __typename: 'Child', id: c.childId }], asOf: '2027-01-01T00:00:00Z' }, SW);
    const consult = (r.data!._entities[0].deadlines as Array<Record<string, any>>).filter((x) => x.ruleId === 'REV-CONSULT-20WD');
    expect(consult.map((x) => [x.dueDate, x.status]).sort()).toEqual([['2026-12-21', 'NOT_APPLICABLE'], ['2027-03-22', 'PENDING']]);
    // The reviews service brings the first review forward and sends the ledger its new date.
    await deliver(sg.orm, 'ReviewDueSet', reviewDueSet({ ...c, startedOn: '2026-12-21', triggers: [{ trigger: 'IRO_REQUEST', triggeredOn: '2027-01-04', targetDueBy: '2027-01-14' }] }));
    d = await deadlines(c.childId);
    expect(d['REV-1ST-20WD'].dueDate).toBe('2027-01-14');
    expect(d['REV-1ST-20WD'].basis.explanation).toContain('IRO_REQUEST');
  });

  it('setRuleOverride refuses a NAT-REG rule and re-times a LOCAL one for the authority', async () => {
    const refused = await gql(sg.url, `mutation { setRuleOverride(authority: "LA-NORTH", ruleId: "PP-DUE-5WD", enabled: false) { ruleId } }`, {}, bearer('SERVICE_MANAGER', 'LA-NORTH'));
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RULE_NOT_CONFIGURABLE' });
    const sw = await gql(sg.url, `mutation { setRuleOverride(authority: "LA-NORTH", ruleId: "PPM-72H", count: 48) { ruleId } }`, {}, SW);
    expect(sw.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const ok = await gql(sg.url, `mutation { setRuleOverride(authority: "LA-EAST", ruleId: "PPM-72H", count: 48) { ruleId count } }`, {}, bearer('ADMIN', 'HUB'));
    expect(ok.data!.setRuleOverride).toEqual({ ruleId: 'PPM-72H', count: 48 });
    const c = await lookedAfterChild(sg.orm, { authority: 'LA-EAST', startedAt: '2026-12-21T15:00:00+00:00' });
    const d = await deadlines(c.childId, undefined, bearer('SOCIAL_WORKER', 'LA-EAST'));
    expect(d['PPM-72H'].dueAt).toBe('2026-12-23T15:00:00+00:00');
  });
});
