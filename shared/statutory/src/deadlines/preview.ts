import { HolidayCalendar } from '../calendar/holiday-calendar';
import { StatutoryInputError } from '../errors';
import { messages } from '../messages';
import { anniversary } from '../calculators/ages';
import { needsAssessmentDue } from '../calculators/needs-assessment';
import { nextVisitDue, type VisitRegime } from '../calculators/visits';
import type { Instant, IsoDate } from '../time/civil';
import { assertIsoDate, isIsoDate } from '../time/iso-date';
import { isInstant, londonDate } from '../time/london';
import { type ImplementedRuleId, isImplementedRuleId } from '../rules/registry';
import { type ComputeDeadlineOptions, computeDeadlineOrBeyond } from './compute-deadline';
import type { BeyondCalendar, Deadline, RuleNotApplicable } from './deadline';

/** Facts some rules need besides an anchor (see {@link PREVIEW_FACTS}). */
export interface PreviewFacts {
  /** The child's date of birth (leaving-care rules). */
  dateOfBirth?: IsoDate;
  /** The date the child became, or will become, an eligible child (AGE-ELIGIBLE). */
  eligibleFrom?: IsoDate;
  /** Start of the placement (visit rules: which interval applies depends on the placement's first year). */
  placementStart?: IsoDate;
  /** Whether the placement is intended to last until the child is 18 (reg 28(2)(c)(i)). */
  intendedUntil18?: boolean;
  /** Date the first review was held (the weekly special visiting regimes run until it). */
  firstReviewHeld?: IsoDate | null;
}

/** Input to {@link previewDeadline}. */
export interface PreviewInput extends ComputeDeadlineOptions {
  /** Any rule id; only implemented ones compute. */
  ruleId: string;
  /**
   * The anchor fact: a date, or an instant with offset. For visit rules, the date of the last visit (or the
   * placement start with phase `first`). Not used by the leaving-care rules, whose anchor follows from the facts.
   */
  anchor?: IsoDate | Instant | null;
  facts?: PreviewFacts;
}

/** What a preview answers: a deadline, a deadline past the calendar, or why the rule does not apply. */
export type PreviewResult = Deadline | BeyondCalendar | RuleNotApplicable;

interface FactRule {
  needs: readonly (keyof PreviewFacts)[];
  why: string;
  /** Whether the anchor is used (visit rules: the last visit). */
  usesAnchor: boolean;
  regime?: VisitRegime;
  custody?: boolean;
}

const VISIT_WHY = 'which visit interval applies depends on the placement (CPPCR reg 28)';

/**
 * Rules that need more facts than an anchor, with the facts they need. Leaving-care clocks apply to an eligible
 * child only and are anchored on the 16th birthday; a visit interval is chosen by the placement's first year, its
 * intended length and its regime.
 */
export const PREVIEW_FACTS: Readonly<Partial<Record<ImplementedRuleId, FactRule>>> = Object.freeze({
  'PWP-ASSESS-3M': { needs: ['dateOfBirth', 'eligibleFrom'], why: 'anchored on the later of the 16th birthday and becoming an eligible child', usesAnchor: false },
  'PWP-LOCAL-16Y3M': { needs: ['dateOfBirth', 'eligibleFrom'], why: 'only for an eligible child, anchored on the 16th birthday', usesAnchor: false },
  'VIS-6WK-Y1': { needs: ['placementStart'], why: VISIT_WHY, usesAnchor: true },
  'VIS-3M-LT': { needs: ['placementStart', 'intendedUntil18'], why: VISIT_WHY, usesAnchor: true },
  'VIS-6WK-OTHER': { needs: ['placementStart', 'intendedUntil18'], why: VISIT_WHY, usesAnchor: true },
  'VIS-YOI': { needs: ['placementStart'], why: VISIT_WHY, usesAnchor: true, custody: true },
  'VIS-SPECIAL': { needs: ['placementStart'], why: VISIT_WHY, usesAnchor: true, regime: 'PARENT_BEFORE_ASSESSMENT' },
  'VIS-SPECIAL-2': { needs: ['placementStart'], why: VISIT_WHY, usesAnchor: true, regime: 'CONNECTED_PERSON_TEMPORARY' },
  'VIS-CO-HOME': { needs: ['placementStart'], why: VISIT_WHY, usesAnchor: true, regime: 'CARE_ORDER_AT_HOME' },
} satisfies Partial<Record<ImplementedRuleId, FactRule>>);

