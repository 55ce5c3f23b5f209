/**
 * Nothing silently missing, and asking before it happens (issue #9): deadlines past the calendar stay in the ledger
 * and are dated when a newer calendar arrives; CON-S34-7D stays open until contact resumes or a court application;
 * previews and the review timetable compute without recording anything.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { bearer, gql, startTestSubgraph } from '@hub/service-kit/testing';
import { applyAccessEvent, createLogger, EVENT_SOURCE, EventType, HubEvent, resetCalendar, setClock, statementCount } from '@hub/service-kit';
import { HolidayCalendar } from '@hub/statutory';
import { plansSubgraph } from '../../src/definition';
import { DeadlineEntity } from '../../src/deadline/deadline.entity';
import { reviewDueSet } from './support';

type Running = Awaited<ReturnType<typeof startTestSubgraph>>;
let sg: Running;
const SW = bearer('SOCIAL_WORKER', 'LA-NORTH');
const SM = bearer('SERVICE_MANAGER', 'LA-NORTH');
const ADMIN = bearer('ADMIN', 'HUB');
const log = createLogger('plans-test', 'silent');

/** Delivers an event as the runner's consumer does (access facts are kept idempotently either way). */
async function send(type: EventType, payload: Record<string, unknown>, childId: string | null = String(payload.childId)): Promise<void> {
  const event = {
    id: randomUUID(), type, source: EVENT_SOURCE[type], occurredAt: new Date().toISOString(), aggregateType: 'Test',
    aggregateId: childId ?? 'calendar', childId, payload, actor: null,
  } as unknown as HubEvent;
  await (sg.orm.em.fork() as EntityManager).transactional((tem) => applyAccessEvent(tem, event));
  await plansSubgraph.consumes!.handle(sg.orm, event, log);
}

async function admit(authority: string, startedOn: string, legalStatus = 'C2') {
  const childId = randomUUID();
  const periodOfCareId = randomUUID();
  await send('ChildRegistered', { childId, placingAuthority: authority, dateOfBirth: '2012-05-01', dateOfDeath: null, name: 'Sam Doe' });
  await send('PeriodOfCareStarted', { childId, periodOfCareId, startedOn, shortBreak: false, legalStatus, placingAuthority: authority, dateOfBirth: '2012-05-01' });
  // The reviews service answers the new period with the first review's date (or why it cannot be counted yet).
  await send('ReviewDueSet', { ...reviewDueSet({ childId, periodOfCareId, startedOn }), placingAuthority: authority });
  return { childId, periodOfCareId };
}

const DEADLINES = `query($r: [_Any!]!, $asOf: DateTime) { _entities(representations: $r) { ... on Child { deadlines(asOf: $asOf) {
  ruleId dueDate dueAt status metAt reason basis { anchor unit count explanation skipped { date } } } } } }`;
async function deadlines(childId: string, asOf: string, auth = SW) {
  const r = await gql(sg.url, DEADLINES, { r: [{ __typename: 'Child', id: childId }], asOf }, auth);
  expect(r.errors).toBeUndefined();
  return r.data!._entities[0].deadlines as Array<Record<string, any>>;
}
const byRule = async (childId: string, asOf: string) => Object.fromEntries((await deadlines(childId, asOf)).map((d) => [d.ruleId, d]));

/** The shipped calendar plus 2029, as a newer gov.uk file carries it. */
function calendarWith2029(): Record<string, any> {
  const json = HolidayCalendar.default().toGovUkJson() as Record<string, any>;
  for (const [date, title] of [['2029-01-01', 'New Year’s Day'], ['2029-03-30', 'Good Friday'], ['2029-04-02', 'Easter Monday'], ['2029-05-07', 'Early May bank holiday'],
    ['2029-05-28', 'Spring bank holiday'], ['2029-08-27', 'Summer bank holiday'], ['2029-12-25', 'Christmas Day'], ['2029-12-26', 'Boxing Day']]) {
    json['england-and-wales'].events.push({ title, date, notes: '', bunting: true });
  }
  return json;
}

