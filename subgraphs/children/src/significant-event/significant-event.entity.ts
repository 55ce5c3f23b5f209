import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * Kinds of significant event in a child's chronology. The IRO-N* ids (DOMAIN.md §5.1) and the Reg 40 serious
 * events (§6) are driven by these kinds in the notifications service.
 */
export const SIGNIFICANT_EVENT_KINDS = [
  'MISSING',                 // IRO-N3-MISSING
  'SAFEGUARDING_CONCERN',    // IRO-N2-SAFEGUARDING
  'COMPLAINT',               // IRO-N4-COMPLAINT
  'CHARGED_WITH_OFFENCE',    // IRO-N5-CHARGED
  'EXCLUDED_FROM_SCHOOL',    // IRO-N6-EXCLUDED
  'HEALTH_CONCERN',          // IRO-N7-HEALTH (including accidents)
  'PLACED_OUT_OF_AREA',      // IRO-N1-OUTOFAREA
  'EMERGENCY_MOVE',          // PA-EMERG-MOVE / REV-AFTER-EMERG
  'CONTACT_REFUSED',         // CON-S34-7D / CON-REG8
  'CONTACT_RESUMED',         // CON-S34-7D met: contact resumed after an urgent refusal
  'S34_APPLICATION_MADE',    // CON-S34-7D met: an application to court under s34 (refusal beyond 7 days)
  'CHILD_REQUESTS_REVIEW',   // PA-REVIEW-REQ (iii)
  'DEATH',                   // R40-DEATH
  'DBS_REFERRAL',            // R40-DBS
  'SEXUAL_EXPLOITATION',     // R40-SERIOUS (a)
  'SERIOUS_POLICE_INCIDENT', // R40-SERIOUS (b)
  'ALLEGATION_OF_ABUSE',     // R40-SERIOUS (c)
  'CHILD_PROTECTION_ENQUIRY',// R40-SERIOUS (d)
  'OTHER_SERIOUS_EVENT',     // R40-SERIOUS catch-all
] as const;
export type SignificantEventKind = (typeof SIGNIFICANT_EVENT_KINDS)[number];

/** One entry in a child's chronology. */
@Entity({ tableName: 'significant_event' })
@Index({ properties: ['childId', 'occurredAt'] })
export class SignificantEventEntity {
  [OptionalProps]?: 'id' | 'recordedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  childId!: string;

  @Property({ type: 'string', length: 40 })
  kind!: SignificantEventKind;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  occurredAt!: Date;

  @Property({ type: 'string', length: 500 })
  summary!: string;

  /** Sensitive detail (safeguarding, health): shown only to roles with a need. */
  @Property({ type: 'text', nullable: true })
  details?: string | null;

  /** The placement (and so the provider) at the time, if any. */
  @Property({ type: 'uuid', nullable: true })
  placementId?: string | null;

  @Property({ type: 'string', length: 40, nullable: true })
  providerId?: string | null;

  /** For CONTACT_REFUSED: the s34(6) refusal's intended length in days (at most 7). */
  @Property({ type: 'integer', nullable: true })
  durationDays?: number | null;

  @Property({ type: 'string', length: 128 })
  recordedBy!: string;

  @Property({ type: 'string', length: 64 })
  recordedByOrg!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  recordedAt: Date = new Date();
}
