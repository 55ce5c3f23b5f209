/**
 * The registry of timed rules: one definition per file (`src/rules/<rule-id>.ts`), gathered here.
 * Rules that are not a single clock (statuses, retention, counting conventions) are implemented by the calculators
 * named in {@link CALCULATOR_RULES}; everything else in the catalogue is in `not-implemented.txt` with a reason.
 */
import { CP_DUE_10WD } from './cp-due-10wd';
import { CP_PERM_2NDREV } from './cp-perm-2ndrev';
import { CP_UPDATE_POSTREV_10WD } from './cp-update-postrev-10wd';
import { PP_DUE_5WD } from './pp-due-5wd';
import { PPM_72H } from './ppm-72h';
import { PCPP_5WD } from './pcpp-5wd';
import { PCPP_SAVE_MONTHLY } from './pcpp-save-monthly';
import { PEP_10WD } from './pep-10wd';
import { HP_IHA } from './hp-iha';
import { HP_RHA } from './hp-rha';
import { PWP_ASSESS_3M } from './pwp-assess-3m';
import { PWP_LOCAL_16Y3M } from './pwp-local-16y3m';
import { PWP_REV_6M } from './pwp-rev-6m';
import { REV_1ST_20WD } from './rev-1st-20wd';
import { REV_2ND_3M } from './rev-2nd-3m';
import { REV_NEXT_6M } from './rev-next-6m';
import { REV_CONSULT_20WD } from './rev-consult-20wd';
import { REV_ADJOURN_20WD } from './rev-adjourn-20wd';
import { REV_DECISIONS_5WD } from './rev-decisions-5wd';
import { REV_REPORT_20WD } from './rev-report-20wd';
import { IRO_APPOINT_5WD } from './iro-appoint-5wd';
import { LA_IRO_PLACEMENT } from './la-iro-placement';
import { LA_IRO_CONTACT } from './la-iro-contact';
import { LA_IRO_SIGFAIL } from './la-iro-sigfail';
import { CON_S34_7D } from './con-s34-7d';
import { CON_REG8 } from './con-reg8';
import { R40_DEATH } from './r40-death';
import { R40_DBS } from './r40-dbs';
import { R40_SERIOUS } from './r40-serious';
import { R40_LOCAL_24H } from './r40-local-24h';
import { R41_ADMIT } from './r41-admit';
import { SA27_SERIOUS } from './sa27-serious';
import { PA_ESCALATE } from './pa-escalate';
import { PA_EMERG_MOVE } from './pa-emerg-move';
import { IRO_N2_SAFEGUARDING } from './iro-n2-safeguarding';
import { IRO_N3_MISSING } from './iro-n3-missing';
import { IRO_N4_COMPLAINT } from './iro-n4-complaint';
import { IRO_N5_CHARGED } from './iro-n5-charged';
import { IRO_N6_EXCLUDED } from './iro-n6-excluded';
import { IRO_N7_HEALTH } from './iro-n7-health';
import { VIS_1WK } from './vis-1wk';
import { VIS_6WK_Y1 } from './vis-6wk-y1';
import { VIS_3M_LT } from './vis-3m-lt';
import { VIS_6WK_OTHER } from './vis-6wk-other';
import { VIS_SPECIAL } from './vis-special';
import { VIS_SPECIAL_2 } from './vis-special-2';
import { VIS_CO_HOME } from './vis-co-home';
import { VIS_YOI } from './vis-yoi';
import { VIS_PA_RELEVANT } from './vis-pa-relevant';
import { APP_FCPM_5WD } from './app-fcpm-5wd';
import { APP_PANEL_PAPERS } from './app-panel-papers';
import { APP_PLO_4M } from './app-plo-4m';
import type { RuleDefinition } from './rule-definition';
import type { RuleId } from './rule-ids';

