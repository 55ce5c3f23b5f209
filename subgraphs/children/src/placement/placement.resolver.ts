import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ChildrenContext } from '../context';
import { Placement } from './placement.type';
import { Provider, toProvider } from '../reference-data/reference.types';
import { SignificantEvent } from '../significant-event/significant-event.type';
import { assertSensitive } from '../child/child.policy';
import { Child } from '../child/child.type';
import { readChildForField } from './read-child-for-field';

@Resolver(() => Placement)
export class PlacementResolver {
  @FieldResolver(() => Provider, { nullable: true })
  async provider(@Root() p: Placement, @Ctx() ctx: ChildrenContext): Promise<Provider | null> {
    const row = await ctx.loaders.providerById.load(p.providerId);
    return row ? toProvider(row) : null;
  }

  @FieldResolver(() => Child, { nullable: true })
  async child(@Root() p: Placement, @Ctx() ctx: ChildrenContext): Promise<Child | null> {
    return readChildForField(ctx, p.childId);
  }
}

@Resolver(() => SignificantEvent)
export class SignificantEventResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Sensitive detail: only roles with a need see it.' })
  async details(@Root() e: SignificantEvent, @Ctx() ctx: ChildrenContext): Promise<string | null> {
    assertSensitive(ctx.principal, await ctx.relationTo(e.childId), 'details');
    return e.entity.details ?? null;
  }
}
