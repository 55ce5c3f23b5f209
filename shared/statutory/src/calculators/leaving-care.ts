import { StatutoryInputError } from '../errors';
import { messages } from '../messages';
import type { IsoDate } from '../time/civil';
import { assertIsoDate, fromDayNumber, toDayNumber } from '../time/iso-date';
import type { RuleId } from '../rules/rule-ids';
import { ageMilestones } from './ages';

/** A period during which the child was looked after. */
export interface CarePeriod {
  /** First day looked after (counts as a whole day). */
  start: IsoDate;
  /** Last day looked after (counts as a whole day); null or absent while the period continues. */
  end?: IsoDate | null;
  /** A pre-planned short break (CPPCR reg 48): ignored for eligibility and for "still looked after". */
  shortBreak?: boolean;
}

/** Input to {@link leavingCareStatus}. */
export interface LeavingCareInput {
  dateOfBirth: IsoDate;
  periods: readonly CarePeriod[];
  /** The date to judge status on (a parameter: the engine never reads the clock). */
  asOf: IsoDate;
  /**
   * The young person asked for personal adviser support to 25 (AGE-PA-25, CA 1989 s23CZB).
   * @default false
   */
  requestedSupportTo25?: boolean;
  /**
   * End of a programme of education or training in the pathway plan that runs past 21 (AGE-HE-25, CA 1989
   * s23C(7)(b) and s23CA): duties continue while it is pursued.
   * @default none
   */
  educationOrTrainingUntil?: IsoDate | null;
}

/** Leaving-care status (§8). */
export type LeavingCareStatusCode = 'NONE' | 'ELIGIBLE' | 'RELEVANT' | 'FORMER_RELEVANT';

/** Result of {@link leavingCareStatus}. */
export interface LeavingCareStatus {
  status: LeavingCareStatusCode;
  /** First date the eligibility test was met (16 or 17, looked after, 91 qualifying days), if ever by `asOf`. */
  eligibleFrom?: IsoDate;
  /** Days looked after on or after the 14th birthday, up to `asOf` (or the day before the 18th birthday), short breaks excluded. */
  qualifyingDays: number;
}

/** Result of {@link leavingCareAssessment}: the status plus why. */
export interface LeavingCareAssessment extends LeavingCareStatus {
  /** Whether the child is looked after on `asOf`. */
  lookedAfter: boolean;
  /** The §8 rule that gives the status. */
  ruleId: RuleId;
  /** The status in words. */
  reason: string;
}

const QUALIFYING_DAYS = 91; // 13 weeks (CPPCR reg 40)

/**
 * Leaving-care status on a date: `{ status, eligibleFrom?, qualifyingDays }`. The rules and counting convention are
 * those of {@link leavingCareAssessment}, which also says which rule applies and why.
 * @param input - date of birth, periods of care, the date to judge, and the post-21 facts
 * @returns the status, the eligibility date (if ever eligible) and the qualifying-day count
 * @throws StatutoryInputError for bad dates or a period ending before it starts
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/40
 * @example
 * leavingCareStatus({ dateOfBirth: '2011-02-10', periods: [{ start: '2026-11-02' }], asOf: '2027-02-10' });
 * // { status: 'ELIGIBLE', eligibleFrom: '2027-02-10', qualifyingDays: 101 } (Example 9a)
 */
export function leavingCareStatus(input: LeavingCareInput): LeavingCareStatus {
  const a = leavingCareAssessment(input);
  return { status: a.status, ...(a.eligibleFrom !== undefined ? { eligibleFrom: a.eligibleFrom } : {}), qualifyingDays: a.qualifyingDays };
}

/**
 * Leaving-care status on a date, with the rule and reason (AGE-ELIGIBLE, AGE-RELEVANT, AGE-FORMERREL, AGE-13WK-COUNT, AGE-PA-25, AGE-HE-25).
 *
 * Counting (AGE-13WK-COUNT): calendar days looked after, **inclusively** (the first and last day of a period each
 * count, as any part of a day does), only on or after the 14th birthday, periods added together (a day in two
 * overlapping periods counts once), short breaks left out. 13 weeks is met on the 91st qualifying day
 * (Example 9b: from 4 Jan 2027 the 91st day is 4 Apr 2027); this is the conservative (earlier) convention.
 *
 * - ELIGIBLE: aged 16 or 17, looked after on `asOf`, at least 91 qualifying days (so the looked-after time runs
 *   past the 16th birthday: CA 1989 Sch 2 para 19B, CPPCR reg 40).
 * - RELEVANT: aged 16 or 17, not looked after, and eligible on the last day looked after (CA 1989 s23A).
 *   The CLR reg 3 additional category (detained or in hospital on turning 16) is not modelled.
 * - FORMER_RELEVANT: 18 or over and eligible or relevant on the day before the 18th birthday (s23C); until 21, then
 *   until 25 only if support was requested (s23CZB), or while a planned programme of education or training runs.
 * @param input - date of birth, periods of care, the date to judge, and the post-21 facts
 * @returns the status, the eligibility date, the qualifying-day count, whether looked after, the rule and a reason
 * @throws StatutoryInputError for bad dates or a period ending before it starts
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/40
 * @see https://www.legislation.gov.uk/ukpga/1989/41/schedule/2
 * @example
 * leavingCareAssessment({ dateOfBirth: '2011-02-10', periods: [{ start: '2026-11-02' }], asOf: '2028-06-01' }).ruleId;
 * // 'AGE-ELIGIBLE'
 */
