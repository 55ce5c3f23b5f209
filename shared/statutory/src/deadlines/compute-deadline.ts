import { CalendarHorizonError, StatutoryInputError } from '../errors';
import type { HolidayCalendar } from '../calendar/holiday-calendar';
import { type SkippedDay, addWorkingDays, previousWorkingDayOnOrBefore } from '../calendar/working-days';
import { type ExplanationFacts, messages } from '../messages';
import { type Instant, type IsoDate, displayDate } from '../time/civil';
import { addDays, addMonths, isIsoDate } from '../time/iso-date';
import { addHours, displayLondonInstant, endOfLondonDay, instantToEpochMs, isInstant, londonDate, toLondonInstant } from '../time/london';
import type { RuleDefinition, RulePhase } from '../rules/rule-definition';
import { type RuleOverride, overrideFor } from '../rules/overrides';
import { type ImplementedRuleId, RULES, isImplementedRuleId } from '../rules/registry';
import type { BeyondCalendar, Deadline } from './deadline';

/** Options for {@link computeDeadline}. */
export interface ComputeDeadlineOptions {
  /** The England and Wales holiday calendar (working days, practical dates). */
  calendar: HolidayCalendar;
  /**
   * The organisation's overrides; a count override applies to the rule's main clock (its first phase).
   * @default []
   */
  overrides?: readonly RuleOverride[];
  /**
   * Stage of a multi-stage rule (see `RuleDefinition.phases`).
   * @default the first phase (the main clock)
   */
  phase?: string;
}

/** One clock of a rule: what it counts from, in which unit, how many, and which way. */
export type Clock = Pick<RulePhase, 'anchor' | 'anchorDescription' | 'unit' | 'count' | 'direction'>;

function pickClock(rule: RuleDefinition, phase: string | undefined): { clock: Clock; phase?: string; main: boolean } {
  const main: Clock = { ...rule, direction: rule.direction ?? 'after' };
  if (!rule.phases) {
    if (phase !== undefined) throw new StatutoryInputError(messages.unknownPhase(rule.id, phase));
    return { clock: main, main: true };
  }
  const p = phase === undefined ? rule.phases[0]! : rule.phases.find((x) => x.phase === phase);
  if (!p) throw new StatutoryInputError(messages.unknownPhase(rule.id, String(phase)));
  return { clock: p, phase: p.phase, main: p === rule.phases[0] };
}

function yearsProvisional(cal: HolidayCalendar, a: IsoDate, b: IsoDate): boolean {
  const [lo, hi] = [Number(a.slice(0, 4)), Number(b.slice(0, 4))].sort((x, y) => x - y);
  for (let y = lo!; y <= hi!; y++) if (cal.isProvisionalYear(y)) return true;
  return false;
}

/** The clock a computation uses: the rule, the stage picked, and the count after any override. */
export interface ResolvedClock {
  rule: RuleDefinition;
  picked: { clock: Clock; phase?: string; main: boolean };
  overridden: boolean;
  clock: Clock;
}

/**
 * Resolves the clock of a rule for an organisation: the stage asked for and the count after its overrides.
 * @param ruleId - an implemented rule id
 * @param opts - overrides and phase (the calendar is not consulted)
 * @returns the clock, or null when the organisation has switched the rule off
 * @throws StatutoryInputError for an unknown rule or phase
 * @throws RuleOverrideError when the overrides are invalid
 */
export function resolveClock(ruleId: ImplementedRuleId, opts: Pick<ComputeDeadlineOptions, 'overrides' | 'phase'>): ResolvedClock | null {
  if (!isImplementedRuleId(ruleId)) throw new StatutoryInputError(messages.unknownRule(ruleId));
  const rule = RULES[ruleId];
  const override = overrideFor(ruleId, opts.overrides);
  if (override?.enabled === false) return null;
  const picked = pickClock(rule, opts.phase);
  const overridden = picked.main && override?.count !== undefined && override.count !== picked.clock.count;
  const clock: Clock = overridden ? { ...picked.clock, count: override!.count! } : picked.clock;
  return { rule, picked, overridden, clock };
}

/**
 * The anchor as the basis shows it: a date as given; an instant in London time with its offset, so it reads the
 * same as the due instant and the explanation (a UTC `Z` instant in summer would otherwise show the wrong hour).
 * @param anchor - a date or an instant with offset
 * @returns the anchor for the basis
 * @example basisAnchor('2027-06-30T23:30:00Z'); // '2027-07-01T00:30:00+01:00'
 */