const notApplicable = (ruleId: ImplementedRuleId, reason: string, extra: Partial<RuleNotApplicable> = {}): RuleNotApplicable => ({ applicable: false, ruleId, reason, ...extra });

/**
 * Computes any implemented rule for planning ahead ("if the review sits on 3 March, when is the report due?"):
 * from an anchor (a date, or an instant for hour rules) with the organisation's overrides, or, for rules that need
 * more than an anchor, from the facts in {@link PREVIEW_FACTS}. Nothing is recorded; the anchor may be in the future.
 * @param input - rule, anchor, facts, calendar, overrides, phase
 * @returns the deadline; a {@link BeyondCalendar} when its count leaves the calendar; or a {@link RuleNotApplicable}
 *   naming the missing facts, the rule that governs the facts instead, or the organisation's switch-off
 * @throws StatutoryInputError for an unknown rule, a malformed anchor or fact, or a missing anchor
 * @example previewDeadline({ ruleId: 'REV-REPORT-20WD', anchor: '2027-03-03', calendar }); // due '2027-03-31'
 * @example previewDeadline({ ruleId: 'PWP-ASSESS-3M', anchor: '2027-01-01', calendar }); // { applicable: false, missingFacts: ['dateOfBirth', 'eligibleFrom'] }
 */
export function previewDeadline(input: PreviewInput): PreviewResult {
  const { ruleId } = input;
  if (!isImplementedRuleId(ruleId)) throw new StatutoryInputError(messages.unknownRule(ruleId));
  const calendar = input.calendar ?? HolidayCalendar.default();
  const facts = input.facts ?? {};
  const anchor = input.anchor ?? undefined;
  const factRule = PREVIEW_FACTS[ruleId];
  if (factRule?.usesAnchor !== false) {
    if (anchor === undefined) throw new StatutoryInputError(messages.anchorRequired(ruleId));
    if (!isIsoDate(anchor) && !isInstant(anchor)) throw new StatutoryInputError(messages.invalidDate('anchor', anchor));
  }
  if (!factRule) {
    const d = computeDeadlineOrBeyond(ruleId, anchor!, { calendar, overrides: input.overrides ?? [], ...(input.phase !== undefined ? { phase: input.phase } : {}) });
    return d ?? notApplicable(ruleId, messages.ruleDisabled(ruleId));
  }
  const missing = factRule.needs.filter((f) => facts[f] === undefined || facts[f] === null);
  if (missing.length) return notApplicable(ruleId, messages.previewNeedsFacts(ruleId, missing, factRule.why), { missingFacts: [...missing] });

  if (ruleId === 'PWP-ASSESS-3M') return needsAssessmentDue({ dateOfBirth: facts.dateOfBirth!, eligibleFrom: facts.eligibleFrom!, calendar });
  if (ruleId === 'PWP-LOCAL-16Y3M') {
    assertIsoDate(facts.eligibleFrom, 'eligibleFrom');
    const d = computeDeadlineOrBeyond(ruleId, anniversary(assertIsoDate(facts.dateOfBirth, 'dateOfBirth'), 16), { calendar, overrides: input.overrides ?? [] });
    return d ?? notApplicable(ruleId, messages.ruleDisabled(ruleId));
  }
  const lastVisit = input.phase === 'first' ? null : isIsoDate(anchor!) ? anchor : londonDate(anchor!);
  const next = nextVisitDue({
    placementStart: facts.placementStart!, lastVisit, intendedUntil18: Boolean(facts.intendedUntil18), custody: Boolean(factRule.custody),
    regime: factRule.regime ?? 'STANDARD', firstReviewHeld: facts.firstReviewHeld ?? null, calendar,
  });
  if (next.ruleId !== ruleId || (input.phase !== undefined && next.phase !== input.phase)) {
    const other = next.phase ? `${next.ruleId} (${next.phase})` : next.ruleId;
    return notApplicable(ruleId, messages.previewOtherRule(input.phase ? `${ruleId} (${input.phase})` : ruleId, other, next.basis.explanation), { appliesInstead: next.ruleId });
  }
  return next;
}
