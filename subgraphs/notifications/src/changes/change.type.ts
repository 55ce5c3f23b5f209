import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Child, childRef } from '../child/child.type';
import { CHANGE_KINDS, ChangeKind } from './change-kinds';
import { ChangeRecord, encodeCursor } from './change-log';

const ChangeKindEnum = Object.fromEntries(CHANGE_KINDS.map((k) => [k, k])) as { [K in ChangeKind]: K };
registerEnumType(ChangeKindEnum, { name: 'ChangeKind', description: 'What changed about a child: one kind per domain event about a child.' });

/** A placement, owned by the children subgraph. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Placement')
export class PlacementRef {
  @Field(() => ID)
  id!: string;
}

/** A plan of any kind, owned by the plans subgraph (which resolves the concrete kind). */
@Directive('@key(fields: "id")')
@Directive('@interfaceObject')
@ObjectType('Plan')
export class PlanRef {
  @Field(() => ID)
  id!: string;
}

/** A Looked After Review, owned by the reviews subgraph. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('LookedAfterReview')
export class ReviewRef {
  @Field(() => ID)
  id!: string;
}

/** The deadline of the ledger that fell due, as it was when it did. */
@ObjectType({ description: 'A deadline that fell due: from its due instant on it reads OVERDUE until met.' })
export class FallenDueDeadline {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'DOMAIN.md rule id.' })
  ruleId!: string;

  @Field()
  title!: string;

  @Field()
  dueAt!: Date;
}

/**
 * One change to a child: its kind, when it happened, its cursor, and references to what changed, so one subscription
 * selects fields from every subgraph (`child { name }`, `plan { status }`, `review { scheduledFor }`).
 */
@ObjectType({ description: 'One change to a child, with references to what changed; select their fields from any subgraph.' })
export class ChildChange {
  @Field({ description: 'Position in the change log: pass the last one received to changesSince after a reconnect.' })
  cursor!: string;

  @Field(() => ChangeKindEnum)
  kind!: ChangeKind;

  @Field({ description: 'When the change happened.' })
  at!: Date;

  @Field(() => Child)
  child!: Child;

  @Field(() => PlacementRef, { nullable: true, description: 'The placement the change concerns, if any.' })
  placement?: PlacementRef | null;

  @Field(() => PlanRef, { nullable: true, description: 'The plan that changed (plan kinds).' })
  plan?: PlanRef | null;

  @Field(() => ReviewRef, { nullable: true, description: 'The review that changed (review kinds).' })
  review?: ReviewRef | null;

  @Field(() => FallenDueDeadline, { nullable: true, description: 'The deadline that fell due (DEADLINE_FELL_DUE).' })
  deadline?: FallenDueDeadline | null;

  /** Resolved by a field resolver (the caller's read mode applies). */
  notificationId?: string | null;
}

/** A page of missed changes. */
@ObjectType({ description: 'Changes after a cursor, oldest first.' })
export class ChangePage {
  @Field(() => [ChildChange])
  changes!: ChildChange[];

  @Field({ description: 'Pass this to the next changesSince call (the same cursor when nothing was found).' })
  endCursor!: string;

  @Field({ description: 'Whether more changes wait after endCursor.' })
  hasMore!: boolean;
}

/**
 * The GraphQL shape of a stored change.
 * @param c - the change
 * @returns the payload
 */
export function toChildChange(c: ChangeRecord): ChildChange {
  const ref = <T extends object>(cls: new () => T, id: string | null) => (id ? Object.assign(new cls(), { id }) : null);
  return Object.assign(new ChildChange(), {
    cursor: encodeCursor(c),
    kind: c.kind,
    at: c.at,
    child: childRef(c.childId),
    placement: ref(PlacementRef, c.placementId),
    plan: ref(PlanRef, c.planId),
    review: ref(ReviewRef, c.reviewId),
    deadline: c.deadline ? Object.assign(new FallenDueDeadline(), { ...c.deadline, dueAt: new Date(c.deadline.dueAt) }) : null,
    notificationId: c.notificationId,
  });
}
