import { registerEnumType } from 'type-graphql';

/** Circumstances that bring the next review forward (REV-EARLY, REV-VISIT-TRIGGER, REV-BEFORE-CEASE, REV-AFTER-EMERG). */
export enum EarlyReviewTrigger {
  IRO_REQUEST = 'IRO_REQUEST',
  WELFARE_NOT_SAFEGUARDED = 'WELFARE_NOT_SAFEGUARDED',
  CEASING_ACCOMMODATION = 'CEASING_ACCOMMODATION',
  LEAVING_DETENTION = 'LEAVING_DETENTION',
  SIGNIFICANT_CHANGE = 'SIGNIFICANT_CHANGE',
  EMERGENCY_MOVE = 'EMERGENCY_MOVE',
}
registerEnumType(EarlyReviewTrigger, { name: 'EarlyReviewTrigger' });

/** The child's own review tools (REV-CHILD-STAR). */
export enum OutcomeTool {
  OUTCOME_STAR = 'OUTCOME_STAR',
  OUTCOME_TRACKER = 'OUTCOME_TRACKER',
}
registerEnumType(OutcomeTool, { name: 'OutcomeTool' });

/** SSDA903 REVIEW_CODE (§14.6). */
export enum ParticipationCode {
  PN0 = 'PN0', PN1 = 'PN1', PN2 = 'PN2', PN3 = 'PN3', PN4 = 'PN4', PN5 = 'PN5', PN6 = 'PN6', PN7 = 'PN7',
}
registerEnumType(ParticipationCode, { name: 'ParticipationCode' });
