import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * Who a contact is to the child, in the terms of CPPCR reg 8(3) (notice of a refusal of contact):
 * CHILD — the child's own address, recorded when the child is of sufficient age and understanding to be told;
 * PARENT — a parent (or guardian);
 * PREVIOUS_CARER_UNDER_ORDER — who had care of the child under a court order immediately before the care order;
 * OTHER_RELEVANT — any other person whose wishes and feelings the authority considers relevant.
 */
export const CONTACT_RELATIONSHIPS = ['CHILD', 'PARENT', 'PREVIOUS_CARER_UNDER_ORDER', 'OTHER_RELEVANT'] as const;
export type ContactRelationship = (typeof CONTACT_RELATIONSHIPS)[number];

/** How the person is to get written notices: by e-mail, or by letter (the placing authority posts it). */
export const CONTACT_CHANNELS = ['EMAIL', 'POST'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** A person in the child's record who must be told of decisions about contact (reg 8), with their address. */
@Entity({ tableName: 'child_contact' })
@Index({ properties: ['childId'] })
export class ChildContactEntity {
  [OptionalProps]?: 'id' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 64 })
  childId!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 30 })
  relationship!: ContactRelationship;

  @Property({ type: 'string', length: 10 })
  channel!: ContactChannel;

  @Property({ type: 'string', length: 200, nullable: true })
  email?: string | null;

  @Property({ type: 'string', length: 500, nullable: true })
  postalAddress?: string | null;

  @Property({ type: 'string', length: 128 })
  recordedBy!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}

/**
 * The address the chosen channel needs, or null when the record has none (the notice then fails with that reason).
 * @param c - the contact
 * @returns the e-mail address or postal address
 */
export function contactAddress(c: Pick<ChildContactEntity, 'channel' | 'email' | 'postalAddress'>): string | null {
  return (c.channel === 'EMAIL' ? c.email : c.postalAddress) || null;
}
