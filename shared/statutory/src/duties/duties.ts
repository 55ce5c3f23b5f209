import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadlineOrBeyond } from '../deadlines/compute-deadline';
import type { BeyondCalendar, Deadline } from '../deadlines/deadline';
import { messages } from '../messages';
import type { ImplementedRuleId } from '../rules/registry';
import type { RuleOverride } from '../rules/overrides';
import type { Instant, IsoDate } from '../time/civil';
import { londonDate } from '../time/london';
import { nextVisitRule } from '../calculators/visits';

/**
 * A recorded fact that starts statutory clocks. Each names the ids the ledger keys its entries by; the review
 * cycle itself (REV-1ST-20WD, REV-2ND-3M, REV-NEXT-6M and early reviews) is not here: it is the reviews service's,
 * computed by `reviewCycleDue` and sent to the ledger with its basis.
 */
export type DutyFact =
  | { fact: 'PERIOD_OF_CARE_STARTED'; periodOfCareId: string; startedOn: IsoDate; shortBreak: boolean }
  | {
      fact: 'PLACEMENT_STARTED'; placementId: string; periodOfCareId: string | null; startedAt: Instant; providerKind: string | null;
      isEmergency: boolean; firstInPeriod: boolean; intendedUntil18: boolean; custody: boolean;
    }
  | { fact: 'VISIT_RECORDED'; placementId: string; placementStartedAt: Instant; visitedOn: IsoDate; intendedUntil18: boolean; custody: boolean }
  | { fact: 'REVIEW_HELD'; reviewId: string; periodOfCareId: string; sequence: number; heldOn: IsoDate }
  | { fact: 'REVIEW_ADJOURNED'; reviewId: string; adjournedOn: IsoDate }
  | { fact: 'REVIEW_SCHEDULED'; reviewId: string; sequence: number; scheduledFor: IsoDate }
  | { fact: 'CONTACT_REFUSED'; eventId: string; occurredAt: Instant };

/** What a duty hangs on: it ends (or stays a breach) when this ends. */
export type DutyScope = 'PERIOD' | 'PLACEMENT' | 'REVIEW' | 'EVENT';

/** One clock a fact starts: the rule, what it is about (the ledger's subject key), and what it counts from. */
export interface Duty {
  ruleId: ImplementedRuleId;
  /** The ledger's subject key, e.g. `period:<id>`, `placement:<id>`, `review:<id>`, `event:<id>`. */
  subject: string;
  scope: DutyScope;
  /** The date or instant the clock counts from. */
  anchor: IsoDate | Instant;
  /** Stage of a multi-stage rule. */
  phase?: string;
  /** A national calculator's clock: the organisation's overrides do not re-time it. */
  national?: true;
  /** Recorded, but flagged rather than shown as overdue (C-09: the first review's consultation). */
  notApplicableReason?: string;
}

/** The ledger subject of the visit clock that runs after a visit (or after the start of the placement). */
export const visitSubject = (placementId: string, after: string): string => `placement:${placementId}:visit-after:${after}`;

/**
 * Which clocks a recorded fact starts (facts in, duties out): the decision of which rules fire, with their
 * anchors and ledger subjects. Dates are computed by {@link computeDuty}.
 * - Becoming looked after (not a pre-planned short break, CPPCR reg 48, 903 rule 399): IRO-APPOINT-5WD, HP-IHA,
 *   PEP-10WD, anchored on the start of the period (§16 note 1).
 * - A placement: PP-DUE-5WD (every placement, C-01); PCPP-5WD in a children's home; PPM-72H from the instant and
 *   LA-IRO-PLACEMENT within 5 WD for an emergency placement, else LA-IRO-PLACEMENT before it starts (reg 13(1));
 *   the first visit (VIS-1WK, VIS-YOI in custody); CP-DUE-10WD from the first placement of the period (reg 4(2)).
 * - A visit: the next visit clock, by the rule in force on the day of the visit (reg 28).
 * - A review held: REV-DECISIONS-5WD, CP-UPDATE-POSTREV-10WD (LOCAL), REV-REPORT-20WD (Example 4); after the first,
 *   CP-PERM-2NDREV.
 * - A review adjourned: REV-ADJOURN-20WD (reg 36(2)). A review scheduled: REV-CONSULT-20WD (flagged for a first
 *   review, C-09).
 * - A refusal of contact: CON-S34-7D from the refusal.
 * @param f - the fact
 * @returns the duties, in a stable order
 * @example dutiesFor({ fact: 'REVIEW_ADJOURNED', reviewId: 'r1', adjournedOn: '2027-01-21' });
 * // [{ ruleId: 'REV-ADJOURN-20WD', subject: 'review:r1', scope: 'REVIEW', anchor: '2027-01-21' }]
 */
