import { deadlineStatus, wasLate } from './deadline-status';

const dueAt = '2027-01-07T23:59:59.999+00:00';

describe('deadlineStatus', () => {
  it.each`
    metAt                          | notApplicable | asOf                               | expected            | why
    ${undefined}                   | ${undefined}  | ${'2027-01-07T12:00:00+00:00'}     | ${'PENDING'}        | ${'before the deadline'}
    ${undefined}                   | ${undefined}  | ${dueAt}                           | ${'PENDING'}        | ${'at the last millisecond'}
    ${undefined}                   | ${undefined}  | ${'2027-01-08T00:00:00+00:00'}     | ${'OVERDUE'}        | ${'one millisecond after'}
    ${undefined}                   | ${undefined}  | ${'2027-01-08T00:30:00+01:00'}     | ${'PENDING'}        | ${'a different offset is compared as an instant'}
    ${null}                        | ${false}      | ${'2027-02-01T00:00:00+00:00'}     | ${'OVERDUE'}        | ${'null metAt means not met'}
    ${'2027-01-06T10:00:00+00:00'} | ${undefined}  | ${'2027-02-01T00:00:00+00:00'}     | ${'MET'}            | ${'met in time'}
    ${'2027-01-09T10:00:00+00:00'} | ${undefined}  | ${'2027-02-01T00:00:00+00:00'}     | ${'MET'}            | ${'met late is still MET'}
    ${'2027-01-06T10:00:00+00:00'} | ${true}       | ${'2027-02-01T00:00:00+00:00'}     | ${'NOT_APPLICABLE'} | ${'not applicable wins (e.g. first-review consultation)'}
  `('$why', ({ metAt, notApplicable, asOf, expected }) => {
    expect(deadlineStatus({ dueAt, metAt, notApplicable }, asOf)).toBe(expected);
    // The same instants as Dates (a ledger row's values) judge the same.
    const date = (i: string | null | undefined) => (typeof i === 'string' ? new Date(i) : i);
    expect(deadlineStatus({ dueAt: new Date(dueAt), metAt: date(metAt), notApplicable }, new Date(asOf))).toBe(expected);
    expect(deadlineStatus({ dueAt: new Date(dueAt), metAt, notApplicable }, asOf)).toBe(expected);
  });

  it.each`
    metAt                          | notApplicable | expected             | why
    ${null}                        | ${false}      | ${'BEYOND_CALENDAR'} | ${'no due instant yet: neither pending nor overdue'}
    ${'2029-01-06T10:00:00+00:00'} | ${false}      | ${'MET'}             | ${'done before the date could be computed is still MET'}
    ${null}                        | ${true}       | ${'NOT_APPLICABLE'}  | ${'not applicable wins over a missing date'}
  `('past the calendar: $why', ({ metAt, notApplicable, expected }) => {
    expect(deadlineStatus({ dueAt: null, metAt, notApplicable }, '2040-01-01T00:00:00+00:00')).toBe(expected);
  });

  it('tells whether a completion was late', () => {
    expect(wasLate(dueAt, '2027-01-08T09:00:00+00:00')).toBe(true);
    expect(wasLate(dueAt, '2027-01-07T09:00:00+00:00')).toBe(false);
  });
});
