import { StatutoryInputError } from '../errors';
import { messages } from '../messages';
import { type IsoDate, displayDate } from '../time/civil';
import { addDays, assertIsoDate, compareIsoDates, laterOf } from '../time/iso-date';
import type { RuleId } from '../rules/rule-ids';
import { anniversary } from './ages';

/** Input to {@link retainUntil}. */
export interface RetentionInput {
  dateOfBirth: IsoDate;
  /** Date of death, if the child has died. */
  dateOfDeath?: IsoDate | null;
}

/** Result of {@link retainUntil}. */
export interface Retention {
  /** Keep the case records until this date: the later of the two readings, so both regulations are met. */
  date: IsoDate;
  /** The same date as `date` (named after the function, for callers that prefer it). */
  retainUntil: IsoDate;
  /** CPPCR 2010 (LA case record): 75th anniversary of birth, or the last day of 15 years *beginning with* the death. */
  cppcrDate: IsoDate;
  /** CHR 2015 reg 36 (children's home records): 75 years from birth, or 15 years *from* the death (the anniversary). */
  chrDate: IsoDate;
  /** Whether the child died before 18, so the 15-year rule applies. */
  diedBeforeEighteen: boolean;
  ruleIds: RuleId[];
  /** One sentence explaining the date. */
  basis: string;
}

/**
 * How long a looked-after child's case records are kept (RET-LA-75, RET-CH-75, RET-SEED-001, RET-NOTE).
 * Normally until the 75th anniversary of the date of birth. If the child died before 18: CPPCR keeps the record for
 * "15 years beginning with the date of death", which ends the day before the 15th anniversary; CHR reg 36 says
 * "15 years from the date of death", which ends on the anniversary. The later date (the anniversary) satisfies both
 * (RET-NOTE). Anniversaries of 29 February fall on 1 March in other years (see `anniversary`), the later reading.
 * @param input - date of birth and, if any, date of death
 * @returns the retention date, both components and a basis sentence
 * @throws StatutoryInputError for bad dates or a death before birth
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/50
 * @see https://www.legislation.gov.uk/uksi/2015/541/regulation/36
 * @example retainUntil({ dateOfBirth: '2011-02-10' }).date; // '2086-02-10' (Example 12)
 * @example retainUntil({ dateOfBirth: '2011-02-10', dateOfDeath: '2024-03-03' }).retainUntil; // '2039-03-03'
 */
export function retainUntil(input: RetentionInput): Retention {
  const dob = assertIsoDate(input.dateOfBirth, 'dateOfBirth');
  const dod = input.dateOfDeath === undefined || input.dateOfDeath === null ? undefined : assertIsoDate(input.dateOfDeath, 'dateOfDeath');
  if (dod !== undefined && compareIsoDates(dod, dob) < 0) throw new StatutoryInputError(messages.deathBeforeBirth(dob, dod));
  const ruleIds: RuleId[] = ['RET-LA-75', 'RET-CH-75'];
  const diedBeforeEighteen = dod !== undefined && compareIsoDates(dod, anniversary(dob, 18)) < 0;
  if (!diedBeforeEighteen) {
    const date = anniversary(dob, 75);
    return {
      date, retainUntil: date, cppcrDate: date, chrDate: date, diedBeforeEighteen, ruleIds,
      basis: `75th anniversary of the date of birth (${displayDate(dob)}): keep until ${displayDate(date)}; CPPCR 2010 reg 50 [R] and CHR 2015 reg 36`,
    };
  }
  const chrDate = anniversary(dod!, 15);
  const cppcrDate = addDays(chrDate, -1);
  const date = laterOf(chrDate, cppcrDate);
  return {
    date, retainUntil: date, cppcrDate, chrDate, diedBeforeEighteen, ruleIds: [...ruleIds, 'RET-NOTE'],
    basis:
      `the child died before 18 on ${displayDate(dod!)}: CHR 2015 reg 36 ("15 years from the date of death") gives ${displayDate(chrDate)}, ` +
      `CPPCR 2010 reg 50 [R] ("15 years beginning with the date of death") gives ${displayDate(cppcrDate)}; keep until the later, ${displayDate(date)}`,
  };
}
