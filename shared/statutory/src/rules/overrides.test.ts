import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { RuleOverrideError } from '../errors';
import { type RuleOverride, validateOverrides } from './overrides';

const calendar = HolidayCalendar.default();
const bad = (o: Record<string, unknown>) => o as unknown as RuleOverride;

describe('validateOverrides', () => {
  it.each`
    overrides                                                                    | why
    ${[]}                                                                        | ${'no overrides'}
    ${[{ ruleId: 'CP-UPDATE-POSTREV-10WD', enabled: false }]}                    | ${'switch off a LOCAL rule'}
    ${[{ ruleId: 'PPM-72H', count: 48 }]}                                        | ${'re-time a LOCAL rule'}
    ${[{ ruleId: 'REV-DECISIONS-5WD', count: 3 }]}                               | ${'re-time a NAT-GUID good-practice clock'}
    ${[{ ruleId: 'IRO-APPOINT-5WD', enabled: false }]}                           | ${'switch off a NAT-GUID good-practice clock'}
    ${[{ ruleId: 'PP-DUE-5WD', count: 5, enabled: true }]}                       | ${'restate a NAT-REG rule unchanged'}
    ${[{ ruleId: 'IRO-N3-MISSING', count: 0 }]}                                  | ${'an immediate LOCAL rule with no SLA'}
    ${[{ ruleId: 'IRO-N3-MISSING', count: 24 }, { ruleId: 'PPM-72H', count: 1 }]} | ${'several rules'}
  `('accepts $why', ({ overrides }) => {
    expect(() => validateOverrides(overrides)).not.toThrow();
  });

  it.each`
    override                                                      | ruleId                 | why
    ${{ ruleId: 'REV-1ST-20WD', enabled: false }}                 | ${'REV-1ST-20WD'}      | ${'switching off a NAT-REG rule'}
    ${{ ruleId: 'PP-DUE-5WD', count: 10 }}                        | ${'PP-DUE-5WD'}        | ${'re-timing a NAT-REG rule'}
    ${{ ruleId: 'R40-SERIOUS', count: 24 }}                       | ${'R40-SERIOUS'}       | ${'giving a NAT-REG "without delay" rule an SLA (use R40-LOCAL-24H)'}
    ${{ ruleId: 'PPM-72H', count: 0 }}                            | ${'PPM-72H'}           | ${'a zero count for a timed rule'}
    ${{ ruleId: 'PPM-72H', count: -1 }}                           | ${'PPM-72H'}           | ${'a negative count'}
    ${{ ruleId: 'PPM-72H', count: 1.5 }}                          | ${'PPM-72H'}           | ${'a fractional count'}
    ${{ ruleId: 'PPM-72H', count: Number.NaN }}                   | ${'PPM-72H'}           | ${'NaN'}
    ${{ ruleId: 'PPM-72H', count: 1001 }}                         | ${'PPM-72H'}           | ${'a count over 1000'}
    ${{ ruleId: 'PPM-72H', count: '48' }}                         | ${'PPM-72H'}           | ${'a count given as a string'}
    ${{ ruleId: 'PPM-72H', enabled: 'no' }}                       | ${'PPM-72H'}           | ${'enabled not a boolean'}
    ${{ ruleId: 'NOPE' }}                                         | ${'NOPE'}              | ${'an unknown id'}
    ${{ ruleId: 'CP-KEY-OBJ', enabled: false }}                   | ${'CP-KEY-OBJ'}        | ${'a catalogue id with no clock (ledger)'}
    ${{ ruleId: 'AGE-ELIGIBLE', enabled: false }}                 | ${'AGE-ELIGIBLE'}      | ${'a calculator-implemented status'}
  `('refuses $why', ({ override, ruleId }) => {
    expect(() => validateOverrides([bad(override)])).toThrow(RuleOverrideError);
    expect(() => validateOverrides([bad(override)])).toThrow(expect.objectContaining({ ruleId }));
  });

  it('refuses two overrides for one rule', () => {
    expect(() => validateOverrides([{ ruleId: 'PPM-72H', count: 48 }, { ruleId: 'PPM-72H', enabled: false }])).toThrow(/more than one override/);
  });

  it('explains a NAT-REG refusal with the citation', () => {
    expect(() => validateOverrides([{ ruleId: 'PP-DUE-5WD', enabled: false }])).toThrow(
      'PP-DUE-5WD is NAT-REG (CPPCR 2010 reg 9(2)): national law cannot be switched off or re-timed by an organisation',
    );
  });
});

describe('overrides in computeDeadline', () => {
  it('returns null for a LOCAL rule switched off', () => {
    expect(computeDeadline('CP-UPDATE-POSTREV-10WD', '2027-01-21', { calendar, overrides: [{ ruleId: 'CP-UPDATE-POSTREV-10WD', enabled: false }] })).toBeNull();
  });

  it('uses a changed LOCAL count and says so', () => {
    const d = computeDeadline('PPM-72H', '2026-12-21T15:00:00+00:00', { calendar, overrides: [{ ruleId: 'PPM-72H', count: 48 }] })!;
    expect(d.dueAt).toBe('2026-12-23T15:00:00+00:00');
    expect(d.basis).toMatchObject({ count: 48, overridden: true });
    expect(d.basis.explanation).toContain('count set to 48 by local configuration; default 72');
  });

  it('does not mark a restated count as overridden', () => {
    const d = computeDeadline('PPM-72H', '2026-12-21T15:00:00+00:00', { calendar, overrides: [{ ruleId: 'PPM-72H', count: 72 }] })!;
    expect(d.basis.overridden).toBe(false);
  });

  it('ignores overrides for other rules but still validates them', () => {
    const other: RuleOverride[] = [{ ruleId: 'PPM-72H', count: 48 }];
    expect(computeDeadline('PP-DUE-5WD', '2026-12-21', { calendar, overrides: other })!.basis.overridden).toBe(false);
    expect(() => computeDeadline('PP-DUE-5WD', '2026-12-21', { calendar, overrides: [{ ruleId: 'HP-IHA', enabled: false }] })).toThrow(RuleOverrideError);
  });

  it('gives an immediate LOCAL rule a local SLA in hours', () => {
    const d = computeDeadline('IRO-N3-MISSING', '2026-12-26T22:00:00+00:00', { calendar, overrides: [{ ruleId: 'IRO-N3-MISSING', count: 24 }] })!;
    expect(d.dueAt).toBe('2026-12-27T22:00:00+00:00');
    expect(d.basis.explanation).toContain('local target of 24 hours');
  });
});
