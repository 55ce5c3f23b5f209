import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** Plan kinds (DOMAIN §2): care, placement, pathway, PEP, health, and the provider's PCPP. */
export const PLAN_KINDS = ['CARE', 'PLACEMENT', 'PATHWAY', 'PEP', 'HEALTH', 'PROVIDER'] as const;
export type PlanKindCode = (typeof PLAN_KINDS)[number];

/** Version lifecycle: DRAFT → SUBMITTED → ENDORSED → SUPERSEDED. */
export const PLAN_STATUSES = ['DRAFT', 'SUBMITTED', 'ENDORSED', 'SUPERSEDED'] as const;
export type PlanStatusCode = (typeof PLAN_STATUSES)[number];

/** A child's plan; its content lives in immutable {@link PlanVersionEntity} rows. */
@Entity({ tableName: 'plan' })
@Index({ properties: ['childId', 'kind'] })
// One provider plan per placement (PCPP-5WD): a second is refused even under concurrent creation.
@Unique({ name: 'plan_provider_placement_unique', expression: 'create unique index "plan_provider_placement_unique" on "plans"."plan" ("placement_id") where "kind" = \'PROVIDER\'' })
export class PlanEntity {
  [OptionalProps]?: 'id' | 'createdAt' | 'latestVersion';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  childId!: string;

  @Property({ type: 'string', length: 12 })
  kind!: PlanKindCode;

  @Property({ type: 'string', length: 40 })
  placingAuthority!: string;

  /** PLACEMENT and PROVIDER plans: the placement they are for. */
  @Property({ type: 'uuid', nullable: true })
  placementId?: string | null;

  /** PLACEMENT plans: the placement's provider (signs, PP-SIGNED); PROVIDER plans: the provider that owns it. */
  @Property({ type: 'string', length: 40, nullable: true })
  providerId?: string | null;

  @Property({ type: 'integer' })
  latestVersion: number = 0;

  @Property({ type: 'string', length: 100 })
  createdBy!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}
