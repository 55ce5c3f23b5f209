import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ChildAccess, ConflictError, ForbiddenError, InputError, NotFoundError, parseLocalDate, Principal, recordEvent, requireRole,
} from '@hub/service-kit';
import { now as hubNow, periodOfCareStartedPayload } from '@hub/service-kit';
import { londonDate, retainUntil } from '@hub/statutory';
import { ChildEntity } from './child.entity';
import { ChildContactEntity } from '../contact/child-contact.entity';
import { RegisterChildInput, UpdateChildInput } from './child.input';
import { syncChildAccess } from './child-access.sync';
import { CASE_WRITERS } from './child.policy';
import { AuthorityEntity } from '../reference-data/authority.entity';
import { PeriodOfCareEntity } from '../period-of-care/period-of-care.entity';
import { PlacementEntity } from '../placement/placement.entity';
import { SignificantEventEntity } from '../significant-event/significant-event.entity';
import { VisitEntity } from '../visit/visit.entity';
import { LEGAL_STATUS_CODES, LegalStatusCode, LegalStatusEntity } from '../period-of-care/legal-status.entity';

/**
 * Validates a date of the child's life (birth, death, care): a real date, not before 1900 (the
 * scalar's bound) and not in the future.
 * @param v - the date given
 * @param field - the input field, for the error
 * @returns the date
 */
export function lifeDate(v: string, field: string): string {
  const d = parseLocalDate(v, field);
  notFuture(d, field);
  return d;
}

/** Rejects a date after today (London). */
export function notFuture(date: string, field: string, today = londonDate(hubNow())): void {
  if (date > today) throw new InputError(`${field} cannot be in the future`, { field, reason: 'DATE_IN_FUTURE' });
}

function sameChild(c: ChildEntity, input: RegisterChildInput, dob: string): boolean {
  return c.givenName === input.givenName.trim() && c.familyName === input.familyName.trim() && c.dateOfBirth === dob;
}

function nonEmpty(v: string | undefined, field: string): string {
  const t = (v ?? '').trim();
  if (!t) throw new InputError(`${field} is required`, { field, reason: 'REQUIRED' });
  if (t.length > 100) throw new InputError(`${field} is too long`, { field, reason: 'TOO_LONG' });
  return t;
}

/** Validates an SSDA903 legal status code. */
export function legalStatusCode(code: string): LegalStatusCode {
  if (!(LEGAL_STATUS_CODES as readonly string[]).includes(code)) {
    throw new InputError(`unknown SSDA903 legal status ${code}`, { field: 'legalStatus', reason: 'UNKNOWN_LEGAL_STATUS' });
  }
  return code as LegalStatusCode;
}

/**
 * Loads a child for a change by its authority's staff: NOT_FOUND when unknown, FORBIDDEN when another
 * authority's.
 */
export async function childForWrite(em: EntityManager, p: Principal, id: string, what: string): Promise<ChildEntity> {
  requireRole(p, [...CASE_WRITERS], what);
  const child = await em.findOne(ChildEntity, { id });
  if (!child) throw new NotFoundError('no such child', { childId: id });
  if (child.placingAuthority !== p.org) throw new ForbiddenError(`not permitted to ${what} for this child`);
  return child;
}

/** Payload of ChildRegistered / ChildUpdated: the facts other services keep. */
export function childFacts(c: ChildEntity) {
  return { childId: c.id, placingAuthority: c.placingAuthority, dateOfBirth: c.dateOfBirth, dateOfDeath: c.dateOfDeath ?? null, name: `${c.givenName} ${c.familyName}` };
}

/** Registering, changing and deleting children. */
export class ChildService {
  constructor(private readonly em: EntityManager, private readonly principal: Principal) {}