beforeAll(async () => {
  setClock('2028-12-20T10:00:00+00:00');
  sg = await startTestSubgraph(plansSubgraph, { workers: false });
});
afterAll(async () => {
  setClock();
  resetCalendar();
  await sg.stopAll();
});

describe('deadlines past the calendar', () => {
  it('keeps a working-day deadline past the horizon as BEYOND_CALENDAR with its reason, counts it, and dates it when a newer calendar arrives', async () => {
    const { childId } = await admit('LA-NORTH', '2028-12-20');
    const before = await byRule(childId, '2028-12-21T09:00:00+00:00');
    // REV-1ST-20WD and IRO-APPOINT-5WD/PEP-10WD cross New Year 2029, which the shipped calendar does not cover.
    expect(before['REV-1ST-20WD']).toMatchObject({ status: 'BEYOND_CALENDAR', dueDate: null, dueAt: null, basis: { unit: 'WORKING_DAY', count: 20, anchor: '2028-12-20' } });
    expect(before['REV-1ST-20WD'].reason).toContain('cannot be counted yet');
    expect(before['REV-1ST-20WD'].reason).toContain('Sun 31 Dec 2028');
    // 5 working days after Wed 20 Dec 2028 end inside the calendar (Christmas and Boxing Day skipped).
    expect(before['IRO-APPOINT-5WD']).toMatchObject({ status: 'PENDING', dueDate: '2028-12-29', reason: null });

    // Not overdue, however late: there is no date to be late against.
    const overdue = await gql(sg.url, '{ overdue(asOf: "2031-01-01T00:00:00Z") { edges { node { ruleId status } } } }', {}, SW);
    expect(overdue.data!.overdue.edges.map((e: any) => e.node.status)).not.toContain('BEYOND_CALENDAR');

    const count = await gql(sg.url, '{ deadlinesBeyondCalendar { total calendarEndsOn byAuthority { authority count } } }', {}, ADMIN);
    expect(count.errors).toBeUndefined();
    expect(count.data!.deadlinesBeyondCalendar.calendarEndsOn).toBe('2028-12-31');
    const north = count.data!.deadlinesBeyondCalendar.byAuthority.find((a: any) => a.authority === 'LA-NORTH');
    expect(north.count).toBeGreaterThanOrEqual(3);
    const own = await gql(sg.url, '{ deadlinesBeyondCalendar { total byAuthority { authority } } }', {}, SM);
    expect(own.data!.deadlinesBeyondCalendar.byAuthority.map((a: any) => a.authority)).toEqual(['LA-NORTH']);
    expect((await gql(sg.url, '{ deadlinesBeyondCalendar(authority: "LA-SOUTH") { total } }', {}, SM)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(sg.url, '{ deadlinesBeyondCalendar { total } }', {}, SW)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    await send('CalendarUpdated', { data: calendarWith2029(), source: 'https://www.gov.uk/bank-holidays.json', loadedBy: 'admin-1' }, null);
    const after = await byRule(childId, '2028-12-21T09:00:00+00:00');
    // 20 working days after Wed 20 Dec 2028, skipping Christmas, Boxing Day and New Year's Day 2029: Mon 22 Jan 2029.
    expect(after['REV-1ST-20WD']).toMatchObject({ status: 'PENDING', dueDate: '2029-01-22', reason: null });
    expect(after['REV-1ST-20WD'].basis.skipped.map((s: any) => s.date)).toContain('2029-01-01');
    const rows = await sg.orm.em.fork().find(DeadlineEntity, { childId, dueAt: null });
    expect(rows).toHaveLength(0);
  });
});

describe('CON-S34-7D: a refusal stays open until contact resumes or a court application', () => {
  async function refuse(childId: string, at: string, durationDays: number | null = 7) {
    const eventId = randomUUID();
    await send('SignificantEventRecorded', { childId, eventId, kind: 'CONTACT_REFUSED', occurredAt: at, summary: 's34(6)', durationDays, placementId: null, providerId: null, placingAuthority: 'LA-NORTH', recordedByOrg: 'LA-NORTH' });
    return eventId;
  }

  it('shows a refusal running out, then OVERDUE after 7 days; its anchor in London time', async () => {
    const { childId } = await admit('LA-NORTH', '2027-06-01');
    await refuse(childId, '2027-06-30T23:30:00.000Z', 3);
    const pending = (await byRule(childId, '2027-07-05T12:00:00+01:00'))['CON-S34-7D'];
    expect(pending).toMatchObject({ status: 'PENDING', dueDate: '2027-07-08', metAt: null });
    expect(pending.basis.anchor).toBe('2027-07-01T00:30:00+01:00');
    expect(pending.basis.explanation).toContain('intended to last 3 days');
    expect((await byRule(childId, '2027-07-09T00:00:01+01:00'))['CON-S34-7D'].status).toBe('OVERDUE');
  });

  it.each`
    kind                      | why
    ${'CONTACT_RESUMED'}      | ${'contact resumed'}
    ${'S34_APPLICATION_MADE'} | ${'an application to court under s34 was made'}
  `('is met when $why', async ({ kind, why }) => {
    const { childId } = await admit('LA-NORTH', '2027-06-01');
    await refuse(childId, '2027-06-10T09:00:00Z');
    await send('SignificantEventRecorded', { childId, eventId: randomUUID(), kind, occurredAt: '2027-06-14T15:00:00Z', summary: why, durationDays: null, placementId: null, providerId: null, placingAuthority: 'LA-NORTH', recordedByOrg: 'LA-NORTH' });
    const d = (await byRule(childId, '2027-07-01T00:00:00Z'))['CON-S34-7D'];
    expect(d).toMatchObject({ status: 'MET', metAt: '2027-06-14T16:00:00+01:00' });
    expect(d.basis.explanation).toContain(`Ended: ${why} (2027-06-14T16:00:00+01:00)`);
  });

  it('does not let an earlier resumption meet a later refusal', async () => {
    const { childId } = await admit('LA-NORTH', '2027-06-01');
    await send('SignificantEventRecorded', { childId, eventId: randomUUID(), kind: 'CONTACT_RESUMED', occurredAt: '2027-06-05T09:00:00Z', summary: 'resumed', durationDays: null, placementId: null, providerId: null, placingAuthority: 'LA-NORTH', recordedByOrg: 'LA-NORTH' });
    await refuse(childId, '2027-06-10T09:00:00Z');
    expect((await byRule(childId, '2027-06-12T00:00:00Z'))['CON-S34-7D'].status).toBe('PENDING');
  });
});

const PREVIEW = `query($rule: String!, $anchor: String, $authority: String, $phase: String, $facts: DeadlinePreviewFacts, $asOf: DateTime) {
  deadlinePreview(ruleId: $rule, anchor: $anchor, authority: $authority, phase: $phase, facts: $facts, asOf: $asOf) {
    ruleId title class phase dueDate dueAt status reason basis { anchor unit count overridden explanation skipped { date } } } }`;

describe('Query.deadlinePreview', () => {
  it.each`
    rule                  | anchor                        | expected        | why
    ${'REV-REPORT-20WD'}  | ${'2029-03-05'}               | ${null}         | ${'past the shipped calendar the preview says so rather than guess'}
    ${'REV-DECISIONS-5WD'}| ${'2027-03-03'}               | ${'2027-03-10'} | ${'if the review sits on 3 March 2027, decisions are due 5 working days later'}
    ${'CON-S34-7D'}       | ${'2027-06-30T23:30:00Z'}     | ${'2027-07-08'} | ${'when will this refusal run out?'}
    ${'PPM-72H'}          | ${'2027-06-30T23:30:00Z'}     | ${'2027-07-04'} | ${'an hour rule from a future instant'}
  `('$why', async ({ rule, anchor, expected }) => {
    resetCalendar();
    const r = await gql(sg.url, PREVIEW, { rule, anchor, asOf: '2027-01-01T00:00:00Z' }, SW);
    expect(r.errors).toBeUndefined();
    const d = r.data!.deadlinePreview;
    expect(d.ruleId).toBe(rule);
    expect(d.dueDate).toBe(expected);
    if (expected === null) expect(d).toMatchObject({ status: 'BEYOND_CALENDAR', dueAt: null });
    else expect(d.status).toBe('PENDING');
  });

  it('persists nothing', async () => {
    const before = await sg.orm.em.fork().count(DeadlineEntity, {});
    await gql(sg.url, PREVIEW, { rule: 'CP-DUE-10WD', anchor: '2029-06-01' }, SW);
    expect(await sg.orm.em.fork().count(DeadlineEntity, {})).toBe(before);
  });

  it("applies the caller's authority overrides; an administrator chooses the authority", async () => {
    const set = await gql(sg.url, 'mutation { setRuleOverride(authority: "LA-NORTH", ruleId: "PCPP-5WD", count: 8) { count } }', {}, SM);
    expect(set.errors).toBeUndefined();
    const own = (await gql(sg.url, PREVIEW, { rule: 'PCPP-5WD', anchor: '2027-03-01' }, SW)).data!.deadlinePreview;
    expect(own.basis).toMatchObject({ count: 8, overridden: true });
    const admin = (await gql(sg.url, PREVIEW, { rule: 'PCPP-5WD', anchor: '2027-03-01', authority: 'LA-NORTH' }, ADMIN)).data!.deadlinePreview;
    expect(admin.dueDate).toBe(own.dueDate);
    const national = (await gql(sg.url, PREVIEW, { rule: 'PCPP-5WD', anchor: '2027-03-01' }, ADMIN)).data!.deadlinePreview;
    expect(national.basis).toMatchObject({ count: 5, overridden: false });
  });

  it.each`
    auth                                    | vars                                                              | code                     | reason                 | why
    ${bearer('SOCIAL_WORKER', 'LA-NORTH')}  | ${{ rule: 'PCPP-5WD', anchor: '2027-03-01', authority: 'LA-SOUTH' }} | ${'FORBIDDEN'}        | ${undefined}           | ${"another authority's overrides"}
    ${bearer('PROVIDER_STAFF', 'PRV-OAK')}  | ${{ rule: 'PCPP-5WD', anchor: '2027-03-01' }}                     | ${'FORBIDDEN'}           | ${undefined}           | ${'a provider'}
    ${bearer('OPS', 'HUB')}                 | ${{ rule: 'PCPP-5WD', anchor: '2027-03-01' }}                     | ${'FORBIDDEN'}           | ${undefined}           | ${'operations staff'}
    ${SW}                                   | ${{ rule: 'NOT-A-RULE', anchor: '2027-03-01' }}                   | ${'BAD_USER_INPUT'}      | ${'UNKNOWN_RULE'}      | ${'an unknown rule'}
    ${SW}                                   | ${{ rule: 'PCPP-5WD', anchor: '1 March' }}                        | ${'BAD_USER_INPUT'}      | ${'INVALID_ANCHOR'}    | ${'a malformed anchor'}
    ${SW}                                   | ${{ rule: 'PCPP-5WD' }}                                           | ${'BAD_USER_INPUT'}      | ${'INVALID_ANCHOR'}    | ${'no anchor'}
    ${SW}                                   | ${{ rule: 'PPM-72H', anchor: '2027-03-01' }}                      | ${'BAD_USER_INPUT'}      | ${'INVALID_ANCHOR'}    | ${'a date for an hour rule'}
    ${SW}                                   | ${{ rule: 'PCPP-5WD', anchor: '2027-03-01', phase: 'later' }}     | ${'BAD_USER_INPUT'}      | ${'UNKNOWN_PHASE'}     | ${'a phase the rule does not have'}
    ${SW}                                   | ${{ rule: 'VIS-6WK-Y1', anchor: '2027-03-01', facts: { placementStart: '01/01/2027' } }} | ${'BAD_USER_INPUT'} | ${'INVALID_DATE'} | ${'a malformed fact'}
  `('refuses $why', async ({ auth, vars, code, reason }) => {
    const r = await gql(sg.url, PREVIEW, vars, auth);
    expect(r.data?.deadlinePreview ?? null).toBeNull();
    expect(r.errors?.[0].extensions?.code).toBe(code);
    if (reason) expect(r.errors?.[0].extensions?.reason).toBe(reason);
  });

  it('names the missing facts of a leaving-care rule, and computes it when given them', async () => {
    const missing = await gql(sg.url, PREVIEW, { rule: 'PWP-ASSESS-3M', anchor: '2027-02-10' }, SW);
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'RULE_NOT_APPLICABLE', ruleId: 'PWP-ASSESS-3M', missingFacts: ['dateOfBirth', 'eligibleFrom'] });
    const ok = await gql(sg.url, PREVIEW, { rule: 'PWP-ASSESS-3M', facts: { dateOfBirth: '2011-02-10', eligibleFrom: '2027-02-10' } }, SW);
    expect(ok.data!.deadlinePreview).toMatchObject({ dueDate: '2027-05-10', basis: { unit: 'MONTH', count: 3, anchor: '2027-02-10' } });
  });

  it('says which visit rule governs the facts instead', async () => {
    const r = await gql(sg.url, PREVIEW, { rule: 'VIS-3M-LT', anchor: '2027-03-01', facts: { placementStart: '2026-12-21', intendedUntil18: true } }, SW);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'RULE_NOT_APPLICABLE', appliesInstead: 'VIS-6WK-Y1' });
  });
});

