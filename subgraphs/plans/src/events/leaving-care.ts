import type { EntityManager } from '@mikro-orm/postgresql';
import { hubCalendar } from '@hub/service-kit';
import { addDays, anniversary, leavingCareStatus, needsAssessmentDue } from '@hub/statutory';
import { ChildFactEntity } from '../facts/child-fact.entity';
import { PeriodFactEntity } from '../facts/period-fact.entity';
import { compute, markNotApplicable, overridesOf, upsertDeadline } from '../deadline/ledger';

/** Subject key of the leaving-care clocks of a child. */
export const leavingCareSubject = (childId: string) => `child:${childId}:leaving-care`;

/**
 * Recomputes PWP-ASSESS-3M and PWP-LOCAL-16Y3M from the date of birth and the periods of care seen so far.
 * Eligibility (AGE-ELIGIBLE, AGE-13WK-COUNT) is judged as it would stand the day before the 18th birthday if open
 * periods continue, so a child who will become eligible gets the clocks as soon as the facts are known; when the
 * facts change so that the child never becomes eligible, unmet clocks become NOT_APPLICABLE.
 * @param em - the unit of work
 * @param childId - the child
 */
export async function recomputeLeavingCare(em: EntityManager, childId: string): Promise<void> {
  const child = await em.findOne(ChildFactEntity, { childId });
  if (!child?.dateOfBirth) return;
  const periods = await em.find(PeriodFactEntity, { childId }, { orderBy: { startedOn: 'asc' } });
  if (periods.length === 0) return;
  const dob = child.dateOfBirth;
  const status = leavingCareStatus({
    dateOfBirth: dob,
    periods: periods.map((p) => ({ start: p.startedOn, end: p.endedOn ?? null, shortBreak: p.shortBreak })),
    asOf: addDays(anniversary(dob, 18), -1),
  });
  const subject = { childId, subjectKey: leavingCareSubject(childId), placingAuthority: child.placingAuthority, periodId: null };
  if (!status.eligibleFrom) {
    await markNotApplicable(em, { childId, subjectKey: subject.subjectKey }, 'the child does not become an eligible child (AGE-ELIGIBLE)');
    return;
  }
  const calendar = hubCalendar();
  // PWP-ASSESS-3M: reg 42(1), 3 months after the later of the 16th birthday and eligibility (C-05).
  await upsertDeadline(em, subject, 'PWP-ASSESS-3M', needsAssessmentDue({ dateOfBirth: dob, eligibleFrom: status.eligibleFrom, calendar }));
  // PWP-LOCAL-16Y3M (seed 002, LOCAL): the first pathway plan by 16 years 3 months, if the authority keeps the rule.
  await upsertDeadline(em, subject, 'PWP-LOCAL-16Y3M', compute('PWP-LOCAL-16Y3M', anniversary(dob, 16), await overridesOf(em, child.placingAuthority)));
}
