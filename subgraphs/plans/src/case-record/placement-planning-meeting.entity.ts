import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** Someone at a Placement Planning Meeting. */
export interface MeetingAttendee {
  name: string;
  role: string;
}

/** A Placement Planning Meeting held (PPM-72H, seed 001): when, for which placement, who attended. */
@Entity({ tableName: 'placement_planning_meeting' })
@Index({ properties: ['childId', 'heldAt'] })
@Index({ properties: ['placementId'] })
export class PlacementPlanningMeetingEntity {
  [OptionalProps]?: 'id' | 'recordedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  childId!: string;

  @Property({ type: 'uuid' })
  placementId!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  heldAt!: Date;

  @Property({ type: 'json' })
  attendees!: MeetingAttendee[];

  @Property({ type: 'string', length: 100 })
  recordedBy!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  recordedAt: Date = new Date();
}
