import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** What the SSDA903 return needs about a child beyond the record: the unique pupil number and, for mothers, MOTHER/MC_DOB. */
@Entity({ tableName: 'ssda903_child' })
export class Ssda903ChildEntity {
  [OptionalProps]?: 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  childId!: string;

  /** UPN: 13 characters, or UN1–UN10 where the child has none. */
  @Property({ type: 'string', length: 13, nullable: true })
  upn?: string | null;

  /** MC_DOB: date of birth of the mother's (the looked-after young woman's) first child, when she is a mother. */
  @Property({ type: 'string', columnType: 'date', nullable: true })
  motherChildDob?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** The return's facts about a period of care: category of need (CIN) and the home postcode (HOME_POST). */
@Entity({ tableName: 'ssda903_period' })
@Index({ properties: ['childId'] })
export class Ssda903PeriodEntity {
  @PrimaryKey({ type: 'uuid' })
  periodOfCareId!: string;

  @Property({ type: 'uuid' })
  childId!: string;

  /** CIN: N1–N8. */
  @Property({ type: 'string', length: 2, nullable: true })
  needCode?: string | null;

  /** HOME_POST: the postcode of the home the child was living at when they became looked after. */
  @Property({ type: 'string', length: 8, nullable: true })
  homePostcode?: string | null;
}

/** The return's facts about a placement: PLACE_PROVIDER, PL_POST and URN. */
@Entity({ tableName: 'ssda903_placement' })
@Index({ properties: ['childId'] })
export class Ssda903PlacementEntity {
  @PrimaryKey({ type: 'uuid' })
  placementId!: string;

  @Property({ type: 'uuid' })
  childId!: string;

  /** PLACE_PROVIDER: PR0–PR5. */
  @Property({ type: 'string', length: 3, nullable: true })
  placeProvider?: string | null;

  /** PL_POST: the placement's postcode. */
  @Property({ type: 'string', length: 8, nullable: true })
  postcode?: string | null;

  /** URN: the Ofsted unique reference number, XXXXXXX where the setting has none. */
  @Property({ type: 'string', length: 8, nullable: true })
  urn?: string | null;
}

/** A missing or away-without-authorisation episode (the return's Missing table). */
@Entity({ tableName: 'missing_episode' })
@Index({ properties: ['childId', 'startedOn'] })
@Unique({ properties: ['childId', 'startedOn', 'kind'] })
export class MissingEpisodeEntity {
  [OptionalProps]?: 'id' | 'recordedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  childId!: string;

  /** MISSING: M missing, A away without authorisation. */
  @Property({ type: 'string', length: 1 })
  kind!: string;

  @Property({ type: 'string', columnType: 'date' })
  startedOn!: string;

  /** Blank while the child is still missing. */
  @Property({ type: 'string', columnType: 'date', nullable: true })
  endedOn?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  recordedAt: Date = new Date();
}

/** A care leaver's situation around a birthday from the 17th to the 21st (the return's OC3 table). */
@Entity({ tableName: 'care_leaver_status' })
@Unique({ properties: ['childId', 'birthday'] })
export class CareLeaverStatusEntity {
  [OptionalProps]?: 'id' | 'recordedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  childId!: string;

  /** Which birthday, 17 to 21. */
  @Property({ type: 'integer' })
  birthday!: number;

  /** IN_TOUCH: YES, NO, DIED, REFU, NREQ, RHOM. */
  @Property({ type: 'string', length: 4 })
  inTouch!: string;

  /** ACTIV: F1 … G6, 0. */
  @Property({ type: 'string', length: 2 })
  activity!: string;

  /** ACCOM: B1 … Z2, 0. */
  @Property({ type: 'string', length: 2 })
  accommodation!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  recordedAt: Date = new Date();
}

export const ssda903Entities = [Ssda903ChildEntity, Ssda903PeriodEntity, Ssda903PlacementEntity, MissingEpisodeEntity, CareLeaverStatusEntity];
