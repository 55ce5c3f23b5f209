import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** SSDA903 legal status codes (LS). */
export const LEGAL_STATUS_CODES = ['C1', 'C2', 'D1', 'E1', 'V2', 'V3', 'V4', 'J1', 'J2', 'J3', 'L1', 'L2', 'L3'] as const;
export type LegalStatusCode = (typeof LEGAL_STATUS_CODES)[number];

/** A legal status held for a span of dates. */
@Entity({ tableName: 'legal_status' })
@Index({ properties: ['childId', 'startedOn'] })
export class LegalStatusEntity {
  [OptionalProps]?: 'id';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  childId!: string;

  @Property({ type: 'string', length: 4 })
  code!: LegalStatusCode;

  @Property({ type: 'string', columnType: 'date' })
  startedOn!: string;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  endedOn?: string | null;
}