export function basisAnchor(anchor: IsoDate | Instant): IsoDate | Instant {
  return isIsoDate(anchor) ? anchor : toLondonInstant(anchor);
}

/**
 * Computes the deadline of a registry rule from its anchor fact, applying the organisation's overrides.
 * Working-day rules count by TIME-WD-DAY1 (trigger day excluded); calendar-day and week rules add days; month rules
 * use the corresponding date or month end with no roll-forward (a `practicalDate` is given when the date is not a
 * working day); hour rules add real elapsed hours; immediate rules are due at the event (plus any local target in
 * hours). An instant anchor for a day-based rule is first converted to its London date.
 * @param ruleId - an implemented rule id
 * @param anchor - the anchor fact: a date, or an instant with offset (required for hour rules)
 * @param opts - calendar, overrides and phase
 * @returns the deadline, or null when the organisation has switched this (configurable) rule off
 * @throws StatutoryInputError for an unknown rule, a malformed anchor, or a date-only anchor for an hour rule
 * @throws RuleOverrideError when the overrides are invalid
 * @throws CalendarHorizonError when a working-day count leaves the calendar
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('CP-DUE-10WD', '2026-12-21T15:00:00+00:00', { calendar })?.dueDate; // '2027-01-07'
 */
export function computeDeadline(ruleId: ImplementedRuleId, anchor: IsoDate | Instant, opts: ComputeDeadlineOptions): Deadline | null {
  const resolved = resolveClock(ruleId, opts);
  if (resolved === null) return null;
  const { rule, picked, overridden, clock } = resolved;

  const isDate = isIsoDate(anchor);
  if (!isDate && !isInstant(anchor)) throw new StatutoryInputError(messages.invalidDate('anchor', anchor));
  const anchorDate = isDate ? anchor : londonDate(anchor);
  const cal = opts.calendar;
  const sign = clock.direction === 'before' ? -1 : 1;
  const facts: ExplanationFacts = {
    unit: clock.unit, count: clock.count, direction: clock.direction, anchorDate, dueDate: anchorDate, dueAtText: '',
    skipped: [], provisional: false, citation: rule.citation, ruleClass: rule.class,
    anchorTime: isDate ? undefined : displayLondonInstant(anchor),
    overriddenFrom: overridden ? picked.clock.count : undefined,
  };
  let dueAt: Instant | undefined;
  let skipped: SkippedDay[] = [];

  switch (clock.unit) {
    case 'WORKING_DAY': {
      const r = addWorkingDays(cal, anchorDate, sign * clock.count);
      skipped = r.skipped;
      facts.dueDate = r.date;
      facts.inclusiveAlternative = cal.isWorkingDay(anchorDate) ? addWorkingDays(cal, anchorDate, sign * (clock.count - 1)).date : r.date;
      facts.provisional = yearsProvisional(cal, anchorDate, r.date);
      break;
    }
    case 'CALENDAR_DAY':
    case 'WEEK':
    case 'MONTH': {
      const n = sign * clock.count;
      facts.dueDate = clock.unit === 'MONTH' ? addMonths(anchorDate, n) : addDays(anchorDate, clock.unit === 'WEEK' ? 7 * n : n);
      facts.monthEnd = clock.unit === 'MONTH' && facts.dueDate.slice(8) !== anchorDate.slice(8);
      try {
        facts.dueNonWorking = cal.nonWorkingReason(facts.dueDate);
        if (facts.dueNonWorking) {
          facts.practicalDate = previousWorkingDayOnOrBefore(cal, facts.dueDate);
          facts.provisional = yearsProvisional(cal, facts.practicalDate, facts.dueDate);
        }
      } catch (e) {
        if (!(e instanceof CalendarHorizonError)) throw e;
        facts.practicalUnknown = true;
      }
      break;
    }
    case 'HOUR':
      if (isDate) throw new StatutoryInputError(messages.hourRuleNeedsTime(rule.id, anchor));
      dueAt = addHours(anchor, sign * clock.count);
      break;
    case 'IMMEDIATE':
      if (isDate && clock.count > 0) throw new StatutoryInputError(messages.slaNeedsTime(rule.id));
      dueAt = isDate ? endOfLondonDay(anchor) : addHours(anchor, clock.count);
      break;
  }
  if (dueAt !== undefined) {
    facts.dueDate = londonDate(dueAt);
    facts.dueAtText = isDate ? `the end of ${displayDate(anchorDate)}` : displayLondonInstant(dueAt);
  } else {
    dueAt = endOfLondonDay(facts.dueDate);
  }
  facts.skipped = skipped;
  return {
    ruleId: rule.id,
    title: rule.title,
    class: rule.class,
    dueDate: facts.dueDate,
    dueAt,
    ...(picked.phase !== undefined ? { phase: picked.phase } : {}),
    basis: {
      anchor: basisAnchor(anchor),
      anchorFact: clock.anchor,
      anchorDescription: clock.anchorDescription,
      unit: clock.unit,
      count: clock.count,
      direction: clock.direction,
      skipped,
      citation: rule.citation,
      ...(rule.sourceUrl !== undefined ? { sourceUrl: rule.sourceUrl } : {}),
      class: rule.class,
      overridden,
      provisional: facts.provisional,
      ...(facts.inclusiveAlternative !== undefined ? { inclusiveAlternative: facts.inclusiveAlternative } : {}),
      ...(facts.practicalDate !== undefined ? { practicalDate: facts.practicalDate } : {}),
      explanation: messages.explainDeadline(facts),
    },
  };
}

