import { type IsoDate, daysInMonth, formatCivil, splitIso } from '../time/civil';
import { addMonths, assertIsoDate, compareIsoDates } from '../time/iso-date';

/**
 * The date a person attains an age: the anniversary of the date of birth (Family Law Reform Act 1969 s9: an age
 * is attained at the start of the relevant anniversary). For a 29 February birthday in a year with no 29 February,
 * the anniversary is taken as **1 March** (the day after 28 February, when the full number of years has run).
 * Note the difference from TIME-MONTHS, where 29 Feb + 12 months is 28 Feb (*Dodds v Walker*).
 * @param dateOfBirth - date of birth
 * @param years - whole years
 * @returns the anniversary
 * @see https://www.legislation.gov.uk/ukpga/1969/46/section/9
 * @example anniversary('2011-02-10', 16); // '2027-02-10'
 * @example anniversary('2012-02-29', 1); // '2013-03-01'
 */
export function anniversary(dateOfBirth: IsoDate, years: number): IsoDate {
  const c = splitIso(assertIsoDate(dateOfBirth, 'dateOfBirth'));
  const year = c.year + years;
  if (c.month === 2 && c.day === 29 && daysInMonth(year, 2) === 28) return formatCivil({ year, month: 3, day: 1 });
  return formatCivil({ year, month: c.month, day: c.day });
}

/**
 * Age in whole years on a date.
 * @param dateOfBirth - date of birth
 * @param on - the date
 * @returns completed years (negative before birth is not meaningful; returns -1)
 * @example ageOn('2011-02-10', '2027-02-09'); // 15
 * @example ageOn('2011-02-10', '2027-02-10'); // 16
 */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const years = Number(assertIsoDate(on).slice(0, 4)) - Number(assertIsoDate(dateOfBirth, 'dateOfBirth').slice(0, 4));
  return compareIsoDates(anniversary(dateOfBirth, years), on) <= 0 ? years : years - 1;
}

/** Dates of the ages the leaving-care rules turn on (§8). */
export interface AgeMilestones {
  fifth: IsoDate;
  fourteenth: IsoDate;
  sixteenth: IsoDate;
  /** AGE-16Y3M: 16th birthday + 3 calendar months (needs assessment complete; seed 002's first pathway plan). */
  sixteenYearsThreeMonths: IsoDate;
  /** AGE-18: ceases to be looked after. */
  eighteenth: IsoDate;
  /** AGE-20Y6M: 20th birthday + 6 calendar months (seed 002: independence readiness in the pathway plan). */
  twentyYearsSixMonths: IsoDate;
  /** AGE-21: default end of duties to a former relevant child. */
  twentyFirst: IsoDate;
  /** End of support on request (AGE-PA-25). */
  twentyFifth: IsoDate;
}

/**
 * The age milestones of §8 (AGE-16Y3M, AGE-18, AGE-20Y6M, AGE-21 and the 5th, 14th, 16th and 25th birthdays).
 * Birthdays follow {@link anniversary}; "years and months" add calendar months to the birthday (TIME-MONTHS).
 * @param dateOfBirth - date of birth
 * @returns the milestone dates
 * @example ageMilestones('2011-02-10').sixteenYearsThreeMonths; // '2027-05-10'
 */
export function ageMilestones(dateOfBirth: IsoDate): AgeMilestones {
  const a = (n: number) => anniversary(dateOfBirth, n);
  return {
    fifth: a(5),
    fourteenth: a(14),
    sixteenth: a(16),
    sixteenYearsThreeMonths: addMonths(a(16), 3),
    eighteenth: a(18),
    twentyYearsSixMonths: addMonths(a(20), 6),
    twentyFirst: a(21),
    twentyFifth: a(25),
  };
}
