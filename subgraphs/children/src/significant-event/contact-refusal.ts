import type { EntityManager } from '@mikro-orm/postgresql';
import { InputError } from '@hub/service-kit';
import { londonDate } from '@hub/statutory';
import { LegalStatusEntity } from '../period-of-care/legal-status.entity';

/** Legal statuses of a child accommodated under s20, not in care: s34 does not apply (DOMAIN §9, §14.2). */
export const ACCOMMODATED_STATUSES: readonly string[] = ['V2', 'V3', 'V4'];

/**
 * The intended length of an urgent s34(6) refusal (CON-S34-7D): required, a whole number of days, at most 7
 * (longer needs a court order under s34(4)).
 * @param durationDays - as given
 * @throws InputError REQUIRED when missing, INVALID_DURATION when not a whole number from 1, CONTACT_REFUSAL_TOO_LONG over 7
 */
export function checkRefusalLength(durationDays: number | null | undefined): void {
  const extra = { field: 'durationDays', ruleId: 'CON-S34-7D' };
  if (durationDays === null || durationDays === undefined) {
    throw new InputError('durationDays is required for CONTACT_REFUSED: the intended length of the refusal in days (1 to 7)', { ...extra, reason: 'REQUIRED' });
  }
  if (!Number.isInteger(durationDays) || durationDays < 1) {
    throw new InputError(`durationDays must be a whole number of days from 1 to 7; got ${durationDays}`, { ...extra, reason: 'INVALID_DURATION' });
  }
  if (durationDays > 7) {
    throw new InputError('an urgent s34(6) refusal of contact lasts 1 to 7 days; longer needs a court order (CON-S34-7D)', { ...extra, reason: 'CONTACT_REFUSAL_TOO_LONG' });
  }
}

/**
 * A refusal of contact under s34(6) is for a child in care: refused for a child whose legal status on the day is
 * s20 accommodation (V2, V3, V4). A child with no legal status recorded for the day is not refused (nothing says
 * they are accommodated).
 * @param em - the transaction
 * @param childId - the child
 * @param at - when the refusal was made
 * @throws InputError NOT_IN_CARE
 */
export async function checkChildInCare(em: EntityManager, childId: string, at: Date): Promise<void> {
  const on = londonDate(at.toISOString());
  const [status] = await em.find(
    LegalStatusEntity,
    { childId, startedOn: { $lte: on }, $or: [{ endedOn: null }, { endedOn: { $gte: on } }] },
    { orderBy: { startedOn: 'desc' }, limit: 1 },
  );
  if (status && ACCOMMODATED_STATUSES.includes(status.code)) {
    throw new InputError(
      `an urgent refusal of contact under s34(6) is for a child in care; on ${on} this child is accommodated under s20 (legal status ${status.code})`,
      { field: 'kind', reason: 'NOT_IN_CARE', ruleId: 'CON-S34-7D', legalStatus: status.code },
    );
  }
}
