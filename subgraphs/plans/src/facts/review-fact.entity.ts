import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A looked-after review held (ReviewHeld): the held dates anchor the next review (TIME-ANCHOR). */
@Entity({ tableName: 'review_fact' })
@Index({ properties: ['periodId', 'heldOn'] })
export class ReviewFactEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  childId!: string;

  @Property({ type: 'uuid' })
  periodId!: string;

  @Property({ type: 'integer' })
  sequence!: number;

  @Property({ type: 'string', columnType: 'date' })
  heldOn!: string;
}
