import type { ImplementedRuleId } from './registry';

/**
 * A schema coordinate of the composed API: `Mutation.<field>` for an operation, `<Type>.<field>` for a recorded
 * fact a caller reads (e.g. `Notification.deliveredAt`, set when the hub delivers a notice).
 */
export type ApiCoordinate = `${string}.${string}`;

/** How one implemented rule is reached through the API. */
export interface RuleReach {
  /** The operation whose fact starts the clock (enters the ledger, or creates the notice). */
  startedBy: ApiCoordinate;
  /** Which fact of that operation starts it, when the operation does more than this. */
  startedWhen: string;
  /** The operation (or recorded fact) that meets it. */
  metBy: ApiCoordinate;
  /** Which fact meets it. */
  metWhen: string;
}

const delivered = 'Notification.deliveredAt' as const;
const event = (kinds: string): RuleReach => ({
  startedBy: 'Mutation.recordSignificantEvent', startedWhen: `kind ${kinds}`,
  metBy: delivered, metWhen: 'the notice is delivered to each recipient (retryNotification after a failure)',
});

/**
 * Every implemented rule (RULES) that the API starts and meets. A rule in the engine that nothing in the API starts
 * is not here: it is in `not-implemented.txt` with an `ENGINE-ONLY:` reason. `reachability.test.ts` checks that each
 * implemented rule is in exactly one of the two; `test/rule-reachability.e2e.test.ts` checks that every coordinate
 * exists in the composed supergraph.
 */
