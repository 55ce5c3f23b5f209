import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * What the reviews service knows about a child, kept from ChildRegistered / ChildUpdated / PeriodOfCareStarted
 * events (never read from the children schema). The date of birth decides the participation code (§14.6).
 */
@Entity({ tableName: 'review_child' })
export class ReviewChildEntity {
  [OptionalProps]?: 'updatedAt';

  @PrimaryKey({ type: 'string', length: 64 })
  childId!: string;

  @Property({ type: 'string', length: 40 })
  placingAuthority!: string;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  dateOfBirth?: string | null;

  @Property({ type: 'string', length: 250, nullable: true })
  name?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