const TIMETABLE = `query($r: [_Any!]!, $until: String!, $asOf: DateTime) { _entities(representations: $r) { ... on Child {
  reviewTimetable(until: $until, asOf: $asOf) { sequence projected deadline { ruleId dueDate status basis { anchor explanation } } } } } }`;

describe('Child.reviewTimetable', () => {
  it('projects the next reviews from the last one held, each with its basis, for those who may read the child', async () => {
    resetCalendar();
    const { childId, periodOfCareId } = await admit('LA-NORTH', '2026-12-21');
    await send('ReviewHeld', { childId, reviewId: randomUUID(), periodOfCareId, periodStartedOn: '2026-12-21', sequence: 1, heldOn: '2027-01-14', participation: 'PN1', placingAuthority: 'LA-NORTH' });
    const r = await gql(sg.url, TIMETABLE, { r: [{ __typename: 'Child', id: childId }], until: '2028-06-30', asOf: '2027-02-01T00:00:00Z' }, SW);
    expect(r.errors).toBeUndefined();
    const t = r.data!._entities[0].reviewTimetable;
    expect(t.map((e: any) => [e.sequence, e.deadline.ruleId, e.deadline.dueDate, e.projected])).toEqual([
      [2, 'REV-2ND-3M', '2027-04-14', false],
      [3, 'REV-NEXT-6M', '2027-10-14', true],
      [4, 'REV-NEXT-6M', '2028-04-14', true],
    ]);
    expect(t[0].deadline.basis.anchor).toBe('2027-01-14');
    expect(t[1].deadline.basis.explanation).toContain('assuming review 2 sits on its due date');
    expect(t.every((e: any) => e.deadline.status === 'PENDING')).toBe(true);

    const other = await gql(sg.url, TIMETABLE, { r: [{ __typename: 'Child', id: childId }], until: '2028-06-30' }, bearer('SOCIAL_WORKER', 'LA-SOUTH'));
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await gql(sg.url, TIMETABLE, { r: [{ __typename: 'Child', id: childId }], until: 'next year' }, SW);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_DATE' });
  });

  it('answers 12 children with as many SQL statements as 2 (batched)', async () => {
    resetCalendar();
    const kids: string[] = [];
    for (let i = 0; i < 12; i++) kids.push((await admit('LA-NORTH', '2027-01-04')).childId);
    const count = async (n: number) => {
      const before = statementCount('plans');
      const r = await gql(sg.url, TIMETABLE, { r: kids.slice(0, n).map((id) => ({ __typename: 'Child', id })), until: '2027-12-31' }, SW);
      expect(r.errors).toBeUndefined();
      for (const e of r.data!._entities) expect(e.reviewTimetable.map((x: any) => x.deadline.ruleId)).toEqual(['REV-1ST-20WD', 'REV-2ND-3M', 'REV-NEXT-6M']);
      return statementCount('plans') - before;
    };
    expect(await count(2)).toBe(await count(12));
  });
});
