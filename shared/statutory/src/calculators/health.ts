import type { HolidayCalendar } from '../calendar/holiday-calendar';
import type { Deadline } from '../deadlines/deadline';
import type { IsoDate } from '../time/civil';
import { assertIsoDate, compareIsoDates } from '../time/iso-date';
import { anniversary } from './ages';
import { fixedDeadline } from './fixed-deadline';

/** Input to {@link healthAssessmentReviewDue}. */
export interface HealthReviewInput {
  dateOfBirth: IsoDate;
  /** Date of the last health assessment (initial or review). */
  lastAssessment: IsoDate;
  /**
   * Calendar for the practical date.
   * @default HolidayCalendar.default()
   */
  calendar?: HolidayCalendar;
}

/**
 * HP-RHA: next review health assessment: not more than 6 months after the last one while the child is under 5,
 * 12 months from the 5th birthday. The interval is governed by the child's age on the day of the last assessment
 * (an interval begun before the 5th birthday stays 6 months: the stricter reading).
 * @param input - date of birth, last assessment, calendar
 * @returns the deadline (phase `under-5` or `from-5`)
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/7
 * @example healthAssessmentReviewDue({ dateOfBirth: '2023-01-10', lastAssessment: '2026-03-01' }).dueDate; // '2026-09-01'
 */
export function healthAssessmentReviewDue(input: HealthReviewInput): Deadline {
  const last = assertIsoDate(input.lastAssessment, 'lastAssessment');
  const under5 = compareIsoDates(last, anniversary(input.dateOfBirth, 5)) < 0;
  return fixedDeadline('HP-RHA', last, input.calendar, under5 ? 'under-5' : 'from-5');
}
