import type { EntityManager } from '@mikro-orm/postgresql';
import { defineEventHandlers, hubCalendar, ChildFactsPayload, PeriodOfCareStartedPayload } from '@hub/service-kit';
import { londonDate } from '@hub/statutory';
import { ReviewChildEntity } from '../child/review-child.entity';
import { PeriodOfCareEntity } from '../child/period-of-care.entity';
import { addEarlyTrigger, openPeriod, recordNextReviewDue } from '../review/review.service';
import { createReviewRequest } from '../review-request/review-request.service';

async function upsertChild(em: EntityManager, p: ChildFactsPayload | PeriodOfCareStartedPayload): Promise<void> {
  const row = await em.findOne(ReviewChildEntity, { childId: p.childId });
  const name = 'name' in p ? p.name ?? null : null;
  if (!row) {
    em.create(ReviewChildEntity, { childId: p.childId, placingAuthority: p.placingAuthority, dateOfBirth: p.dateOfBirth, name });
    return;
  }
  row.placingAuthority = p.placingAuthority;
  row.dateOfBirth = p.dateOfBirth;
  if (name) row.name = name;
}

/**
 * The reviews service's event handlers (children and plans events). Facts kept: the child's authority and date of
 * birth, periods of care (TIME-ANCHOR), and the automatic early-review triggers (REV-VISIT-TRIGGER on a visit that
 * found the welfare not safeguarded; REV-AFTER-EMERG on an emergency move) and a child's own review request. The
 * kit claims each event once, under the child's lock, in the transaction of these changes.
 */
export const reviewEventHandlers = defineEventHandlers({
  ChildRegistered: async (tem, e) => upsertChild(tem, e.payload),
  ChildUpdated: async (tem, e) => upsertChild(tem, e.payload),
  PeriodOfCareStarted: async (tem, e) => {
    const p = e.payload;
    await upsertChild(tem, p);
    const row = (await tem.findOne(PeriodOfCareEntity, { id: p.periodOfCareId })) ?? tem.create(PeriodOfCareEntity, { id: p.periodOfCareId, childId: p.childId, startedOn: p.startedOn });
    row.startedOn = p.startedOn;
    row.shortBreak = p.shortBreak;
    // The first review's date goes to the deadline ledger from here: the review cycle is this service's.
    await recordNextReviewDue(tem, hubCalendar(), row, null, { childId: p.childId, placingAuthority: p.placingAuthority, providerId: p.providerId ?? null });
  },
  ChildCeasedLookedAfter: async (tem, e) => {
    const p = e.payload;
    const row = (await tem.findOne(PeriodOfCareEntity, { id: p.periodOfCareId })) ?? tem.create(PeriodOfCareEntity, { id: p.periodOfCareId, childId: p.childId, startedOn: p.startedOn });
    row.endedOn = p.endedOn;
  },
  VisitRecorded: async (tem, e) => {
    if (!e.payload.welfareConcern) return;
    const period = await openPeriod(tem, e.payload.childId);
    // REV-VISIT-TRIGGER (CPPCR reg 30): the authority must review the case.
    if (period) await addEarlyTrigger(tem, hubCalendar(), period, 'WELFARE_NOT_SAFEGUARDED', e.payload.visitedOn, null, e.id);
  },
  SignificantEventRecorded: async (tem, e) => {
    const p = e.payload;
    if (p.kind === 'EMERGENCY_MOVE') {
      const period = await openPeriod(tem, p.childId);
      // REV-AFTER-EMERG / PA-EMERG-MOVE: a statutory review as soon as possible after the move.
      if (period) await addEarlyTrigger(tem, hubCalendar(), period, 'EMERGENCY_MOVE', londonDate(p.occurredAt), null, e.id);
    } else if (p.kind === 'CHILD_REQUESTS_REVIEW') {
      // PA-REVIEW-REQ (iii): the child asks for a review of the relevant plans.
      await createReviewRequest(tem, hubCalendar(), {
        childId: p.childId, reason: 'CHILD_REQUESTS', details: p.summary, requestedAt: new Date(p.occurredAt),
        requestedBy: p.recordedByOrg, providerId: p.providerId ?? null,
      }, null);
    }
  },
});
