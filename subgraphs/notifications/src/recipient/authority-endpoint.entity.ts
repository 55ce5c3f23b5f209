import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Where an organisation receives notifications: a signed webhook and/or an e-mail address. Keyed by the
 * organisation code: a local-authority code, or a provider id for circulation to providers (CIRC-CP).
 */
@Entity({ tableName: 'authority_endpoint' })
export class AuthorityEndpointEntity {
  [OptionalProps]?: 'updatedAt';

  @PrimaryKey({ type: 'string', length: 64 })
  code!: string;

  @Property({ type: 'string', length: 500, nullable: true })
  webhookUrl?: string | null;

  /** HMAC-SHA256 key for `X-Hub-Signature`; never returned by the API. */
  @Property({ type: 'string', length: 200, nullable: true })
  webhookSecret?: string | null;

  @Property({ type: 'string', length: 320, nullable: true })
  email?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
