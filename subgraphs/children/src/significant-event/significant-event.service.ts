import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, hasRole, InputError, NotFoundError, Principal, providerCovers, recordEvent, requireRole, ChildAccess } from '@hub/service-kit';
import { now as hubNow } from '@hub/service-kit';
import { SignificantEventEntity, SIGNIFICANT_EVENT_KINDS, SignificantEventKind } from './significant-event.entity';
import { ChildEntity } from '../child/child.entity';
import { PlacementEntity } from '../placement/placement.entity';
import { EVENT_WRITERS } from '../child/child.policy';
import { ProviderEntity } from '../reference-data/provider.entity';
import { checkChildInCare, checkRefusalLength } from './contact-refusal';
import { reg8Recipients } from '../contact/child-contact.service';

/** Input of recordSignificantEvent. */
export interface SignificantEventInput {
  childId: string;
  kind: string;
  occurredAt: Date;
  summary: string;
  details?: string | null;
  durationDays?: number | null;
}

/** Kinds only the placing authority records (decisions it takes). */
const AUTHORITY_ONLY: SignificantEventKind[] = ['CONTACT_REFUSED', 'CONTACT_RESUMED', 'S34_APPLICATION_MADE'];

/** Recording the chronology. */
export class SignificantEventService {
  constructor(private readonly em: EntityManager, private readonly principal: Principal) {}

  /**
   * recordSignificantEvent: by the placing authority's staff, or by the provider the child is placed with at the
   * time of the event. CONTACT_REFUSED (s34(6)) is for a child in care and lasts at most 7 days (CON-S34-7D); the
   * authority records its end with CONTACT_RESUMED or S34_APPLICATION_MADE.
   */
  async record(input: SignificantEventInput, now = hubNow()): Promise<SignificantEventEntity> {
    const p = this.principal;
    requireRole(p, [...EVENT_WRITERS], 'record a significant event');
    if (!(SIGNIFICANT_EVENT_KINDS as readonly string[]).includes(input.kind)) {
      throw new InputError(`unknown event kind ${input.kind}`, { field: 'kind', reason: 'UNKNOWN_KIND' });
    }
    const kind = input.kind as SignificantEventKind;
    if (input.occurredAt.getTime() > now.getTime() + 5 * 60 * 1000) throw new InputError('an event cannot be in the future', { field: 'occurredAt', reason: 'DATE_IN_FUTURE' });
    const summary = input.summary?.trim();
    if (!summary) throw new InputError('summary is required', { field: 'summary', reason: 'REQUIRED' });
    if (kind === 'CONTACT_REFUSED') checkRefusalLength(input.durationDays);
    return this.em.transactional(async (em) => {
      const child = await em.findOne(ChildEntity, { id: input.childId });
      if (!child) throw new NotFoundError('no such child', { childId: input.childId });
      if (input.occurredAt.toISOString().slice(0, 10) < child.dateOfBirth) throw new InputError('an event cannot precede birth', { field: 'occurredAt', reason: 'BEFORE_BIRTH' });
      const access = await em.findOne(ChildAccess, { childId: child.id });
      const isAuthority = child.placingAuthority === p.org && !hasRole(p, 'PROVIDER_STAFF', 'PROVIDER_MANAGER');
      const isProvider = hasRole(p, 'PROVIDER_STAFF', 'PROVIDER_MANAGER') && providerCovers(p, access, input.occurredAt);
      if (!isAuthority && !isProvider) throw new ForbiddenError('not permitted to record events for this child');
      if (AUTHORITY_ONLY.includes(kind) && !isAuthority) throw new ForbiddenError('only the placing authority records this kind of event');
      if (kind === 'CONTACT_REFUSED') await checkChildInCare(em, child.id, input.occurredAt);
      const placement = await em.findOne(PlacementEntity, {
        childId: child.id, startedAt: { $lte: input.occurredAt }, $or: [{ endedAt: null }, { endedAt: { $gt: input.occurredAt } }],
      });
      const provider = placement ? await em.findOne(ProviderEntity, { id: placement.providerId }) : null;
      const row = em.create(SignificantEventEntity, {
        childId: child.id, kind, occurredAt: input.occurredAt, summary, details: input.details ?? null,
        placementId: placement?.id ?? null, providerId: placement?.providerId ?? null, durationDays: input.durationDays ?? null,
        recordedBy: p.sub, recordedByOrg: p.org,
      });
      // CON-REG8: a refusal of contact carries the people reg 8(3) names, from the child's record, with their
      // addresses: notifications writes to them without reading this service's tables.
      const reg8 = kind === 'CONTACT_REFUSED'
        ? { childName: `${child.givenName} ${child.familyName}`, reg8Recipients: await reg8Recipients(em, child.id) }
        : {};
      recordEvent(em, {
        type: 'SignificantEventRecorded', aggregateType: 'SignificantEvent', aggregateId: row.id, childId: child.id,
        payload: {
          childId: child.id, eventId: row.id, kind, occurredAt: input.occurredAt.toISOString(), summary,
          durationDays: row.durationDays ?? null, placementId: row.placementId ?? null, providerId: row.providerId ?? null,
          providerKind: provider?.kind ?? null, hostAuthority: provider?.hostAuthority ?? null,
          placingAuthority: child.placingAuthority, recordedByOrg: p.org, ...reg8,
        },
        actor: p,
      });
      return row;
    });
  }
}
