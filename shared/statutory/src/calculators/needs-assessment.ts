import type { HolidayCalendar } from '../calendar/holiday-calendar';
import type { Deadline } from '../deadlines/deadline';
import type { IsoDate } from '../time/civil';
import { assertIsoDate, laterOf } from '../time/iso-date';
import { anniversary } from './ages';
import { fixedDeadline } from './fixed-deadline';

/** Input to {@link needsAssessmentDue}. */
export interface NeedsAssessmentInput {
  dateOfBirth: IsoDate;
  /** Date the child became an eligible child (from `leavingCareStatus`). */
  eligibleFrom: IsoDate;
  /**
   * Calendar for the practical date.
   * @default HolidayCalendar.default()
   */
  calendar?: HolidayCalendar;
}

/**
 * PWP-ASSESS-3M: the needs assessment must be complete not more than 3 months after the 16th birthday, or after
 * becoming an eligible child if that is later (CPPCR reg 42(1)). Calendar months, no roll-forward; a practical
 * date is given when the date is not a working day.
 * @param input - date of birth, eligibility date, calendar
 * @returns the deadline (anchor: the later of the 16th birthday and `eligibleFrom`)
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/42
 * @example needsAssessmentDue({ dateOfBirth: '2011-02-10', eligibleFrom: '2027-02-10' }).dueDate; // '2027-05-10'
 * @example needsAssessmentDue({ dateOfBirth: '2010-06-01', eligibleFrom: '2027-04-04' }).basis.practicalDate; // '2027-07-02'
 */
export function needsAssessmentDue(input: NeedsAssessmentInput): Deadline {
  const anchor = laterOf(anniversary(input.dateOfBirth, 16), assertIsoDate(input.eligibleFrom, 'eligibleFrom'));
  return fixedDeadline('PWP-ASSESS-3M', anchor, input.calendar);
}
