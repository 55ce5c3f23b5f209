import type { EntityManager } from '@mikro-orm/postgresql';
import { InputError, parseLocalDate, Principal, recordEvent } from '@hub/service-kit';
import { londonDate } from '@hub/statutory';
import { VisitEntity } from './visit.entity';
import { PlacementEntity } from '../placement/placement.entity';
import { childForWrite, notFuture } from '../child/child.service';

/** Recording social worker visits (CPPCR reg 28). */
export class VisitService {
  constructor(private readonly em: EntityManager, private readonly principal: Principal) {}

  /** recordVisit: the visit must fall in a placement of the child; the next visit's clock runs from it. */
  async record(input: { childId: string; visitedOn: string; visitor: string; seenAlone: boolean; welfareConcern?: boolean }): Promise<VisitEntity> {
    const visitedOn = parseLocalDate(input.visitedOn);
    notFuture(visitedOn, 'visitedOn');
    const visitor = input.visitor?.trim();
    if (!visitor) throw new InputError('visitor is required', { field: 'visitor', reason: 'REQUIRED' });
    return this.em.transactional(async (em) => {
      const child = await childForWrite(em, this.principal, input.childId, 'record a visit');
      const placements = await em.find(PlacementEntity, { childId: child.id }, { orderBy: { startedAt: 'desc' } });
      const placement = placements.find((pl) => londonDate(pl.startedAt) <= visitedOn && (!pl.endedAt || londonDate(pl.endedAt) >= visitedOn));
      if (!placement) throw new InputError('the visit is not within a placement of the child', { field: 'visitedOn', reason: 'OUTSIDE_PLACEMENT' });
      const visit = em.create(VisitEntity, { childId: child.id, placementId: placement.id, visitedOn, visitor, seenAlone: input.seenAlone, welfareConcern: input.welfareConcern ?? false });
      recordEvent(em, {
        type: 'VisitRecorded', aggregateType: 'Visit', aggregateId: visit.id, childId: child.id,
        payload: {
          childId: child.id, placingAuthority: child.placingAuthority, providerId: placement.providerId, visitId: visit.id, visitedOn,
          placementId: placement.id, seenAlone: visit.seenAlone, welfareConcern: visit.welfareConcern,
        },
        actor: this.principal,
      });
      return visit;
    });
  }
}
