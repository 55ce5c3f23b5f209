import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { TextId } from '@hub/service-kit';
import type { IroAssignmentEntity } from './iro-assignment.entity';

/** An Independent Reviewing Officer assigned to a child (IRO-APPOINT, CP-IRO-DETAILS). */
@ObjectType()
export class Iro {
  @Field(() => ID, { description: "The IRO's token subject." })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String)
  assignedOn!: string;

  @Field(() => String, { nullable: true, description: 'Set when another IRO took over.' })
  endedOn?: string | null;
}

/** The IRO to assign. */
@InputType()
export class IroInput {
  @TextId()
  @MaxLength(64)
  @Field(() => ID, { description: "The IRO's token subject (so the IRO can then see the child)." })
  id!: string;

  @MaxLength(200)
  @Field(() => String)
  name!: string;

  @MaxLength(200)
  @Field(() => String, { nullable: true })
  email?: string | null;

  @MaxLength(40)
  @Field(() => String, { nullable: true })
  phone?: string | null;
}

/**
 * Maps an assignment row.
 * @param e - the row
 * @returns the GraphQL object
 */
export function toIro(e: IroAssignmentEntity): Iro {
  return Object.assign(new Iro(), { id: e.iroId, name: e.name, email: e.email ?? null, phone: e.phone ?? null, assignedOn: e.assignedOn, endedOn: e.endedOn ?? null });
}
