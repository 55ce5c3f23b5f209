import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { hubCalendar, HubEvent, Logger } from '@hub/service-kit';
import { londonDate } from '@hub/statutory';
import { ProcessedEventEntity } from './processed-event.entity';
import { ReviewChildEntity } from '../child/review-child.entity';
import { PeriodOfCareEntity } from '../child/period-of-care.entity';
import { addEarlyTrigger, openPeriod } from '../review/review.service';
import { createReviewRequest } from '../review-request/review-request.service';

type Payload = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

async function upsertChild(em: EntityManager, childId: string, p: Payload): Promise<void> {
  const authority = str(p.placingAuthority);
  const row = await em.findOne(ReviewChildEntity, { childId });
  if (!row) {
    if (!authority) return;
    em.create(ReviewChildEntity, { childId, placingAuthority: authority, dateOfBirth: str(p.dateOfBirth), name: str(p.name) });
    return;
  }
  if (authority) row.placingAuthority = authority;
  if (str(p.dateOfBirth)) row.dateOfBirth = str(p.dateOfBirth);
  if (str(p.name)) row.name = str(p.name);
}

/**
 * Applies one domain event from the children (and plans) services to the review cycle, in one transaction with
 * the processed-event marker, so a redelivered event changes nothing. Facts kept: the child's authority and date
 * of birth, periods of care (TIME-ANCHOR), and the automatic early-review triggers (REV-VISIT-TRIGGER on a visit
 * that found the welfare not safeguarded; REV-AFTER-EMERG on an emergency move) and a child's own review request.
 * @param orm - the service's ORM
 * @param event - the event
 * @param log - logger
 */
export async function handleReviewEvent(orm: MikroORM, event: HubEvent, log: Logger): Promise<void> {
  const em = orm.em.fork() as EntityManager;
  const p = event.payload as Payload;
  const childId = event.childId ?? str(p.childId);
  await em.transactional(async (tem) => {
    // The consumer runs jobs concurrently: events of one child are applied one at a time, and a second copy of an
    // event waits for the first to commit, then finds its marker and changes nothing.
    await tem.execute('select pg_advisory_xact_lock(hashtext(?))', [`reviews:${childId ?? event.id}`]);
    if (await tem.findOne(ProcessedEventEntity, { eventId: event.id })) return;
    tem.create(ProcessedEventEntity, { eventId: event.id, type: event.type });
    if (!childId) return;
    switch (event.type) {
      case 'ChildRegistered':
      case 'ChildUpdated':
        await upsertChild(tem, childId, p);
        break;
      case 'PeriodOfCareStarted': {
        await upsertChild(tem, childId, p);
        const id = String(p.periodOfCareId);
        const row = (await tem.findOne(PeriodOfCareEntity, { id })) ?? tem.create(PeriodOfCareEntity, { id, childId, startedOn: String(p.startedOn) });
        row.startedOn = String(p.startedOn);
        row.shortBreak = p.shortBreak === true;
        break;
      }
      case 'ChildCeasedLookedAfter': {
        const id = String(p.periodOfCareId);
        const row = (await tem.findOne(PeriodOfCareEntity, { id })) ?? tem.create(PeriodOfCareEntity, { id, childId, startedOn: String(p.startedOn) });
        row.endedOn = String(p.endedOn);
        break;
      }
      case 'VisitRecorded': {
        if (p.welfareConcern !== true) break;
        const period = await openPeriod(tem, childId);
        // REV-VISIT-TRIGGER (CPPCR reg 30): the authority must review the case.
        if (period) await addEarlyTrigger(tem, hubCalendar(), period, 'WELFARE_NOT_SAFEGUARDED', String(p.visitedOn), null, event.id);
        break;
      }
      case 'SignificantEventRecorded': {
        const on = londonDate(String(p.occurredAt));
        if (p.kind === 'EMERGENCY_MOVE') {
          const period = await openPeriod(tem, childId);
          // REV-AFTER-EMERG / PA-EMERG-MOVE: a statutory review as soon as possible after the move.
          if (period) await addEarlyTrigger(tem, hubCalendar(), period, 'EMERGENCY_MOVE', on, null, event.id);
        } else if (p.kind === 'CHILD_REQUESTS_REVIEW') {
          // PA-REVIEW-REQ (iii): the child asks for a review of the relevant plans.
          createReviewRequest(tem, hubCalendar(), {
            childId, reason: 'CHILD_REQUESTS', details: str(p.summary), requestedAt: new Date(String(p.occurredAt)),
            requestedBy: str(p.recordedByOrg) ?? event.source, providerId: str(p.providerId),
          }, null);
        }
        break;
      }
      default:
        break;
    }
    log.debug({ eventId: event.id, type: event.type }, 'review event applied');
  });
}
