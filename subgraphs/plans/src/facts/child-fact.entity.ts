import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * What this service knows of a child, kept from ChildRegistered/ChildUpdated, PeriodOfCareStarted and IroAssigned
 * events (never read from the children schema).
 */
@Entity({ tableName: 'child_fact' })
export class ChildFactEntity {
  [OptionalProps]?: 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  childId!: string;

  @Property({ type: 'string', length: 40 })
  placingAuthority!: string;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  dateOfBirth?: string | null;

  /** The IRO's name and contact details (CP-IRO-DETAILS: care plans default to them). */
  @Property({ type: 'string', length: 64, nullable: true })
  iroId?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  iroName?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  iroEmail?: string | null;

  @Property({ type: 'string', length: 60, nullable: true })
  iroPhone?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
