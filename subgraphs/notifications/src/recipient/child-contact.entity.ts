import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A person the children service named as a reg 8 recipient of a refusal of contact (CON-REG8), kept from the
 * CONTACT_REFUSED event that carried them (services never read each other's tables). The latest event's address
 * wins, so recording a corrected address and the next refusal, or a retry after it, reaches them.
 */
@Entity({ tableName: 'child_contact' })
export class ChildContactAddressEntity {
  @PrimaryKey({ type: 'string', length: 64 })
  contactId!: string;

  @Property({ type: 'string', length: 64 })
  childId!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** CHILD, PARENT, PREVIOUS_CARER_UNDER_ORDER or OTHER_RELEVANT. */
  @Property({ type: 'string', length: 30 })
  relationship!: string;

  /** EMAIL (sent by the hub) or POST (sent to the placing authority, which posts the letter). */
  @Property({ type: 'string', length: 10 })
  channel!: string;

  @Property({ type: 'string', length: 500, nullable: true })
  address?: string | null;

  @Property({ type: 'string', length: 40, nullable: true })
  placingAuthority?: string | null;
}
