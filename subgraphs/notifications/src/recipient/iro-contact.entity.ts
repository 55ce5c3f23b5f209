import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** The IRO assigned to a child, kept from IroAssigned events (name and e-mail for delivery). */
@Entity({ tableName: 'iro_contact' })
export class IroContactEntity {
  [OptionalProps]?: 'updatedAt';

  @PrimaryKey({ type: 'string', length: 64 })
  childId!: string;

  @Property({ type: 'string', length: 64 })
  iroSub!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  name?: string | null;

  @Property({ type: 'string', length: 320, nullable: true })
  email?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