const DEFINITIONS = [
  CP_DUE_10WD,
  CP_PERM_2NDREV,
  CP_UPDATE_POSTREV_10WD,
  PP_DUE_5WD,
  PPM_72H,
  PCPP_5WD,
  PCPP_SAVE_MONTHLY,
  PEP_10WD,
  HP_IHA,
  HP_RHA,
  PWP_ASSESS_3M,
  PWP_LOCAL_16Y3M,
  PWP_REV_6M,
  REV_1ST_20WD,
  REV_2ND_3M,
  REV_NEXT_6M,
  REV_CONSULT_20WD,
  REV_ADJOURN_20WD,
  REV_DECISIONS_5WD,
  REV_REPORT_20WD,
  IRO_APPOINT_5WD,
  LA_IRO_PLACEMENT,
  LA_IRO_CONTACT,
  LA_IRO_SIGFAIL,
  CON_S34_7D,
  CON_REG8,
  R40_DEATH,
  R40_DBS,
  R40_SERIOUS,
  R40_LOCAL_24H,
  R41_ADMIT,
  SA27_SERIOUS,
  PA_ESCALATE,
  PA_EMERG_MOVE,
  IRO_N2_SAFEGUARDING,
  IRO_N3_MISSING,
  IRO_N4_COMPLAINT,
  IRO_N5_CHARGED,
  IRO_N6_EXCLUDED,
  IRO_N7_HEALTH,
  VIS_1WK,
  VIS_6WK_Y1,
  VIS_3M_LT,
  VIS_6WK_OTHER,
  VIS_SPECIAL,
  VIS_SPECIAL_2,
  VIS_CO_HOME,
  VIS_YOI,
  VIS_PA_RELEVANT,
  APP_FCPM_5WD,
  APP_PANEL_PAPERS,
  APP_PLO_4M,
] as const;

/**
 * Id of a rule with a registry entry, accepted by `computeDeadline`.
 * @example const id: ImplementedRuleId = 'PP-DUE-5WD';
 */
export type ImplementedRuleId = (typeof DEFINITIONS)[number]['id'];

/**
 * Every timed rule, keyed by id. Frozen: organisations change LOCAL rules through overrides, never by mutation.
 * @example RULES['REV-1ST-20WD'].count; // 20
 */
export const RULES: Readonly<Record<ImplementedRuleId, RuleDefinition>> = Object.freeze(
  Object.fromEntries(DEFINITIONS.map((d) => [d.id, Object.freeze(d)])) as Record<ImplementedRuleId, RuleDefinition>,
);

/**
 * Ids of every timed rule in the registry, in catalogue order.
 * @example IMPLEMENTED_RULE_IDS.length; // 52
 */
export const IMPLEMENTED_RULE_IDS: readonly ImplementedRuleId[] = Object.freeze(DEFINITIONS.map((d) => d.id));

/**
 * Whether a rule id has a registry entry.
 * @param id - any value
 * @returns true for an {@link ImplementedRuleId}
 * @example isImplementedRuleId('CP-KEY-OBJ'); // false (a content rule, in the ledger)
 */
export function isImplementedRuleId(id: unknown): id is ImplementedRuleId {
  return typeof id === 'string' && Object.prototype.hasOwnProperty.call(RULES, id);
}

/**
 * Catalogue ids implemented by a calculator or calendar function rather than a registry clock, with the export that
 * implements each.
 * @example CALCULATOR_RULES['AGE-ELIGIBLE']; // 'leavingCareStatus'
 */
export const CALCULATOR_RULES: Readonly<Partial<Record<RuleId, string>>> = Object.freeze({
  'TIME-WD-DEF': 'HolidayCalendar.isWorkingDay',
  'TIME-WD-CAL': 'HolidayCalendar.default, HolidayCalendar.fromGovUkJson',
  'TIME-WD-DAY1': 'addWorkingDays',
  'TIME-MONTHS': 'addMonths',
  'TIME-WEEKS': 'addDays',
  'TIME-HOURS': 'addHours',
  'TIME-NODELAY': 'computeDeadline (unit IMMEDIATE)',
  'TIME-ANCHOR': 'reviewDue',
  'AGE-ELIGIBLE': 'leavingCareStatus',
  'AGE-RELEVANT': 'leavingCareStatus',
  'AGE-FORMERREL': 'leavingCareStatus',
  'AGE-PA-25': 'leavingCareStatus (requestedSupportTo25)',
  'AGE-HE-25': 'leavingCareStatus (educationOrTrainingUntil)',
  'AGE-13WK-COUNT': 'leavingCareStatus (qualifyingDays)',
  'AGE-16Y3M': 'ageMilestones',
  'AGE-18': 'ageMilestones',
  'AGE-20Y6M': 'ageMilestones',
  'AGE-21': 'ageMilestones',
  'RET-LA-75': 'retainUntil',
  'RET-CH-75': 'retainUntil',
  'RET-SEED-001': 'retainUntil',
  'RET-NOTE': 'retainUntil',
});
