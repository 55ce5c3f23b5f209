/**
 * Every error message and explanation sentence of the rules engine, in one place (STYLE §5, A8), so wording is
 * reviewed together and callers never build prose themselves.
 * Imports only the leaf `time/civil` module, so any module may import this one without a cycle.
 */
import { type IsoDate, displayDate } from './time/civil';

const show = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));

/**
 * Wording of errors and explanations. Functions take the facts and return one sentence.
 * @example messages.ruleDisabled('PPM-72H'); // "PPM-72H is switched off by the organisation's configuration"
 */
export const messages = {
  invalidDate: (what: string, v: unknown) => `${what} must be a calendar date written YYYY-MM-DD; got ${show(v)}`,
  invalidInstant: (v: unknown) =>
    `expected an ISO 8601 date-time with an offset (e.g. 2026-12-21T15:00:00+00:00); got ${show(v)}`,
  invalidCount: (what: string, v: unknown) => `${what} must be a whole number; got ${show(v)}`,
  dateOutOfRange: (d: IsoDate, n: number) => `adding ${n} months to ${d} leaves the years 0001–9999`,
  calendarHorizon: (d: IsoDate, start: IsoDate, end: IsoDate) =>
    `no bank-holiday data for ${d}: the calendar covers ${start} to ${end}; ` +
    'load a newer England and Wales calendar (gov.uk bank-holidays.json) rather than guess',
  calendarData: (path: string, problem: string) => `bank-holiday data: ${path}: ${problem}`,
  calendarEmpty: (division: string) => `bank-holiday data: division "${division}" lists no events`,
  calendarGap: (division: string, year: number) =>
    `bank-holiday data: division "${division}" has no events in ${year}, inside the years it covers; ` +
    'a calendar with a missing year would silently treat its bank holidays as working days',
  calendarDuplicate: (division: string, d: IsoDate) => `bank-holiday data: division "${division}" lists ${d} twice`,
  unknownRule: (id: unknown) => `unknown or unimplemented rule id ${show(id)}`,
  overrideUnknownRule: (id: unknown) => `override names ${show(id)}, which is not an implemented rule id`,
  overrideDuplicate: (id: string) => `more than one override for ${id}`,
  overrideNotConfigurable: (id: string, cls: string, citation: string) =>
    `${id} is ${cls} (${citation}): national law cannot be switched off or re-timed by an organisation`,
  overrideBadCount: (id: string, v: unknown, min: number) =>
    `override count for ${id} must be a whole number from ${min} to 1000; got ${show(v)}`,
  overrideBadEnabled: (id: string, v: unknown) => `override "enabled" for ${id} must be true or false; got ${show(v)}`,
  unknownPhase: (id: string, phase: string) => `${id} has no phase ${show(phase)}`,
  hourRuleNeedsTime: (id: string, anchor: string) =>
    `${id} counts clock hours, so its anchor needs a date and time with an offset; got ${show(anchor)}`,
  slaNeedsTime: (id: string) => `${id}: an SLA in hours needs the event's date and time, not just its date`,
  reviewsOutOfOrder: (prev: IsoDate, next: IsoDate) => `held reviews must be in date order; ${next} follows ${prev}`,
  reviewBeforeCare: (held: IsoDate, start: IsoDate) =>
    `a review held on ${held} cannot precede the start of the period of care on ${start}`,
  reviewSequence: (v: unknown) => `review sequence must be a whole number from 1; got ${show(v)}`,
  periodEndsBeforeStart: (start: IsoDate, end: IsoDate) => `a period of care cannot end (${end}) before it starts (${start})`,
  deathBeforeBirth: (dob: IsoDate, dod: IsoDate) => `date of death ${dod} is before date of birth ${dob}`,
  visitBeforePlacement: (visit: IsoDate, start: IsoDate) => `a visit on ${visit} precedes the placement start ${start}`,

  consultationFirstReview:
    'REV-CONSULT-20WD cannot apply to a first review: 20 working days before it is the day the child became ' +
    'looked after (DOMAIN C-09, Example 6); flag it rather than show it as overdue',
  ruleDisabled: (id: string) => `${id} is switched off by the organisation's configuration`,
  /** Why a working-day deadline has no date yet (its count leaves the calendar). */
  beyondCalendar: (e: { count: number; direction: string; when: string; uncovered: IsoDate; start: IsoDate; end: IsoDate; citation: string; ruleClass: string }) =>
    `${plural(e.count, 'working day')} ${e.direction} ${e.when} cannot be counted yet: the count reaches ` +
    `${displayDate(e.uncovered)}, outside the bank-holiday calendar (${displayDate(e.start)} to ${displayDate(e.end)}); ` +
    `it is computed when a newer England and Wales calendar is loaded; ${e.citation} (${e.ruleClass})`,
  projectedReview: (sequence: number, on: IsoDate) => ` (assuming review ${sequence} sits on its due date, ${displayDate(on)})`,
  anchorRequired: (id: string) => `${id} is computed from an anchor: give a date (YYYY-MM-DD), or a date and time with an offset`,
  previewNeedsFacts: (id: string, facts: readonly string[], why: string) =>
    `${id} needs more than an anchor: give ${facts.join(' and ')} (${why})`,
  previewOtherRule: (id: string, other: string, why: string) => `with these facts ${id} does not govern the date: ${other} does (${why})`,

  /** One human sentence describing how a deadline was computed. */
  explainDeadline: (e: ExplanationFacts): string => {
    const parts: string[] = [];
    const when = e.anchorTime ?? displayDate(e.anchorDate);
    const dir = e.direction;
    switch (e.unit) {
      case 'WORKING_DAY': {
        const skip = e.skipped.length
          ? `, skipping ${e.skipped.map((s) => `${displayDate(s.date)} (${s.reason})`).join(', ')}`
          : '';
        parts.push(`${plural(e.count, 'working day')} ${dir} ${when} (trigger day excluded)${skip}: due ${displayDate(e.dueDate)}`);
        if (e.inclusiveAlternative && e.inclusiveAlternative !== e.dueDate)
          parts.push(` (counting the trigger day as day 1 would give ${displayDate(e.inclusiveAlternative)})`);
        break;
      }
      case 'CALENDAR_DAY':
      case 'WEEK':
      case 'MONTH': {
        const unitText =
          e.unit === 'MONTH'
            ? `${plural(e.count, 'calendar month')}`
            : e.unit === 'WEEK'
              ? `${plural(e.count, 'week')} (${e.count * 7} calendar days)`
              : `${plural(e.count, 'calendar day')}`;
        parts.push(`${unitText} ${dir} ${when}${e.monthEnd ? ' (no corresponding date, so the last day of that month)' : ''}`);
        parts.push(`: due ${displayDate(e.dueDate)}`);
        if (e.dueNonWorking) parts.push(`, not a working day (${e.dueNonWorking}) and not extended`);
        if (e.practicalDate) parts.push(`, so in practice by ${displayDate(e.practicalDate)}`);
        if (e.practicalUnknown) parts.push(' (the calendar does not cover it, so no practical date is given)');
        break;
      }
      case 'HOUR':
        parts.push(`${plural(e.count, 'clock hour')} ${dir} ${when} (weekends and bank holidays do not extend it): due ${e.dueAtText}`);
        break;
      case 'IMMEDIATE':
        parts.push(
          e.count > 0
            ? `without delay after ${when}, with a local target of ${plural(e.count, 'hour')}: due ${e.dueAtText}`
            : `without delay (immediately) after ${when}: due ${e.dueAtText}`,
        );
        break;
    }
    if (e.overriddenFrom !== undefined) parts.push(` (count set to ${e.count} by local configuration; default ${e.overriddenFrom})`);
    if (e.provisional) parts.push('; uses provisional (projected) bank-holiday data');
    parts.push(`; ${e.citation} (${e.ruleClass})`);
    return parts.join('');
  },
} as const;

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** Facts the explanation sentence is built from (internal to the engine). */
export interface ExplanationFacts {
  unit: 'WORKING_DAY' | 'CALENDAR_DAY' | 'WEEK' | 'MONTH' | 'HOUR' | 'IMMEDIATE';
  count: number;
  direction: 'after' | 'before';
  anchorDate: IsoDate;
  anchorTime?: string;
  dueDate: IsoDate;
  dueAtText: string;
  skipped: readonly { date: IsoDate; reason: string }[];
  inclusiveAlternative?: IsoDate;
  practicalDate?: IsoDate;
  practicalUnknown?: boolean;
  dueNonWorking?: string;
  monthEnd?: boolean;
  overriddenFrom?: number;
  provisional: boolean;
  citation: string;
  ruleClass: string;
}
