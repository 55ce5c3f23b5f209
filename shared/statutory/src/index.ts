/**
 * `@hub/statutory`: the pure statutory rules engine of the Care Planning Hub: the England and Wales working-day
 * calendar, Europe/London time, the rule registry and deadline computation, and the leaving-care, review, visit and
 * retention calculators. No I/O; `today` and the calendar are always parameters.
 * Explicit named exports only (STYLE §9).
 */
export type { Instant, IsoDate } from './time/civil';
export { addDays, addMonths, compareIsoDates, isIsoDate, isoWeekday } from './time/iso-date';
export { addHours, endOfLondonDay, isInstant, londonDate, toLondonInstant } from './time/london';

export { CalendarDataError, CalendarHorizonError, RuleOverrideError, StatutoryInputError } from './errors';
export { easterSunday, goodFriday } from './calendar/easter';
export { GOV_UK_BANK_HOLIDAYS_URL } from './calendar/gov-uk-json';
export type { HolidayEntry } from './calendar/gov-uk-json';
export { HolidayCalendar } from './calendar/holiday-calendar';
export type { GovUkJsonOptions } from './calendar/holiday-calendar';
export { addWorkingDays, previousWorkingDayOnOrBefore } from './calendar/working-days';
export type { SkippedDay, WorkingDayResult } from './calendar/working-days';

export { ALL_RULE_IDS, isRuleId } from './rules/rule-ids';
export type { RuleId } from './rules/rule-ids';
export type { RuleClass, RuleDefinition, RulePhase, RuleUnit } from './rules/rule-definition';
export { CALCULATOR_RULES, IMPLEMENTED_RULE_IDS, RULES, isImplementedRuleId } from './rules/registry';
export { RULE_REACHABILITY } from './rules/reachability';
export type { ApiCoordinate, RuleReach } from './rules/reachability';
export type { ImplementedRuleId } from './rules/registry';
export { validateOverrides } from './rules/overrides';
export type { RuleOverride } from './rules/overrides';

export { basisAnchor, computeDeadline, computeDeadlineOrBeyond, isBeyondCalendar, sortDeadlines } from './deadlines/compute-deadline';
export type { ComputeDeadlineOptions } from './deadlines/compute-deadline';
export type { BeyondCalendar, Deadline, DeadlineBasis, RuleNotApplicable } from './deadlines/deadline';
export { PREVIEW_FACTS, previewDeadline } from './deadlines/preview';
export type { PreviewFacts, PreviewInput, PreviewResult } from './deadlines/preview';
export { reviewTimetable } from './calculators/review-timetable';
export type { ReviewTimetableEntry, ReviewTimetableInput } from './calculators/review-timetable';
export { deadlineStatus, wasLate } from './deadlines/deadline-status';
export type { DeadlineStatus, DeadlineStatusInput } from './deadlines/deadline-status';

export { ageMilestones, ageOn, anniversary } from './calculators/ages';
export type { AgeMilestones } from './calculators/ages';
export { healthAssessmentReviewDue } from './calculators/health';
export type { HealthReviewInput } from './calculators/health';
export { leavingCareAssessment, leavingCareStatus } from './calculators/leaving-care';
export type { CarePeriod, LeavingCareAssessment, LeavingCareInput, LeavingCareStatus, LeavingCareStatusCode } from './calculators/leaving-care';
export { needsAssessmentDue } from './calculators/needs-assessment';
export type { NeedsAssessmentInput } from './calculators/needs-assessment';
export { retainUntil } from './calculators/retention';
export type { Retention, RetentionInput } from './calculators/retention';
export { computeConsultationDeadline, reviewDue } from './calculators/review-cycle';
export type { ConsultationInput, ConsultationResult, ReviewDeadline, ReviewDueInput } from './calculators/review-cycle';
export { EARLY_REVIEW_TRIGGER_RULES, nextReviewCycleDue, reviewCycleDue, reviewCycleLedgerEntry } from './calculators/review-cycle-due';
export type { CycleReview, CycleTrigger, EarlyReviewTrigger, ReviewCycleDue, ReviewCycleInput } from './calculators/review-cycle-due';
export { nextPersonalAdviserVisitDue, nextVisitDue, nextVisitRule } from './calculators/visits';
export type { PersonalAdviserVisitInput, VisitInput, VisitRegime, VisitRule } from './calculators/visits';
export { computeDuty, dutiesFor, visitSubject } from './duties/duties';
export type { ComputeDutyOptions, Duty, DutyFact, DutyScope } from './duties/duties';
export { messages } from './messages';
