import type { EntityManager } from '@mikro-orm/postgresql';
import type { RecipientRef } from '../rules/notification-rules';
import type { ChannelCode } from '../notification/notification.entity';
import { AuthorityEndpointEntity } from './authority-endpoint.entity';
import { IroContactEntity } from './iro-contact.entity';
import { ChildContactAddressEntity } from './child-contact.entity';
import { CONTACT_KINDS } from '../rules/notification-rules';

/** Where and how to deliver to a recipient. */
export interface DeliveryTarget {
  channel: ChannelCode;
  /** null while no address is configured (delivery then fails visibly). */
  address: string | null;
  /** The HMAC key of a webhook. */
  secret?: string;
  /** For an IRO: who is assigned now (an IRO assigned after the event still receives it). */
  iro?: { sub: string; name: string | null };
}

/**
 * Looks up a recipient's current address: the child's IRO from IroAssigned facts (e-mail), an authority or
 * provider from `authority_endpoint` (a webhook with a secret is preferred over e-mail), Ofsted from configuration.
 * Called when notifications are created and again at each delivery, so fixing an endpoint and retrying works.
 * @param em - an EntityManager of the service
 * @param r - the recipient
 * @param childId - the child (for the IRO)
 * @param ofstedEmail - configured Ofsted address
 * @returns the target
 */
export async function resolveTarget(em: EntityManager, r: Pick<RecipientRef, 'kind' | 'code'>, childId: string | null, ofstedEmail: string): Promise<DeliveryTarget> {
  if (r.kind === 'OFSTED') return { channel: 'EMAIL', address: ofstedEmail };
  if (r.kind === 'IRO') {
    const iro = childId ? await em.findOne(IroContactEntity, { childId }) : null;
    return { channel: 'EMAIL', address: iro?.email ?? null, iro: iro ? { sub: iro.iroSub, name: iro.name ?? null } : undefined };
  }
  if ((CONTACT_KINDS as readonly string[]).includes(r.kind)) {
    // A person from the child's record (CON-REG8): their e-mail, or for a letter the placing authority's endpoint
    // (which posts it); no address recorded for the chosen channel leaves the address null (delivery fails, saying so).
    const c = r.code ? await em.findOne(ChildContactAddressEntity, { contactId: r.code }) : null;
    if (!c?.address) return { channel: 'EMAIL', address: null };
    if (c.channel === 'EMAIL') return { channel: 'EMAIL', address: c.address };
    return authorityTarget(em, c.placingAuthority ?? null);
  }
  return authorityTarget(em, r.code);
}

async function authorityTarget(em: EntityManager, code: string | null): Promise<DeliveryTarget> {
  const ep = code ? await em.findOne(AuthorityEndpointEntity, { code }) : null;
  if (ep?.webhookUrl && ep.webhookSecret) return { channel: 'WEBHOOK', address: ep.webhookUrl, secret: ep.webhookSecret };
  return { channel: 'EMAIL', address: ep?.email ?? null };
}
