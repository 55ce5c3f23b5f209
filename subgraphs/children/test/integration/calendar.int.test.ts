import { bearer, gql, startTestSubgraph } from '@hub/service-kit/testing';
import { hubCalendar, resetCalendar } from '@hub/service-kit';
import { HolidayCalendar } from '@hub/statutory';
import { childrenSubgraph } from '../../src/definition';

type Running = Awaited<ReturnType<typeof startTestSubgraph>>;
let sg: Running;
beforeAll(async () => {
  sg = await startTestSubgraph(childrenSubgraph);
});
afterAll(async () => {
  resetCalendar();
  await sg.stopAll();
});

const LOAD = 'mutation($j: String!, $s: String) { loadBankHolidays(json: $j, source: $s) { horizonStart horizonEnd version holidayCount } }';

describe('TIME-WD-CAL: an administrator loads a newer bank-holiday calendar without a release', () => {
  it('shows the shipped calendar, refuses non-admins and bad files, and adopts a valid upload', async () => {
    const shipped = await gql(sg.url, '{ bankHolidayCalendar { horizonStart horizonEnd version } }', {}, bearer('SOCIAL_WORKER', 'LA-X'));
    expect(shipped.data!.bankHolidayCalendar).toEqual({ horizonStart: '2018-01-01', horizonEnd: '2028-12-31', version: null });

    const json = HolidayCalendar.default().toGovUkJson() as Record<string, any>;
    // A one-off holiday proclaimed for 2027 (fictional), as a newer gov.uk file would carry it.
    json['england-and-wales'].events.push({ title: 'Proclaimed holiday', date: '2027-06-07', notes: '', bunting: true });
    const refused = await gql(sg.url, LOAD, { j: JSON.stringify(json) }, bearer('SOCIAL_WORKER', 'LA-X'));
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bad = await gql(sg.url, LOAD, { j: '{"england-and-wales": {}}' }, bearer('ADMIN', 'HUB'));
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CALENDAR' });

    const ok = await gql(sg.url, LOAD, { j: JSON.stringify(json), s: 'https://www.gov.uk/bank-holidays.json' }, bearer('ADMIN', 'HUB'));
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.loadBankHolidays.version).toEqual(expect.any(String));
    expect(hubCalendar().isWorkingDay('2027-06-07')).toBe(false);
    const rows = await sg.orm.em.getConnection().execute(`select type from children.outbox_event where type = 'CalendarUpdated'`);
    expect(rows).toHaveLength(1);
  });
});
