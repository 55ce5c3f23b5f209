import type { RuleDefinition } from './rule-definition';

/**
 * PEP-10WD: Personal education plan within 10 working days of an emergency placement.
 *
 * The PEP is drawn up before placement or, for an emergency placement, within 10 working days, and must be
 * available for the first review (DOMAIN C-14). Its content is national law; its timing comes from the seed, so the
 * clock is configurable.
 *
 * Clock: 10 working days after the anchor `becameLookedAfter` (date the child became looked after (start of the
 * period of care)). Source: seed 001 (timing); seed 004 §8.1; CPPCR 2010 reg 5(b)(ii) and Sch 1 para 2 (content);
 * NAT-REG (content) + LOCAL/GUID (timing), configurable per organisation; verified against the wording.
 * @see seed file 001_486a11af57d102a4.txt (DOMAIN.md §0.2)
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('PEP-10WD', '2026-12-21', { calendar }).dueDate; // '2027-01-07' (Example 1)
 */
export const PEP_10WD = {
  id: 'PEP-10WD',
  title: 'Personal education plan within 10 working days of an emergency placement',
  class: 'LOCAL',
  markers: 'NAT-REG (content) + LOCAL/GUID (timing)',
  anchor: 'becameLookedAfter',
  anchorDescription: 'date the child became looked after (start of the period of care)',
  unit: 'WORKING_DAY',
  count: 10,
  direction: 'after',
  citation: 'seed 001 (timing); seed 004 §8.1; CPPCR 2010 reg 5(b)(ii) and Sch 1 para 2 (content)',
  sourceUrl: '001_486a11af57d102a4.txt',
  configurable: true,
  verification: 'V',
} as const satisfies RuleDefinition;