export function dutiesFor(f: DutyFact): Duty[] {
  switch (f.fact) {
    case 'PERIOD_OF_CARE_STARTED': {
      if (f.shortBreak) return [];
      const subject = `period:${f.periodOfCareId}`;
      return (['IRO-APPOINT-5WD', 'HP-IHA', 'PEP-10WD'] as const).map((ruleId) => ({ ruleId, subject, scope: 'PERIOD' as const, anchor: f.startedOn }));
    }
    case 'PLACEMENT_STARTED': {
      const subject = `placement:${f.placementId}`;
      const on = (ruleId: ImplementedRuleId, phase?: string): Duty =>
        ({ ruleId, subject, scope: 'PLACEMENT', anchor: f.startedAt, ...(phase !== undefined ? { phase } : {}) });
      const out: Duty[] = [on('PP-DUE-5WD')];
      if (f.providerKind === 'CHILDRENS_HOME') out.push(on('PCPP-5WD'));
      if (f.isEmergency) out.push(on('PPM-72H'), on('LA-IRO-PLACEMENT'));
      else out.push(on('LA-IRO-PLACEMENT', 'planned'));
      const visit = nextVisitRule({ placementStart: londonDate(f.startedAt), intendedUntil18: f.intendedUntil18, custody: f.custody });
      out.push({ ...visitDuty(visit), subject: visitSubject(f.placementId, 'start') });
      if (f.firstInPeriod && f.periodOfCareId) out.push({ ruleId: 'CP-DUE-10WD', subject: `period:${f.periodOfCareId}`, scope: 'PERIOD', anchor: f.startedAt });
      return out;
    }
    case 'VISIT_RECORDED': {
      const visit = nextVisitRule({ placementStart: londonDate(f.placementStartedAt), lastVisit: f.visitedOn, intendedUntil18: f.intendedUntil18, custody: f.custody });
      return [{ ...visitDuty(visit), subject: visitSubject(f.placementId, f.visitedOn) }];
    }
    case 'REVIEW_HELD': {
      const subject = `review:${f.reviewId}`;
      const out: Duty[] = (['REV-DECISIONS-5WD', 'CP-UPDATE-POSTREV-10WD', 'REV-REPORT-20WD'] as const)
        .map((ruleId) => ({ ruleId, subject, scope: 'REVIEW' as const, anchor: f.heldOn }));
      if (f.sequence === 1) out.push({ ruleId: 'CP-PERM-2NDREV', subject: `period:${f.periodOfCareId}`, scope: 'PERIOD', anchor: f.heldOn });
      return out;
    }
    case 'REVIEW_ADJOURNED':
      return [{ ruleId: 'REV-ADJOURN-20WD', subject: `review:${f.reviewId}`, scope: 'REVIEW', anchor: f.adjournedOn }];
    case 'REVIEW_SCHEDULED':
      return [{
        ruleId: 'REV-CONSULT-20WD', subject: `review:${f.reviewId}`, scope: 'REVIEW', anchor: f.scheduledFor,
        ...(f.sequence === 1 ? { notApplicableReason: messages.consultationFirstReview } : {}),
      }];
    case 'CONTACT_REFUSED':
      return [{ ruleId: 'CON-S34-7D', subject: `event:${f.eventId}`, scope: 'EVENT', anchor: f.occurredAt }];
  }
}

function visitDuty(v: ReturnType<typeof nextVisitRule>): Omit<Duty, 'subject'> {
  return { ruleId: v.ruleId, scope: 'PLACEMENT', anchor: v.anchor, national: true, ...(v.phase !== undefined ? { phase: v.phase } : {}) };
}

/** Options of {@link computeDuty}. */
export interface ComputeDutyOptions {
  calendar: HolidayCalendar;
  /** The placing authority's overrides (ignored for national calculator clocks). */
  overrides?: readonly RuleOverride[];
}

/**
 * Computes a duty's deadline: the date, a BeyondCalendar entry when a working-day count passes the calendar, or null
 * when the authority has switched the rule off.
 * @param d - the duty
 * @param opts - calendar and overrides
 * @returns the deadline, a beyond-calendar entry, or null
 */
export function computeDuty(d: Duty, opts: ComputeDutyOptions): Deadline | BeyondCalendar | null {
  return computeDeadlineOrBeyond(d.ruleId, d.anchor, {
    calendar: opts.calendar,
    overrides: d.national ? [] : opts.overrides ?? [],
    ...(d.phase !== undefined ? { phase: d.phase } : {}),
  });
}
