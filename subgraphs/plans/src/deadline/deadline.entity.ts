import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { DeadlineBasis } from '@hub/statutory';

const OPEN = 'where "met_at" is null and "not_applicable" = false';

/**
 * One entry of the deadline ledger: a statutory or local duty about a subject (`placement:<id>`, `period:<id>`,
 * `review:<id>`…). Unique per (child, rule, subject), so recomputing from a redelivered event updates, never adds.
 * The partial indexes serve Query.overdue: unmet rows by authority, by provider, or by due instant; and the unmet rows
 * waiting for a newer calendar (no due instant yet), by authority.
 */
@Entity({ tableName: 'deadline' })
@Unique({ properties: ['childId', 'ruleId', 'subjectKey'] })
@Index({ properties: ['placingAuthority', 'metAt', 'notApplicable', 'dueAt'] })
@Index({ name: 'deadline_open_authority_idx', expression: `create index "deadline_open_authority_idx" on "plans"."deadline" ("placing_authority", "due_at", "id") ${OPEN}` })
@Index({ name: 'deadline_open_provider_idx', expression: `create index "deadline_open_provider_idx" on "plans"."deadline" ("provider_id", "due_at", "id") ${OPEN}` })
@Index({ name: 'deadline_open_due_idx', expression: `create index "deadline_open_due_idx" on "plans"."deadline" ("due_at", "id") ${OPEN}` })
@Index({ name: 'deadline_beyond_calendar_idx', expression: `create index "deadline_beyond_calendar_idx" on "plans"."deadline" ("placing_authority") where "due_at" is null and "met_at" is null and "not_applicable" = false` })
@Index({ properties: ['periodId'] })
@Index({ properties: ['placementId'] })
export class DeadlineEntity {
  [OptionalProps]?: 'id' | 'notApplicable' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  childId!: string;

  @Property({ type: 'string', length: 40 })
  ruleId!: string;

  @Property({ type: 'string', length: 200 })
  subjectKey!: string;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'string', length: 40 })
  placingAuthority!: string;

  /** The provider at the time (Query.overdue(provider)). */
  @Property({ type: 'string', length: 40, nullable: true })
  providerId?: string | null;

  /** The period of care it belongs to: ChildCeasedLookedAfter makes unmet ones NOT_APPLICABLE. */
  @Property({ type: 'uuid', nullable: true })
  periodId?: string | null;

  /** The placement it belongs to: PlacementEnded makes unmet ones NOT_APPLICABLE. */
  @Property({ type: 'uuid', nullable: true })
  placementId?: string | null;

  /** Null while the date cannot be computed: the count runs past the bank-holiday calendar (status BEYOND_CALENDAR). */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  dueAt!: Date | null;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  dueDate!: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  metAt?: Date | null;

  @Property({ type: 'boolean' })
  notApplicable: boolean = false;

  @Property({ type: 'text', nullable: true })
  notApplicableReason?: string | null;

  /** The engine's DeadlineBasis (how the date was computed). */
  @Property({ type: 'json' })
  basis!: DeadlineBasis;

  @Property({ type: 'string', length: 12 })
  class!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
