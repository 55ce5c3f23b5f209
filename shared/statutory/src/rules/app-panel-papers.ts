import type { RuleDefinition } from './rule-definition';

/**
 * APP-PANEL-PAPERS: Children's Decision Meeting papers submitted 5 and distributed 3 working days before the panel.
 *
 * Papers for the Children's Decision Meeting are submitted 5 working days before the panel and distributed 3
 * working days before it. A count override changes the submission clock only.
 *
 * Clock: 5 working days before the anchor `panelDate` (date of the Children's Decision Meeting). Source: seed 004
 * §5.7 (Leicestershire); LOCAL, configurable per organisation; verified against the wording.
 * @see seed file 004_7652cefcda3ef942.txt (DOMAIN.md §0.2)
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('APP-PANEL-PAPERS', '2027-01-21', { calendar, phase: 'distribute' }).dueDate; // '2027-01-18'
 */
export const APP_PANEL_PAPERS = {
  id: 'APP-PANEL-PAPERS',
  title: 'Children\'s Decision Meeting papers submitted 5 and distributed 3 working days before the panel',
  class: 'LOCAL',
  markers: 'LOCAL',
  anchor: 'panelDate',
  anchorDescription: 'date of the Children\'s Decision Meeting',
  unit: 'WORKING_DAY',
  count: 5,
  direction: 'before',
  citation: 'seed 004 §5.7 (Leicestershire)',
  sourceUrl: '004_7652cefcda3ef942.txt',
  configurable: true,
  verification: 'V',
  phases: [
    {
      phase: 'submit',
      description: 'papers submitted',
      anchor: 'panelDate',
      anchorDescription: 'date of the Children\'s Decision Meeting',
      unit: 'WORKING_DAY',
      count: 5,
      direction: 'before',
    },
    {
      phase: 'distribute',
      description: 'papers distributed',
      anchor: 'panelDate',
      anchorDescription: 'date of the Children\'s Decision Meeting',
      unit: 'WORKING_DAY',
      count: 3,
      direction: 'before',
    },
  ],
} as const satisfies RuleDefinition;
