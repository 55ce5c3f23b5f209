import type { EntityManager } from '@mikro-orm/postgresql';
import { dutiesFor, toLondonInstant } from '@hub/statutory';
import { DeadlineEntity } from './deadline.entity';
import { overridesOf, recordDuties } from './ledger';

/** Significant-event kinds that bear on an urgent refusal of contact (CON-S34-7D). */
export const CONTACT_EVENT_KINDS = ['CONTACT_REFUSED', 'CONTACT_RESUMED', 'S34_APPLICATION_MADE'] as const;

/** The fields of a SignificantEventRecorded payload the contact clock uses. */
export interface ContactEventFacts {
  childId: string;
  eventId: string;
  kind: string;
  occurredAt: string;
  placingAuthority?: string | null;
  providerId?: string | null;
  durationDays?: number | null;
}

const ENDED_BY: Record<string, string> = {
  CONTACT_RESUMED: 'contact resumed',
  S34_APPLICATION_MADE: 'an application to court under s34 was made',
};

/**
 * CON-S34-7D in the ledger. A refusal (CONTACT_REFUSED) opens the clock: 7 calendar days from the refusal, and it
 * stays open, so the ledger shows a refusal running out and then OVERDUE. It is met when contact resumes
 * (CONTACT_RESUMED) or an application to court is made (S34_APPLICATION_MADE): every open refusal of the child made
 * at or before that moment is met then. The refusal's intended length is kept in the explanation only.
 * @param em - the consumer's transaction
 * @param p - the SignificantEventRecorded payload
 * @param placingAuthority - the child's placing authority as the ledger knows it
 */
export async function applyContactEvent(em: EntityManager, p: ContactEventFacts, placingAuthority: string): Promise<void> {
  if (p.kind === 'CONTACT_REFUSED') {
    const days = p.durationDays;
    const intended = typeof days === 'number' ? ` Refusal recorded as intended to last ${days} day${days === 1 ? '' : 's'}.` : '';
    await recordDuties(
      em, { childId: p.childId, placingAuthority, providerId: p.providerId ?? null },
      dutiesFor({ fact: 'CONTACT_REFUSED', eventId: p.eventId, occurredAt: p.occurredAt }), await overridesOf(em, placingAuthority),
      `Open until contact resumes or an application to court is recorded.${intended}`,
    );
    return;
  }
  const endedBy = ENDED_BY[p.kind];
  if (!endedBy) return;
  const at = new Date(p.occurredAt);
  const open = await em.find(DeadlineEntity, { childId: p.childId, ruleId: 'CON-S34-7D', metAt: null, notApplicable: false });
  for (const row of open) {
    if (new Date(row.basis.anchor).getTime() > at.getTime()) continue;
    row.metAt = at;
    row.basis = { ...row.basis, explanation: `${row.basis.explanation} Ended: ${endedBy} (${toLondonInstant(p.occurredAt)}).` };
  }
}
