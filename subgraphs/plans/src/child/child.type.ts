import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The child, owned by the children subgraph; plans contributes `plans`, `deadlines` and `placementReadiness`. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Child {
  @Field(() => ID)
  id!: string;
}

/**
 * A reference to a child for the gateway to resolve.
 * @param id - child id
 * @returns the stub
 */
export function childRef(id: string): Child {
  return Object.assign(new Child(), { id });
}