export const RULE_REACHABILITY: Readonly<Partial<Record<ImplementedRuleId, RuleReach>>> = Object.freeze({
  'CP-DUE-10WD': { startedBy: 'Mutation.startPlacement', startedWhen: 'the first placement of a period of care', metBy: 'Mutation.endorsePlan', metWhen: 'a CARE plan endorsed' },
  'CP-PERM-2NDREV': { startedBy: 'Mutation.holdReview', startedWhen: 'the first review of the period held', metBy: 'Mutation.endorsePlan', metWhen: 'a CARE plan with a permanence plan endorsed' },
  'CP-UPDATE-POSTREV-10WD': { startedBy: 'Mutation.holdReview', startedWhen: 'any review held', metBy: 'Mutation.endorsePlan', metWhen: 'a CARE plan endorsed on or after the review' },
  'PP-DUE-5WD': { startedBy: 'Mutation.startPlacement', startedWhen: 'every placement', metBy: 'Mutation.signPlacementPlan', metWhen: 'a complete PLACEMENT plan (or one saying which areas are missing and why) both endorsed and signed; the later of the two' },
  'PPM-72H': { startedBy: 'Mutation.startPlacement', startedWhen: 'an emergency placement', metBy: 'Mutation.recordPlacementPlanningMeeting', metWhen: 'the meeting held (when, who attended)' },
  'PCPP-5WD': { startedBy: 'Mutation.startPlacement', startedWhen: "a placement in a children's home", metBy: 'Mutation.endorsePlan', metWhen: "the provider's PROVIDER plan endorsed" },
  'PEP-10WD': { startedBy: 'Mutation.startPeriodOfCare', startedWhen: 'the child becomes looked after (also by startPlacement or registerChild with a period)', metBy: 'Mutation.endorsePlan', metWhen: 'a PEP endorsed' },
  'HP-IHA': { startedBy: 'Mutation.startPeriodOfCare', startedWhen: 'the child becomes looked after', metBy: 'Mutation.recordHealthAssessment', metWhen: 'the initial health assessment by a registered medical practitioner' },
  'PWP-ASSESS-3M': { startedBy: 'Mutation.registerChild', startedWhen: 'an eligible child (date of birth and periods of care; also updateChild, startPeriodOfCare)', metBy: 'Mutation.endorsePlan', metWhen: 'a PATHWAY plan endorsed' },
  'PWP-LOCAL-16Y3M': { startedBy: 'Mutation.registerChild', startedWhen: 'a looked-after child approaching 16 (also updateChild, startPeriodOfCare)', metBy: 'Mutation.endorsePlan', metWhen: 'a PATHWAY plan endorsed' },
  'PWP-REV-6M': { startedBy: 'Mutation.endorsePlan', startedWhen: 'a PATHWAY plan endorsed for a relevant or former relevant young person', metBy: 'Mutation.endorsePlan', metWhen: 'the next PATHWAY plan version endorsed' },
  'REV-1ST-20WD': { startedBy: 'Mutation.startPeriodOfCare', startedWhen: 'the child becomes looked after', metBy: 'Mutation.holdReview', metWhen: 'the first review held' },
  'REV-2ND-3M': { startedBy: 'Mutation.holdReview', startedWhen: 'the first review held', metBy: 'Mutation.holdReview', metWhen: 'the second review held' },
  'REV-NEXT-6M': { startedBy: 'Mutation.holdReview', startedWhen: 'the second or a later review held', metBy: 'Mutation.holdReview', metWhen: 'the next review held' },
  'REV-CONSULT-20WD': { startedBy: 'Mutation.scheduleReview', startedWhen: 'a second or later review scheduled (not applicable to a first review, C-09)', metBy: 'Mutation.recordConsultation', metWhen: 'the child consulted' },
  'REV-ADJOURN-20WD': { startedBy: 'Mutation.adjournReview', startedWhen: 'the review meeting adjourned', metBy: 'Mutation.holdReview', metWhen: 'the reconvened review held' },
  'REV-DECISIONS-5WD': { startedBy: 'Mutation.holdReview', startedWhen: 'any review held', metBy: 'Mutation.recordReviewDecisions', metWhen: 'decisions circulated' },
  'REV-REPORT-20WD': { startedBy: 'Mutation.holdReview', startedWhen: 'any review held', metBy: 'Mutation.issueReviewReport', metWhen: 'the report issued' },
  'IRO-APPOINT-5WD': { startedBy: 'Mutation.startPeriodOfCare', startedWhen: 'the child becomes looked after', metBy: 'Mutation.assignIro', metWhen: 'an IRO assigned' },
  'LA-IRO-PLACEMENT': { startedBy: 'Mutation.startPlacement', startedWhen: 'every placement (before a planned one, 5 WD after an emergency one)', metBy: delivered, metWhen: 'the reg 13 notice delivered to the IRO' },
  'LA-IRO-CONTACT': { startedBy: 'Mutation.recordSignificantEvent', startedWhen: 'kind CONTACT_REFUSED (s34(6))', metBy: delivered, metWhen: 'the CON-REG8 notice delivered to the IRO (it carries the LA-IRO-CONTACT contents)' },
  'CON-S34-7D': { startedBy: 'Mutation.recordSignificantEvent', startedWhen: 'kind CONTACT_REFUSED for a child in care', metBy: 'Mutation.recordSignificantEvent', metWhen: 'kind CONTACT_RESUMED or S34_APPLICATION_MADE' },
  'CON-REG8': event('CONTACT_REFUSED: one notice to the IRO and to each reg 8 person recorded by recordChildContact'),
  'R40-DEATH': event("DEATH in a children's home"),
  'R40-DBS': event("DBS_REFERRAL in a children's home"),
  'R40-SERIOUS': event("SEXUAL_EXPLOITATION, SERIOUS_POLICE_INCIDENT, ALLEGATION_OF_ABUSE, CHILD_PROTECTION_ENQUIRY or OTHER_SERIOUS_EVENT in a children's home"),
  'R40-LOCAL-24H': event('any reg 40 / SAR reg 27 serious event (the local 24-hour target of those notices)'),
  'R41-ADMIT': { startedBy: 'Mutation.startPlacement', startedWhen: "a children's home in another authority (endPlacement: the discharge notice)", metBy: delivered, metWhen: 'the notice delivered to the host authority' },
  'SA27-SERIOUS': event('a serious event in supported accommodation'),
  'PA-ESCALATE': { startedBy: 'Mutation.requestReview', startedWhen: "the provider's request for a review", metBy: 'Mutation.holdReview', metWhen: 'a review held on or after the day of the request (or respondToReviewRequest DECLINED); escalated by escalateOverdueReviewRequests otherwise' },
  'PA-EMERG-MOVE': event('EMERGENCY_MOVE'),
  'IRO-N2-SAFEGUARDING': event('SAFEGUARDING_CONCERN'),
  'IRO-N3-MISSING': event('MISSING'),
  'IRO-N4-COMPLAINT': event('COMPLAINT'),
  'IRO-N5-CHARGED': event('CHARGED_WITH_OFFENCE'),
  'IRO-N6-EXCLUDED': event('EXCLUDED_FROM_SCHOOL'),
  'IRO-N7-HEALTH': event('HEALTH_CONCERN'),
  'VIS-1WK': { startedBy: 'Mutation.startPlacement', startedWhen: 'every placement (the first visit)', metBy: 'Mutation.recordVisit', metWhen: 'a visit to the placement' },
  'VIS-6WK-Y1': { startedBy: 'Mutation.recordVisit', startedWhen: 'a visit in the first year of a placement not intended until 18', metBy: 'Mutation.recordVisit', metWhen: 'the next visit' },
  'VIS-3M-LT': { startedBy: 'Mutation.recordVisit', startedWhen: 'a visit after the first year of a placement intended until 18', metBy: 'Mutation.recordVisit', metWhen: 'the next visit' },
  'VIS-6WK-OTHER': { startedBy: 'Mutation.recordVisit', startedWhen: 'a visit after the first year of any other placement', metBy: 'Mutation.recordVisit', metWhen: 'the next visit' },
  'VIS-YOI': { startedBy: 'Mutation.startPlacement', startedWhen: 'a custody placement (custody: true)', metBy: 'Mutation.recordVisit', metWhen: 'a visit' },
  'APP-FCPM-5WD': { startedBy: 'Mutation.startDecisionProcess', startedWhen: 'kind FAMILY_CARE_AND_PROTECT_MEETING', metBy: 'Mutation.recordDecisionStep', metWhen: 'the meeting held' },
  'APP-PANEL-PAPERS': { startedBy: 'Mutation.startDecisionProcess', startedWhen: 'kind CHILDRENS_DECISION_MEETING', metBy: 'Mutation.recordDecisionStep', metWhen: 'papers submitted, then distributed' },
  'APP-PLO-4M': { startedBy: 'Mutation.startDecisionProcess', startedWhen: 'kind PLO_PRE_PROCEEDINGS', metBy: 'Mutation.recordDecisionStep', metWhen: 'the 3-month progress review, then the conclusion' },
});