export function leavingCareAssessment(input: LeavingCareInput): LeavingCareAssessment {
  const asOf = toDayNumber(assertIsoDate(input.asOf, 'asOf'));
  const m = ageMilestones(input.dateOfBirth);
  const [b14, b16, b18, b21, b25] = [m.fourteenth, m.sixteenth, m.eighteenth, m.twentyFirst, m.twentyFifth].map(toDayNumber) as [number, number, number, number, number];
  // Looked-after time ends at 18 and cannot be known beyond asOf.
  const lastCounted = Math.min(asOf, b18 - 1);
  const spans = mergedSpans(input.periods, lastCounted);

  const lookedAfterOn = (d: number) => spans.some(([s, e]) => s <= d && d <= e);
  const qualifyingOn = (d: number) => spans.reduce((n, [s, e]) => n + Math.max(0, Math.min(e, d) - Math.max(s, b14) + 1), 0);
  const eligibleOn = (d: number) => d >= b16 && d < b18 && lookedAfterOn(d) && qualifyingOn(d) >= QUALIFYING_DAYS;
  const lastLookedAfterOnOrBefore = (d: number) => spans.filter(([s]) => s <= d).reduce<number | undefined>((x, [, e]) => Math.max(x ?? -Infinity, Math.min(e, d)), undefined);

  let eligibleFrom: number | undefined;
  let before = 0;
  for (const [s, e] of spans) {
    const from = Math.max(s, b14);
    const first = Math.max(s, b16, from + Math.max(0, QUALIFYING_DAYS - before) - 1);
    if (first <= e) {
      eligibleFrom = first;
      break;
    }
    before += Math.max(0, e - from + 1);
  }

  const base = {
    qualifyingDays: qualifyingOn(lastCounted),
    lookedAfter: asOf < b18 && lookedAfterOn(asOf),
    ...(eligibleFrom !== undefined ? { eligibleFrom: fromDayNumber(eligibleFrom) } : {}),
  };
  const result = (status: LeavingCareStatusCode, ruleId: RuleId, reason: string): LeavingCareAssessment => ({ status, ruleId, reason, ...base });

  if (asOf < b16) return result('NONE', 'AGE-ELIGIBLE', 'under 16');
  if (asOf < b18) {
    if (base.lookedAfter) {
      return eligibleOn(asOf)
        ? result('ELIGIBLE', 'AGE-ELIGIBLE', 'aged 16 or 17, looked after, and looked after for 13 weeks since age 14')
        : result('NONE', 'AGE-ELIGIBLE', 'looked after, but fewer than 91 qualifying days since age 14');
    }
    const last = lastLookedAfterOnOrBefore(asOf);
    return last !== undefined && eligibleOn(last)
      ? result('RELEVANT', 'AGE-RELEVANT', 'aged 16 or 17 and no longer looked after, having been an eligible child')
      : result('NONE', 'AGE-RELEVANT', 'not looked after, and not an eligible child when care ended');
  }
  const last = lastLookedAfterOnOrBefore(b18 - 1);
  if (last === undefined || !eligibleOn(last)) return result('NONE', 'AGE-FORMERREL', 'neither eligible nor relevant at 18');
  if (asOf < b21) return result('FORMER_RELEVANT', 'AGE-FORMERREL', 'former relevant child, under 21');
  const edu = input.educationOrTrainingUntil;
  if (edu !== undefined && edu !== null && asOf <= toDayNumber(assertIsoDate(edu, 'educationOrTrainingUntil')))
    return result('FORMER_RELEVANT', 'AGE-HE-25', 'former relevant child pursuing the education or training in the pathway plan');
  if (input.requestedSupportTo25 && asOf < b25)
    return result('FORMER_RELEVANT', 'AGE-PA-25', 'former relevant child aged 21 to 25 who asked for support');
  return result('NONE', 'AGE-21', 'duties to a former relevant child ended at 21');
}

/** Non-short-break periods as inclusive day-number spans, clipped to `lastDay`, sorted and merged. */
function mergedSpans(periods: readonly CarePeriod[], lastDay: number): [number, number][] {
  const spans: [number, number][] = [];
  for (const p of periods) {
    const s = toDayNumber(assertIsoDate(p.start, 'period start'));
    const rawEnd = p.end === undefined || p.end === null ? undefined : toDayNumber(assertIsoDate(p.end, 'period end'));
    if (rawEnd !== undefined && rawEnd < s) throw new StatutoryInputError(messages.periodEndsBeforeStart(p.start, p.end!));
    if (p.shortBreak) continue;
    const e = Math.min(rawEnd ?? lastDay, lastDay);
    if (e >= s) spans.push([s, e]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of spans) {
    const top = merged[merged.length - 1];
    if (top && s <= top[1] + 1) top[1] = Math.max(top[1], e);
    else merged.push([s, e]);
  }
  return merged;
}
