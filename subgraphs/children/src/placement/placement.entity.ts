import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** SSDA903 placement types (PLACE), across the 2022–23 and 2025–26 lists. */
export const PLACEMENT_TYPES = [
  'A3', 'A4', 'A5', 'A6', 'H5', 'K1', 'K2', 'K3', 'P1', 'P2', 'P3', 'R1', 'R2', 'R3', 'R5', 'S1',
  'T0', 'T1', 'T2', 'T3', 'T4', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'Z1', 'Z11', 'Z12', 'Z13', 'Z14',
] as const;
export type PlacementType = (typeof PLACEMENT_TYPES)[number];

/** A placement of a child with a provider, from an instant (date and time matter for the 72-hour clock). */
@Entity({ tableName: 'placement' })
@Index({ properties: ['childId', 'startedAt'] })
@Index({ properties: ['providerId', 'startedAt'] })
export class PlacementEntity {
  [OptionalProps]?: 'id' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  childId!: string;

  @Property({ type: 'uuid' })
  periodOfCareId!: string;

  @Property({ type: 'string', length: 40 })
  providerId!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  startedAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  endedAt?: Date | null;

  @Property({ type: 'string', length: 4 })
  placementType!: PlacementType;

  @Property({ type: 'boolean' })
  isEmergency: boolean = false;

  @Property({ type: 'boolean' })
  isOutOfArea: boolean = false;

  /** The placement is intended to last until the child is 18 (CPPCR reg 28(2)(c)(i): 3-monthly visits after year 1). */
  @Property({ type: 'boolean' })
  intendedUntil18: boolean = false;

  /** A young offender institution or secure training centre (VIS-YOI). */
  @Property({ type: 'boolean' })
  custody: boolean = false;

  @Property({ type: 'string', length: 500, nullable: true })
  address?: string | null;

  /** SSDA903 REASON_PLACE_CHANGE, recorded when the placement ends. */
  @Property({ type: 'string', length: 8, nullable: true })
  endReason?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}
