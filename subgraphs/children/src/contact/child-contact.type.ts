import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { IsEmail, IsOptional, MaxLength, MinLength } from 'class-validator';
import type { ChildContactEntity } from './child-contact.entity';

export enum ContactRelationshipEnum {
  CHILD = 'CHILD',
  PARENT = 'PARENT',
  PREVIOUS_CARER_UNDER_ORDER = 'PREVIOUS_CARER_UNDER_ORDER',
  OTHER_RELEVANT = 'OTHER_RELEVANT',
}
registerEnumType(ContactRelationshipEnum, {
  name: 'ContactRelationship',
  description: 'Who a contact is to the child, as CPPCR reg 8(3) lists those told of a refusal of contact.',
  valuesConfig: {
    CHILD: { description: "The child's own address: record it when the child is of sufficient age and understanding to be told." },
    PARENT: { description: 'A parent or guardian.' },
    PREVIOUS_CARER_UNDER_ORDER: { description: 'Had care of the child under a court order immediately before the care order.' },
    OTHER_RELEVANT: { description: 'Another person whose wishes and feelings the authority considers relevant.' },
  },
});

export enum ContactChannelEnum {
  EMAIL = 'EMAIL',
  POST = 'POST',
}
registerEnumType(ContactChannelEnum, {
  name: 'ContactChannel',
  description: 'How written notices reach the person: EMAIL (sent by the hub) or POST (the placing authority posts the letter).',
});

/** A person in the child's record who is told of decisions about contact (reg 8). Not shown to providers. */
@ObjectType()
export class ChildContact {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ContactRelationshipEnum)
  relationship!: ContactRelationshipEnum;

  @Field(() => ContactChannelEnum)
  channel!: ContactChannelEnum;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  postalAddress?: string | null;
}

@InputType()
export class RecordChildContactInput {
  @Field(() => ID)
  childId!: string;

  @Field(() => String)
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field(() => ContactRelationshipEnum)
  relationship!: ContactRelationshipEnum;

  @Field(() => ContactChannelEnum, { description: 'The channel the notices use; its address may be left out when unknown (notices then fail, saying so).' })
  channel!: ContactChannelEnum;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(1)
  @MaxLength(500)
  postalAddress?: string | null;
}

/**
 * Maps a contact row to its GraphQL type.
 * @param e - the row
 * @returns the GraphQL object
 */
export function toChildContact(e: ChildContactEntity): ChildContact {
  return Object.assign(new ChildContact(), {
    id: e.id, name: e.name, relationship: e.relationship as ContactRelationshipEnum, channel: e.channel as ContactChannelEnum,
    email: e.email ?? null, postalAddress: e.postalAddress ?? null,
  });
}
