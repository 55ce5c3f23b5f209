import type { EntityManager } from '@mikro-orm/postgresql';
import { ChildAccess, childConcerns, ConflictError, InputError, now as hubNow, Principal, recordEvent } from '@hub/service-kit';
import { londonDate } from '@hub/statutory';
import { IroAssignmentEntity } from './iro-assignment.entity';
import { IroInput } from './iro.type';
import { IRO_APPOINTERS, requireChildPermission } from '../access';

/** IRO-APPOINT: assigning an Independent Reviewing Officer to a child's case. */
export class IroService {
  constructor(private readonly em: EntityManager, private readonly principal: Principal) {}

  /**
   * assignIro: ends the current assignment, records the new one, moves the IRO's access to the child in the same
   * transaction, and emits IroAssigned (the children service and the others update their access facts from it).
   */
  async assign(childId: string, iro: IroInput, assignedOn?: string | null): Promise<IroAssignmentEntity> {
    const on = assignedOn ?? londonDate(hubNow());
    if (on > londonDate(hubNow())) throw new InputError('assignedOn cannot be in the future', { field: 'assignedOn', reason: 'DATE_IN_FUTURE' });
    if (!iro.id.trim() || !iro.name.trim()) throw new InputError('the IRO needs an id and a name', { field: 'iro', reason: 'MISSING_IRO_DETAILS' });
    return this.em.transactional(async (em) => {
      await requireChildPermission(em, this.principal, childId, { relations: ['AUTHORITY'], authorityRoles: IRO_APPOINTERS }, 'assign an IRO');
      const current = await em.findOne(IroAssignmentEntity, { childId, endedOn: null }, { orderBy: { assignedAt: 'desc' } });
      if (current?.iroId === iro.id) throw new ConflictError('this IRO is already assigned', { reason: 'ALREADY_ASSIGNED' });
      if (current && on < current.assignedOn) {
        throw new InputError('the new assignment predates the current one', { field: 'assignedOn', reason: 'BEFORE_CURRENT_ASSIGNMENT' });
      }
      if (current) current.endedOn = on;
      const row = em.create(IroAssignmentEntity, { childId, iroId: iro.id, name: iro.name, email: iro.email ?? null, phone: iro.phone ?? null, assignedOn: on });
      // The IRO sees the child from this commit on, in this service as well as (by the event) in the others.
      const access = await em.findOneOrFail(ChildAccess, { childId });
      access.iroSub = iro.id;
      recordEvent(em, {
        type: 'IroAssigned', aggregateType: 'Child', aggregateId: childId, childId,
        payload: { ...(await childConcerns(em, childId)), iroId: iro.id, iroName: iro.name, iroEmail: iro.email ?? null, iroPhone: iro.phone ?? null, assignedOn: on },
        actor: this.principal,
      });
      return row;
    });
  }
}
