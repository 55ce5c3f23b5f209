/**
 * Issue #9 through the gateway: nothing silently missing in the deadline ledger (a count past the bank-holiday
 * calendar, an urgent refusal of contact running out), and asking before it happens (previews, review timetable).
 */
import { resetCalendar, setClock } from '@hub/service-kit';
import { bearer } from '@hub/service-kit/testing';
import { HolidayCalendar } from '@hub/statutory';
import { startHub, Hub } from './harness/hub';

let hub: Hub;
const ADMIN = bearer('ADMIN', 'HUB');
const SW = bearer('SOCIAL_WORKER', 'LA-PLN');
const SM = bearer('SERVICE_MANAGER', 'LA-PLN');

beforeAll(async () => {
  hub = await startHub({ label: 'planning' });
  await hub.query('mutation { upsertAuthority(code: "LA-PLN", name: "Planning Council") { code } }', {}, ADMIN);
  await hub.query('mutation { upsertAuthority(code: "LA-OTH", name: "Other Council") { code } }', {}, ADMIN);
});
afterAll(async () => {
  setClock();
  resetCalendar();
  await hub?.stop();
});

const must = (q: string, v: Record<string, unknown> = {}, auth = SW) => hub.must(q, v, auth);

async function register(on: string, legalStatus = 'C2'): Promise<string> {
  setClock(`${on}T12:00:00Z`);
  const d = await must('mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }', {
    i: { givenName: 'Plan', familyName: `Ahead ${on} ${legalStatus}`, dateOfBirth: '2012-06-01', placingAuthority: 'LA-PLN', becameLookedAfterOn: on, legalStatus },
  });
  await hub.settle();
  return d.registerChild.id;
}

const DEADLINES = 'query($id: ID!, $asOf: DateTime) { child(id: $id) { deadlines(asOf: $asOf) { ruleId dueDate dueAt status reason metAt basis { anchor unit count explanation } } } }';
async function deadlines(id: string, asOf?: string): Promise<Record<string, any>> {
  const d = await must(DEADLINES, { id, asOf });
  return Object.fromEntries(d.child.deadlines.map((x: any) => [x.ruleId, x]));
}

const SIGNIFICANT = 'mutation($i: RecordSignificantEventInput!) { recordSignificantEvent(input: $i) { id } }';