  /** registerChild: one transaction for the child, its first period of care and status, access facts and events. */
  async register(input: RegisterChildInput): Promise<ChildEntity> {
    const p = this.principal;
    requireRole(p, [...CASE_WRITERS], 'register a child');
    const dob = lifeDate(input.dateOfBirth, 'dateOfBirth');
    const caseReference = input.caseReference != null ? nonEmpty(input.caseReference, 'caseReference') : null;
    if (input.placingAuthority !== p.org) {
      throw new ForbiddenError('a child can only be registered by its own placing authority', { field: 'placingAuthority' });
    }
    return this.em.transactional(async (em) => {
      if (!(await em.findOne(AuthorityEntity, { code: input.placingAuthority }))) {
        throw new InputError(`unknown authority ${input.placingAuthority}`, { field: 'placingAuthority', reason: 'UNKNOWN_AUTHORITY' });
      }
      if (caseReference) {
        // A repeat of the same registration answers with the first; another child under the same case
        // reference is a conflict. The unique index settles concurrent repeats.
        const existing = await em.findOne(ChildEntity, { placingAuthority: input.placingAuthority, caseReference });
        if (existing && sameChild(existing, input, dob)) return existing;
        if (existing) {
          throw new ConflictError(`case reference ${caseReference} is already used for another child`, { reason: 'CASE_REFERENCE_IN_USE', field: 'caseReference', childId: existing.id });
        }
      }
      const child = em.create(ChildEntity, {
        givenName: nonEmpty(input.givenName, 'givenName'),
        familyName: nonEmpty(input.familyName, 'familyName'),
        dateOfBirth: dob,
        placingAuthority: input.placingAuthority,
        sex: input.sex ?? null,
        ethnicity: input.ethnicity ?? null,
        religion: input.religion ?? null,
        language: input.language ?? null,
        genderIdentity: input.genderIdentity ?? null,
        caseReference,
        ehcPlan: input.ehcPlan?.trim() || null,
        socialWorkerName: input.socialWorker?.name ?? null,
        socialWorkerEmail: input.socialWorker?.email ?? null,
        personalAdviserName: input.personalAdviser?.name ?? null,
      });
      recordEvent(em, { type: 'ChildRegistered', aggregateType: 'Child', aggregateId: child.id, childId: child.id, payload: childFacts(child), actor: p });
      if (input.becameLookedAfterOn != null) {
        const start = lifeDate(input.becameLookedAfterOn, 'becameLookedAfterOn');
        if (start < dob) throw new InputError('a child cannot become looked after before birth', { field: 'becameLookedAfterOn', reason: 'BEFORE_BIRTH' });
        const period = em.create(PeriodOfCareEntity, { childId: child.id, startedOn: start, shortBreak: input.shortBreak ?? false });
        if (input.legalStatus != null) em.create(LegalStatusEntity, { childId: child.id, code: legalStatusCode(input.legalStatus), startedOn: start });
        recordEvent(em, {
          type: 'PeriodOfCareStarted', aggregateType: 'PeriodOfCare', aggregateId: period.id, childId: child.id,
          payload: periodOfCareStartedPayload(child, period, input.legalStatus ?? null),
          actor: p,
        });
      } else if (input.legalStatus != null) {
        throw new InputError('a legal status needs becameLookedAfterOn', { field: 'legalStatus', reason: 'NEEDS_PERIOD_OF_CARE' });
      }
      await em.flush();
      await syncChildAccess(em, child);
      return child;
    });
  }

  /** updateChild: changes the fields given; the date of birth cannot move after any period of care. */
  async update(id: string, input: UpdateChildInput): Promise<ChildEntity> {
    return this.em.transactional(async (em) => {
      const child = await childForWrite(em, this.principal, id, 'update the child');
      if (input.dateOfBirth !== undefined && input.dateOfBirth !== null) {
        const dob = lifeDate(input.dateOfBirth, 'dateOfBirth');
        const first = await em.findOne(PeriodOfCareEntity, { childId: id }, { orderBy: { startedOn: 'asc' } });
        if (first && first.startedOn < dob) throw new InputError('date of birth after the child became looked after', { field: 'dateOfBirth', reason: 'BEFORE_BIRTH' });
        child.dateOfBirth = dob;
      }
      if (input.dateOfDeath !== undefined && input.dateOfDeath !== null) {
        const dod = lifeDate(input.dateOfDeath, 'dateOfDeath');
        if (dod < child.dateOfBirth) throw new InputError('date of death before birth', { field: 'dateOfDeath', reason: 'BEFORE_BIRTH' });
        child.dateOfDeath = dod;
      }
      if (input.givenName !== undefined && input.givenName !== null) child.givenName = nonEmpty(input.givenName, 'givenName');
      if (input.familyName !== undefined && input.familyName !== null) child.familyName = nonEmpty(input.familyName, 'familyName');
      if (input.caseReference !== undefined && input.caseReference !== null) child.caseReference = nonEmpty(input.caseReference, 'caseReference');
      if (input.ehcPlan !== undefined && input.ehcPlan !== null) child.ehcPlan = input.ehcPlan.trim() || null;
      for (const k of ['sex', 'ethnicity', 'religion', 'language', 'genderIdentity'] as const) {
        if (input[k] !== undefined && input[k] !== null) child[k] = input[k];
      }
      if (input.socialWorker) {
        child.socialWorkerName = nonEmpty(input.socialWorker.name, 'socialWorker.name');
        child.socialWorkerEmail = input.socialWorker.email ?? null;
      }
      if (input.personalAdviser) child.personalAdviserName = nonEmpty(input.personalAdviser.name, 'personalAdviser.name');
      recordEvent(em, { type: 'ChildUpdated', aggregateType: 'Child', aggregateId: child.id, childId: child.id, payload: childFacts(child), actor: this.principal });
      return child;
    });
  }

  /** deleteChild: refused before the retention date (RET-LA-75, RET-CH-75). */
  async delete(id: string, today = londonDate(hubNow())): Promise<boolean> {
    return this.em.transactional(async (em) => {
      const child = await childForWrite(em, this.principal, id, 'delete the child');
      const until = retainUntil({ dateOfBirth: child.dateOfBirth, dateOfDeath: child.dateOfDeath ?? undefined }).date;
      if (today < until) {
        throw new ConflictError(`the record must be kept until ${until} (RET-LA-75)`, { reason: 'RETENTION_PERIOD', ruleId: 'RET-LA-75', retainUntil: until });
      }
      recordEvent(em, { type: 'ChildDeleted', aggregateType: 'Child', aggregateId: id, childId: id, payload: { childId: id, placingAuthority: child.placingAuthority }, actor: this.principal });
      for (const entity of [PlacementEntity, PeriodOfCareEntity, LegalStatusEntity, SignificantEventEntity, VisitEntity, ChildContactEntity]) {
        await em.nativeDelete(entity as never, { childId: id } as never);
      }
      await em.nativeDelete(ChildAccess, { childId: id });
      await em.nativeDelete(ChildEntity, { id });
      return true;
    });
  }
}
