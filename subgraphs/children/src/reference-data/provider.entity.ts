import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Kinds of provider. */
export const PROVIDER_KINDS = ['CHILDRENS_HOME', 'SUPPORTED_ACCOMMODATION', 'FOSTERING_AGENCY', 'SECURE_CHILDRENS_HOME', 'OTHER'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** A children's home, supported-accommodation or other provider (its id is the organisation claim of its staff). */
@Entity({ tableName: 'provider' })
export class ProviderEntity {
  @PrimaryKey({ type: 'string', length: 40 })
  id!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 40 })
  kind!: ProviderKind;

  /** Ofsted unique reference number. */
  @Property({ type: 'string', length: 20, nullable: true })
  urn?: string | null;

  /** The local authority in whose area the provision is (the host authority for CHR reg 41). */
  @Property({ type: 'string', length: 40, nullable: true })
  hostAuthority?: string | null;
}