/**
 * {@link computeDeadline}, except that a working-day count running past the calendar's horizon yields a
 * {@link BeyondCalendar} (what is known, and why there is no date) instead of throwing, so a ledger can keep the
 * duty visible until a newer calendar is loaded.
 * @param ruleId - an implemented rule id
 * @param anchor - the anchor fact
 * @param opts - calendar, overrides and phase
 * @returns the deadline, a beyond-calendar result, or null when the organisation has switched the rule off
 * @throws StatutoryInputError, RuleOverrideError as computeDeadline does
 * @example computeDeadlineOrBeyond('REV-1ST-20WD', '2028-12-20', { calendar }); // { beyondCalendar: true, uncoveredDate: '2029-01-01', … }
 */
export function computeDeadlineOrBeyond(ruleId: ImplementedRuleId, anchor: IsoDate | Instant, opts: ComputeDeadlineOptions): Deadline | BeyondCalendar | null {
  try {
    return computeDeadline(ruleId, anchor, opts);
  } catch (e) {
    if (!(e instanceof CalendarHorizonError)) throw e;
    const { rule, picked, overridden, clock } = resolveClock(ruleId, opts)!;
    const reason = messages.beyondCalendar({
      count: clock.count, direction: clock.direction, when: isIsoDate(anchor) ? displayDate(anchor) : displayLondonInstant(anchor),
      uncovered: e.date, start: e.horizonStart, end: e.horizonEnd, citation: rule.citation, ruleClass: rule.class,
    });
    return {
      beyondCalendar: true,
      ruleId: rule.id,
      title: rule.title,
      class: rule.class,
      ...(picked.phase !== undefined ? { phase: picked.phase } : {}),
      uncoveredDate: e.date,
      calendarEndsOn: e.horizonEnd,
      reason,
      basis: {
        anchor: basisAnchor(anchor),
        anchorFact: clock.anchor,
        anchorDescription: clock.anchorDescription,
        unit: clock.unit,
        count: clock.count,
        direction: clock.direction,
        skipped: [],
        citation: rule.citation,
        ...(rule.sourceUrl !== undefined ? { sourceUrl: rule.sourceUrl } : {}),
        class: rule.class,
        overridden,
        provisional: false,
        explanation: reason,
      },
    };
  }
}

/**
 * Whether a computation result is a {@link BeyondCalendar}.
 * @param d - a result of computeDeadlineOrBeyond (or anything)
 * @returns true when it has no date because of the calendar's horizon
 */
export function isBeyondCalendar(d: unknown): d is BeyondCalendar {
  return typeof d === 'object' && d !== null && (d as { beyondCalendar?: unknown }).beyondCalendar === true;
}

/**
 * Orders deadlines by due instant (earliest first); ties keep their order.
 * @param deadlines - deadlines to sort (not mutated)
 * @returns a new sorted array
 * @example sortDeadlines([later, earlier]); // [earlier, later]
 */
export function sortDeadlines<T extends { dueAt: Instant }>(deadlines: readonly T[]): T[] {
  return [...deadlines].sort((a, b) => instantToEpochMs(a.dueAt) - instantToEpochMs(b.dueAt));
}
