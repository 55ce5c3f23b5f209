import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A local authority that looks after children (its code is the organisation claim of its staff). */
@Entity({ tableName: 'authority' })
export class AuthorityEntity {
  @PrimaryKey({ type: 'string', length: 40 })
  code!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** Where webhooks for this authority are delivered (notifications keeps its own copy). */
  @Property({ type: 'string', length: 500, nullable: true })
  notificationEmail?: string | null;
}
