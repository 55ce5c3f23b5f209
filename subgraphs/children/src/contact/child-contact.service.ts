import type { EntityManager } from '@mikro-orm/postgresql';
import { InputError, Principal } from '@hub/service-kit';
import { childForWrite } from '../child/child.service';
import { ChildContactEntity, CONTACT_CHANNELS, CONTACT_RELATIONSHIPS, ContactChannel, ContactRelationship, contactAddress } from './child-contact.entity';

/** Input of recordChildContact. */
export interface ChildContactInput {
  childId: string;
  name: string;
  relationship: string;
  channel: string;
  email?: string | null;
  postalAddress?: string | null;
}

/** The people in a child's record told of decisions about contact (CPPCR reg 8). */
export class ChildContactService {
  constructor(private readonly em: EntityManager, private readonly principal: Principal) {}

  /**
   * recordChildContact: by the placing authority's case staff, in the caller's transaction. A name is required;
   * an address may be unknown (a notice to the person then fails, saying which address is missing).
   */
  async record(input: ChildContactInput): Promise<ChildContactEntity> {
    const child = await childForWrite(this.em, this.principal, input.childId, 'record a contact');
    const name = input.name.trim();
    if (!name) throw new InputError('name is required', { field: 'name', reason: 'REQUIRED' });
    if (!(CONTACT_RELATIONSHIPS as readonly string[]).includes(input.relationship)) {
      throw new InputError(`unknown relationship ${input.relationship}`, { field: 'relationship', reason: 'UNKNOWN_RELATIONSHIP' });
    }
    if (!(CONTACT_CHANNELS as readonly string[]).includes(input.channel)) throw new InputError(`unknown channel ${input.channel}`, { field: 'channel', reason: 'UNKNOWN_CHANNEL' });
    const row = this.em.create(ChildContactEntity, {
      childId: child.id, name, relationship: input.relationship as ContactRelationship, channel: input.channel as ContactChannel,
      email: input.email?.trim() || null, postalAddress: input.postalAddress?.trim() || null, recordedBy: this.principal.sub,
    });
    await this.em.flush();
    return row;
  }
}

/** A reg 8 recipient as the CONTACT_REFUSED event carries it to notifications (which never reads this table). */
export interface Reg8Recipient {
  contactId: string;
  name: string;
  relationship: ContactRelationship;
  channel: ContactChannel;
  /** The address the channel needs; null when the record has none. */
  address: string | null;
}

/**
 * The people a refusal of contact must be notified to (reg 8(3)), from the child's record, oldest first.
 * @param em - the transaction
 * @param childId - the child
 * @returns one recipient per recorded contact
 */
export async function reg8Recipients(em: EntityManager, childId: string): Promise<Reg8Recipient[]> {
  const rows = await em.find(ChildContactEntity, { childId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  return rows.map((c) => ({ contactId: c.id, name: c.name, relationship: c.relationship, channel: c.channel, address: contactAddress(c) }));
}