describe('a deadline past the bank-holiday calendar', () => {
  it('is in the ledger as BEYOND_CALENDAR, counted for administrators, and dated once a newer calendar is loaded', async () => {
    const id = await register('2028-12-20');
    const before = await deadlines(id, '2028-12-21T09:00:00Z');
    expect(before['REV-1ST-20WD']).toMatchObject({ status: 'BEYOND_CALENDAR', dueDate: null, dueAt: null, basis: { unit: 'WORKING_DAY', count: 20 } });
    expect(before['REV-1ST-20WD'].reason).toMatch(/cannot be counted yet.*newer England and Wales calendar/);

    const counted = await must('{ deadlinesBeyondCalendar { total calendarEndsOn byAuthority { authority count } } }', {}, ADMIN);
    expect(counted.deadlinesBeyondCalendar.calendarEndsOn).toBe('2028-12-31');
    expect(counted.deadlinesBeyondCalendar.byAuthority).toContainEqual({ authority: 'LA-PLN', count: expect.any(Number) });
    const own = await must('{ deadlinesBeyondCalendar { byAuthority { authority } } }', {}, SM);
    expect(own.deadlinesBeyondCalendar.byAuthority.map((a: any) => a.authority)).toEqual(['LA-PLN']);
    expect((await hub.query('{ deadlinesBeyondCalendar { total } }', {}, SW)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const json = HolidayCalendar.default().toGovUkJson() as Record<string, any>;
    for (const date of ['2029-01-01', '2029-03-30', '2029-04-02', '2029-05-07', '2029-05-28', '2029-08-27', '2029-12-25', '2029-12-26']) {
      json['england-and-wales'].events.push({ title: 'Bank holiday', date, notes: '', bunting: true });
    }
    await must('mutation($j: String!) { loadBankHolidays(json: $j, source: "https://www.gov.uk/bank-holidays.json") { horizonEnd } }', { j: JSON.stringify(json) }, ADMIN);
    await hub.settle();
    const after = await deadlines(id, '2028-12-21T09:00:00Z');
    expect(after['REV-1ST-20WD']).toMatchObject({ status: 'PENDING', dueDate: '2029-01-22', reason: null });
    const none = await must('{ deadlinesBeyondCalendar(authority: "LA-PLN") { total } }', {}, ADMIN);
    expect(none.deadlinesBeyondCalendar.total).toBe(0);
  });
});

describe('CON-S34-7D: an urgent refusal of contact', () => {
  it('says a missing length is missing, refuses an accommodated child, runs out, and is met when contact resumes', async () => {
    const id = await register('2027-06-01');
    setClock('2027-06-30T23:45:00Z');
    const missing = await hub.query(SIGNIFICANT, { i: { childId: id, kind: 'CONTACT_REFUSED', occurredAt: '2027-06-30T23:30:00Z', summary: 's34(6) refusal' } }, SW);
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REQUIRED', field: 'durationDays' });
    expect(missing.errors?.[0].message).toContain('durationDays is required');
    await must(SIGNIFICANT, { i: { childId: id, kind: 'CONTACT_REFUSED', occurredAt: '2027-06-30T23:30:00Z', summary: 's34(6) refusal', durationDays: 5 } });
    await hub.settle();

    const running = (await deadlines(id, '2027-07-07T12:00:00+01:00'))['CON-S34-7D'];
    expect(running).toMatchObject({ status: 'PENDING', dueDate: '2027-07-08', metAt: null });
    expect(running.basis.anchor).toBe('2027-07-01T00:30:00+01:00');
    expect((await deadlines(id, '2027-07-09T09:00:00+01:00'))['CON-S34-7D'].status).toBe('OVERDUE');

    setClock('2027-07-06T10:00:00Z');
    await must(SIGNIFICANT, { i: { childId: id, kind: 'CONTACT_RESUMED', occurredAt: '2027-07-06T09:00:00Z', summary: 'contact resumed' } });
    await hub.settle();
    expect((await deadlines(id, '2027-07-09T09:00:00+01:00'))['CON-S34-7D']).toMatchObject({ status: 'MET', metAt: '2027-07-06T10:00:00+01:00' });

    const accommodated = await register('2027-06-01', 'V2');
    setClock('2027-06-10T12:00:00Z');
    const refused = await hub.query(SIGNIFICANT, { i: { childId: accommodated, kind: 'CONTACT_REFUSED', occurredAt: '2027-06-10T09:00:00Z', summary: 'refusal', durationDays: 3 } }, SW);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_IN_CARE', ruleId: 'CON-S34-7D' });
  });
});

describe('asking before it happens', () => {
  const PREVIEW = 'query($r: String!, $a: String, $auth: String) { deadlinePreview(ruleId: $r, anchor: $a, authority: $auth) { ruleId dueDate status basis { anchor explanation } } }';

  it('previews a future review\'s report and a refusal running out, for the authority and administrators only', async () => {
    setClock('2027-01-05T10:00:00Z');
    const report = await must(PREVIEW, { r: 'REV-REPORT-20WD', a: '2027-03-03' });
    expect(report.deadlinePreview).toMatchObject({ ruleId: 'REV-REPORT-20WD', dueDate: '2027-04-02', status: 'PENDING', basis: { anchor: '2027-03-03' } });
    const refusal = await must(PREVIEW, { r: 'CON-S34-7D', a: '2027-02-25T10:00:00Z' });
    expect(refusal.deadlinePreview.dueDate).toBe('2027-03-04');
    expect((await must(PREVIEW, { r: 'CON-S34-7D', a: '2027-02-25', auth: 'LA-OTH' }, ADMIN)).deadlinePreview.dueDate).toBe('2027-03-04');
    expect((await hub.query(PREVIEW, { r: 'CON-S34-7D', a: '2027-02-25', auth: 'LA-OTH' }, SW)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await hub.query(PREVIEW, { r: 'CON-S34-7D', a: '2027-02-25' }, bearer('PROVIDER_STAFF', 'PRV-X'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const needs = await hub.query(PREVIEW, { r: 'PWP-ASSESS-3M', a: '2027-02-10' }, SW);
    expect(needs.errors?.[0].extensions).toMatchObject({ code: 'RULE_NOT_APPLICABLE', missingFacts: ['dateOfBirth', 'eligibleFrom'] });
  });

  it("projects a child's review timetable, each review with its basis", async () => {
    const id = await register('2027-01-04');
    const d = await must('query($id: ID!) { child(id: $id) { reviewTimetable(until: "2028-01-31") { sequence projected deadline { ruleId dueDate basis { explanation } } } } }', { id });
    expect(d.child.reviewTimetable.map((e: any) => [e.sequence, e.deadline.ruleId, e.deadline.dueDate, e.projected])).toEqual([
      [1, 'REV-1ST-20WD', '2027-02-01', false],
      [2, 'REV-2ND-3M', '2027-05-01', true],
      [3, 'REV-NEXT-6M', '2027-11-01', true],
    ]);
    expect(d.child.reviewTimetable[1].deadline.basis.explanation).toContain('assuming review 1 sits on its due date');
    const other = await hub.query('query($id: ID!) { child(id: $id) { reviewTimetable(until: "2028-01-31") { sequence } } }', { id }, bearer('SOCIAL_WORKER', 'LA-OTH'));
    expect(other.data?.child ?? null).toBeNull();
  });
});
