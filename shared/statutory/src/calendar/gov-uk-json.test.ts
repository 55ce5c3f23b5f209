import { CalendarDataError } from '../errors';
import { HolidayCalendar } from './holiday-calendar';

const ev = (date: string, extra: Record<string, unknown> = {}) => ({ title: 'Bank holiday', date, notes: '', bunting: true, ...extra });
const doc = (events: unknown, division = 'england-and-wales') => ({ [division]: { division, events } });

describe('HolidayCalendar.fromGovUkJson validates strictly', () => {
  it.each`
    input                                                                            | message                                     | why
    ${null}                                                                          | ${'expected an object keyed by division'}   | ${'null document'}
    ${[]}                                                                            | ${'expected an object keyed by division'}   | ${'an array document'}
    ${{}}                                                                            | ${'england-and-wales: division is missing'} | ${'missing division'}
    ${{ 'england-and-wales': [] }}                                                   | ${'expected an object with "division"'}     | ${'division is not an object'}
    ${{ 'england-and-wales': { division: 'scotland', events: [ev('2026-01-01')] } }} | ${'expected "england-and-wales"'}           | ${'division name does not match its key'}
    ${{ 'england-and-wales': { division: 'england-and-wales' } }}                    | ${'events: expected an array'}              | ${'events missing'}
    ${doc([])}                                                                       | ${'lists no events'}                        | ${'no events'}
    ${doc(['2026-01-01'])}                                                           | ${'events[0]: expected an object'}          | ${'event is not an object'}
    ${doc([{ date: '2026-01-01' }])}                                                 | ${'events[0].title'}                        | ${'missing title'}
    ${doc([ev('2026-01-01', { title: ' ' })])}                                       | ${'events[0].title'}                        | ${'blank title'}
    ${doc([ev('2026-02-30')])}                                                       | ${'events[0].date'}                         | ${'impossible date'}
    ${doc([ev('28/12/2026')])}                                                       | ${'events[0].date'}                         | ${'date not in ISO form'}
    ${doc([ev('2026-01-01', { notes: 3 })])}                                         | ${'events[0].notes'}                        | ${'notes not a string'}
    ${doc([ev('2026-01-01', { bunting: 'yes' })])}                                   | ${'events[0].bunting'}                      | ${'bunting not a boolean'}
    ${doc([ev('2026-01-01', { provisional: 'yes' })])}                               | ${'events[0].provisional'}                  | ${'provisional not a boolean'}
    ${doc([ev('2026-01-01', { source: '' })])}                                       | ${'events[0].source'}                       | ${'empty source'}
    ${doc([ev('2026-01-01'), ev('2026-01-01')])}                                     | ${'lists 2026-01-01 twice'}                 | ${'duplicate date'}
    ${doc([ev('2025-01-01'), ev('2027-01-01')])}                                     | ${'no events in 2026'}                      | ${'a year missing inside the range'}
  `('rejects $why', ({ input, message }) => {
    expect(() => HolidayCalendar.fromGovUkJson(input)).toThrow(CalendarDataError);
    expect(() => HolidayCalendar.fromGovUkJson(input)).toThrow(message);
  });

  it('defaults notes, bunting, provisional and source, ignores unknown fields, and sorts', () => {
    const cal = HolidayCalendar.fromGovUkJson(doc([{ title: 'B', date: '2026-05-25', extra: 1 }, { title: 'A', date: '2026-01-01' }]));
    expect(cal.entries).toEqual([
      { title: 'A', date: '2026-01-01', notes: '', bunting: false, provisional: false, source: 'https://www.gov.uk/bank-holidays.json' },
      { title: 'B', date: '2026-05-25', notes: '', bunting: false, provisional: false, source: 'https://www.gov.uk/bank-holidays.json' },
    ]);
  });

  it('records a caller-given default source, and a per-event source and provisional flag over it', () => {
    const cal = HolidayCalendar.fromGovUkJson(doc([ev('2026-01-01'), ev('2026-05-25', { provisional: true, source: 'admin upload 2026-05-01' })]), {
      source: 'bank-holidays.json downloaded 2026-04-30',
    });
    expect(cal.entries.map((e) => [e.source, e.provisional])).toEqual([
      ['bank-holidays.json downloaded 2026-04-30', false],
      ['admin upload 2026-05-01', true],
    ]);
  });

  it('reads another division only when asked (TIME-WD-CAL: England and Wales by default)', () => {
    const json = { ...doc([ev('2026-01-01')]), ...doc([ev('2026-01-02', { title: '2nd January' })], 'scotland') };
    expect(HolidayCalendar.fromGovUkJson(json).holiday('2026-01-02')).toBeUndefined();
    const scotland = HolidayCalendar.fromGovUkJson(json, { division: 'scotland' });
    expect(scotland.division).toBe('scotland');
    expect(scotland.holiday('2026-01-02')?.title).toBe('2nd January');
  });
});
