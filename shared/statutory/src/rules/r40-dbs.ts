import type { RuleDefinition } from './rule-definition';

/**
 * R40-DBS: Referral under s35 SVGA 2006 notified without delay.
 *
 * A referral of a person working in the home under s35 Safeguarding Vulnerable Groups Act 2006 is notified to HMCI,
 * the placing authority and each other relevant person without delay.
 *
 * Clock: immediately (without delay) the anchor `referralMade` (date and time the referral was made). Source: CHR
 * 2015 reg 40(3); NAT-REG, not configurable; verified against the wording.
 * @see https://www.legislation.gov.uk/uksi/2015/541/regulation/40
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('R40-DBS', '2026-12-26T22:00:00+00:00', { calendar }).dueAt; // '2026-12-26T22:00:00+00:00'
 */
export const R40_DBS = {
  id: 'R40-DBS',
  title: 'Referral under s35 SVGA 2006 notified without delay',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'referralMade',
  anchorDescription: 'date and time the referral was made',
  unit: 'IMMEDIATE',
  count: 0,
  direction: 'after',
  citation: 'CHR 2015 reg 40(3)',
  sourceUrl: 'https://www.legislation.gov.uk/uksi/2015/541/regulation/40',
  configurable: false,
  effectiveFrom: '2015-04-01',
  verification: 'V',
} as const satisfies RuleDefinition;
